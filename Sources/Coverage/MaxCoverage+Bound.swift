extension MaxCoverageProblem {
    /// A tighter ceiling on the optimum by Lagrangian relaxation, refined by projected subgradient steps.
    ///
    /// Relaxing "element e counts only if a chosen set covers it" with a price λₑ ∈ [0, wₑ] gives, for
    /// every λ, OPT ≤ L(λ) = Σₑ (wₑ − λₑ) + (sum of the k largest set prices Σ_{e∈j} λₑ). The greedy bound
    /// at the last step is L at λ = weights of the elements greedy left uncovered, so we start there and
    /// only ever return the smallest L seen: the result is a valid bound whatever the step sizes. Its
    /// minimum over λ is the linear-programming bound.
    func lagrangianBound(count k: Int, chosen: [Int], lowerBound: Double, iterations: Int) -> Double {
        guard k > 0, candidateCount > 0, !weights.isEmpty else { return lowerBound }
        var price = weights
        for candidate in chosen { for element in setElements.row(candidate) { price[Int(element)] = 0 } }
        var best = Double.infinity
        var scale = 1.0, sinceImprovement = 0
        var setPrice = [Double](repeating: 0, count: candidateCount)
        var hits = [Int](repeating: 0, count: weights.count)
        for _ in 0..<iterations {
            for candidate in 0..<candidateCount {
                setPrice[candidate] = setElements.row(candidate).reduce(0) { $0 + price[Int($1)] }
            }
            let top = Self.largestIndices(setPrice, count: k)
            let value = zip(weights, price).reduce(0) { $0 + $1.0 - $1.1 } + top.reduce(0) { $0 + setPrice[$1] }
            if value < best - 1e-9 { best = value; sinceImprovement = 0 } else {
                sinceImprovement += 1
                if sinceImprovement >= 5 { scale /= 2; sinceImprovement = 0 }
            }
            if best - lowerBound < 0.5 || scale < 1e-4 { break }
            // Subgradient of L in λₑ: (number of top sets holding e) − 1.
            for element in hits.indices { hits[element] = 0 }
            for candidate in top { for element in setElements.row(candidate) { hits[Int(element)] += 1 } }
            var norm = 0.0
            for element in hits.indices {
                let slope = Double(hits[element] - 1)
                // Only directions that the box [0, w] lets us move in count.
                if (slope < 0 && price[element] < weights[element]) || (slope > 0 && price[element] > 0) { norm += slope * slope }
            }
            guard norm > 0 else { break }
            let step = scale * (value - lowerBound) / norm
            for element in price.indices {
                // L decreases against the subgradient.
                price[element] = min(weights[element], max(0, price[element] - step * Double(hits[element] - 1)))
            }
        }
        return best
    }

    /// Offsets of the `count` largest values (ties to the smaller offset), unordered.
    static func largestIndices(_ values: [Double], count: Int) -> [Int] {
        guard count < values.count else { return Array(values.indices) }
        // Most set prices are zero far from the uncovered communes: sort only the others.
        var offsets = values.indices.filter { values[$0] > 0 }
        if offsets.count < count { offsets += values.indices.filter { values[$0] <= 0 }.prefix(count - offsets.count) }
        offsets.sort { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        return Array(offsets.prefix(count))
    }
}
