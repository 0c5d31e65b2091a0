#!/usr/bin/env bash
# Where the search time goes, on a data folder left by run.sh (default BENCH_WORK=/tmp/fabriques-bench):
#   bench/directory/diagnose.sh SIZE
# 1. one connection (wrk -c1): the cost of one search with no contention;
# 2. 1, 8 and 32 connections while counting the server's pread64 calls (perf stat): how many times
#    per second the index-freshness query (COUNT(*), MAX(updated_at) over `places`, a full scan) runs;
# 3. that query's own duration, measured with Python's sqlite3 on the same file.
# Needs perf (linux-perf) for step 2, which is skipped without it. Loopback only; stops its server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/on-data.sh"
URL="http://127.0.0.1:$PORT/api/v1/places?$QUERY"

LOG_LEVEL=warning "$BIN" serve --data-dir "$DATA" --host 127.0.0.1 --port "$PORT" > "$WORK/diagnose-$SIZE-server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
echo "first search (builds the index): $(curl -s -o /dev/null -w '%{time_total}' --max-time 180 "$URL") s"

pages=$(python3 -c "
import sqlite3, time
db = sqlite3.connect('file:$DATA/fabriques.sqlite?mode=ro', uri=True)
try:
    print(db.execute(\"select count(*) from dbstat where name = 'places'\").fetchone()[0])
except sqlite3.Error:
    print(db.execute('pragma page_count').fetchone()[0])
")
python3 -c "
import sqlite3, time
db = sqlite3.connect('file:$DATA/fabriques.sqlite?mode=ro', uri=True)
db.execute('select count(*), max(updated_at) from places').fetchone()
t = time.perf_counter()
for _ in range(5): db.execute('select count(*), max(updated_at) from places').fetchone()
print(f'freshness query (select count(*), max(updated_at) from places): {(time.perf_counter() - t) / 5 * 1000:.1f} ms; places table: $pages pages')
"

for connections in 1 8 32; do
    threads=$(( connections < 2 ? 1 : 2 ))
    wrk -t$threads -c$connections -d3s "$URL" > /dev/null
    wrk -t$threads -c$connections -d12s --latency --timeout 20s "$URL" > "$WORK/diagnose-$SIZE-c$connections.txt" &
    wrk_pid=$!
    sleep 3
    if command -v perf >/dev/null; then
        reads=$(perf stat -x, -e syscalls:sys_enter_pread64 -p $pid -- sleep 6 2>&1 | awk -F, '/pread64/ {print $1}')
        scans=$(awk -v r="$reads" -v p="$pages" 'BEGIN { printf "%.1f", r / 6 / p }')
        reads_note="pread64/s $(( reads / 6 )) ≈ $scans full scans of places per second"
    else
        reads_note="perf absent: pread64 not counted"
    fi
    wait $wrk_pid
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/diagnose-$SIZE-c$connections.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/diagnose-$SIZE-c$connections.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/diagnose-$SIZE-c$connections.txt")
    echo "c=$connections: $rps req/s, p50 $p50, p99 $p99; $reads_note"
done
