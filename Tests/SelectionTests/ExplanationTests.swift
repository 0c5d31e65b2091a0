import XCTest
@testable import Selection

final class ExplanationTests: XCTestCase {
    private func withScore(_ s: SelectionScenario, _ id: String, _ score: Double) -> SelectionScenario {
        var s = s
        let k = s.pool.firstIndex { $0.id == id }!
        s.pool[k].score = score
        return s
    }

    /// "Score needed" and "can lose" are thresholds: at the threshold the
    /// dossier is in an optimal selection, one cent beyond it is not.
    /// Verified by re-solving with the modified score (and by enumeration).
    func testThresholdsVerifiedByResolving() throws {
        var checked = 0
        for seed in 1...200 {
            let s = RandomScenarios.make(seed: UInt64(seed) &* 7919)
            let r = try Selector.solve(s, options: SelectionOptions(explain: true))
            guard r.status == .optimal, let ex = r.explanations else { continue }
            for (id, e) in ex.sorted(by: { $0.key < $1.key }) where e.verified {
                if !e.selected, let need = e.scoreNeeded {
                    XCTAssertTrue(try inSomeOptimum(withScore(s, id, need), id), "seed \(seed) \(id) at \(need)")
                    if need - 0.01 >= (s.targets.eligibility.minScore ?? -.infinity) {
                        XCTAssertFalse(try inSomeOptimum(withScore(s, id, need - 0.01), id), "seed \(seed) \(id) below \(need)")
                    }
                    checked += 1
                }
                if e.selected, let lose = e.canLose, !s.targets.forcedIn.contains(id) {
                    XCTAssertTrue(try inSomeOptimum(withScore(s, id, e.score - lose), id), "seed \(seed) \(id)")
                    XCTAssertFalse(try inSomeOptimum(withScore(s, id, e.score - lose - 0.01), id), "seed \(seed) \(id)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// Whether some optimal selection contains `id`: solver and enumeration agree.
    private func inSomeOptimum(_ s: SelectionScenario, _ id: String) throws -> Bool {
        let best = try Selector.optimum(s)
        let withIt = try Selector.optimum(s, fixing: [id: true])
        let bruteWith = bruteForceWith(s, id)
        let solver = withIt != nil && best != nil && abs(withIt! - best!) < 1e-9
        let brute = bruteWith != nil && BruteForce.optimum(s).map { $0 == bruteWith! } == true
        XCTAssertEqual(solver, brute, "solver and enumeration disagree on \(id)")
        return solver
    }

    private func bruteForceWith(_ s: SelectionScenario, _ id: String) -> Int? {
        let n = s.pool.count
        let k = s.pool.firstIndex { $0.id == id }!
        var best: Int?
        for mask in 0..<(1 << n) where mask & (1 << k) != 0 {
            let chosen = (0..<n).filter { mask & (1 << $0) != 0 }.map { s.pool[$0] }
            guard BruteForce.feasible(s, chosen) else { continue }
            let v = chosen.reduce(0) { $0 + Int((($1.score + $1.bonus) * 100).rounded()) }
            if best == nil || v > best! { best = v }
        }
        return best
    }

    func testFrenchWording() throws {
        var t = SelectionTargets(select: SelectCount(exactly: 3), budget: 45_000_000)
        t.categories["qpv"] = CountBounds(min: 150)
        t.perWave = CountBounds(max: 30)
        let pool = (0..<40).map { PoolDossier(id: "D\($0)", score: 10, amount: 100_000, commune: "42218", categories: ["qpv"], wave: "3") }
        let model = try SelectionModel(SelectionScenario(pool: pool, targets: t))
        let texts = model.items.map { TargetWording.describe($0, model: model) }
        XCTAssertTrue(texts.contains("au moins 150 Fabriques en QPV"), "\(texts)")
        XCTAssertTrue(texts.contains("au plus 30 lauréats pour la vague 3"), "\(texts)")
        XCTAssertTrue(texts.contains("budget de 45 000 000 €"), "\(texts)")
        XCTAssertTrue(texts.contains("exactement 3 lauréats"), "\(texts)")
    }
}
