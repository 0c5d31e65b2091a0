/// Writes a table as RFC 4180 CSV (comma, CRLF, double quotes doubled) in UTF-8, one line per call,
/// so a response can stream any number of rows without building the file.
public struct CSVTableWriter: Sendable {
    public let columns: [String]
    /// Excel only decodes a CSV as UTF-8 when it starts with a byte order mark; other readers may
    /// take the mark for part of the first column name, hence off unless the caller targets Excel.
    public let includesByteOrderMark: Bool

    public init(columns: [String], includesByteOrderMark: Bool = false) {
        self.columns = columns
        self.includesByteOrderMark = includesByteOrderMark
    }

    public func header() -> [UInt8] {
        var line: [UInt8] = includesByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        append(columns.map(Cell.text), to: &line)
        return line
    }

    public func row(_ cells: [Cell]) -> [UInt8] {
        var line: [UInt8] = []
        append(cells, to: &line)
        return line
    }

    private func append(_ cells: [Cell], to line: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(ASCII.comma) }
            switch cell {
            case .text(let text): Self.appendText(text, to: &line)
            case .number(let value): line += (NumberText.decimal(value) ?? "").utf8
            case .integer(let value): line += String(value).utf8
            case .date(let date): line += date.isoText.utf8
            case .empty: break
            }
        }
        line += [ASCII.carriageReturn, ASCII.lineFeed]
    }

    /// A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` as a formula (and tab or CR can
    /// hide such a start), which lets user-typed text exfiltrate data when the export is opened:
    /// the OWASP "CSV injection" advice is a leading apostrophe, which the spreadsheet hides.
    /// Numbers are written by us, never from user text, so a negative number stays a number.
    private static func appendText(_ text: String, to line: inout [UInt8]) {
        let utf8 = text.utf8
        let neutralised = utf8.first.map(formulaStarts.contains) ?? false
        let quoted = utf8.contains(where: quotingBytes.contains)
        if quoted { line.append(ASCII.quote) }
        if neutralised { line.append(ASCII.apostrophe) }
        for byte in utf8 {
            line.append(byte)
            if byte == ASCII.quote { line.append(ASCII.quote) }
        }
        if quoted { line.append(ASCII.quote) }
    }

    private static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, ASCII.tab, ASCII.carriageReturn]
    private static let quotingBytes: Set<UInt8> = [ASCII.comma, ASCII.quote, ASCII.carriageReturn, ASCII.lineFeed]
}

enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote: UInt8 = 0x22
    static let apostrophe: UInt8 = 0x27
    static let comma: UInt8 = 0x2C
}
