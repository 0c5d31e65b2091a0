import Programme
import Territory
import XCTest

final class OrganisationInputTests: XCTestCase {
    static let territory = try! TerritoryReference.loadBundled()

    func testSiretChecksum() {
        XCTAssertNotNil(Siret("732 829 320 00074"), "a real SIRET with spaces")
        XCTAssertNil(Siret("73282932000075"), "wrong check digit")
        XCTAssertNil(Siret("7328293200007"), "13 digits")
        XCTAssertNil(Siret("7328293200007A"))
        XCTAssertNotNil(Siret("35600000000001"), "La Poste's establishments follow their own rule")
        XCTAssertEqual(Siret("73282932000074")?.siren, "732829320")
    }

    func testValidInputResolvesTheCommuneByPostalCodeNameOrCode() throws {
        for typed in ["16000", "Angoulême", "angouleme", "16015"] {
            let input = OrganisationInput(name: " Le Lieu ", legalForm: "association", siret: "", commune: typed)
            let valid = try input.validate(territory: Self.territory).get()
            XCTAssertEqual(valid.commune.code, "16015", typed)
            XCTAssertEqual(valid.name, "Le Lieu")
        }
    }

    func testEachFaultyFieldGetsItsOwnFrenchMessage() {
        let input = OrganisationInput(name: "", legalForm: "sarl", siret: "123", commune: "Nulle-Part-sur-Mer")
        guard case .failure(let errors) = input.validate(territory: Self.territory) else { return XCTFail("accepted") }
        XCTAssertEqual(Set(errors.messages.keys), ["name", "legal_form", "siret", "commune"])
        XCTAssertTrue(errors.messages["siret"]!.contains("SIRET"))
    }

    func testAmbiguousCommuneNamesAskForTheCode() {
        let input = OrganisationInput(name: "X", legalForm: "association", siret: "", commune: "Saint-Denis")
        guard case .failure(let errors) = input.validate(territory: Self.territory) else { return XCTFail("accepted") }
        XCTAssertTrue(errors.messages["commune"]!.contains("93066"), errors.messages["commune"]!)
    }
}
