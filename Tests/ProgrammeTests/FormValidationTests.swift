import Programme
import Territory
import XCTest

final class FormValidationTests: XCTestCase {
    static let territory = OrganisationInputTests.territory
    let form = StandardCall.form

    var complete: DossierAnswers {
        [
            "structure_nom": .text("La Fabrique du Bocage"), "structure_siret": .text("732 829 320 00074"),
            "structure_commune": .text("16015"), "contact_email": .text("contact@bocage.fr"), "contact_telephone": .text("05 45 00 00 00"),
            "lieu_nom": .text("Le Bocage"), "lieu_commune": .text("Angoulême"), "lieu_ouverture": .text("2019-09-01"),
            "lieu_surface": .text("450"), "projet_resume": .text(String(repeating: "Un lieu ressource pour le réseau local. ", count: 4)),
            "projet_roles": .choices(["Compétences numériques"]), "projet_numerique": .text("non"),
            "budget_lignes": .rows([["poste": "Animation", "annee1": "30 000", "annee2": "30 000", "annee3": "25 000,50"]]),
            "montant_demande": .text("120 000"), "piece_statuts": .text("7"),
        ]
    }

    func errors(_ answers: DossierAnswers, _ mode: FormValidator.Mode = .submission) -> [String: String] {
        FormValidator.errors(answers, form: form, mode: mode, territory: Self.territory, storedFiles: ["7"])
    }

    func testTheStandardFormIsWellFormed() {
        XCTAssertEqual(form.problems(), [])
        XCTAssertEqual(StandardCall.grid.problems(), [])
    }

    func testACompleteDossierPasses() {
        XCTAssertEqual(errors(complete), [:])
    }

    func testADraftIsCheckedOnlyForWhatWasTyped() {
        let draft: DossierAnswers = ["structure_nom": .text("En cours"), "structure_siret": .text("123")]
        XCTAssertEqual(Set(errors(draft, .draft).keys), ["structure_siret"])
        let submitted = errors(draft)
        XCTAssertEqual(submitted["structure_siret"], errors(draft, .draft)["structure_siret"])
        XCTAssertEqual(submitted["piece_statuts"], "Joignez ce document : il est obligatoire.")
        XCTAssertEqual(submitted["budget_lignes"], "Remplissez au moins une ligne : ce tableau est obligatoire.")
        XCTAssertNil(submitted["contact_telephone"], "optional")
        XCTAssertNil(submitted["projet_mediation"], "hidden until numérique is yes")
    }

    func testEachTypedFieldHasItsFrenchMessage() {
        var answers = complete
        answers["contact_email"] = .text("contact@bocage")
        answers["contact_telephone"] = .text("12 34")
        answers["lieu_commune"] = .text("Saint-Martin")
        answers["lieu_site"] = .text("javascript:alert(1)")
        answers["lieu_ouverture"] = .text("31/02/2020")
        answers["lieu_surface"] = .text("beaucoup")
        answers["montant_demande"] = .text("200 000")
        answers["projet_roles"] = .choices(["Boulangerie"])
        answers["projet_numerique"] = .text("peut-être")
        answers["structure_nom"] = .text("Ligne 1\nLigne 2")
        let found = errors(answers)
        XCTAssertEqual(Set(found.keys), ["contact_email", "contact_telephone", "lieu_commune", "lieu_site", "lieu_ouverture", "lieu_surface",
                                         "montant_demande", "projet_roles", "projet_numerique", "structure_nom"])
        XCTAssertTrue(found["lieu_commune"]!.contains("Plusieurs communes"), found["lieu_commune"]!)
        XCTAssertEqual(found["montant_demande"], "La valeur doit être au plus 150\u{202F}000 €.")
        XCTAssertTrue(found["projet_roles"]!.contains("Boulangerie"))
    }

    func testConditionalFieldBecomesRequiredWhenShown() {
        var answers = complete
        answers["projet_numerique"] = .text("oui")
        XCTAssertEqual(errors(answers)["projet_mediation"], "Ce champ est obligatoire.")
        answers["projet_mediation"] = .text("Permanences hebdomadaires.")
        XCTAssertEqual(errors(answers), [:])
    }

