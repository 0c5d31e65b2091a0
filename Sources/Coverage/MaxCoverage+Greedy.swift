extension MaxCoverageProblem {
    /// Greedy maximum coverage (1 - 1/e of the optimum in the worst case, usually within a few tenths of
    /// a percent on population data), with an a-posteriori bound on the optimum.
    ///
    /// Gains are kept exact: when an element becomes covered, its weight is taken off every candidate
    /// that covers it, so the total work is the size of the neighbour lists, not k × candidates. The
    /// heap is lazy: gains only decrease, so a popped entry whose gain is still current is the maximum.
    /// Ties go to the smaller candidate index (communes are in code order).
    ///
    /// Bound: for any step i with chosen set Sᵢ, OPT ≤ f(Sᵢ) + (sum of the k largest marginal gains
    /// w.r.t. Sᵢ), by submodularity (the optimal k sets add at most their own marginal gains). The bound
    /// returned is the minimum over i = 0...k and the Lagrangian bound (`lagrangianBound`) after
    /// `boundIterations` subgradient steps, which is usually far tighter.
    /// With `swaps`, the greedy choice is then improved by `improvedBySwaps` (the bound is unchanged:
    /// it bounds every solution).
    public func greedy(count k: Int, boundIterations: Int = 100, swaps: Bool = false) -> MaxCoverageSolution {
        var gain = [Double](repeating: 0, count: candidateCount)
        for candidate in 0..<candidateCount {
            gain[candidate] = setElements.row(candidate).reduce(0) { $0 + weights[Int($1)] }
        }
        let total = weights.reduce(0, +)
        var heap = CandidateHeap(gains: gain)
        var covered = [Bool](repeating: false, count: weights.count)
        var chosen: [Int] = [], gains: [Double] = []
        var achieved = 0.0
        var bound = total
        while chosen.count < k {
            bound = min(bound, achieved + Self.largestSum(gain, count: k))
            guard let candidate = heap.popCurrent(gains: gain), gain[candidate] > 0 else { break }
            chosen.append(candidate)
            gains.append(gain[candidate])
            achieved += gain[candidate]
            for element in setElements.row(candidate) where !covered[Int(element)] {
                covered[Int(element)] = true
                let weight = weights[Int(element)]
                for other in elementSets.row(Int(element)) { gain[Int(other)] -= weight }
            }
        }
        // Once greedy stops early every gain is zero: nothing more can be covered, the result is optimal.
        bound = chosen.count < k ? achieved : min(bound, achieved + Self.largestSum(gain, count: k))
        if bound > achieved + 0.5 {
            bound = min(bound, lagrangianBound(count: k, chosen: chosen, lowerBound: achieved, iterations: boundIterations))
        }
        guard swaps, chosen.count == k else {
            return MaxCoverageSolution(chosen: chosen, gains: gains, coveredWeight: achieved, upperBound: max(bound, achieved))
        }
        let improved = orderedByGain(improvedBySwaps(chosen))
        let improvedTotal = improved.gains.reduce(0, +)
        return MaxCoverageSolution(chosen: improved.chosen, gains: improved.gains, coveredWeight: improvedTotal, upperBound: max(bound, improvedTotal))
    }

    /// Sum of the `count` largest values, by a min-heap of that size (values are mostly zero late on).
    static func largestSum(_ values: [Double], count: Int) -> Double {
        guard count > 0 else { return 0 }
        var smallest = MinHeap()
        for value in values where value > 0 {
            if smallest.count < count { smallest.push(value) } else if value > smallest.top { smallest.replaceTop(value) }
        }
        return smallest.sum
    }
}
