import XCTest
@testable import Selection

final class DeterminismTests: XCTestCase {
    private func strip(_ r: SelectionResult) -> SelectionResult {
        var r = r
        r.stats.seconds = 0
        return r
    }

    /// Same input, same output; file order does not matter (ties included).
    func testSameResultTwiceAndWhenShuffled() throws {
        for seed in 1...60 {
            var s = RandomScenarios.make(seed: UInt64(seed) &+ 1000, size: 12)
            // Many ties on purpose.
            for i in s.pool.indices where i % 2 == 0 { s.pool[i].score = 12; s.pool[i].bonus = 0 }
            let a = strip(try Selector.solve(s, options: SelectionOptions(explain: true)))
            let b = strip(try Selector.solve(s, options: SelectionOptions(explain: true)))
            XCTAssertEqual(a, b, "seed \(seed)")
            var g = SeededRandom(UInt64(seed))
            s.pool.shuffle(using: &g)
            let c = strip(try Selector.solve(s, options: SelectionOptions(explain: true)))
            XCTAssertEqual(a.selected, c.selected, "seed \(seed)")
            XCTAssertEqual(a.objective, c.objective, "seed \(seed)")
            XCTAssertEqual(a.conflicts, c.conflicts, "seed \(seed)")
            XCTAssertEqual(a.explanations, c.explanations, "seed \(seed)")
        }
    }

    func testTimeLimitedStatus() throws {
        let s = RandomScenarios.make(seed: 42, size: 200)
        let r = try Selector.solve(s, options: SelectionOptions(timeLimit: 0))
        XCTAssertEqual(r.status, .timeLimited)
    }

    func testJSONRoundTripAndOutputKeys() throws {
        let s = RandomScenarios.make(seed: 3)
        let again = try SelectionScenario.decode(try s.encoded())
        XCTAssertEqual(s, again)
        let text = String(decoding: try Selector.solve(s).jsonData(), as: UTF8.self)
        XCTAssertTrue(text.contains("\"status\""))
        XCTAssertTrue(text.contains("\"selected\""))
    }

    func testMeaninglessScenarioIsAnError() {
        let pool = [PoolDossier(id: "A", score: 1, commune: "42218")]
        XCTAssertThrowsError(try Selector.solve(SelectionScenario(pool: pool, targets: SelectionTargets(forcedIn: ["Z"]))))
        XCTAssertThrowsError(try Selector.solve(SelectionScenario(pool: pool, targets: SelectionTargets(forcedIn: ["A"], forcedOut: ["A"]))))
    }
}
