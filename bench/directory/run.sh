#!/usr/bin/env bash
# Directory search benchmark, end to end: for each size, generates the synthetic CSV, imports it,
# checks the search answer, then loads our search route, our /bench/ceiling route, Datasette (canned
# query and table JSON with _where) and nginx (same bytes as a static file) with wrk on loopback.
#
#   bench/directory/run.sh [SIZE ...]          default: 3500 50000 500000
#
# Environment (all optional): FABRIQUES_BIN (release binary), BENCH_WORK (work folder, default
# /tmp/fabriques-bench), BENCH_DURATION (s per measure, 20), BENCH_WARMUP (s, 5), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2), DATASETTE (datasette executable), BENCH_VENV (where datasette is installed if absent).
# Every server it starts listens on 127.0.0.1 only and is stopped on exit.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${FABRIQUES_BIN:-$ROOT/.build-release/release/fabriques}"
WORK="${BENCH_WORK:-/tmp/fabriques-bench}"
DURATION="${BENCH_DURATION:-20}"
WARMUP="${BENCH_WARMUP:-5}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
PORT_OURS="${BENCH_PORT_OURS:-18181}"
PORT_DATASETTE="${BENCH_PORT_DATASETTE:-18182}"
PORT_NGINX="${BENCH_PORT_NGINX:-18183}"
VARIED_COUNT="${BENCH_VARIED_COUNT:-500}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(3500 50000 500000)

