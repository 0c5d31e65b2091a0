#!/usr/bin/env python3
"""Markdown tables from the JSON files of run.sh: medians over rounds, ratios to the peers."""
import glob, json, statistics, sys
from pathlib import Path

SETS = ["fabriques", "synthetic-3500", "synthetic-50000", "synthetic-500000"]


def load(path):
    """The JSON object of a result file: its last line (highspy prints a banner before it)."""
    try:
        text = Path(path).read_text()
    except FileNotFoundError:
        return None
    for candidate in (text, (text.strip().splitlines() or [""])[-1]):
        try:
            return json.loads(candidate)
        except json.JSONDecodeError:
            pass
    return None


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=1):
    return "—" if value is None else f"{value:,.{digits}f}"


def main(results):
    swift = {s: [load(p) for p in sorted(glob.glob(f"{results}/swift-{s}-*.json"))] for s in SETS}
    ckd = {s: [load(p) for p in sorted(glob.glob(f"{results}/ckdtree-{s}-*.json"))] for s in SETS}
    pg = {s: load(f"{results}/postgis-{s}.json") for s in SETS}
    print("### Nearest place of every commune (34,875 communes), Swift `SphereTree` vs scipy `cKDTree`\n")
    print("| places | build Swift / cKDTree (CPU ms) | query Swift (CPU ms, wall) | query cKDTree (CPU ms, wall) | cKDTree ÷ Swift | same nearest |")
    print("|---|---|---|---|---|---|")
    for s in SETS:
        sw, ck = [x for x in swift[s] if x], [x for x in ckd[s] if x]
        if not sw or not ck:
            continue
        swift_cpu, ckd_cpu = med([x["nearest_cpu_ms"] for x in sw]), med([x["ckdtree_query_cpu_ms"] for x in ck])
        same = ck[-1]
        print(f"| {sw[0]['places']:,} | {fmt(med([x['place_tree_build_cpu_ms'] for x in sw]))} / {fmt(med([x['ckdtree_build_cpu_ms'] for x in ck]))} "
              f"| {fmt(swift_cpu)} ({fmt(med([x['nearest_ms'] for x in sw]))}) | {fmt(ckd_cpu)} ({fmt(med([x['ckdtree_query_ms'] for x in ck]))}) "
              f"| {ckd_cpu / swift_cpu:.2f} | {same['same_index']:,} same index, {same['ties']:,} exact ties, {same['mismatches']} mismatches |")
    print("\n### Population within R of every commune and every place, Swift vs PostGIS `ST_DWithin` (sphere)\n")
    print("| places | R km | Swift communes+places (CPU ms) | PostGIS communes + places (ms) | PostGIS ÷ Swift | sums Swift / PostGIS |")
    print("|---|---|---|---|---|---|")
    communes_pg = {r["radius_km"]: r for r in (pg["fabriques"] or {}).get("population_within", [])}
    for s in SETS:
        sw = [x for x in swift[s] if x]
        if not sw:
            continue
        rows = {r["radius_km"]: r for r in (pg[s] or {}).get("population_within", [])}
        for i, radius in enumerate([5.0, 10.0, 20.0, 30.0]):
            swift_ms = med([x["population_within"][i]["cpu_ms"] for x in sw])
            w = sw[-1]["population_within"][i]
            p, c = rows.get(radius, {}), communes_pg.get(radius, {})
            pg_ms = (c.get("communes_ms") or 0) + (p.get("places_ms") or 0) if p.get("places_ms") and c.get("communes_ms") else None
            sums = f"{w['commune_sum']:,} / {c.get('communes_sum', '—'):,}; {w['place_sum']:,} / {p.get('places_sum', '—'):,}" \
                if p.get("places_sum") is not None and c.get("communes_sum") is not None else "—"
            pg_text = f"{fmt(c.get('communes_ms'), 0)} + {fmt(p.get('places_ms'), 0)}" if p else "not run"
            ratio = f"{pg_ms / swift_ms:.0f}" if pg_ms else "—"
            print(f"| {sw[0]['places']:,} | {radius:g} | {fmt(swift_ms)} | {pg_text} | {ratio} | {sums} |")
    highs = {h["k"]: h for h in (load(f"{results}/highs-fabriques.json") or {}).get("highs", [])}
    print("\n### Suggestions, R = 10 km, beyond the 382 real Fabriques: greedy + swaps with bound vs HiGHS MIP optimum\n")
    print("| k | Swift (CPU ms) | Swift covers | bound | HiGHS optimum | Swift ÷ optimum | HiGHS (ms, 1 thread) | HiGHS ÷ Swift |")
    print("|---|---|---|---|---|---|---|---|")
    sw = [x for x in swift["fabriques"] if x]
    for i, k in enumerate([10, 50, 100]):
        if not sw:
            break
        s = sw[-1]["suggestions"][i]
        ms = med([x["suggestions"][i]["cpu_ms"] for x in sw])
        h = highs.get(k, {})
        opt = h.get("objective")
        print(f"| {k} | {fmt(ms)} | {s['added_population']:,} | {s['upper_bound']:,} | {fmt(opt, 0)} ({h.get('status', '—')}) "
              f"| {s['added_population'] / opt:.4f} | {fmt(h.get('highs_ms'), 0)} | {h['highs_ms'] / ms:.0f} |" if opt else f"| {k} | {fmt(ms)} | {s['added_population']:,} | {s['upper_bound']:,} | — | — | — | — |")
    print("\n### Suggestions on the synthetic sets (R = 10 km; bound only)\n")
    print("| places | uncovered population | k | Swift (CPU ms) | covers | bound | covers ÷ bound |")
    print("|---|---|---|---|---|---|---|")
    for s in SETS[1:]:
        sw = [x for x in swift[s] if x]
        for i, k in enumerate([10, 50, 100]):
            if not sw:
                break
            x = sw[-1]["suggestions"][i]
            print(f"| {sw[0]['places']:,} | {sw[0]['uncovered_population']:,} | {k} | {fmt(med([y['suggestions'][i]['cpu_ms'] for y in sw]))} "
                  f"| {x['added_population']:,} | {x['upper_bound']:,} | {x['guaranteed_ratio']:.4f} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/coverage-bench/results")
