#!/usr/bin/env python3
"""Seeded generator of selection scenarios shaped like the programme.

101 départements in 18 régions, communes with Zipf-like sizes, QPV / rural /
Fabrique numérique categories, place types, waves of at most 30 laureates,
a budget envelope and at most 2 Fabriques per commune (labelled ones count).

    generate.py N VARIANT SEED > scenario.json     VARIANT: base | tight | infeasible
"""
import json
import math
import random
import sys

REGIONS = {
    "84": "01 03 07 15 26 38 42 43 63 69 73 74", "27": "21 25 39 58 70 71 89 90",
    "53": "22 29 35 56", "24": "18 28 36 37 41 45", "94": "2A 2B",
    "44": "08 10 51 52 54 55 57 67 68 88", "32": "02 59 60 62 80",
    "11": "75 77 78 91 92 93 94 95", "28": "14 27 50 61 76",
    "75": "16 17 19 23 24 33 40 47 64 79 86 87", "76": "09 11 12 30 31 32 34 46 48 65 66 81 82",
    "52": "44 49 53 72 85", "93": "04 05 06 13 83 84",
    "01": "971", "02": "972", "03": "973", "04": "974", "06": "976",
}
DEPARTMENT_REGION = {d: r for r, ds in REGIONS.items() for d in ds.split()}
assert len(DEPARTMENT_REGION) == 101
PLACE_TYPES = ["coworking", "fablab", "friche", "atelier partagé", "tiers-lieu nourricier", "living lab"]


def generate(n, variant, seed):
    rng = random.Random(seed)
    departments = sorted(DEPARTMENT_REGION)
    dept_weight = {d: rng.uniform(0.3, 2.0) * (0.3 if len(d) == 3 else 1) for d in departments}
    communes = {d: [f"{d}{i:03d}"[:5] for i in range(1, 301)] for d in departments}
    zipf = [1 / (i + 1) for i in range(300)]
    k = max(10, round(0.1 * n))
    waves = math.ceil(k / 25)

    def place():
        d = rng.choices(departments, weights=[dept_weight[x] for x in departments])[0]
        return d, rng.choices(communes[d], weights=zipf)[0]

    def categories():
        cats = []
        if rng.random() < 0.35:
            cats.append("qpv")
            if rng.random() < 0.3:
                cats.append("numerique")
        else:
            if rng.random() < 0.55:
                cats.append("rural")
            if rng.random() < 0.1:
                cats.append("numerique")
        return cats

    pool = []
    for i in range(n):
        d, c = place()
        pool.append({
            "id": f"D{i:06d}", "score": round(min(20, max(4, rng.gauss(13, 3))), 2),
            "bonus": round(rng.uniform(0.5, 2.0), 1) if rng.random() < 0.2 else 0,
            "amount": 5000 * rng.randint(15, 30), "commune": c, "department": d,
            "region": DEPARTMENT_REGION[d], "categories": categories(),
            "place_type": rng.choice(PLACE_TYPES), "wave": str(1 + i % waves),
            "unfavourable_opinion": rng.random() < 0.05,
        })
    labelled = []
    per_commune = {}
    for i in range(max(3, n // 40)):
        d, c = place()
        while per_commune.get(c, 0) >= 2:  # the cap held when they were labelled
            d, c = place()
        per_commune[c] = per_commune.get(c, 0) + 1
        labelled.append({"id": f"L{i:05d}", "commune": c, "department": d, "region": DEPARTMENT_REGION[d],
                         "categories": categories(), "wave": f"P{i // 25 + 1}"})  # past waves

    def count(cat):
        return sum(cat in f["categories"] for f in labelled)

    tight = variant == "tight"
    share = {"qpv": 0.5 if tight else 0.45, "rural": 0.45 if tight else 0.4, "numerique": 0.12 if tight else 0.1}
    if variant == "infeasible":
        share = {"qpv": 0.55, "rural": 0.5, "numerique": 0.1}
    eligible = [p for p in pool if p["score"] >= 10 and not p["unfavourable_opinion"]]
    forced = rng.sample(eligible, 4)
    targets = {
        "select": {"exactly": k},
        "budget": k * (100_000 if tight else 108_000),
        "categories": {c: {"min": round(s * k) + count(c)} for c, s in share.items()},
        "place_types": {"friche": {"max": math.ceil(0.2 * k)}},
        # Overseas régions and Corse have too few dossiers for a floor.
        "regions": {r: {"min": max(1, round(0.03 * k))} for r in sorted(REGIONS) if len(REGIONS[r].split()) >= 4},
        "per_department": {"max": math.ceil((1.4 if tight else 2.0) * k / 101) + 1},
        "per_wave": {"max": 27 if tight else 30},
        "per_commune": {"max": 2},
        "forced_in": [forced[0]["id"], forced[1]["id"]],
        "forced_out": [forced[2]["id"], forced[3]["id"]],
        "eligibility": {"min_score": 10, "exclude_unfavourable": True},
    }
    return {"pool": pool, "labelled": labelled, "targets": targets}


if __name__ == "__main__":
    n, variant, seed = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    json.dump(generate(n, variant, seed), sys.stdout, ensure_ascii=False)
