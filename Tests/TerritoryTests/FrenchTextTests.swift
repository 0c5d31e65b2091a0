@testable import Territory
import XCTest

/// The quick folding must give exactly what Foundation's folding gives, for every character it handles.
final class FrenchTextTests: XCTestCase {
    func testQuickFoldingAgreesWithFoundationOnEveryCharacterItHandles() {
        var handled = 0
        let extra: [UInt32] = [0x152, 0x153, 0x178, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x202F]
        for value in Array(0x0...0x24F) + extra {
            guard let scalar = UnicodeScalar(value) else { continue }
            for text in ["\(scalar)", "A\(scalar)b", "x \(scalar)-Y", "\(scalar)\(scalar)9"] {
                guard let quick = FrenchText.quickFold(text) else { continue }
                XCTAssertEqual(quick, FrenchText.foundationFold(text), "U+\(String(value, radix: 16)) in \(text.debugDescription)")
                handled += 1
            }
        }
        XCTAssertGreaterThan(handled, 4 * 180, "ASCII and French letters are handled without Foundation")
    }

    func testFrenchNamesFold() {
        XCTAssertEqual(FrenchText.fold("Saint-Étienne"), "saint etienne")
        XCTAssertEqual(FrenchText.fold("L’Œuvre « Cœur »  d'ÉTÉ"), "l oeuvre coeur d ete")
        XCTAssertEqual(FrenchText.fold("Straße"), FrenchText.foundationFold("Straße"), "other characters go through Foundation")
        XCTAssertNil(FrenchText.quickFold("Straße"))
    }
}
