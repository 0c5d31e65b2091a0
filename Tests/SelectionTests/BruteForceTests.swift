import XCTest
@testable import Selection

final class BruteForceTests: XCTestCase {
    /// 400 random instances: same verdict and objective as enumeration, and
    /// the returned selection satisfies every target.
    func testMatchesExhaustiveEnumeration() throws {
        var infeasible = 0
        for seed in 1...400 {
            let s = RandomScenarios.make(seed: UInt64(seed))
            let r = try Selector.solve(s)
            let expected = BruteForce.optimum(s)
            guard let expected else {
                XCTAssertEqual(r.status, .infeasible, "seed \(seed)")
                XCTAssertFalse(r.conflicts.isEmpty, "seed \(seed)")
                infeasible += 1
                continue
            }
            XCTAssertEqual(r.status, .optimal, "seed \(seed)")
            XCTAssertEqual(r.objective ?? -1, Double(expected) / 100, accuracy: 1e-9, "seed \(seed)")
            XCTAssertEqual(r.bound ?? -1, r.objective ?? -2, "seed \(seed)")
            let chosen = s.pool.filter { r.selected.contains($0.id) }
            XCTAssertTrue(BruteForce.feasible(s, chosen), "seed \(seed)")
        }
        XCTAssertGreaterThan(infeasible, 20, "the generator should produce infeasible cases too")
        XCTAssertLessThan(infeasible, 300)
    }

    /// Minimal conflicts: the reported targets alone are infeasible, and
    /// relaxing any one of them makes the rest feasible (by enumeration).
    func testConflictsAreIrreducible() throws {
        var checked = 0
        for seed in 1...400 {
            let s = RandomScenarios.make(seed: UInt64(seed))
            guard BruteForce.optimum(s) == nil else { continue }
            let model = try SelectionModel(s)
            let first = BranchAndBound(model: model, bounds: model.instance()).run()
            XCTAssertEqual(first.status, .infeasible)
            let conflict = ConflictFinder.minimalConflict(model: model, rootRay: first.rootRay, deadline: nil)
            XCTAssertFalse(conflict.isEmpty, "seed \(seed)")
            let others = Set(model.items).subtracting(conflict)
            XCTAssertFalse(enumerate(model, model.instance(without: others)), "seed \(seed): conflict not infeasible")
            for item in conflict {
                XCTAssertTrue(enumerate(model, model.instance(without: others.union([item]))),
                              "seed \(seed): \(item) not needed")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }

    private func enumerate(_ model: SelectionModel, _ b: ModelBounds) -> Bool {
        let n = model.variableCount
        for mask in 0..<(1 << n) where model.isFeasible((0..<n).map { mask & (1 << $0) != 0 }, b) { return true }
        return false
    }
}
