#!/usr/bin/env python3
"""Writes the place sets of the coverage benchmark as CSV (lat,lon,is_fabrique), no header.

- fabriques.csv: the 382 real Fabriques de territoire (commune centroids, from /work/shared/data).
- synthetic-N.csv: N places spread like the population: each place picks a commune with probability
  proportional to its population, then moves by a Gaussian of 2 km per axis around its centroid.
  Seeded, so every run benchmarks the same points.
"""
import csv, math, random, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMUNES = ROOT / "Sources/Territory/Resources/communes.tsv"
FABRIQUES = Path("/work/shared/data/fabriques-de-territoire/fabriques_de_territoire.csv")


def communes():
    with open(COMMUNES, encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return [(float(r["lat"]), float(r["lon"]), int(r["population"])) for r in rows if r["kind"] == "COM"]


def main(out: Path):
    out.mkdir(parents=True, exist_ok=True)
    with open(FABRIQUES, encoding="utf-8") as f, open(out / "fabriques.csv", "w") as o:
        for r in csv.DictReader(f):
            o.write(f"{r['latitude_commune']},{r['longitude_commune']},1\n")
    rows = communes()
    weights = [p for _, _, p in rows]
    for n in (3_500, 50_000, 500_000):
        rng = random.Random(20240 + n)
        picks = rng.choices(rows, weights=weights, k=n)
        with open(out / f"synthetic-{n}.csv", "w") as o:
            for lat, lon, _ in picks:
                dlat = rng.gauss(0, 2.0) / 111.19
                dlon = rng.gauss(0, 2.0) / (111.19 * math.cos(math.radians(lat)))
                o.write(f"{lat + dlat:.6f},{lon + dlon:.6f},0\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/coverage-bench"))
