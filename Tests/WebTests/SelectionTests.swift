import Foundation
import Selection
import Storage
import Web
import XCTest

/// The comité's selection through the real application: scenarios computed from the reviewed dossiers,
/// proven, explained, compared, exported and turned into decisions.
final class SelectionWebTests: XCTestCase {
    static let comite = ("comite@demo.fabriques.fr", "demo-comite-fabriques")

    static func scenario(_ browser: Browser, _ fields: [(String, String)]) async throws -> String {
        let created = try await browser.post("/selection", form: [("appel", "1"), ("exclure_defavorables", "1"), ("limite", "30")] + fields)
        XCTAssertEqual(created.status, .seeOther, String(created.body.prefix(2000)))
        return try XCTUnwrap(created.location)
    }

    static func result(_ services: AppServices, _ path: String) async throws -> (SelectionScenario, SelectionResult) {
        let id = try XCTUnwrap(Int64(path.split(separator: "/").last!))
        let found = try await services.scenarios.find(id: id)
        let stored = try XCTUnwrap(found)
        return (try SelectionScenario.decode(Data(stored.input.utf8)), try JSONDecoder.snakeCase.decode(SelectionResult.self, from: Data(stored.result.utf8)))
    }

    func testAProvenSelectionRespectsEveryTargetAndBecomesDecisions() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn(Self.comite.0, Self.comite.1)
            let fields = [("nom", "Dix au plus"), ("mode", "au_plus"), ("nombre", "10"), ("budget", "1 000 000"), ("min_rural", "2"),
                          ("max_qpv", "4"), ("max_region", "3"), ("max_departement", "1"), ("note_min", "8")]
            let path = try await Self.scenario(browser, fields)
            let page = try await browser.get(path)
            XCTAssertTrue(page.body.contains("Sélection optimale prouvée"), String(page.body.prefix(3000)))
            let (scenario, result) = try await Self.result(services, path)
            XCTAssertEqual(result.status, .optimal)
            XCTAssertEqual(result.objective, result.bound)
            XCTAssertGreaterThanOrEqual(scenario.pool.count, 30, "the demo's reviewed dossiers")
            let chosen = scenario.pool.filter { result.selected.contains($0.id) }
            XCTAssertLessThanOrEqual(chosen.count, 10)
            XCTAssertLessThanOrEqual(chosen.reduce(0) { $0 + $1.amount }, 1_000_000)
            XCTAssertGreaterThanOrEqual(chosen.filter { $0.categories.contains("rural") }.count, 2)
            XCTAssertEqual(Set(chosen.compactMap(\.department)).count, chosen.count, "at most one per département")
            XCTAssertLessThanOrEqual(chosen.filter { $0.categories.contains("qpv") }.count, 4)
            XCTAssertLessThanOrEqual(Dictionary(grouping: chosen, by: { $0.region ?? "" }).values.map(\.count).max() ?? 0, 3)
            XCTAssertTrue(chosen.allSatisfy { !$0.unfavourableOpinion && $0.score >= 8 })
            XCTAssertEqual(result.explanations?.count, scenario.pool.count, "every dossier is explained")

            let again = try await Self.scenario(browser, fields)
            let (_, rerun) = try await Self.result(services, again)
            XCTAssertEqual(rerun.selected, result.selected, "same inputs, same result")
            let comparison = try await browser.get("/selection/comparer?a=1&b=2")
            XCTAssertTrue(comparison.body.contains("Entrent (0)"))
            let csv = try await browser.get("\(path)/export.csv")
            XCTAssertEqual(csv.body.split(separator: "\r\n").count, scenario.pool.count + 1)

            let applied = try await browser.post("\(path)/appliquer", form: [], tokenFrom: path)
            XCTAssertEqual(applied.status, .seeOther)
            for entry in scenario.pool {
                let id = try XCTUnwrap(Int64(entry.id.dropFirst(4)))
                let dossier = try await services.dossiers.find(id: id)
                XCTAssertEqual(dossier?.state, result.selected.contains(entry.id) ? .accepted : .refused, entry.id)
                XCTAssertTrue(dossier?.decisionReason?.hasPrefix("Scénario de sélection n°1 « Dix au plus »") ?? false, dossier?.decisionReason ?? "no reason")
            }
            let twice = try await browser.post("\(path)/appliquer", form: [], tokenFrom: path)
            let flash = try await browser.get(try XCTUnwrap(twice.location))
            XCTAssertTrue(flash.body.contains("déjà été appliqué"))
        }
    }

    func testIncompatibleTargetsAreNamedAndOthersCannotSelect() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn("instructeur.charente@demo.fabriques.fr", "demo-instructeur-16")
            let forbidden = try await browser.get("/selection")
            XCTAssertEqual(forbidden.status, .forbidden)
            browser.forgetCookies()
            _ = try await browser.signIn(Self.comite.0, Self.comite.1)
            let bad = try await browser.post("/selection", form: [("appel", "1"), ("nom", ""), ("nombre", "dix"), ("imposes", "FDT-x")])
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.body.contains("Donnez un nom au scénario"))
            XCTAssertTrue(bad.body.contains("n&#39;est pas un numéro de dossier") || bad.body.contains("n'est pas un numéro de dossier"))
            let path = try await Self.scenario(browser, [("nom", "Impossible"), ("mode", "exactement"), ("nombre", "10"), ("min_numerique", "30")])
            let (_, result) = try await Self.result(services, path)
            XCTAssertEqual(result.status, .infeasible)
            XCTAssertFalse(result.conflicts.isEmpty)
            let page = try await browser.get(path)
            XCTAssertTrue(page.body.contains("Cibles incompatibles"))
            XCTAssertFalse(page.body.contains("Transformer ce scénario en décisions"), "only a proven selection becomes decisions")
        }
    }
}

extension JSONDecoder {
    static var snakeCase: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
