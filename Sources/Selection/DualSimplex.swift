import Foundation

/// Bounded-variable dual simplex for `min c·x` over `A x - s = 0`,
/// `lb ≤ x ≤ ub`, `lo ≤ s ≤ hi` (one slack per row).
///
/// Why dual simplex: branch-and-bound only changes bounds, and after a bound
/// change the previous basis stays dual feasible (reduced costs do not move),
/// so every node restarts warm. The basis inverse is kept dense and explicit
/// (rows are few, columns many and sparse); the ratio test flips boxed
/// variables across their breakpoints (bound-flipping ratio test), which is
/// what makes a cardinality row over 20,000 dossiers cheap to repair.
final class DualSimplex {
    enum Status: Equatable { case optimal, infeasible, cutoff, timeLimit }

    let m: Int, n: Int
    // Structural columns, row-scaled, compressed by column.
    let colStart: [Int]
    let colRow: [Int]
    let colVal: [Double]
    let rowScale: [Double]
    let cost: [Double]
    var lb: [Double], ub: [Double]
    var x: [Double], d: [Double]
    var basis: [Int], pos: [Int]
    var atUpper: [Bool]
    var binv: [Double]
    var pivotsSinceRefactor = 0
    var iterations = 0
    /// Row of B⁻¹ that proved infeasibility (Farkas multipliers on rows).
    var ray: [Double] = []

    static let tolPrimal = 1e-9, tolDual = 1e-9, tolPivot = 1e-9
    static let refactorInterval = 100

    init(model: SelectionModel, bounds: ModelBounds) {
        m = model.rows.count; n = model.variableCount
        var scale = [Double](repeating: 1, count: m)
        for (r, row) in model.rows.enumerated() {
            let big = row.coefs.reduce(0) { max($0, abs($1)) }
            if big > 0 { scale[r] = 1 / big }
        }
        rowScale = scale
        var start = [0], rowsIdx: [Int] = [], vals: [Double] = []
        for col in model.columns {
            for e in col { rowsIdx.append(Int(e.row)); vals.append(e.coef * scale[Int(e.row)]) }
            start.append(rowsIdx.count)
        }
        colStart = start; colRow = rowsIdx; colVal = vals
        cost = model.value.map { -$0 } + [Double](repeating: 0, count: m)
        lb = [Double](repeating: 0, count: n + m); ub = lb
        x = lb; d = cost
        basis = Array(n..<(n + m)); pos = [Int](repeating: -1, count: n) + Array(0..<m)
        atUpper = [Bool](repeating: false, count: n + m)
        binv = []
        setBounds(bounds)
        resetToSlackBasis()
    }

    /// Applies new bounds; the basis is kept (still dual feasible).
    func setBounds(_ b: ModelBounds) {
        for j in 0..<n { lb[j] = b.lb[j]; ub[j] = b.ub[j] }
        for r in 0..<m { lb[n + r] = b.rowLo[r] * rowScale[r]; ub[n + r] = b.rowHi[r] * rowScale[r] }
    }

    func setVariable(_ j: Int, lower: Double, upper: Double) { lb[j] = lower; ub[j] = upper }

    func resetToSlackBasis() {
        basis = Array(n..<(n + m))
        pos = [Int](repeating: -1, count: n) + Array(0..<m)
        binv = [Double](repeating: 0, count: m * m)
        for i in 0..<m { binv[i * m + i] = -1 }
        pivotsSinceRefactor = 0
        computeDuals()
    }

    /// Lower bound on the minimum (upper bound on the maximisation) valid for
    /// any multipliers: the Lagrangian of the current duals, signs clamped so
    /// that an infinite slack bound is never used. This is the proof.
    func lagrangianBound() -> Double {
        var y = [Double](repeating: 0, count: m)
        var bound = 0.0
        var yy = [Double](repeating: 0, count: m)
        for i in 0..<m where basis[i] < n && cost[basis[i]] != 0 {
            let c = cost[basis[i]], row = i * m
            for r in 0..<m { yy[r] += c * binv[row + r] }
        }
        for r in 0..<m {
            let v = yy[r]
            if v > 0, lb[n + r] > -.infinity { y[r] = v; bound += v * lb[n + r] }
            else if v < 0, ub[n + r] < .infinity { y[r] = v; bound += v * ub[n + r] }
        }
        for j in 0..<n {
            var dj = cost[j]
            for k in colStart[j]..<colStart[j + 1] { dj -= colVal[k] * y[colRow[k]] }
            bound += dj > 0 ? dj * lb[j] : dj * ub[j]
        }
        return bound
    }

    var objective: Double {
        var s = 0.0
        for j in 0..<n where x[j] != 0 { s += cost[j] * x[j] }
        return s
    }

    func computeDuals() {
        var y = [Double](repeating: 0, count: m)
        for i in 0..<m where basis[i] < n && cost[basis[i]] != 0 {
            let c = cost[basis[i]], row = i * m
            for r in 0..<m { y[r] += c * binv[row + r] }
        }
        for j in 0..<n {
            var dj = cost[j]
            for k in colStart[j]..<colStart[j + 1] { dj -= colVal[k] * y[colRow[k]] }
            d[j] = dj
        }
        for r in 0..<m { d[n + r] = y[r] }
        for i in 0..<m { d[basis[i]] = 0 }
    }

    /// Puts every nonbasic variable at the bound its reduced cost asks for.
    /// Returns false when a slack would need an infinite bound.
    func placeNonbasics() -> Bool {
        for j in 0..<(n + m) where pos[j] < 0 {
            if lb[j] == ub[j] { x[j] = lb[j]; atUpper[j] = false; continue }
            var up = atUpper[j]
            if d[j] < -Self.tolDual { up = true } else if d[j] > Self.tolDual { up = false }
            if up && ub[j] == .infinity { up = false }
            if !up && lb[j] == -.infinity { up = true }
            let v = up ? ub[j] : lb[j]
            if !v.isFinite { return false }
            atUpper[j] = up; x[j] = v
        }
        return true
    }

    func computePrimal() {
        var rhs = [Double](repeating: 0, count: m)
        for j in 0..<n where pos[j] < 0 && x[j] != 0 {
            for k in colStart[j]..<colStart[j + 1] { rhs[colRow[k]] -= colVal[k] * x[j] }
        }
        for r in 0..<m where pos[n + r] < 0 { rhs[r] += x[n + r] }
        for i in 0..<m {
            var s = 0.0
            let row = i * m
            for r in 0..<m where rhs[r] != 0 { s += binv[row + r] * rhs[r] }
            x[basis[i]] = s
        }
    }
}
