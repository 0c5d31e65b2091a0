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
    // The same matrix by row, for pricing when the pivot row of B⁻¹ is sparse.
    let rowStart: [Int]
    let rowCol: [Int]
    let rowVal: [Double]
    let cost: [Double]
    var lb: [Double], ub: [Double]
    var x: [Double], d: [Double]
    var basis: [Int], pos: [Int]
    var atUpper: [Bool]
    var inv: BasisInverse
    /// Fixed for the rest of the search (reduced-cost fixing): skipped by pricing.
    var frozen: [Bool]
    var pivotsSinceRefactor = 0
    /// Whether x of basic variables matches the nonbasic values (then moves are incremental).
    var primalValid = false
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
        var rStart = [0], rCol: [Int] = [], rVal: [Double] = []
        for (r, row) in model.rows.enumerated() {
            for (k, v) in row.members.enumerated() { rCol.append(Int(v)); rVal.append(row.coefs[k] * scale[r]) }
            rStart.append(rCol.count)
        }
        rowStart = rStart; rowCol = rCol; rowVal = rVal
        cost = model.value.map { -$0 } + [Double](repeating: 0, count: m)
        lb = [Double](repeating: 0, count: n + m); ub = lb
        x = lb; d = cost
        basis = Array(n..<(n + m)); pos = [Int](repeating: -1, count: n) + Array(0..<m)
        atUpper = [Bool](repeating: false, count: n + m)
        inv = BasisInverse(m: m)
        frozen = [Bool](repeating: false, count: n)
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
        primalValid = false
        basis = Array(n..<(n + m))
        pos = [Int](repeating: -1, count: n) + Array(0..<m)
        inv = BasisInverse(m: m)
        pivotsSinceRefactor = 0
        computeDuals()
    }

    /// Lower bound on the minimum (upper bound on the maximisation) valid for
    /// any multipliers: the Lagrangian of the current duals, signs clamped so
    /// that an infinite slack bound is never used. This is the proof.
    func lagrangianBound() -> Double { lagrangianBound(reducedCosts: nil) }

    /// Same, also returning the reduced costs it used: flipping a structural
    /// to its other bound costs exactly |d_j| in that bound (reduced-cost fixing).
    func lagrangianBound(reducedCosts: UnsafeMutablePointer<[Double]>?) -> Double {
        var y = [Double](repeating: 0, count: m)
        var bound = 0.0
        let yy = basicDuals()
        for r in 0..<m {
            let v = yy[r]
            if v > 0, lb[n + r] > -.infinity { y[r] = v; bound += v * lb[n + r] }
            else if v < 0, ub[n + r] < .infinity { y[r] = v; bound += v * ub[n + r] }
        }
        for j in 0..<n {
            var dj = cost[j]
            for k in colStart[j]..<colStart[j + 1] { dj -= colVal[k] * y[colRow[k]] }
            bound += dj > 0 ? dj * lb[j] : dj * ub[j]
            reducedCosts?.pointee[j] = dj
        }
        return bound
    }

    var objective: Double {
        var s = 0.0
        for j in 0..<n where x[j] != 0 { s += cost[j] * x[j] }
        return s
    }

    /// yᵀ = c_Bᵀ B⁻¹.
    func basicDuals() -> [Double] {
        var cb = [Double](repeating: 0, count: m)
        for i in 0..<m where basis[i] < n { cb[i] = cost[basis[i]] }
        return inv.leftSolve(cb)
    }

    func computeDuals() {
        let y = basicDuals()
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
        var moved: [(Int, Double)] = []
        defer { if primalValid { shiftBasics(moved) } }
        for j in 0..<(n + m) where pos[j] < 0 {
            let old = x[j]
            defer { if x[j] != old { moved.append((j, x[j] - old)) } }
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

    /// Basic values follow nonbasic moves: x_B -= B⁻¹ Σ a_j Δ_j. Between
    /// branch-and-bound nodes only a few variables move, so this replaces a
    /// full recomputation (done again at every refactorisation).
    func shiftBasics(_ moved: [(Int, Double)]) {
        if moved.isEmpty { return }
        var w = [Double](repeating: 0, count: m)
        for (j, delta) in moved {
            if j < n {
                for k in colStart[j]..<colStart[j + 1] { w[colRow[k]] += colVal[k] * delta }
            } else { w[j - n] -= delta }
        }
        let dx = inv.solve(dense: w)
        for i in 0..<m where dx[i] != 0 { x[basis[i]] -= dx[i] }
    }

    /// Everything the search needs to come back to a basis (used around the dive).
    struct Snapshot {
        var basis: [Int], pos: [Int], atUpper: [Bool], x: [Double], d: [Double]
        var inv: BasisInverse, pivots: Int
    }

    func snapshot() -> Snapshot {
        Snapshot(basis: basis, pos: pos, atUpper: atUpper, x: x, d: d, inv: inv, pivots: pivotsSinceRefactor)
    }

    func restore(_ s: Snapshot) {
        basis = s.basis; pos = s.pos; atUpper = s.atUpper; x = s.x; d = s.d; inv = s.inv
        pivotsSinceRefactor = s.pivots
        // Frozen variables may have been fixed since: their reduced costs are stale but never read.
    }

    func computePrimal() {
        primalValid = true
        var rhs = [Double](repeating: 0, count: m)
        for j in 0..<n where pos[j] < 0 && x[j] != 0 {
            for k in colStart[j]..<colStart[j + 1] { rhs[colRow[k]] -= colVal[k] * x[j] }
        }
        for r in 0..<m where pos[n + r] < 0 { rhs[r] += x[n + r] }
        let xb = inv.solve(dense: rhs)
        for i in 0..<m { x[basis[i]] = xb[i] }
    }
}
