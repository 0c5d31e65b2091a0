/// The XML parts of a one-sheet OpenDocument spreadsheet (ODF 1.3). Everything but the rows is
/// fixed, so it lives here as text and the writer only streams what changes.
enum ODSDocument {
    static let mediaType = "application/vnd.oasis.opendocument.spreadsheet"

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    private static let office = #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0""#

    /// Every part before `content.xml`, in archive order; `mimetype` must come first.
    static let fixedParts: [(name: String, text: String)] = [
        ("mimetype", mediaType),
        ("META-INF/manifest.xml", manifest),
        ("styles.xml", declaration + "<office:document-styles \(office) office:version=\"1.3\"/>"),
        ("meta.xml", meta),
    ]

    static let contentName = "content.xml"

    private static let manifest = declaration + """
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
        manifest:version="1.3">\
        <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(mediaType)"/>\
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
        <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>\
        </manifest:manifest>
        """

    private static let meta = declaration + """
        <office:document-meta \(office) xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        office:version="1.3"><office:meta><meta:generator>Fabriques</meta:generator></office:meta>\
        </office:document-meta>
        """

    /// Up to the open table. `ce1` makes the header bold; `ce2` shows dates the French way while
    /// the cell keeps an ISO value a spreadsheet can compute with.
    static func contentOpening(sheetName: String, columnCount: Int) -> String {
        declaration + """
            <office:document-content \(office) \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
            xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" \
            xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">\
            <office:automatic-styles>\
            <number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text>\
            <number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>\
            </number:date-style>\
            <style:style style:name="ce1" style:family="table-cell"><style:text-properties fo:font-weight="bold"/>\
            </style:style>\
            <style:style style:name="ce2" style:family="table-cell" style:data-style-name="N1"/>\
            </office:automatic-styles>\
            <office:body><office:spreadsheet><table:table table:name="\(XMLText.escaped(tableName(sheetName)))">\
            <table:table-column table:number-columns-repeated="\(max(1, columnCount))"/>

            """
    }

    static let contentClosing = "</table:table></office:spreadsheet></office:body></office:document-content>\n"

    /// A header row, so a printed export repeats the column names on every page.
    static func headerRow(_ columns: [String]) -> String {
        "<table:table-header-rows>" + row(columns.map(Cell.text), style: "ce1") + "</table:table-header-rows>\n"
    }

    static func row(_ cells: [Cell], style: String? = nil) -> String {
        let styleAttribute = style.map { " table:style-name=\"\($0)\"" } ?? ""
        var xml = "<table:table-row>"
        for cell in cells {
            switch cell {
            case .text(let text):
                // A string cell is never evaluated, so unlike CSV no formula neutralising is needed.
                xml += "<table:table-cell\(styleAttribute) office:value-type=\"string\">"
                    + XMLText.paragraphs(text) + "</table:table-cell>"
            case .number(let value):
                xml += NumberText.decimal(value).map(floatCell) ?? "<table:table-cell/>"
            case .integer(let value):
                xml += floatCell(String(value))
            case .date(let date):
                xml += "<table:table-cell table:style-name=\"ce2\" office:value-type=\"date\" "
                    + "office:date-value=\"\(date.isoText)\"><text:p>\(date.isoText)</text:p></table:table-cell>"
            case .empty:
                xml += "<table:table-cell/>"
            }
        }
        return xml + "</table:table-row>\n"
    }

    private static func floatCell(_ value: String) -> String {
        "<table:table-cell office:value-type=\"float\" office:value=\"\(value)\"><text:p>\(value)</text:p></table:table-cell>"
    }

    /// Office suites refuse these characters in sheet names (they delimit cell references), and an
    /// apostrophe at either end (it quotes the name in formulas).
    private static func tableName(_ name: String) -> String {
        var cleaned = Substring(name.map { "[]*?:/\\".contains($0) ? "_" : $0 })
        while cleaned.first == "'" { cleaned.removeFirst() }
        while cleaned.last == "'" { cleaned.removeLast() }
        return cleaned.isEmpty ? "Sheet1" : String(cleaned)
    }
}
