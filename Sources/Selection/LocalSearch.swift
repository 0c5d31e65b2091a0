import Foundation

extension BranchAndBound {
    /// Improves a selection by exchanges: take one dossier out and put one in
    /// (or only put one in) when every row stays within bounds and the total
    /// rises. A better incumbent lets reduced-cost fixing freeze more of the
    /// pool, which is where the tree gets small. Deterministic: incoming
    /// dossiers by decreasing value, outgoing by increasing value, first
    /// improving move taken.
    func improveBySwaps(_ start: [Bool], deadline: ContinuousClock.Instant?) -> [Bool] {
        var sel = start
        let n = model.variableCount
        var act = model.rows.map { model.activity($0, sel) }
        let cols = model.columns
        let value = model.value
        var delta = [Double](repeating: 0, count: model.rows.count)
        func fits(_ touched: [(row: Int32, coef: Double)]...) -> Bool {
            for col in touched { for e in col { delta[Int(e.row)] = 0 } }
            for (k, col) in touched.enumerated() { for e in col { delta[Int(e.row)] += k == 0 ? e.coef : -e.coef } }
            for col in touched {
                for e in col {
                    let r = Int(e.row), a = act[r] + delta[r]
                    let tol = 1e-9 * max(1, abs(a))
                    if a > bounds.rowHi[r] + tol || a < bounds.rowLo[r] - tol { return false }
                }
            }
            return true
        }
        func apply(_ v: Int, _ on: Bool) {
            sel[v] = on
            for e in cols[v] { act[Int(e.row)] += on ? e.coef : -e.coef }
        }
        for _ in 0..<(2 * n + 10) {
            if let deadline, ContinuousClock.now >= deadline { break }
            let ins = (0..<n).filter { !sel[$0] && bounds.ub[$0] > 0.5 }.sorted { (value[$0], -$0) > (value[$1], -$1) }
            let outs = (0..<n).filter { sel[$0] && bounds.lb[$0] < 0.5 }.sorted { (value[$0], $0) < (value[$1], $1) }
            var moved = false
            search: for j in ins {
                if value[j] > 0, fits(cols[j]) { apply(j, true); moved = true; break search }
                for i in outs {
                    if value[j] - value[i] <= 1e-9 * max(1, abs(value[j])) { break }
                    if fits(cols[j], cols[i]) { apply(i, false); apply(j, true); moved = true; break search }
                }
            }
            if !moved { break }
        }
        return sel
    }
}
