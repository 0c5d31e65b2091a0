#!/usr/bin/env bash
# The search with its cache off against the ceiling route, alternated, on a data folder left by run.sh:
#   bench/directory/alternate.sh SIZE [ROUNDS] [SECONDS]          default: 6 rounds of 5 s each
# This machine's throughput drifts by ±10 % from one minute to the next (a shared VM); one 20 s measure
# of each, one after the other, can land on either side of a threshold. Alternating short measures on one
# server and taking the median ratio compares them under the same conditions. Loopback only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/on-data.sh"
ROUNDS="${2:-6}"; SECONDS_EACH="${3:-5}"
SEARCH="http://127.0.0.1:$PORT/api/v1/places?$QUERY"
CEILING="http://127.0.0.1:$PORT/bench/ceiling?$QUERY"

# BENCH_SEARCH_CACHE=2048 alternates the server as deployed (its cache of encoded searches on) instead.
LOG_LEVEL=warning FABRIQUES_SEARCH_CACHE="${BENCH_SEARCH_CACHE:-0}" FABRIQUES_BENCH_CEILING_QUERY="$QUERY" \
    "$BIN" serve --data-dir "$DATA" --host 127.0.0.1 --port "$PORT" > "$WORK/alternate-$SIZE-server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
curl -s -o "$WORK/alternate-$SIZE-search.json" --max-time 180 "$SEARCH"
curl -s -o "$WORK/alternate-$SIZE-ceiling.json" --max-time 30 "$CEILING"
cmp -s "$WORK/alternate-$SIZE-search.json" "$WORK/alternate-$SIZE-ceiling.json" || { echo "the ceiling route does not serve the search's bytes" >&2; exit 1; }
wrk -t2 -c32 -d5s "$SEARCH" > /dev/null

rate() { wrk -t2 -c32 -d"${SECONDS_EACH}s" --latency "$1" | awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {print r, p}'; }
ratios=()
echo "round  search req/s (p99)  ceiling req/s (p99)  ratio"
for round in $(seq "$ROUNDS"); do
    read -r search search_p99 < <(rate "$SEARCH")
    read -r ceiling ceiling_p99 < <(rate "$CEILING")
    ratio=$(awk -v a="$search" -v b="$ceiling" 'BEGIN { printf "%.3f", a / b }')
    ratios+=("$ratio")
    printf '%5d  %12s (%s)  %12s (%s)  %s\n' "$round" "$search" "$search_p99" "$ceiling" "$ceiling_p99" "$ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "median ratio %.3f (min %.3f, max %.3f)\n", m, r[1], r[NR] }'
