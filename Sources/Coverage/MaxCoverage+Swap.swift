extension MaxCoverageProblem {
    /// Improves a solution by single swaps: drop one chosen candidate, add the best other one, keep the
    /// change when it covers strictly more. Greedy is usually within a percent of the optimum; the
    /// swaps recover most of that last percent (they fix early picks that later ones made redundant).
    ///
    /// `count[e]` is how many chosen candidates cover e and `gain[c]` the weight c would add, both kept
    /// exact through removals and additions. Passes stop when one finds nothing or after `maxPasses`.
    /// Deterministic: chosen candidates are tried in order, ties go to the smaller candidate index.
    func improvedBySwaps(_ chosen: [Int], maxPasses: Int = 4) -> [Int] {
        var solution = chosen
        var count = [Int32](repeating: 0, count: weights.count)
        var gain = [Double](repeating: 0, count: candidateCount)
        for candidate in solution { for element in setElements.row(candidate) { count[Int(element)] += 1 } }
        for candidate in 0..<candidateCount {
            gain[candidate] = setElements.row(candidate).reduce(0) { $0 + (count[Int($1)] == 0 ? weights[Int($1)] : 0) }
        }
        func remove(_ candidate: Int) {
            for element in setElements.row(candidate) {
                count[Int(element)] -= 1
                if count[Int(element)] == 0 { for other in elementSets.row(Int(element)) { gain[Int(other)] += weights[Int(element)] } }
            }
        }
        func add(_ candidate: Int) {
            for element in setElements.row(candidate) {
                if count[Int(element)] == 0 { for other in elementSets.row(Int(element)) { gain[Int(other)] -= weights[Int(element)] } }
                count[Int(element)] += 1
            }
        }
        for _ in 0..<maxPasses {
            var improved = false
            for position in solution.indices {
                let current = solution[position]
                remove(current)
                let loss = gain[current]
                var best = current
                for candidate in 0..<candidateCount where gain[candidate] > gain[best] { best = candidate }
                // Half a person of margin: weights are whole populations, so this only rejects ties.
                if best != current && gain[best] > loss + 0.5 && !solution.contains(best) {
                    solution[position] = best
                    improved = true
                }
                add(solution[position])
            }
            if !improved { break }
        }
        return solution
    }

    /// Orders chosen candidates greedily (largest marginal weight first) and returns each one's gain,
    /// so that the list reads like the greedy one: each site with the population it adds.
    func orderedByGain(_ chosen: [Int]) -> (chosen: [Int], gains: [Double]) {
        var covered = [Bool](repeating: false, count: weights.count)
        var remaining = chosen, ordered: [Int] = [], gains: [Double] = []
        while !remaining.isEmpty {
            let marginal = remaining.map { setElements.row($0).reduce(0) { $0 + (covered[Int($1)] ? 0 : weights[Int($1)]) } }
            var pick = 0
            for offset in remaining.indices where marginal[offset] > marginal[pick]
                || (marginal[offset] == marginal[pick] && remaining[offset] < remaining[pick]) { pick = offset }
            ordered.append(remaining[pick])
            gains.append(marginal[pick])
            for element in setElements.row(remaining[pick]) { covered[Int(element)] = true }
            remaining.remove(at: pick)
        }
        return (ordered, gains)
    }
}
