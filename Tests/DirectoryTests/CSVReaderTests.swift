import Foundation
import XCTest
@testable import Directory

final class CSVReaderTests: XCTestCase {
    private func rows(_ bytes: [UInt8], separator: Character = ",") -> [[String]] {
        var rows: [[String]] = []
        bytes.withUnsafeBytes { raw in
            CSVReader.forEachRow(in: raw, separator: separator.asciiValue!, encoding: .detect(raw)) { rows.append($0) }
        }
        return rows
    }

    func testQuotedFieldsKeepSeparatorsQuotesAndLineBreaks() {
        let text = "\u{FEFF}nom,adresse\r\n\"Le \"\"Lab\"\", Angoulême\",\"1 rue\nbâtiment B\"\r\n,vide\nfin sans retour,\"\""
        XCTAssertEqual(rows(Array(text.utf8)), [
            ["nom", "adresse"],
            ["Le \"Lab\", Angoulême", "1 rue\nbâtiment B"],
            ["", "vide"],
            ["fin sans retour", ""],
        ])
    }

    func testSemicolonsAndAQuoteInsideAFieldAreKept() {
        XCTAssertEqual(rows(Array("a;b\nl'atelier \"bis\";2\n".utf8), separator: ";"), [["a", "b"], ["l'atelier \"bis\"", "2"]])
    }

    func testTheStringEntryPointGivesTheSameRows() {
        let text = "id,nom\n1,\"Tiers-lieu, Cognac\"\n"
        XCTAssertEqual(CSVReader.parse(text), rows(Array(text.utf8)))
    }

    /// Spreadsheets still save Latin-1: a file that is not UTF-8 is read as Latin-1, not as replacement marks.
    func testALatin1FileIsReadWithItsAccents() {
        let bytes: [UInt8] = Array("nom\n".utf8) + [0x46, 0x61, 0x62, 0x72, 0x69, 0x71, 0x75, 0x65, 0x20, 0xE0, 0x20, 0x43, 0x6F, 0x67, 0x6E, 0x61, 0x63, 0x0A]
        XCTAssertEqual(rows(bytes), [["nom"], ["Fabrique à Cognac"]])
    }

    func testUTF8CheckRejectsMalformedSequences() {
        func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { UTF8Check.isValid($0) } }
        XCTAssertTrue(valid(Array("Saint-Étienne, Nouvelle-Aquitaine 🏠".utf8)))
        XCTAssertTrue(valid([0xF4, 0x8F, 0xBF, 0xBF]), "U+10FFFF")
        XCTAssertFalse(valid([0xF4, 0x90, 0x80, 0x80]), "past U+10FFFF")
        XCTAssertFalse(valid([0xC0, 0x80]), "overlong")
        XCTAssertFalse(valid([0xE0, 0x80, 0x80]), "overlong")
        XCTAssertFalse(valid([0xED, 0xA0, 0x80]), "surrogate")
        XCTAssertFalse(valid([0x61, 0xC3]), "cut short")
        XCTAssertFalse(valid([0xE2, 0x82, 0x41]), "bad continuation")
        XCTAssertFalse(valid([0xE9]), "Latin-1 é")
    }

    /// Line numbers in the report stay those of the file, blank rows included.
    func testReportedLinesCountBlankRows() throws {
        let csv = "nom,code_insee,latitude,longitude\nBon lieu,16015,45.65,0.16\n,,,\n,16015,45.65,0.16\n"
        let reader = PlaceRecordReader(territory: Fixtures.territory, today: "2026-12-02")
        let reading = try reader.read(Data(csv.utf8), format: .csv)
        XCTAssertEqual(reading.places.map(\.line), [2])
        XCTAssertEqual(Set(reading.issues.filter { $0.severity == .rejected }.map(\.line)), [4])
    }
}
