import Territory

extension CoverageAnalysis {
    /// Suggests `count` communes where a new place would bring the most uncovered people within
    /// `radiusKilometres`: lazy greedy, then single swaps, with a proven upper bound (see
    /// `MaxCoverageProblem.greedy`). Deterministic: ties go to the smaller commune code.
    public func suggest(count: Int, radiusKilometres: Double, target: CoverageTarget = .allPlaces) -> CoverageSuggestion {
        let problem = maxCoverageProblem(radiusKilometres: radiusKilometres, target: target)
        let solution = problem.greedy(count: count, swaps: true)
        let sites = zip(solution.chosen, solution.gains).enumerated().map { rank, pick in
            SuggestedSite(rank: rank + 1, code: communes[pick.0].code, name: communes[pick.0].name,
                          departmentCode: communes[pick.0].departmentCode, addedPopulation: Int(pick.1))
        }
        let added = Int(solution.coveredWeight), bound = Int(solution.upperBound)
        return CoverageSuggestion(
            radiusKilometres: radiusKilometres, requestedCount: count, uncoveredPopulation: Int(problem.weights.reduce(0, +)),
            sites: sites, addedPopulation: added, upperBound: bound,
            guaranteedRatio: bound > 0 ? Double(added) / Double(bound) : 1)
    }

    /// The maximum-coverage model behind `suggest`: elements are the inhabited communes beyond the
    /// radius of every target place, candidates are all communes (offsets in `communes`), and a
    /// candidate covers the elements within the radius of its centroid. Public so that the benchmark can
    /// hand the very same model to an exact solver.
    public func maxCoverageProblem(radiusKilometres: Double, target: CoverageTarget = .allPlaces) -> MaxCoverageProblem {
        let uncovered = communes.indices.filter { offset in
            guard communes[offset].population > 0 else { return false }
            guard let distance = targetDistance(offset: offset, target: target) else { return true }
            return distance > radiusKilometres
        }
        // Distance is symmetric, so the candidates covering an element are the communes within the
        // radius of that element: one radius query per uncovered commune, then a transpose.
        var starts = [0], values: [Int32] = []
        starts.reserveCapacity(uncovered.count + 1)
        for offset in uncovered {
            let begin = values.count
            communeTree.appendIndices(within: radiusKilometres, of: communes[offset].position, to: &values)
            values[begin...].sort()
            starts.append(values.count)
        }
        return MaxCoverageProblem(weights: uncovered.map { Double(communes[$0].population) },
                                  elementSets: Adjacency(starts: starts, values: values), candidateCount: communes.count)
    }

    /// The problem's candidate offsets as commune codes.
    public func communeCode(candidate: Int) -> String { communes[candidate].code }

    private func targetDistance(offset: Int, target: CoverageTarget) -> Double? {
        let position = communes[offset].position
        switch target {
        case .allPlaces: return placeTree.nearest(to: position)?.kilometres
        case .fabriques: return fabriqueTree.nearest(to: position)?.kilometres
        case .service(let name):
            // Rebuilt per call on purpose: service filters are rare and the tree is small.
            return serviceTree(name).nearest(to: position)?.kilometres
        }
    }

    private func serviceTree(_ name: String) -> SphereTree {
        SphereTree(points: places.filter { $0.services.contains(name) }.map(\.position))
    }
}
