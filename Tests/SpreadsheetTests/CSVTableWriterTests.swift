import Spreadsheet
import XCTest

final class CSVTableWriterTests: XCTestCase {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testQuotesOnlyWhatRFC4180Requires() {
        let writer = CSVTableWriter(columns: ["Commune", "Note"])
        XCTAssertEqual(text(writer.header()), "Commune,Note\r\n")
        XCTAssertEqual(text(writer.row([.text("Saint-Étienne"), .text("plain")])), "Saint-Étienne,plain\r\n")
        XCTAssertEqual(text(writer.row([.text("a,b"), .text("say \"hi\"")])), "\"a,b\",\"say \"\"hi\"\"\"\r\n")
        XCTAssertEqual(text(writer.row([.text("line one\nline two"), .text("cr\rlf")])),
                       "\"line one\nline two\",\"cr\rlf\"\r\n")
        XCTAssertEqual(text(writer.row([.empty, .text(""), .empty])), ",,\r\n")
    }

    func testNeutralisesFormulasInTextButNotInNumbers() {
        let writer = CSVTableWriter(columns: [])
        XCTAssertEqual(text(writer.row([.text("=HYPERLINK(\"http://x\")"), .text("+1"), .text("-2"), .text("@SUM")])),
                       "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM\r\n")
        XCTAssertEqual(text(writer.row([.text("\t=1"), .text("\r=1"), .text("a=1")])),
                       "'\t=1,\"'\r=1\",a=1\r\n")
        XCTAssertEqual(text(writer.row([.number(-2.5), .integer(-42), .number(-0.0)])), "-2.5,-42,0\r\n")
    }

    func testWritesNumbersWithADotAndNoExponent() {
        let writer = CSVTableWriter(columns: [])
        let row = writer.row([
            .number(79.97), .number(3), .number(0.000015), .number(-1.5e-7), .number(1e16), .number(123_456.789),
            .number(.nan), .integer(Int64.min), .date(year: 2026, month: 3, day: 4),
        ])
        XCTAssertEqual(text(row), "79.97,3,0.000015,-0.00000015,10000000000000000,123456.789,,-9223372036854775808,2026-03-04\r\n")
        XCTAssertEqual(text(writer.row([.number(1e300), .number(.leastNonzeroMagnitude)])), "1e+300,5e-324\r\n")
    }

    func testCanStartWithAByteOrderMarkForExcel() {
        XCTAssertEqual(CSVTableWriter(columns: ["A"], includesByteOrderMark: true).header(), [0xEF, 0xBB, 0xBF, 0x41, 0x0D, 0x0A])
        XCTAssertEqual(CSVTableWriter(columns: ["A"]).header(), [0x41, 0x0D, 0x0A])
    }
}
