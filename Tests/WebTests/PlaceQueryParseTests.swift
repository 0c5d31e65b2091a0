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

    func testParametersAreReadFromTheRequestTargetAsTheFormSendsThem() throws {
        let parameters = SearchParameters(
            target: "/api/v1/places?q=la+ruche&service=Aide%20aux%20d%C3%A9marches%20administratives&inconnu=1&rayon=5&rayon=20&par%5Fpage=50&qpv=")
        XCTAssertEqual(parameters[.text], "la ruche")
        XCTAssertEqual(parameters[.service], "Aide aux démarches administratives")
        XCTAssertEqual(parameters[.radius], "20", "the last value of a repeated name wins")
        XCTAssertEqual(parameters[.perPage], "50", "an escaped name is still known")
        XCTAssertEqual(parameters[.priorityNeighbourhood], "")
        XCTAssertNil(parameters[.commune])
        XCTAssertEqual(parameters.canonicalKey, "q=la ruche&service=Aide aux démarches administratives&rayon=20&par_page=50")
        XCTAssertEqual(SearchParameters(target: "/api/v1/places").canonicalKey, "")
        for name in SearchParameters.Name.allCases {
            XCTAssertEqual(SearchParameters(target: "/lieux?\(name.field)=x&\(name.field)x=y")[name], "x", name.field)
        }
        let (query, _) = try PlaceQuery.parse(parameters, territory: territory)
        XCTAssertEqual(query.text, "la ruche")
        XCTAssertEqual(query.perPage, 50)
        XCTAssertEqual(query.radiusKilometres, 20)
    }
}
