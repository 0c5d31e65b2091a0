#!/usr/bin/env python3
"""Independent check of "population within R": brute-force haversine over every (commune, commune) and
(place, commune) pair with numpy, same formula and Earth radius as GeoPoint.distanceKilometres, closed
disc (≤ R). Prints the sums to compare with CoverageBench's `commune_sum` / `place_sum`, and the pairs
lying within 1 m of R (where PostGIS, whose sphere radius is 6,371,008.7714 m, may decide otherwise).

Usage: check_within.py PLACES.csv [radius ...]
"""
import csv, json, sys
from pathlib import Path
import numpy as np

R = 6371.0088
COMMUNES = Path(__file__).resolve().parents[2] / "Sources/Territory/Resources/communes.tsv"


def haversine(lat1, lon1, lat2, lon2):
    t = np.pi / 180
    dlat, dlon = (lat2 - lat1) * t, (lon2 - lon1) * t
    a = np.sin(dlat / 2) ** 2 + np.cos(lat1 * t) * np.cos(lat2 * t) * np.sin(dlon / 2) ** 2
    return 2 * R * np.arcsin(np.minimum(1, np.sqrt(a)))


def within_sums(qlat, qlon, clat, clon, pop, radius, chunk=512):
    total, near = 0, 0
    for start in range(0, len(qlat), chunk):
        d = haversine(qlat[start:start + chunk, None], qlon[start:start + chunk, None], clat[None, :], clon[None, :])
        total += int((np.where(d <= radius, pop[None, :], 0)).sum())
        near += int((np.abs(d - radius) < 0.001).sum())
    return total, near


def main():
    with open(COMMUNES, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["kind"] == "COM"]
    clat = np.array([float(r["lat"]) for r in rows]); clon = np.array([float(r["lon"]) for r in rows])
    pop = np.array([int(r["population"]) for r in rows], dtype=np.int64)
    places = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
    out = []
    for radius in [float(x) for x in sys.argv[2:]] or [5, 10, 20, 30]:
        communes, near_c = within_sums(clat, clon, clat, clon, pop, radius)
        placesum, near_p = within_sums(places[:, 0], places[:, 1], clat, clon, pop, radius)
        out.append({"radius_km": radius, "commune_sum": communes, "place_sum": placesum,
                    "commune_pairs_within_1m_of_R": near_c, "place_pairs_within_1m_of_R": near_p})
        print(json.dumps(out[-1]), file=sys.stderr)
    print(json.dumps({"places_file": sys.argv[1], "brute_force": out}))


if __name__ == "__main__":
    main()
