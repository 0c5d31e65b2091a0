import Programme
import Territory
import XCTest

final class ReviewTests: XCTestCase {
    static let territory = OrganisationInputTests.territory
    let grid = CriteriaGrid(criteria: [
        Criterion(key: "a", label: "A", weight: 3, scale: 5),
        Criterion(key: "b", label: "B", weight: 1, scale: 10),
    ])

    func testScoreIsTheWeightedMeanOutOf20() {
        XCTAssertEqual(grid.score(["a": 5, "b": 10]), 20)
        XCTAssertEqual(grid.score(["a": 0, "b": 0]), 0)
        XCTAssertEqual(grid.score(["a": 4, "b": 5])!, 20 * (3 * 0.8 + 1 * 0.5) / 4, accuracy: 1e-12)
        XCTAssertNil(grid.score(["a": 4]), "an unfinished sheet has no score")
        XCTAssertNil(grid.score(["a": 6, "b": 1]), "a mark beyond the scale is not a mark")
    }

    func testConsolidationShowsMeanAndSpread() {
        let consolidated = ConsolidatedScore(grid: grid, sheets: [["a": 5, "b": 10], ["a": 0, "b": 0], ["a": 3]])
        XCTAssertEqual(consolidated.total?.mean, 10)
        XCTAssertEqual(consolidated.total?.spread, 10)
        XCTAssertEqual(consolidated.total?.count, 2)
        XCTAssertEqual(consolidated.byCriterion["a"]?.count, 3)
        XCTAssertEqual(consolidated.byCriterion["a"]!.mean, 8.0 / 3, accuracy: 1e-12)
        XCTAssertNil(ConsolidatedScore(grid: grid, sheets: []).total)
    }

    func testEligibilityIsConfiguration() throws {
        let angouleme = try XCTUnwrap(Self.territory.commune(code: "16015"))
        let village = try XCTUnwrap(Self.territory.communes.first { $0.isRural && !$0.hasPriorityNeighbourhood && $0.departmentCode == "16" })
        XCTAssertTrue(angouleme.hasPriorityNeighbourhood)
        let open = EligibilityRules()
        XCTAssertEqual(open.refusals(legalForm: .association, commune: angouleme, communeHasFabrique: true), [])
        let rural = EligibilityRules(legalForms: [.association, .cooperative], territory: .rural, excludeCommunesWithFabrique: true)
        let reasons = rural.refusals(legalForm: .company, commune: angouleme, communeHasFabrique: true)
        XCTAssertEqual(reasons.count, 3, "\(reasons)")
        XCTAssertEqual(rural.refusals(legalForm: .association, commune: village, communeHasFabrique: false), [])
        XCTAssertEqual(EligibilityRules(territory: .qpv).refusals(legalForm: .association, commune: village, communeHasFabrique: false).count, 1)
    }

    func testPrefillTakesTheProfileAndTheSameQuestionsOfThePreviousDossier() {
        let form = StandardCall.form
        var oldForm = form
        oldForm.sections[2].fields[0].type = .shortText
        let previous: DossierAnswers = [
            "projet_resume": .text("ancien résumé"), "lieu_surface": .text("300"), "piece_statuts": .text("4"),
            "structure_nom": .text("Ancien nom"), "question_retiree": .text("x"),
        ]
        let answers = DossierPrefill.answers(form: form, profile: ApplicantProfile(organisationName: "Nouveau nom", siret: "73282932000074", placeName: "Le Lieu"),
                                             previous: (previous, oldForm))
        XCTAssertEqual(answers["lieu_surface"], .text("300"))
        XCTAssertNil(answers["projet_resume"], "the question changed type")
        XCTAssertNil(answers["piece_statuts"], "files are not carried over")
        XCTAssertNil(answers["question_retiree"])
        XCTAssertEqual(answers["structure_nom"], .text("Ancien nom"), "what the applicant wrote last time wins over the profile")
        XCTAssertEqual(answers["structure_siret"], .text("73282932000074"))
        XCTAssertEqual(answers["lieu_nom"], .text("Le Lieu"))
    }
}
