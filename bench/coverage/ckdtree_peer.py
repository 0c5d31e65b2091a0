#!/usr/bin/env python3
"""cKDTree peer for "nearest place of every commune": same points (communes of kind COM in code order,
places from the CSV), same 3-D unit vectors, in-process timing (median of repeats, loading excluded).

Usage: ckdtree_peer.py PLACES.csv SWIFT_NEAREST.csv [repeats]
Prints JSON: build/query times and the comparison with the Swift results (same index, or an exact
distance tie within 1e-9 km)."""
import csv, json, math, sys, time
from pathlib import Path
import numpy as np
from scipy.spatial import cKDTree

R = 6371.0088
COMMUNES = Path(__file__).resolve().parents[2] / "Sources/Territory/Resources/communes.tsv"


def unit(lat, lon):
    lat, lon = np.radians(lat), np.radians(lon)
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def median_ms(fn, repeats):
    """Median wall and thread-CPU ms (cKDTree with workers=1 runs in the calling thread)."""
    wall, cpu, result = [], [], None
    for _ in range(repeats):
        t, c = time.perf_counter(), time.thread_time()
        result = fn()
        cpu.append((time.thread_time() - c) * 1000); wall.append((time.perf_counter() - t) * 1000)
    return sorted(wall)[len(wall) // 2], sorted(cpu)[len(cpu) // 2], result


def main():
    places_path, swift_path = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with open(COMMUNES, encoding="utf-8") as f:
        rows = sorted((r for r in csv.DictReader(f, delimiter="\t") if r["kind"] == "COM"), key=lambda r: r["code"])
    clat = np.array([float(r["lat"]) for r in rows]); clon = np.array([float(r["lon"]) for r in rows])
    places = np.loadtxt(places_path, delimiter=",", ndmin=2)
    plat, plon = places[:, 0], places[:, 1]
    cxyz, pxyz = unit(clat, clon), unit(plat, plon)
    build_ms, build_cpu_ms, tree = median_ms(lambda: cKDTree(pxyz), repeats)
    query_ms, query_cpu_ms, (chord, index) = median_ms(lambda: tree.query(cxyz, k=1, workers=1), repeats)
    km = 2 * R * np.arcsin(np.minimum(1.0, chord / 2))
    # Independent check of the distance itself: haversine of the pair found by cKDTree.
    dlat = np.radians(plat[index] - clat); dlon = np.radians(plon[index] - clon)
    a = np.sin(dlat / 2) ** 2 + np.cos(np.radians(clat)) * np.cos(np.radians(plat[index])) * np.sin(dlon / 2) ** 2
    haversine = 2 * R * np.arcsin(np.minimum(1, np.sqrt(a)))
    with open(swift_path) as f:
        swift = list(csv.DictReader(f))
    same_index = ties = mismatches = 0
    max_diff = 0.0
    for i, s in enumerate(swift):
        assert s["code"] == rows[i]["code"]
        diff = abs(float(s["km"]) - haversine[i]); max_diff = max(max_diff, diff)
        if int(s["index"]) == index[i]: same_index += 1
        elif diff <= 1e-9: ties += 1
        else: mismatches += 1
    print(json.dumps({"places": len(plat), "communes": len(rows), "ckdtree_build_ms": build_ms,
                      "ckdtree_build_cpu_ms": build_cpu_ms, "ckdtree_query_ms": query_ms, "ckdtree_query_cpu_ms": query_cpu_ms,
                      "same_index": same_index, "ties": ties, "mismatches": mismatches,
                      "max_km_difference": max_diff, "chord_vs_haversine_max_km": float(np.max(np.abs(km - haversine)))}))


if __name__ == "__main__":
    main()
