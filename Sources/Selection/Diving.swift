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
        var bestSel: [Bool]?, bestValue = -Double.infinity
        for step in 0..<(4 * model.rows.count + 50) {
            // Cheap completion of the current LP point; after a while the
            // best completion found ends the dive (the exchange search follows).
            if let g = greedyCompletion(), case let value = model.units.total(g, values: model.value), value > bestValue {
                bestSel = g; bestValue = value
            }
            if step >= 40, bestSel != nil { return bestSel }
            var pick = -1, best = -1.0
            for v in 0..<n where lp.lb[v] < lp.ub[v] {
                let x = lp.x[v]
                if x >= 1 - 1e-6 { continue }
                else if x > 1e-6, x > best { best = x; pick = v }
            }
            if pick < 0 {
                let sel = (0..<n).map { lp.x[$0] > 0.5 }
                if model.isFeasible(sel, bounds), model.units.total(sel, values: model.value) >= bestValue { return sel }
                return bestSel
            }
            fix(pick, true)
            if lp.solve(deadline: deadline) == .optimal { continue }
            fix(pick, false)
            if lp.solve(deadline: deadline) != .optimal { return bestSel }
        }
        return bestSel
    }

    /// Keeps what the LP sets to 1, then adds dossiers by decreasing LP value
    /// (then objective, then index) while no maximum is exceeded; returns the
    /// selection if it also meets every minimum.
    func greedyCompletion() -> [Bool]? {
        let n = model.variableCount
        var sel = (0..<n).map { lp.x[$0] >= 1 - 1e-6 && bounds.ub[$0] > 0.5 }
        for v in 0..<n where bounds.lb[v] > 0.5 { sel[v] = true }
        var act = model.rows.map { model.activity($0, sel) }
        let order = (0..<n).filter { !sel[$0] && bounds.ub[$0] > 0.5 && lp.ub[$0] > 0.5 }
            .sorted { (lp.x[$0], model.value[$0], -$0) > (lp.x[$1], model.value[$1], -$1) }
        for v in order {
            var fits = true
            for e in model.columns[v] where act[Int(e.row)] + e.coef > bounds.rowHi[Int(e.row)] + 1e-9 * max(1, abs(act[Int(e.row)])) {
                fits = false; break
            }
            if !fits { continue }
            sel[v] = true
            for e in model.columns[v] { act[Int(e.row)] += e.coef }
        }
        return model.isFeasible(sel, bounds) ? sel : nil
    }
}
