#!/usr/bin/env python3
"""HiGHS peer for the suggestions: solves exactly the maximum-coverage model CoverageBench wrote
(`--model-out`): first line the candidate count, then one line per uncovered commune: its population
and the candidates (communes) within R of it.

MIP: max Σ wₑ yₑ  s.t.  yₑ ≤ Σ_{j covers e} xⱼ,  Σ xⱼ ≤ k,  x binary, 0 ≤ y ≤ 1.
Times `run()` only (model passing excluded), one thread, with a time limit; reports the objective,
HiGHS's dual bound and the MIP gap.

Usage: highs_peer.py MODEL.txt [k ...] [--time-limit S]
"""
import json, sys, time
import numpy as np
import highspy


def main():
    args = sys.argv[1:]
    limit = 300.0
    if "--time-limit" in args:
        i = args.index("--time-limit"); limit = float(args[i + 1]); del args[i:i + 2]
    path, ks = args[0], [int(k) for k in args[1:]] or [10, 50, 100]
    with open(path) as f:
        candidate_count = int(f.readline())
        weights, lists = [], []
        for line in f:
            fields = line.split()
            weights.append(float(fields[0])); lists.append([int(x) for x in fields[1:]])
    used = sorted({j for row in lists for j in row})
    column = {j: i for i, j in enumerate(used)}
    nx, ny = len(used), len(weights)
    starts, index, value = [0], [], []
    for e, row in enumerate(lists):  # yₑ − Σ xⱼ ≤ 0
        index.append(nx + e); value.append(1.0)
        for j in row:
            index.append(column[j]); value.append(-1.0)
        starts.append(len(index))
    index.extend(range(nx)); value.extend([1.0] * nx); starts.append(len(index))  # Σ x ≤ k
    results = []
    for k in ks:
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = nx + ny, ny + 1
        lp.sense_ = highspy.ObjSense.kMaximize
        lp.col_cost_ = np.array([0.0] * nx + weights)
        lp.col_lower_ = np.zeros(nx + ny); lp.col_upper_ = np.ones(nx + ny)
        lp.row_lower_ = np.array([-highspy.kHighsInf] * (ny + 1))
        lp.row_upper_ = np.array([0.0] * ny + [float(k)])
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(value)
        lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = nx + ny, ny + 1
        lp.integrality_ = [highspy.HighsVarType.kInteger] * nx + [highspy.HighsVarType.kContinuous] * ny
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        h.setOptionValue("time_limit", limit)
        h.passModel(lp)
        t = time.perf_counter(); h.run(); ms = (time.perf_counter() - t) * 1000
        info = h.getInfo()
        row = {"k": k, "highs_ms": ms, "status": h.modelStatusToString(h.getModelStatus()),
               "objective": info.objective_function_value, "dual_bound": info.mip_dual_bound,
               "mip_gap": info.mip_gap, "candidates": nx, "elements": ny}
        results.append(row)
        print(json.dumps(row), file=sys.stderr)
    print(json.dumps({"model": path, "highs": results}))


if __name__ == "__main__":
    main()
