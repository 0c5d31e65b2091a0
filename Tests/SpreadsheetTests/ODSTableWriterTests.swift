import Spreadsheet
import XCTest

final class ODSTableWriterTests: XCTestCase {
    private static let mediaType = "application/vnd.oasis.opendocument.spreadsheet"

    private func sample() -> [UInt8] {
        var writer = ODSTableWriter(sheetName: "Lieux", columns: ["Commune", "Note", "Population", "Surface"])
        var bytes = writer.opening()
        bytes += writer.row([.text("Saint-Étienne"), .text("<&>\""), .integer(171_924), .number(79.97)])
        bytes += writer.row([.text("Ajaccio"), .empty, .number(-0.5), .date(year: 2026, month: 3, day: 14)])
        bytes += writer.row([.text("=1+1"), .text("bell\u{07}gone"), .integer(-42), .text("  two\r\nlines")])
        bytes += writer.closing()
        return bytes
    }

    func testWritesAValidPackageWithMimetypeFirstAndStored() throws {
        let bytes = sample()
        let zip = try StoredZip(bytes)
        XCTAssertEqual(zip.entries.map(\.name), ["mimetype", "META-INF/manifest.xml", "styles.xml", "meta.xml", "content.xml"])
        let mimetype = zip.entries[0]
        XCTAssertEqual(mimetype.localHeaderOffset, 0)
        XCTAssertEqual(mimetype.flags, 0)
        XCTAssertEqual(mimetype.extraFieldLength, 0)
        XCTAssertEqual(try zip.text(of: "mimetype"), Self.mediaType)
        // Readers sniff the type at this fixed offset, which only holds with no extra field.
        XCTAssertEqual(String(decoding: bytes[30..<(38 + Self.mediaType.utf8.count)], as: UTF8.self), "mimetype" + Self.mediaType)
        XCTAssertEqual(zip.entries.last?.flags, 0x0008, "content.xml is streamed with a data descriptor")
        XCTAssertTrue(zip.entries.dropLast().allSatisfy { $0.flags == 0 })

        let manifest = try zip.text(of: "META-INF/manifest.xml")
        XCTAssertTrue(manifest.contains(#"manifest:full-path="/" manifest:version="1.3" manifest:media-type="\#(Self.mediaType)""#))
        for part in ["content.xml", "styles.xml", "meta.xml"] {
            XCTAssertTrue(manifest.contains(#"manifest:full-path="\#(part)" manifest:media-type="text/xml""#), part)
        }
    }

    func testContentHoldsTypedEscapedCells() throws {
        let content = try StoredZip(sample()).text(of: "content.xml")
        XCTAssertTrue(content.contains(#"<table:table table:name="Lieux">"#))
        XCTAssertTrue(content.contains(#"<table:table-header-rows><table:table-row><table:table-cell table:style-name="ce1" office:value-type="string"><text:p>Commune</text:p>"#))
        XCTAssertTrue(content.contains(#"<style:text-properties fo:font-weight="bold"/>"#))
        XCTAssertTrue(content.contains(#"<text:p>Saint-Étienne</text:p>"#))
        XCTAssertTrue(content.contains(#"<text:p>&lt;&amp;&gt;&quot;</text:p>"#))
        XCTAssertTrue(content.contains(#"office:value-type="float" office:value="171924""#))
        XCTAssertTrue(content.contains(#"office:value-type="float" office:value="79.97""#))
        XCTAssertTrue(content.contains(#"office:value-type="float" office:value="-0.5""#))
        XCTAssertTrue(content.contains(#"office:value-type="float" office:value="-42""#))
        XCTAssertTrue(content.contains(#"office:value-type="date" office:date-value="2026-03-14""#))
        XCTAssertTrue(content.contains(#"<text:p>Ajaccio</text:p></table:table-cell><table:table-cell/>"#))
        XCTAssertTrue(content.contains(#"<text:p>=1+1</text:p>"#), "string cells are never formulas")
        XCTAssertTrue(content.contains("<text:p>bellgone</text:p>"), "control characters are not XML 1.0")
        XCTAssertTrue(content.contains(#"<text:p><text:s text:c="2"/>two</text:p><text:p>lines</text:p>"#))
        XCTAssertTrue(content.hasSuffix("</table:table></office:spreadsheet></office:body></office:document-content>\n"))
    }

    func testIsDeterministicAndToleratesCallsOutOfOrder() {
        XCTAssertEqual(sample(), sample())

        var direct = ODSTableWriter(sheetName: "S", columns: ["A"])
        let expected = direct.opening() + direct.row([.integer(1)]) + direct.closing()
        var lazy = ODSTableWriter(sheetName: "S", columns: ["A"])
        let started = lazy.row([.integer(1)])
        XCTAssertEqual(started + lazy.closing(), expected)
        XCTAssertEqual(lazy.row([.integer(2)]), [], "nothing after the end of the archive")
        XCTAssertEqual(lazy.closing(), [])
        XCTAssertEqual(lazy.opening(), [])
    }

    func testStreamsManyRowsIntoAConsistentArchive() throws {
        var writer = ODSTableWriter(sheetName: "Big", columns: ["Index", "Label"])
        var bytes = writer.opening()
        for index in 0..<10_000 {
            bytes += writer.row([.integer(Int64(index)), .text("Ligne n° \(index)")])
        }
        bytes += writer.closing()
        let content = try StoredZip(bytes).text(of: "content.xml")
        XCTAssertEqual(content.components(separatedBy: "<table:table-row>").count - 1, 10_001)
        XCTAssertTrue(content.contains("<text:p>Ligne n° 9999</text:p>"))
    }

    func testCleansSheetNamesOfficeSuitesReject() throws {
        var writer = ODSTableWriter(sheetName: "'Lieux: 2026/03'", columns: [])
        let content = try StoredZip(writer.opening() + writer.closing()).text(of: "content.xml")
        XCTAssertTrue(content.contains(#"table:name="Lieux_ 2026_03""#))
        XCTAssertTrue(content.contains(#"<table:table-column table:number-columns-repeated="1"/>"#))
    }
}