    func testGroupRowsAreCheckedCellByCell() {
        var answers = complete
        answers["budget_lignes"] = .rows([
            ["poste": "Loyer", "annee1": "10 000", "annee2": "10 000", "annee3": "10 000"],
            ["poste": "", "annee1": "-5", "annee2": "12,345", "annee3": ""],
            ["poste": "", "annee1": "", "annee2": "", "annee3": ""],
        ])
        let found = errors(answers)
        XCTAssertEqual(found["budget_lignes.1.poste"], "Ce champ est obligatoire.")
        XCTAssertEqual(found["budget_lignes.1.annee1"], "Le montant ne peut pas être négatif.")
        XCTAssertNotNil(found["budget_lignes.1.annee2"], "a fraction of a cent")
        XCTAssertEqual(found["budget_lignes.1.annee3"], "Ce champ est obligatoire.")
        XCTAssertFalse(found.keys.contains { $0.hasPrefix("budget_lignes.2") }, "an empty row is ignored")
    }

    func testAFileAnswerMustPointAtAStoredFile() {
        var answers = complete
        answers["piece_statuts"] = .text("99")
        XCTAssertEqual(errors(answers)["piece_statuts"], "Le fichier joint est introuvable : joignez-le à nouveau.")
    }

    func testFileTypesAndSizesAreCheckedOnContent() {
        let field = form.field("piece_statuts")!
        let pdf = Array("%PDF-1.7\n".utf8)
        XCTAssertNil(FileRule.check(filename: "statuts.PDF", size: 1_000_000, leadingBytes: pdf, field: field))
        XCTAssertTrue(FileRule.check(filename: "statuts.exe", size: 10, leadingBytes: pdf, field: field)!.contains("pdf"))
        XCTAssertTrue(FileRule.check(filename: "statuts.pdf", size: 10, leadingBytes: Array("MZ\u{90}".utf8), field: field)!.contains("ne correspond pas"))
        XCTAssertEqual(FileRule.check(filename: "statuts.pdf", size: 6 * 1024 * 1024, leadingBytes: pdf, field: field), "Fichier trop lourd : 6 Mo pour 5 Mo au plus.")
        XCTAssertEqual(FileRule.check(filename: "statuts.pdf", size: 0, leadingBytes: [], field: field), "Le fichier est vide.")
        XCTAssertEqual(FileRule.check(filename: "pdf", size: 10, leadingBytes: pdf, field: field), "Type de fichier refusé : formats acceptés pdf.")
    }

    func testFormJSONWrittenByTheComiteIsCheckedBeforeUse() {
        if case .failure(let e) = FormDefinition.parse(json: #"{"sections":[{"title":"A","fields":[{"key":"x","label":"X","type":"couleur"}]}]}"#) {
            XCTAssertTrue(e.messages["form"]!.hasPrefix("Type de champ inconnu à sections[0].fields[0].type"), e.messages["form"]!)
        } else { XCTFail("unknown type accepted") }
        let broken = #"{"sections":[{"title":"A","fields":[{"key":"b","label":"B","type":"texte_court","show_if":{"field":"a","equals":["oui"]}},{"key":"a","label":"A","type":"oui_non"},{"key":"a","label":"A2","type":"choix_unique"}]}]}"#
        guard case .failure(let errors) = FormDefinition.parse(json: broken) else { return XCTFail("accepted") }
        let message = errors.messages["form"]!
        XCTAssertTrue(message.contains("« b » dépend de « a »"), message)
        XCTAssertTrue(message.contains("utilisée deux fois"), message)
        XCTAssertTrue(message.contains("sans options"), message)
        XCTAssertEqual(try FormDefinition.parse(json: String(decoding: try JSONEncoder().encode(form), as: UTF8.self)).get(), form)
    }

    func testFrenchNumbersAndAmounts() {
        XCTAssertEqual(FrenchNumber.cents("12 500,50 €"), 1_250_050)
        XCTAssertEqual(FrenchNumber.cents("1.000,5"), 100_050)
        XCTAssertEqual(FrenchNumber.cents("12500.5"), 1_250_050)
        XCTAssertNil(FrenchNumber.cents("12,345"))
        XCTAssertNil(FrenchNumber.parse("1e5"))
        XCTAssertEqual(FrenchNumber.euros(cents: 7_500_000), "75\u{202F}000\u{00A0}€")
    }
}
