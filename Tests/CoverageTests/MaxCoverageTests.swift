import Coverage
import Territory
import XCTest

final class MaxCoverageTests: XCTestCase {
    func testHandInstance() {
        // Set 1 weighs 7 and goes first; set 2 then adds 6 and everything (13) is covered, so the bound is tight.
        let problem = MaxCoverageProblem(weights: [3, 3, 2, 2, 3], sets: [[0, 1], [0, 2, 3], [1, 4], [4]])
        let solution = problem.greedy(count: 2)
        XCTAssertEqual(solution.chosen, [1, 2])
        XCTAssertEqual(solution.gains, [7, 6])
        XCTAssertEqual(solution.coveredWeight, 13)
        XCTAssertEqual(solution.upperBound, 13)
        XCTAssertEqual(problem.coveredWeight([1, 2]), 13)
    }

    func testASwapFixesAGreedyTrap() {
        // Greedy takes set 0 (weight 10) first, then set 1 adds 4: 14. Sets 1 and 2 cover everything
        // (18) once set 0 is swapped out.
        let problem = MaxCoverageProblem(weights: [5, 5, 4, 4], sets: [[0, 1], [0, 2], [1, 3]])
        XCTAssertEqual(problem.greedy(count: 2).coveredWeight, 14)
        let swapped = problem.greedy(count: 2, swaps: true)
        XCTAssertEqual(swapped.coveredWeight, 18)
        XCTAssertEqual(Set(swapped.chosen), [1, 2])
    }

    func testTiesGoToTheSmallerCandidate() {
        let problem = MaxCoverageProblem(weights: [5, 5], sets: [[], [1], [0]])
        XCTAssertEqual(problem.greedy(count: 2).chosen, [1, 2])
    }

    func testStopsWhenNothingIsLeftAndIsThenOptimal() {
        let problem = MaxCoverageProblem(weights: [1, 2], sets: [[0, 1], [1]])
        let solution = problem.greedy(count: 5)
        XCTAssertEqual(solution.chosen, [0])
        XCTAssertEqual(solution.upperBound, 3)
    }

    /// On random small instances: greedy ≤ exhaustive optimum ≤ bound.
    func testBoundEnclosesTheExhaustiveOptimum() {
        var generator = SplitMix64(seed: 3)
        for _ in 0..<60 {
            let elements = Int.random(in: 5...25, using: &generator), candidates = Int.random(in: 3...11, using: &generator)
            let weights = (0..<elements).map { _ in Double(Int.random(in: 0...100, using: &generator)) }
            let sets = (0..<candidates).map { _ in (0..<elements).filter { _ in Int.random(in: 0..<4, using: &generator) == 0 } }
            let problem = MaxCoverageProblem(weights: weights, sets: sets)
            for k in 1...3 {
                let solution = problem.greedy(count: k)
                let optimum = subsets(of: candidates, size: k).map(problem.coveredWeight).max() ?? 0
                let swapped = problem.greedy(count: k, swaps: true)
                XCTAssertGreaterThanOrEqual(swapped.coveredWeight, solution.coveredWeight)
                XCTAssertLessThanOrEqual(swapped.coveredWeight, optimum)
                XCTAssertEqual(problem.coveredWeight(swapped.chosen), swapped.coveredWeight)
                XCTAssertEqual(Set(swapped.chosen).count, swapped.chosen.count)
                XCTAssertEqual(swapped.gains, swapped.gains.sorted(by: >))
                XCTAssertEqual(problem.coveredWeight(solution.chosen), solution.coveredWeight)
                XCTAssertLessThanOrEqual(solution.coveredWeight, optimum)
                XCTAssertGreaterThanOrEqual(solution.upperBound, optimum)
                XCTAssertGreaterThanOrEqual(solution.coveredWeight, (1 - 1 / M_E) * optimum - 1e-9)
            }
        }
    }

    func testSuggestionsOnTheRealCommunes() {
        let communes = bundledTerritory.communes.filter { $0.kind == .commune }
        let places = stride(from: 0, to: communes.count, by: 97).map {
            CoveragePlace(id: communes[$0].code, position: communes[$0].position)
        }
        let analysis = CoverageAnalysis(territory: bundledTerritory, places: places)
        let suggestion = analysis.suggest(count: 10, radiusKilometres: 10)
        let report = analysis.report(radiusKilometres: 10)
        XCTAssertEqual(suggestion.uncoveredPopulation, report.national.population - report.national.coveredPopulation)
        XCTAssertEqual(suggestion.sites.count, 10)
        XCTAssertEqual(suggestion.sites.reduce(0) { $0 + $1.addedPopulation }, suggestion.addedPopulation)
        XCTAssertGreaterThanOrEqual(suggestion.upperBound, suggestion.addedPopulation)
        XCTAssertGreaterThan(suggestion.guaranteedRatio, 1 - 1 / M_E)
        // Independent check of the first site's gain: the uncovered population within 10 km of it.
        let first = bundledTerritory.commune(code: suggestion.sites[0].code)!
        let uncovered = Set(report.zonesBlanches.map(\.code))
        let expected = communes.filter { uncovered.contains($0.code) && $0.position.distanceKilometres(to: first.position) <= 10 }
            .reduce(0) { $0 + $1.population }
        XCTAssertEqual(suggestion.sites[0].addedPopulation, expected)
        // Adding places at the suggested sites covers exactly the promised population.
        let extended = CoverageAnalysis(territory: bundledTerritory, places: places + suggestion.sites.map {
            CoveragePlace(id: $0.code, position: bundledTerritory.commune(code: $0.code)!.position)
        })
        XCTAssertEqual(extended.report(radiusKilometres: 10).national.coveredPopulation,
                       report.national.coveredPopulation + suggestion.addedPopulation)
    }

    private func subsets(of count: Int, size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard count >= size else { return [] }
        return subsets(of: count - 1, size: size) + subsets(of: count - 1, size: size - 1).map { $0 + [count - 1] }
    }
}
