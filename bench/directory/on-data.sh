# Sourced by the scripts that reuse a data folder left by run.sh (diagnose.sh, alternate.sh): paths,
# port, the size given as first argument, and the benchmark's query.
HERE="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${FABRIQUES_BIN:-$ROOT/.build-release/release/fabriques}"
WORK="${BENCH_WORK:-/tmp/fabriques-bench}"
PORT="${BENCH_PORT_OURS:-18181}"
SIZE="${1:?size}"
DATA="$WORK/data-$SIZE"
[ -f "$DATA/fabriques.sqlite" ] || { echo "no $DATA/fabriques.sqlite: run run.sh $SIZE first (it keeps the data folders)" >&2; exit 1; }
QUERY='commune=42218&rayon=20&service=Aide%20aux%20d%C3%A9marches%20administratives&q=ruche'
