import Foundation

extension BranchAndBound {
    /// Primal heuristic run at the root: repeatedly fix every variable the LP
    /// already sets to 1 (the LP optimum is unchanged, so this never makes the
    /// LP infeasible) and round the largest fractional value up, undoing that
    /// rounding once if it turns infeasible. A good first selection lets
    /// reduced-cost fixing freeze most variables before the tree grows.
    /// Leaves the root bounds in place on return.
    func dive(deadline: ContinuousClock.Instant?) -> [Bool]? {
        let n = model.variableCount
        var touched: [Int] = []
        defer { for v in touched { lp.setVariable(v, lower: bounds.lb[v], upper: bounds.ub[v]) } }
        func fix(_ v: Int, _ on: Bool) { let x: Double = on ? 1 : 0; lp.setVariable(v, lower: x, upper: x); touched.append(v) }
        for step in 0..<(4 * model.rows.count + 50) {
            if ProcessInfo.processInfo.environment["SEL_DEBUG"] != nil { print("dive step", step, lp.iterations) }
            var pick = -1, best = -1.0
            for v in 0..<n where lp.lb[v] < lp.ub[v] {
                let x = lp.x[v]
                if x >= 1 - 1e-6 { if step >= 40 { fix(v, true) }; continue }
                else if x > 1e-6, x > best { best = x; pick = v }
            }
            if pick < 0 {
                let sel = (0..<n).map { lp.x[$0] > 0.5 }
                return model.isFeasible(sel, bounds) ? sel : nil
            }
            fix(pick, true)
            if lp.solve(deadline: deadline) == .optimal { continue }
            fix(pick, false)
            if lp.solve(deadline: deadline) != .optimal { return nil }
        }
        return nil
    }
}
