@testable import Web
import XCTest

/// Forms and query strings as browsers encode them (application/x-www-form-urlencoded).
final class FormDataTests: XCTestCase {
    func testFieldsAreDecodedLikeABrowserEncodesThem() {
        let form = FormData(encoded: "service=Aide+aux+d%C3%A9marches&q=saint%2B%C3%A9tienne&vide=&seul&nom%20=a%3Db&&cent=100%25")
        XCTAssertEqual(form.fields.map(\.name), ["service", "q", "vide", "seul", "nom ", "cent"])
        XCTAssertEqual(form["service"], "Aide aux démarches")
        XCTAssertEqual(form["q"], "saint+étienne", "an encoded plus stays a plus")
        XCTAssertEqual(form["vide"], "")
        XCTAssertEqual(form["seul"], "")
        XCTAssertEqual(form["nom "], "a=b")
        XCTAssertEqual(form["cent"], "100%")
    }

    func testMalformedEscapesAreKeptAsTyped() {
        let form = FormData(encoded: "a=100%&b=%zz%41&c=%4")
        XCTAssertEqual(form["a"], "100%")
        XCTAssertEqual(form["b"], "%zzA")
        XCTAssertEqual(form["c"], "%4")
    }

    func testRepeatedFieldsKeepEveryValueInOrder() {
        let form = FormData(encoded: "choix=1&choix=2&autre=x&choix=3")
        XCTAssertEqual(form.values("choix"), ["1", "2", "3"])
    }
}
