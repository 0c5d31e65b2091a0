#!/usr/bin/env python3
"""HiGHS peer: the same 0-1 model as Sources/Selection, written from the same
scenario file, solved by highspy. Prints one JSON line:
{"status", "objective", "selected", "solve_seconds", "build_seconds"}.

    highs_peer.py SCENARIO.json [--time-limit S]

Semantics mirror RowBuilder.swift / SelectionModel.swift: variables are the
eligible dossiers plus forced-in ones; labelled Fabriques shift count bounds;
rows that can never bind are left out (HiGHS presolve would drop them anyway).
"""
import json
import sys
import time

import highspy
import numpy as np

INF = highspy.kHighsInf


def build(s):
    pool = sorted(s["pool"], key=lambda d: d["id"])
    t = s.get("targets", {})
    labelled = s.get("labelled", [])
    el = t.get("eligibility", {})
    min_score = el.get("min_score")
    excl = el.get("exclude_unfavourable", True)
    forced_in, forced_out = set(t.get("forced_in", [])), set(t.get("forced_out", []))
    vars_ = []
    for d in pool:
        ok = not (excl and d.get("unfavourable_opinion", False))
        if ok and min_score is not None and d["score"] < min_score - 1e-9 * max(1, abs(min_score)):
            ok = False
        if ok or d["id"] in forced_in:
            vars_.append((d, ok))
    n = len(vars_)
    value = np.array([d["score"] + d.get("bonus", 0) for d, _ in vars_])
    lb = np.array([1.0 if d["id"] in forced_in else 0.0 for d, _ in vars_])
    ub = np.array([0.0 if (d["id"] in forced_out or (not ok and d["id"] not in forced_in)) else 1.0 for d, ok in vars_])
    rows = []  # (members, coefs, lo, hi)
    sel = t.get("select")
    if sel:
        lo = sel.get("exactly", sel.get("at_least"))
        hi = sel.get("exactly", sel.get("at_most"))
        rows.append((list(range(n)), [1.0] * n, -INF if lo is None else lo, INF if hi is None else hi))
    if t.get("budget") is not None:
        rows.append((list(range(n)), [float(d.get("amount", 0)) for d, _ in vars_], -INF, t["budget"]))

    def counting(named, every, key, lkey):
        members, counts = {}, {}
        for v, (d, _) in enumerate(vars_):
            for k in set(key(d)):
                members.setdefault(k, []).append(v)
        for f in labelled:
            for k in set(lkey(f)):
                counts[k] = counts.get(k, 0) + 1
        keys = set(named)
        if every is not None:
            keys |= {k for d in pool for k in key(d)} | {k for f in labelled for k in lkey(f)}
        for k in sorted(keys):
            b = named.get(k, every)
            if b is None:
                continue
            m, l = members.get(k, []), counts.get(k, 0)
            lo = b["min"] - l if b.get("min") is not None else -INF
            hi = b["max"] - l if b.get("max") is not None else INF
            if lo <= 0:
                lo = -INF
            if hi >= len(m):
                hi = INF
            if lo == -INF and hi == INF:
                continue
            rows.append((m, [1.0] * len(m), lo, hi))

    def one(field):
        return lambda d: [d[field]] if d.get(field) else []

    counting(t.get("categories", {}), None, lambda d: d.get("categories", []), lambda f: f.get("categories", []))
    counting(t.get("place_types", {}), None, one("place_type"), one("place_type"))
    counting(t.get("regions", {}), t.get("per_region"), one("region"), one("region"))
    counting(t.get("departments", {}), t.get("per_department"), one("department"), one("department"))
    counting(t.get("waves", {}), t.get("per_wave"), one("wave"), one("wave"))
    counting(t.get("communes", {}), t.get("per_commune"), one("commune"), one("commune"))
    return vars_, value, lb, ub, rows


def main():
    path = sys.argv[1]
    time_limit = float(sys.argv[sys.argv.index("--time-limit") + 1]) if "--time-limit" in sys.argv else None
    t0 = time.perf_counter()
    with open(path) as f:
        s = json.load(f)
    vars_, value, lb, ub, rows = build(s)
    n, m = len(vars_), len(rows)
    # Column-wise sparse matrix.
    cols = [[] for _ in range(n)]
    for r, (mem, coef, _, _) in enumerate(rows):
        for v, c in zip(mem, coef):
            cols[v].append((r, c))
    start, index, val = [0], [], []
    for c in cols:
        for r, a in c:
            index.append(r)
            val.append(a)
        start.append(len(index))
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n, m
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = value
    lp.col_lower_, lp.col_upper_ = lb, ub
    lp.row_lower_ = np.array([r[2] for r in rows], dtype=float)
    lp.row_upper_ = np.array([r[3] for r in rows], dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.array(start, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(val, dtype=float)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    # Exact optimum: no relative gap; objective values are whole cents, so an
    # absolute gap below one cent is already a proof (same rule as ours).
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.0099)
    if time_limit:
        h.setOptionValue("time_limit", time_limit)
    h.passModel(lp)
    t1 = time.perf_counter()
    h.run()
    t2 = time.perf_counter()
    status = h.getModelStatus()
    out = {"build_seconds": t1 - t0, "solve_seconds": t2 - t1, "rows": m, "variables": n}
    if status == highspy.HighsModelStatus.kOptimal:
        x = h.getSolution().col_value
        chosen = [i for i in range(n) if x[i] > 0.5]
        cents = sum(round(value[i] * 100) for i in chosen)
        out.update(status="optimal", objective=cents / 100, highs_objective=h.getInfo().objective_function_value,
                   selected=sorted(vars_[i][0]["id"] for i in chosen))
    elif status == highspy.HighsModelStatus.kInfeasible:
        out.update(status="infeasible", objective=None, selected=[])
    else:
        out.update(status=str(status), objective=None, selected=[])
    print(json.dumps(out))


if __name__ == "__main__":
    main()
