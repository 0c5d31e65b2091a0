import XCTest
@testable import Directory

/// The field checks an import runs on every row, written by hand rather than with regular expressions.
final class PlaceRecordCheckTests: XCTestCase {
    func testPhonesAreNormalisedToTheStandardsForm() {
        XCTAssertEqual(PlaceRecord.normalisedPhone("05 45 93 22 22"), "+33545932222")
        XCTAssertEqual(PlaceRecord.normalisedPhone("05.45.93.22.22"), "+33545932222")
        XCTAssertEqual(PlaceRecord.normalisedPhone("+33 5 45 93 22 22"), "+33545932222")
        XCTAssertEqual(PlaceRecord.normalisedPhone("+262 262 12 34 56"), "+262262123456")
        XCTAssertEqual(PlaceRecord.normalisedPhone("+590 590 12 34"), "+5905901234", "seven digits after an overseas prefix")
        XCTAssertNil(PlaceRecord.normalisedPhone("+44 20 7946 0958"), "not a French prefix")
        XCTAssertNil(PlaceRecord.normalisedPhone("05 45 93"), "too short")
        XCTAssertNil(PlaceRecord.normalisedPhone("+33 5 45 93 22 22 99"), "too long")
        XCTAssertNil(PlaceRecord.normalisedPhone("appeler la mairie"))
    }

    func testDatesMustBeISOAndNotTheEpoch() {
        XCTAssertTrue(PlaceRecord.isISODate("2024-03-15"))
        XCTAssertFalse(PlaceRecord.isISODate("1970-01-01"))
        XCTAssertFalse(PlaceRecord.isISODate("15/03/2024"))
        XCTAssertFalse(PlaceRecord.isISODate("2024-3-15"))
        XCTAssertFalse(PlaceRecord.isISODate("2024-03-15T10:00"))
        XCTAssertFalse(PlaceRecord.isISODate("2024_03_15"))
        XCTAssertFalse(PlaceRecord.isISODate("20a4-03-15"))
    }

    func testPivotsAreNineToFourteenLettersOrDigits() {
        XCTAssertTrue(PlaceRecord.isPivot("12345678901234"))
        XCTAssertTrue(PlaceRecord.isPivot("W163000123"))
        XCTAssertFalse(PlaceRecord.isPivot("12345678"))
        XCTAssertFalse(PlaceRecord.isPivot("123456789012345"))
        XCTAssertFalse(PlaceRecord.isPivot("123 456 789"))
        XCTAssertFalse(PlaceRecord.isPivot("12345678é"))
    }

    func testTrimmingRemovesEveryKindOfOuterWhiteSpaceOnly() {
        XCTAssertEqual("  La Ruche \n".trimmedOfWhitespace(), "La Ruche")
        XCTAssertEqual("\u{A0}Tiers-lieu du Port\u{202F}\t".trimmedOfWhitespace(), "Tiers-lieu du Port")
        XCTAssertEqual("Atelier".trimmedOfWhitespace(), "Atelier")
        XCTAssertEqual(" \r\n ".trimmedOfWhitespace(), "")
        XCTAssertEqual("é".trimmedOfWhitespace(), "é")
    }
}
