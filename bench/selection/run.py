#!/usr/bin/env python3
"""Selection bench: our solver (release `select` binary) against HiGHS on the
same generated scenarios, one after the other on the same machine.

    run.py --cli PATH/TO/select-cli [--sizes 300 1000 5000 20000] [--seeds 1 2] [--repeats 3]

For each size × variant (base, tight, infeasible) × seed: generate the JSON,
run both solvers `repeats` times, keep the median times, check verdicts and
objectives (relative difference ≤ 1e-9), print a Markdown table.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402


def timed(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(f"{cmd}: {p.stderr}")
    return json.loads(p.stdout.strip().splitlines()[-1] if cmd[0].endswith("python3") else p.stdout), wall


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 5000, 20000])
    ap.add_argument("--variants", nargs="+", default=["base", "tight", "infeasible"])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--time-limit", type=float, default=600)
    a = ap.parse_args()
    rows, failures = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for n in a.sizes:
            for variant in a.variants:
                for seed in a.seeds:
                    path = os.path.join(tmp, f"s-{n}-{variant}-{seed}.json")
                    with open(path, "w") as f:
                        json.dump(generate.generate(n, variant, seed), f)
                    ours, theirs = [], []
                    for _ in range(a.repeats):
                        ours.append(timed([a.cli, path, "--time-limit", str(a.time_limit)]))
                        theirs.append(timed([sys.executable, os.path.join(HERE, "highs_peer.py"), path,
                                             "--time-limit", str(a.time_limit)]))
                    o, h = ours[0][0], theirs[0][0]
                    same_verdict = o["status"] == h["status"]
                    rel = None
                    if o.get("objective") is not None and h.get("objective") is not None:
                        rel = abs(o["objective"] - h["objective"]) / max(1e-12, abs(h["objective"]))
                    deterministic = all(r[0]["selected"] == o["selected"] and r[0].get("objective") == o.get("objective") for r in ours)
                    ok = same_verdict and (rel is None or rel <= 1e-9) and deterministic \
                        and (o["status"] != "optimal" or o.get("bound") == o.get("objective"))
                    failures += not ok
                    our_solve = statistics.median(r[0]["stats"]["seconds"] for r in ours)
                    their_solve = statistics.median(r[0]["solve_seconds"] for r in theirs)
                    rows.append({
                        "n": n, "variant": variant, "seed": seed, "vars": o["stats"]["variables"],
                        "rows": o["stats"]["rows"], "ours": o["status"], "highs": h["status"],
                        "objective": o.get("objective"), "highs_objective": h.get("objective"), "rel": rel,
                        "nodes": o["stats"]["nodes"], "our_solve": our_solve, "highs_solve": their_solve,
                        "our_wall": statistics.median(r[1] for r in ours),
                        "highs_wall": statistics.median(r[1] for r in theirs),
                        "conflicts": len(o.get("conflicts", [])), "ok": ok,
                    })
                    r = rows[-1]
                    print(f"{n} {variant} seed {seed}: {r['ours']}/{r['highs']} obj {r['objective']} vs "
                          f"{r['highs_objective']} solve {our_solve:.3f}s vs {their_solve:.3f}s ok={ok}",
                          file=sys.stderr, flush=True)
    print("| N | variant | seed | variables × rows | verdict (ours / HiGHS) | objective (ours = HiGHS?) | B&B nodes "
          "| our time to proof (s) | HiGHS `run()` (s) | ratio | our wall (s) | HiGHS wall (s) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        obj = "—" if r["objective"] is None else f"{r['objective']:.2f} ({'=' if r['rel'] is not None and r['rel'] <= 1e-9 else '≠'} {r['highs_objective']})"
        if r["ours"] == "infeasible":
            obj = f"— ({r['conflicts']} conflicting targets)"
        print(f"| {r['n']} | {r['variant']} | {r['seed']} | {r['vars']} × {r['rows']} | {r['ours']} / {r['highs']} | {obj} "
              f"| {r['nodes']} | {r['our_solve']:.3f} | {r['highs_solve']:.3f} | {r['our_solve'] / max(r['highs_solve'], 1e-9):.2f} "
              f"| {r['our_wall']:.2f} | {r['highs_wall']:.2f} |")
    print(f"\n{len(rows) - failures}/{len(rows)} instances agree (verdict, objective within 1e-9, bound = objective, "
          f"same result on every repeat).")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
