import Directory
import Territory
@testable import Web
import XCTest

/// The search parameters as typed in the form or a URL: spaces around values are ignored, whatever
/// they are, and a wrong value is refused with a French message naming it.
final class PlaceQueryParseTests: XCTestCase {
    let territory = try! TerritoryReference.loadBundled()

    func testSpacesAroundValuesAreIgnored() throws {
        let (query, commune) = try PlaceQuery.parse([
            "q": "  ruche\t", "service": "\u{A0}Aide aux démarches administratives\u{202F}", "commune": " 42218 ", "rayon": "20 ",
            "departement": "\t42", "type": "fablab", "page": " 2",
        ], territory: territory)
        XCTAssertEqual(query.text, "ruche")
        XCTAssertEqual(query.service, "Aide aux démarches administratives")
        XCTAssertEqual(commune?.name, "Saint-Étienne")
        XCTAssertEqual(query.radiusKilometres, 20)
        XCTAssertEqual(query.departmentCode, "42")
        XCTAssertEqual(query.kind, .fablab)
        XCTAssertEqual(query.page, 2)
        let (blank, _) = try PlaceQuery.parse(["q": " \u{A0} ", "service": ""], territory: territory)
        XCTAssertNil(blank.text)
        XCTAssertNil(blank.service)
    }

    func testWrongValuesAreRefusedByName() {
        let cases: [([String: String], String)] = [
            (["service": "Réparation de vélos"], "service inconnu : Réparation de vélos"),
            (["rayon": "0"], "rayon attend"),
            (["commune": "Zzzyxville"], "commune introuvable : Zzzyxville"),
            (["qpv": "peut-être"], "qpv attend oui ou non"),
            (["par_page": "500"], "par_page attend"),
        ]
        for (parameters, message) in cases {
            XCTAssertThrowsError(try PlaceQuery.parse(parameters, territory: territory)) { error in
                XCTAssertTrue((error as? AppError)?.detail.contains(message) == true, "\(parameters): \(error)")
            }
        }
    }
}