# The query: within 20 km of Saint-Étienne (a mid-size city), one service, one word (~3.7 % of names).
COMMUNE=42218
RAYON=20
SERVICE="Aide aux démarches administratives"
WORD=ruche
PY="${PYTHON:-python3}"
urlencode() { "$PY" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
SERVICE_ENC="$(urlencode "$SERVICE")"
QUERY="commune=$COMMUNE&rayon=$RAYON&service=$SERVICE_ENC&q=$WORD"
QUERY_NO_WORD="commune=$COMMUNE&rayon=$RAYON&service=$SERVICE_ENC"
read -r CENTRE_LAT CENTRE_LON < <(awk -F'\t' -v c="$COMMUNE" '$1==c && $3=="COM" {print $8, $9}' "$ROOT/Sources/Territory/Resources/communes.tsv")
read -r LAT_MIN LAT_MAX LON_MIN LON_MAX < <("$PY" "$HERE/peers.py" box "$CENTRE_LAT" "$CENTRE_LON" "$RAYON")
COSLAT2="$("$PY" -c "import math; print(math.cos(math.radians($CENTRE_LAT)) ** 2)")"
CANNED_QUERY="_shape=objects&lat=$CENTRE_LAT&lon=$CENTRE_LON&lat_min=$LAT_MIN&lat_max=$LAT_MAX&lon_min=$LON_MIN&lon_max=$LON_MAX&coslat2=$COSLAT2&service=$SERVICE_ENC&q=$WORD"
TABLE_QUERY="_shape=objects&_size=20&_where=$(urlencode "latitude between $LAT_MIN and $LAT_MAX")&_where=$(urlencode "longitude between $LON_MIN and $LON_MAX")&_where=$(urlencode "name like '%$WORD%'")&_where=$(urlencode "services like '%$SERVICE%'")"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERREUR : $*"; exit 1; }

[ -x "$BIN" ] || die "binaire absent : $BIN (swift build -c release --product fabriques --scratch-path $ROOT/.build-release)"
command -v wrk >/dev/null || die "wrk absent (apt-get install wrk)"
command -v nginx >/dev/null || die "nginx absent (apt-get install nginx)"
if [ -z "${DATASETTE:-}" ]; then
    if command -v datasette >/dev/null; then DATASETTE="$(command -v datasette)"; else
        VENV="${BENCH_VENV:-$HOME/.cache/fabriques-bench-venv}"
        if [ ! -x "$VENV/bin/datasette" ]; then
            log "installation de datasette dans $VENV"
            "$PY" -m venv "$VENV" && "$VENV/bin/pip" install -q datasette
        fi
        DATASETTE="$VENV/bin/datasette"
    fi
fi
for port in "$PORT_OURS" "$PORT_DATASETTE" "$PORT_NGINX"; do
    if ss -ltn "sport = :$port" | grep -q LISTEN; then die "port $port déjà pris"; fi
done

mkdir -p "$WORK/results"
STARTED=()
stop() {  # stops the given pids (ours only), waiting at most 10 s for each
    for pid in "$@"; do
        kill "$pid" 2>/dev/null || continue
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
cleanup() { [ ${#STARTED[@]} -eq 0 ] || stop "${STARTED[@]}"; STARTED=(); }
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_http() {  # url, seconds
    for _ in $(seq $(( $2 * 10 ))); do
        if curl -sf -o /dev/null --max-time 2 "$1"; then return 0; fi
        sleep 0.1
    done
    return 1
}

measure() {  # name, url, size [wrk options...]: warm-up then measure, results in $WORK/results/SIZE-NAME.{txt,json}
    local name="$1" url="$2" size="$3"
    shift 3
    log "  $name : échauffement ${WARMUP}s puis mesure ${DURATION}s"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s "$@" "$url" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$@" "$url" > "$WORK/results/$size-$name.txt"
    "$PY" "$HERE/peers.py" wrk "$WORK/results/$size-$name.txt" > "$WORK/results/$size-$name.json"
    log "    $(cat "$WORK/results/$size-$name.json")"
}

{
    echo "date=$(date -Iseconds)"
    echo "nproc=$(nproc)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory=$(grep MemTotal /proc/meminfo | awk '{print $2 " kB"}')"
    echo "kernel=$(uname -r)"
    echo "wrk=$(wrk -v 2>&1 | head -1)"
    echo "nginx=$(nginx -v 2>&1)"
    echo "datasette=$("$DATASETTE" --version)"
    echo "python=$("$PY" --version 2>&1)"
    echo "swift=$(swift --version 2>/dev/null | head -1 || true)"
    echo "commit=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- Sources || echo ' (+ uncommitted changes in Sources)')"
    echo "query=/api/v1/places?$QUERY"
    echo "canned=/directory/search.json?$CANNED_QUERY"
    echo "table=/directory/places.json?$TABLE_QUERY"
    echo "wrk_settings=-t$THREADS -c$CONNECTIONS -d${DURATION}s --latency (warm-up ${WARMUP}s)"
} > "$WORK/results/machine.txt"

# The varied mix: the same service and word around the VARIED_COUNT most populated communes.
VARIED_PATHS_FILE="$WORK/varied-paths.txt"
awk -F'\t' '$3=="COM" {print $7 "\t" $1}' "$ROOT/Sources/Territory/Resources/communes.tsv" | sort -t$'\t' -k1,1nr | awk -v n="$VARIED_COUNT" 'NR <= n' \
    | awk -F'\t' -v rest="rayon=$RAYON&service=$SERVICE_ENC&q=$WORD" '{print "/api/v1/places?commune=" $2 "&" rest}' > "$VARIED_PATHS_FILE"
export VARIED_PATHS="$VARIED_PATHS_FILE"

for size in "${SIZES[@]}"; do
    log "=== $size lieux ==="
    csv="$WORK/places-$size.csv"
    data="$WORK/data-$size"
    facts="$WORK/results/$size-facts.txt"
    : > "$facts"

    start=$(date +%s.%N)
    "$PY" "$ROOT/bench/directory/generate.py" --count "$size" --out "$csv" 2> "$WORK/results/$size-generate.log"
    echo "generate_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')" >> "$facts"
    log "  $(cat "$WORK/results/$size-generate.log")"

    rm -rf "$data"
    mkdir -p "$data"
    log "  import (fabriques import places)"
    /usr/bin/time -f "%e %M" -o "$WORK/results/$size-import.time" \
        "$BIN" import places "$csv" --data-dir "$data" > "$WORK/results/$size-import.log" 2>&1 \
        || { tail -5 "$WORK/results/$size-import.log" >&2; die "import en échec"; }
    read -r import_s import_kb < "$WORK/results/$size-import.time"
    echo "import_s=$import_s" >> "$facts"
    echo "import_max_rss_kb=$import_kb" >> "$facts"
    echo "import_summary=$(grep -E 'lu\(s\)|Import terminé' "$WORK/results/$size-import.log" | tr '\n' ' ')" >> "$facts"
    log "  import : ${import_s}s, $(grep -E 'Import terminé' "$WORK/results/$size-import.log")"

    dsdb="$WORK/ds-$size/directory.db"
    rm -rf "$WORK/ds-$size"; mkdir -p "$WORK/ds-$size"
    rows=$("$PY" "$HERE/peers.py" make-db "$data/fabriques.sqlite" "$dsdb")
    echo "rows=$rows" >> "$facts"
    [ "$rows" = "$size" ] || log "  ATTENTION : $rows lieux en base pour $size lignes"
    expected=$("$PY" "$HERE/peers.py" expected "$dsdb" "$CENTRE_LAT" "$CENTRE_LON" "$RAYON" "$SERVICE" "$WORD")
    echo "expected=$expected" >> "$facts"

    # Our server, with the ceiling route precomputed for the same query.
    LOG_LEVEL=warning FABRIQUES_BENCH_CEILING_QUERY="$QUERY" \
        "$BIN" serve --data-dir "$data" --host 127.0.0.1 --port "$PORT_OURS" > "$WORK/results/$size-server.log" 2>&1 &
    ours_pid=$!
    STARTED+=("$ours_pid")
    wait_http "http://127.0.0.1:$PORT_OURS/healthz" 60 || die "notre serveur ne répond pas"
    first=$(curl -s -o "$WORK/results/$size-ours.json" -w '%{http_code} %{time_total}' --max-time 120 "http://127.0.0.1:$PORT_OURS/api/v1/places?$QUERY")
    echo "first_request=$first" >> "$facts"
    curl -sf --max-time 30 -o "$WORK/results/$size-ours-noword.json" "http://127.0.0.1:$PORT_OURS/api/v1/places?$QUERY_NO_WORD"
    curl -sf --max-time 30 -o "$WORK/results/$size-ceiling.json" "http://127.0.0.1:$PORT_OURS/bench/ceiling?$QUERY"
    ours_total=$("$PY" "$HERE/peers.py" total-ours "$WORK/results/$size-ours.json")
    noword_total=$("$PY" "$HERE/peers.py" total-ours "$WORK/results/$size-ours-noword.json")
    echo "ours_total=$ours_total" >> "$facts"
    echo "ours_total_without_word=$noword_total" >> "$facts"
    echo "response_bytes=$(stat -c %s "$WORK/results/$size-ours.json")" >> "$facts"
    if cmp -s "$WORK/results/$size-ours.json" "$WORK/results/$size-ceiling.json"; then echo "ceiling_identical=yes" >> "$facts"
    else echo "ceiling_identical=NO" >> "$facts"; log "  ATTENTION : /bench/ceiling diffère de la recherche"; fi

    # Datasette on a flat copy of the same rows, immutable (its fastest mode).
    "$DATASETTE" serve -i "$dsdb" --metadata "$HERE/datasette-metadata.json" --host 127.0.0.1 --port "$PORT_DATASETTE" \
        --setting sql_time_limit_ms 10000 --setting suggest_facets off > "$WORK/results/$size-datasette.log" 2>&1 &
    ds_pid=$!
    STARTED+=("$ds_pid")
    wait_http "http://127.0.0.1:$PORT_DATASETTE/-/versions.json" 60 || die "datasette ne répond pas"
    curl -sf --max-time 30 -o "$WORK/results/$size-canned.json" "http://127.0.0.1:$PORT_DATASETTE/directory/search.json?$CANNED_QUERY"
    curl -sf --max-time 30 -o "$WORK/results/$size-table.json" "http://127.0.0.1:$PORT_DATASETTE/directory/places.json?$TABLE_QUERY"
    echo "canned_total=$("$PY" "$HERE/peers.py" total-canned "$WORK/results/$size-canned.json")" >> "$facts"
    echo "table_total=$("$PY" "$HERE/peers.py" total-table "$WORK/results/$size-table.json")" >> "$facts"

    # nginx serving our response bytes as a static file.
    prefix="$WORK/nginx-$size"
    rm -rf "$prefix"; mkdir -p "$prefix/www"
    cp "$WORK/results/$size-ours.json" "$prefix/www/search.json"
    sed -e "s#@PORT@#$PORT_NGINX#g" -e "s#@ROOT@#$prefix/www#g" -e "s#@PREFIX@#$prefix#g" "$HERE/nginx.conf.template" > "$prefix/nginx.conf"
    nginx -p "$prefix" -c "$prefix/nginx.conf" -e stderr > "$WORK/results/$size-nginx.log" 2>&1 &
    nginx_pid=$!
    STARTED+=("$nginx_pid")
    wait_http "http://127.0.0.1:$PORT_NGINX/search.json" 20 || die "nginx ne répond pas"
    curl -sf --max-time 10 -o "$WORK/results/$size-nginx-body.json" "http://127.0.0.1:$PORT_NGINX/search.json"
    cmp -s "$WORK/results/$size-nginx-body.json" "$WORK/results/$size-ours.json" && echo "nginx_identical=yes" >> "$facts" || echo "nginx_identical=NO" >> "$facts"
    cat "$facts" >&2

    measure ours "http://127.0.0.1:$PORT_OURS/api/v1/places?$QUERY" "$size"
    measure ceiling "http://127.0.0.1:$PORT_OURS/bench/ceiling?$QUERY" "$size"
    grep -E '^(VmRSS|VmHWM)' "/proc/$ours_pid/status" | awk '{print tolower($1) "kb=" $2}' | tr -d ':' >> "$facts"
    kill -0 "$ours_pid" 2>/dev/null && echo "ours_alive_after=yes" >> "$facts" || echo "ours_alive_after=NO" >> "$facts"
    stop "$ours_pid"

    # The same server with its cache of encoded searches off: every request runs the search and writes
    # the JSON. Measured on the same query, then on a mix of centres (the cache could not help it either).
    LOG_LEVEL=warning FABRIQUES_SEARCH_CACHE=0 \
        "$BIN" serve --data-dir "$data" --host 127.0.0.1 --port "$PORT_OURS" > "$WORK/results/$size-server-uncached.log" 2>&1 &
    ours_pid=$!
    STARTED+=("$ours_pid")
    wait_http "http://127.0.0.1:$PORT_OURS/healthz" 60 || die "notre serveur (sans cache) ne répond pas"
    curl -s -o "$WORK/results/$size-uncached-body.json" --max-time 120 "http://127.0.0.1:$PORT_OURS/api/v1/places?$QUERY"
    # (SIZE-ours.json now holds wrk's figures: compare with the copy nginx serves.)
    cmp -s "$WORK/results/$size-uncached-body.json" "$prefix/www/search.json" && echo "uncached_identical=yes" >> "$facts" || echo "uncached_identical=NO" >> "$facts"
    measure uncached "http://127.0.0.1:$PORT_OURS/api/v1/places?$QUERY" "$size"
    measure varied "http://127.0.0.1:$PORT_OURS" "$size" -s "$HERE/varied.lua"
    grep -E '^(VmRSS|VmHWM)' "/proc/$ours_pid/status" | awk '{print "uncached_" tolower($1) "kb=" $2}' | tr -d ':' >> "$facts"
    kill -0 "$ours_pid" 2>/dev/null && echo "uncached_alive_after=yes" >> "$facts" || echo "uncached_alive_after=NO" >> "$facts"
    echo "server_log_lines=$(cat "$WORK/results/$size-server.log" "$WORK/results/$size-server-uncached.log" | wc -l)" >> "$facts"
    stop "$ours_pid"
    measure datasette-canned "http://127.0.0.1:$PORT_DATASETTE/directory/search.json?$CANNED_QUERY" "$size"
    measure datasette-table "http://127.0.0.1:$PORT_DATASETTE/directory/places.json?$TABLE_QUERY" "$size"
    measure nginx "http://127.0.0.1:$PORT_NGINX/search.json" "$size"

    cleanup
    rm -f "$csv"
done

"$PY" "$HERE/report.py" "$WORK/results" "${SIZES[@]}" | tee "$WORK/results/summary.md"
