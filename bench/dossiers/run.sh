#!/usr/bin/env bash
# Dossiers benchmark, end to end, on SQLite and on PostgreSQL: a deadline rush (300 applicants submit a
# complete dossier with a 1 MB PDF in the last minute of a wave, plus 20 attempts 1-5 s after closing),
# then the comité's review list (wrk) and full CSV export (with the server's RSS) with 1,000 and 10,000
# dossiers, the extra dossiers cloned in SQL from one dossier of the rush.
#
#   bench/dossiers/run.sh [sqlite] [postgres]          default: both
#
# Environment (all optional): FABRIQUES_BIN (release binary; built into .build-release when absent),
# BENCH_WORK (default /tmp/fabriques-bench-dossiers), BENCH_PORT (18191), BENCH_APPLICANTS (300),
# BENCH_LATE (20), BENCH_SIZES ("1000 10000"), BENCH_DURATION (s per wrk measure, 20), BENCH_WARMUP (5).
# PostgreSQL: the throw-away server of .ci/start-postgres.sh (127.0.0.1:55432); the database
# bench_dossiers is dropped and recreated at each run. The server listens on 127.0.0.1 only.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${FABRIQUES_BIN:-$ROOT/.build-release/release/fabriques}"
WORK="${BENCH_WORK:-/tmp/fabriques-bench-dossiers}"
PORT="${BENCH_PORT:-18191}"
APPLICANTS="${BENCH_APPLICANTS:-300}"
LATE="${BENCH_LATE:-20}"
read -r -a SIZES <<< "${BENCH_SIZES:-1000 10000}"
DURATION="${BENCH_DURATION:-20}"
WARMUP="${BENCH_WARMUP:-5}"
PG_PORT=55432
PG_DB=bench_dossiers
PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB?sslmode=disable"
DATABASES=("$@")
[ ${#DATABASES[@]} -gt 0 ] || DATABASES=(sqlite postgres)
PY="${PYTHON:-python3}"
RESULTS="$WORK/results"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERREUR : $*"; exit 1; }

command -v wrk >/dev/null || die "wrk absent (apt-get install wrk)"
command -v psql >/dev/null || die "psql absent (apt-get install postgresql-client)"
if ss -ltn "sport = :$PORT" | grep -q LISTEN; then die "port $PORT déjà pris"; fi

if [ ! -x "$BIN" ]; then
    # The sources may be mid-edit by someone else: retry a failed build a few times, a minute apart.
    for attempt in 1 2 3 4 5; do
        log "compilation release (essai $attempt), 15-25 min depuis zéro sur 2 cœurs"
        # What the binary is built from, kept next to it: the commit, and any uncommitted source file.
        { echo "$(git -C "$ROOT" rev-parse --short HEAD) at $(date -u +%Y-%m-%dT%H:%M:%SZ)";
          git -C "$ROOT" status --porcelain -- Sources Package.swift | tr '\n' ' '; } > "$WORK-build.source"
        if (cd "$ROOT" && swift build -c release --product fabriques --scratch-path "$ROOT/.build-release") > "$WORK-build.log" 2>&1; then
            mv "$WORK-build.source" "$BIN.source"; break
        fi
        tail -5 "$WORK-build.log" >&2
        [ "$attempt" -lt 5 ] || die "la compilation échoue (voir $WORK-build.log)"
        sleep 60
    done
fi

mkdir -p "$RESULTS"
{
    echo "date=$(date -Iseconds)"
    echo "nproc=$(nproc)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory=$(grep MemTotal /proc/meminfo | awk '{print $2 " kB"}')"
    echo "kernel=$(uname -r)"
    echo "wrk=$(wrk -v 2>&1 | head -1)"
    echo "python=$("$PY" --version 2>&1)"
    echo "sqlite=$(grep -hm1 '#define SQLITE_VERSION ' "$ROOT"/.build-release/checkouts/sqlite-nio/Sources/*/include/*.h 2>/dev/null | awk '{print $3}' | tr -d '"') (bundled by SQLiteNIO)"
    echo "postgres=$("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/postgres" --version)"
    echo "swift=$(swift --version 2>/dev/null | head -1 || true)"
    echo "commit=$(git -C "$ROOT" rev-parse --short HEAD)"
    echo "uncommitted_in_sources=$(git -C "$ROOT" status --porcelain -- Sources Package.swift | wc -l)"
    echo "binary=$BIN, modified $(date -u -r "$BIN" +%Y-%m-%dT%H:%M:%SZ)"
    echo "binary_built_from=$(cat "$BIN.source" 2>/dev/null || echo unknown)"
    echo "applicants=$APPLICANTS late=$LATE sizes=${SIZES[*]} wrk_duration=${DURATION}s warmup=${WARMUP}s"
} > "$RESULTS/machine.txt"
cat "$RESULTS/machine.txt" >&2

SERVER_PID=""
stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

busy() {  # what else loads the machine: the 1-min load average and the compilers running (someone else's builds)
    echo "load $(cut -d' ' -f1 /proc/loadavg), swift compilers $(pgrep -c -f 'swift-frontend|swift-build' || true)"
}

start_server() {  # database, log name, extra arguments
    local db="$1" name="$2"; shift 2
    if [ "$db" = postgres ]; then
        DATABASE_URL="$PG_URL" LOG_LEVEL=warning "$BIN" serve --data-dir "$WORK/data-$db" --host 127.0.0.1 --port "$PORT" "$@" > "$RESULTS/$db-server-$name.log" 2>&1 &
    else
        LOG_LEVEL=warning "$BIN" serve --data-dir "$WORK/data-$db" --host 127.0.0.1 --port "$PORT" "$@" > "$RESULTS/$db-server-$name.log" 2>&1 &
    fi
    SERVER_PID=$!
    for _ in $(seq 600); do
        if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/healthz"; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -5 "$RESULTS/$db-server-$name.log" >&2; die "le serveur s'est arrêté"; }
        sleep 0.1
    done
    die "le serveur ne répond pas"
}

for db in "${DATABASES[@]}"; do
    log "=== $db ==="
    rm -rf "$WORK/data-$db"; mkdir -p "$WORK/data-$db"
    if [ "$db" = postgres ]; then
        bash "$ROOT/.ci/start-postgres.sh" > /dev/null
        runuser -u postgres -- dropdb -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists "$PG_DB"
        runuser -u postgres -- createdb -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB"
        target="$PG_URL"
    else
        target="$WORK/data-$db"
    fi

    start_server "$db" rush --demo
    echo "before_rush=$(busy)" > "$RESULTS/$db-facts.txt"
    log "ruée : $APPLICANTS porteurs + $LATE tentatives tardives"
    (cd "$HERE" && "$PY" rush.py --port "$PORT" --server-pid "$SERVER_PID" --applicants "$APPLICANTS" --late "$LATE" --out "$RESULTS/$db-rush.json")
    echo "after_rush=$(busy)" >> "$RESULTS/$db-facts.txt"
    echo "server_alive_after_rush=$(kill -0 "$SERVER_PID" 2>/dev/null && echo yes || echo NO)" >> "$RESULTS/$db-facts.txt"
    stop_server
    (cd "$HERE" && "$PY" verify_db.py "$target" "$RESULTS/$db-rush.json") >&2
    template=$("$PY" -c 'import json, sys; r = json.load(open(sys.argv[1])); print(next(p["dossier"] for p in r["per_request"] if p["outcome"] == "accepted"))' "$RESULTS/$db-rush.json")

    for size in "${SIZES[@]}"; do
        log "liste et export : $size dossiers"
        (cd "$HERE" && "$PY" fill.py "$target" "$size" "$template") >&2
        start_server "$db" "list-$size"
        echo "before_list_$size=$(busy)" >> "$RESULTS/$db-facts.txt"
        (cd "$HERE" && "$PY" listing.py --port "$PORT" --server-pid "$SERVER_PID" --expected "$size" --duration "$DURATION" --warmup "$WARMUP" \
            --out "$RESULTS/$db-list-$size.json") >&2
        echo "after_list_$size=$(busy)" >> "$RESULTS/$db-facts.txt"
        echo "server_alive_after_list_$size=$(kill -0 "$SERVER_PID" 2>/dev/null && echo yes || echo NO)" >> "$RESULTS/$db-facts.txt"
        stop_server
    done
    echo "server_log_warnings_or_errors=$(cat "$RESULTS/$db"-server-*.log | grep -ciE 'warning|error|critical' || true)" >> "$RESULTS/$db-facts.txt"
    if [ "$db" = postgres ]; then
        echo "database_size=$(psql "$PG_URL" -XAtc "SELECT pg_size_pretty(pg_database_size('$PG_DB'))")" >> "$RESULTS/$db-facts.txt"
    else
        echo "database_size=$(du -sh "$WORK/data-$db" | cut -f1)" >> "$RESULTS/$db-facts.txt"
    fi
done

"$PY" "$HERE/report.py" "$RESULTS" "${DATABASES[@]}" | tee "$RESULTS/summary.md"
