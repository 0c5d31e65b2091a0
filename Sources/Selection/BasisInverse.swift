import Foundation

/// B⁻¹ as a dense inverse taken at the last refactorisation times a file of
/// eta matrices, one per pivot (product form). Updating is then O(nnz of the
/// pivot column) instead of O(m²), and a row of B⁻¹ costs O(m·(etas+1)).
struct BasisInverse {
    let m: Int
    /// Row-major dense inverse at the last refactorisation.
    var base: [Double]
    /// The same, column-major, so that B⁻¹ a for a sparse a reads contiguous memory.
    var baseT: [Double]
    // Eta file: pivot row, pivot value, off-pivot entries of the column.
    var etaRow: [Int] = []
    var etaPivot: [Double] = []
    var etaStart: [Int] = [0]
    var etaIndex: [Int] = []
    var etaValue: [Double] = []

    init(m: Int) {
        self.m = m
        base = [Double](repeating: 0, count: m * m)
        for i in 0..<m { base[i * m + i] = -1 }
        baseT = base
    }

    var etaCount: Int { etaRow.count }

    mutating func reset(base newBase: [Double]) {
        base = newBase
        baseT = newBase
        for i in 0..<m { for j in 0..<m { baseT[j * m + i] = newBase[i * m + j] } }
        etaRow.removeAll(keepingCapacity: true); etaPivot.removeAll(keepingCapacity: true)
        etaStart = [0]; etaIndex.removeAll(keepingCapacity: true); etaValue.removeAll(keepingCapacity: true)
    }

    /// Records the pivot on row p with column c = B⁻¹ a_q.
    mutating func push(pivotRow p: Int, column c: [Double]) {
        etaRow.append(p); etaPivot.append(c[p])
        for i in 0..<m where i != p && c[i] != 0 { etaIndex.append(i); etaValue.append(c[i]) }
        etaStart.append(etaIndex.count)
    }

    /// v ← E_k ⋯ E_1 v.
    func applyEtas(_ v: inout [Double]) {
        for e in 0..<etaRow.count {
            let p = etaRow[e]
            if v[p] == 0 { continue }
            let t = v[p] / etaPivot[e]
            for k in etaStart[e]..<etaStart[e + 1] { v[etaIndex[k]] -= etaValue[k] * t }
            v[p] = t
        }
    }

    /// B⁻¹ v for a sparse v given as (row, value) pairs.
    func solve(sparse entries: [(Int, Double)]) -> [Double] {
        var out = [Double](repeating: 0, count: m)
        baseT.withUnsafeBufferPointer { b in
            for (r, a) in entries where a != 0 {
                let col = r * m
                for k in 0..<m { out[k] += b[col + k] * a }
            }
        }
        applyEtas(&out)
        return out
    }

    /// B⁻¹ v for a dense v.
    func solve(dense v: [Double]) -> [Double] {
        var nz: [(Int, Double)] = []
        for r in 0..<m where v[r] != 0 { nz.append((r, v[r])) }
        return solve(sparse: nz)
    }

    /// wᵀ B⁻¹ (row vector): etas from last to first, then the dense base.
    func leftSolve(_ w0: [Double]) -> [Double] {
        var w = w0
        var e = etaRow.count - 1
        while e >= 0 {
            let p = etaRow[e]
            var s = w[p]
            for k in etaStart[e]..<etaStart[e + 1] { s -= w[etaIndex[k]] * etaValue[k] }
            w[p] = s / etaPivot[e]
            e -= 1
        }
        var out = [Double](repeating: 0, count: m)
        base.withUnsafeBufferPointer { b in
            for r in 0..<m where w[r] != 0 {
                let f = w[r], row = r * m
                for c in 0..<m { out[c] += f * b[row + c] }
            }
        }
        return out
    }

    /// Row p of B⁻¹.
    func row(_ p: Int) -> [Double] {
        var w = [Double](repeating: 0, count: m)
        w[p] = 1
        return leftSolve(w)
    }
}
