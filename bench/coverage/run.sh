#!/usr/bin/env bash
# Coverage benchmark: nearest place, population within R, suggestions, against cKDTree, PostGIS and
# HiGHS on the same points. Writes JSON to $OUT/results and a markdown table to $OUT/results/table.md.
#
# The main Package.swift has no target for CoverageBench (another engineer owns it), so the bench
# builds it in an isolated package made of symlinks to the real sources.
# Needs: python3 with numpy, scipy, highspy; PostgreSQL 15 + PostGIS 3 (apt-get install
# postgresql-15-postgis-3; .ci/start-postgres.sh starts a server).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${OUT:-/tmp/coverage-bench}
PKG=${PKG:-/tmp/coverage-pkg}
ROUNDS=${ROUNDS:-3}
SETS=${SETS:-"fabriques synthetic-3500 synthetic-50000 synthetic-500000"}
HIGHS_LIMIT=${HIGHS_LIMIT:-400}
PG_TIMEOUT=${PG_TIMEOUT:-300}

mkdir -p "$PKG/Sources" "$PKG/Tests" "$OUT/results"
for target in Territory Coverage CoverageBench; do ln -sfn "$REPO/Sources/$target" "$PKG/Sources/$target"; done
ln -sfn "$REPO/Tests/CoverageTests" "$PKG/Tests/CoverageTests"
cat > "$PKG/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "coverage-pkg",
    platforms: [.macOS(.v14)],
    targets: [
        .target(name: "Territory", resources: [.copy("Resources")]),
        .target(name: "Coverage", dependencies: ["Territory"]),
        .executableTarget(name: "CoverageBench", dependencies: ["Coverage", "Territory"]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "Territory"]),
    ],
    swiftLanguageModes: [.v6]
)
SWIFT
(cd "$PKG" && swift build -c release --product CoverageBench)
BENCH="$PKG/.build/release/CoverageBench"
python3 "$HERE/make_points.py" "$OUT"

PG_URL=${PG_URL:-$(bash "$REPO/.ci/start-postgres.sh" | sed 's/fabriques_test/coverage_bench/; s/?.*//')}
runuser -u postgres -- createdb -h 127.0.0.1 -p 55432 -U postgres coverage_bench 2>/dev/null || true

for set in $SETS; do
  model=()
  [ "$set" = fabriques ] && model=(--model-out "$OUT/model-$set")
  # Rounds alternate Swift and cKDTree so that both see the same machine load.
  for round in $(seq "$ROUNDS"); do
    "$BENCH" "$OUT/$set.csv" --nearest-out "$OUT/nearest-$set.csv" --repeat 5 "${model[@]}" > "$OUT/results/swift-$set-$round.json"
    python3 "$HERE/ckdtree_peer.py" "$OUT/$set.csv" "$OUT/nearest-$set.csv" 5 > "$OUT/results/ckdtree-$set-$round.json"
  done
  communes=()
  [ "$set" != fabriques ] && communes=(--skip-communes)
  [ -n "${SKIP_POSTGIS:-}" ] || python3 "$HERE/postgis_peer.py" "$PG_URL" "$OUT/$set.csv" 5 10 20 30 --timeout-s "$PG_TIMEOUT" "${communes[@]}" \
    > "$OUT/results/postgis-$set.json"
done
[ -n "${SKIP_HIGHS:-}" ] || python3 "$HERE/highs_peer.py" "$OUT/model-fabriques.txt" 10 50 100 --time-limit "$HIGHS_LIMIT" > "$OUT/results/highs-fabriques.json"
python3 "$HERE/summarize.py" "$OUT/results" | tee "$OUT/results/table.md"
