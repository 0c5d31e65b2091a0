import Foundation

extension DualSimplex {
    /// Solves from the current basis. `cutoff` (minimisation form): stop as
    /// soon as the proven lower bound reaches it, the node cannot win.
    func solve(cutoff: Double = .infinity, deadline: ContinuousClock.Instant? = nil) -> Status {
        if !placeNonbasics() { resetToSlackBasis(); _ = placeNonbasics() }
        if !primalValid { computePrimal() }
        var alpha = [Double](repeating: 0, count: n + m)
        var candidates: [(j: Int, ratio: Double, mag: Double)] = []
        var local = 0
        let iterationCap = 50 * (n + m) + 10_000
        while true {
            if pivotsSinceRefactor >= Self.refactorInterval || inv.etaIndex.count > 40 * m {
                primalValid = false
                if !refactor() { resetToSlackBasis() }
                computeDuals()
                if !placeNonbasics() { resetToSlackBasis(); _ = placeNonbasics() }
                computePrimal()
            }
            local += 1
            if local > iterationCap { return .timeLimit }
            if local % 64 == 0, let deadline, ContinuousClock.now >= deadline { return .timeLimit }
            // Leaving variable: the basic variable farthest outside its bounds.
            var p = -1, worst = 0.0
            for i in 0..<m {
                let j = basis[i], v = x[j]
                if v < lb[j] - Self.tolPrimal * max(1, abs(lb[j])) {
                    if lb[j] - v > worst { worst = lb[j] - v; p = i }
                } else if v > ub[j] + Self.tolPrimal * max(1, abs(ub[j])) {
                    if v - ub[j] > worst { worst = v - ub[j]; p = i }
                }
            }
            if p < 0 { return .optimal }
            if cutoff < .infinity, local % 8 == 0, objective >= cutoff, lagrangianBound() >= cutoff { return .cutoff }
            iterations += 1
            let leaving = basis[p]
            let up = x[leaving] > ub[leaving]
            let sign: Double = up ? 1 : -1
            let target = up ? ub[leaving] : lb[leaving]
            var slope = abs(x[leaving] - target)

            // Pivot row α_j = (B⁻¹ a_j)_p for nonbasic j.
            let rho = inv.row(p)
            candidates.removeAll(keepingCapacity: true)
            pricePivotRow(rho, into: &alpha)
            for j in 0..<n where pos[j] < 0 && !frozen[j] {
                let a = alpha[j]
                if lb[j] == ub[j] || abs(a) < Self.tolPivot { continue }
                let ab = sign * a
                if (!atUpper[j] && ab > 0) || (atUpper[j] && ab < 0) {
                    candidates.append((j, max(0, d[j] / ab), abs(a)))
                }
            }
            for r in 0..<m where pos[n + r] < 0 {
                let j = n + r, a = -rho[r]
                alpha[j] = a
                if lb[j] == ub[j] || abs(a) < Self.tolPivot { continue }
                let ab = sign * a
                if (!atUpper[j] && ab > 0) || (atUpper[j] && ab < 0) {
                    candidates.append((j, max(0, d[j] / ab), abs(a)))
                }
            }
            // Bound-flipping ratio test: pass breakpoints while the dual
            // objective still improves; deterministic order on ties.
            // A heap, not a sort: usually only a few breakpoints are passed.
            var breakpoints = BinaryHeap(candidates) { ($0.ratio, -$0.mag, $0.j) < ($1.ratio, -$1.mag, $1.j) }
            var q = -1, qRatio = 0.0
            var flips: [Int] = []
            while let c = breakpoints.pop() {
                let range = ub[c.j] - lb[c.j]
                if !range.isFinite { q = c.j; qRatio = c.ratio; break }
                let next = slope - c.mag * range
                // At (or within tolerance of) zero the row is repaired by this
                // variable: it enters rather than flips.
                if next <= Self.tolPrimal * max(1, abs(target)) { q = c.j; qRatio = c.ratio; break }
                flips.append(c.j); slope = next
            }
            if q < 0 {
                ray = rho
                return .infeasible
            }
            // Dual update.
            let theta = sign * qRatio
            for j in 0..<(n + m) where pos[j] < 0 && (j >= n || !frozen[j]) { d[j] -= theta * alpha[j] }
            d[leaving] = -theta
            d[q] = 0
            // Flips change the basic values through B⁻¹ w.
            if !flips.isEmpty {
                var w = [Double](repeating: 0, count: m)
                for j in flips {
                    let delta = atUpper[j] ? lb[j] - ub[j] : ub[j] - lb[j]
                    atUpper[j].toggle(); x[j] = atUpper[j] ? ub[j] : lb[j]
                    if j < n {
                        for k in colStart[j]..<colStart[j + 1] { w[colRow[k]] += colVal[k] * delta }
                    } else { w[j - n] -= delta }
                }
                let dx = inv.solve(dense: w)
                for i in 0..<m where dx[i] != 0 { x[basis[i]] -= dx[i] }
            }
            // Entering column B⁻¹ a_q and primal step.
            let col = q < n ? inv.solve(sparse: (colStart[q]..<colStart[q + 1]).map { (colRow[$0], colVal[$0]) })
                : inv.solve(sparse: [(q - n, -1)])
            let pivot = col[p]
            let step = (x[leaving] - target) / pivot
            for i in 0..<m where col[i] != 0 { x[basis[i]] -= step * col[i] }
            x[q] += step
            x[leaving] = target
            // Basis change and explicit update of B⁻¹.
            basis[p] = q; pos[q] = p; pos[leaving] = -1; atUpper[leaving] = up
            inv.push(pivotRow: p, column: col)
            pivotsSinceRefactor += 1
            if abs(pivot - alpha[q]) > 1e-7 * (1 + abs(pivot)) { pivotsSinceRefactor = Self.refactorInterval }
        }
    }

    /// α_j = ρ·a_j for every structural: by row when ρ is sparse enough
    /// (only rows with ρ_r ≠ 0 are read), else by column.
    func pricePivotRow(_ rho: [Double], into alpha: inout [Double]) {
        var work = 0
        for r in 0..<m where rho[r] != 0 { work += rowStart[r + 1] - rowStart[r] }
        alpha.withUnsafeMutableBufferPointer { al in
            rho.withUnsafeBufferPointer { rh in
                if work * 2 < colRow.count {
                    for j in 0..<n { al[j] = 0 }
                    rowCol.withUnsafeBufferPointer { rc in
                        rowVal.withUnsafeBufferPointer { rv in
                            for r in 0..<m where rh[r] != 0 {
                                let f = rh[r]
                                for k in rowStart[r]..<rowStart[r + 1] { al[rc[k]] += f * rv[k] }
                            }
                        }
                    }
                } else {
                    colRow.withUnsafeBufferPointer { cr in
                        colVal.withUnsafeBufferPointer { cv in
                            colStart.withUnsafeBufferPointer { cs in
                                for j in 0..<n {
                                    var a = 0.0
                                    for k in cs[j]..<cs[j + 1] { a += cv[k] * rh[cr[k]] }
                                    al[j] = a
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Recomputes B⁻¹ from scratch. Slack columns are unit vectors, so only
    /// the square block A[T, K] (rows whose slack is nonbasic × basic
    /// structurals) needs a dense inverse.
    func refactor() -> Bool {
        pivotsSinceRefactor = 0
        let structural = (0..<m).filter { basis[$0] < n }
        let tightRows = (0..<m).filter { pos[n + $0] < 0 }
        let k = structural.count
        guard k == tightRows.count else { return false }
        var tIndex = [Int](repeating: -1, count: m)
        for (t, r) in tightRows.enumerated() { tIndex[r] = t }
        // Gauss-Jordan on [M | I].
        var a = [Double](repeating: 0, count: k * k), inv = [Double](repeating: 0, count: k * k)
        for (c, i) in structural.enumerated() {
            let j = basis[i]
            for e in colStart[j]..<colStart[j + 1] where tIndex[colRow[e]] >= 0 { a[tIndex[colRow[e]] * k + c] = colVal[e] }
        }
        for i in 0..<k { inv[i * k + i] = 1 }
        for c in 0..<k {
            var best = c, big = abs(a[c * k + c])
            for r in (c + 1)..<max(k, c + 1) where abs(a[r * k + c]) > big { big = abs(a[r * k + c]); best = r }
            if big < 1e-11 { return false }
            if best != c {
                for t in 0..<k { a.swapAt(c * k + t, best * k + t); inv.swapAt(c * k + t, best * k + t) }
            }
            let f = 1 / a[c * k + c]
            for t in 0..<k { a[c * k + t] *= f; inv[c * k + t] *= f }
            for r in 0..<k where r != c {
                let g = a[r * k + c]
                if g == 0 { continue }
                for t in 0..<k { a[r * k + t] -= g * a[c * k + t]; inv[r * k + t] -= g * inv[c * k + t] }
            }
        }
        // inv = M⁻¹ with M[t][c]; z_K[c] = Σ_t inv[c][t] v[tightRows[t]].
        var binv = [Double](repeating: 0, count: m * m)
        for (c, i) in structural.enumerated() {
            for t in 0..<k { binv[i * m + tightRows[t]] = inv[c * k + t] }
        }
        for r in 0..<m where pos[n + r] >= 0 { binv[pos[n + r] * m + r] = -1 }
        for (c, i) in structural.enumerated() {
            let j = basis[i]
            for e in colStart[j]..<colStart[j + 1] where tIndex[colRow[e]] < 0 {
                let slackPos = pos[n + colRow[e]], v = colVal[e]
                for t in 0..<k { binv[slackPos * m + tightRows[t]] += v * inv[c * k + t] }
            }
        }
        self.inv.reset(base: binv)
        return true
    }
}
