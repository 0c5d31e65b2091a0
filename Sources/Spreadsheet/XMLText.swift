/// Text made safe for an ODF XML part. User text can hold anything; one stray control character
/// would make the whole `content.xml` ill-formed and the spreadsheet unreadable.
enum XMLText {
    /// Escapes for both element content and double-quoted attribute values, and drops the
    /// characters XML 1.0 cannot carry even as references.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            appendEscaped(scalar, to: &result)
        }
        return result
    }

    /// The `<text:p>` elements of a cell. ODF collapses white space inside a paragraph, so lines
    /// become paragraphs (as office suites write them), tabs `<text:tab/>`, and every space that
    /// would be lost (leading, trailing, or after another) a `<text:s/>`.
    static func paragraphs(_ text: String) -> String {
        var result = ""
        for line in lines(of: text) {
            result += "<text:p>"
            var spaces = 0
            var atStart = true
            for scalar in line where isAllowed(scalar) {
                if scalar == " " { spaces += 1; continue }
                appendSpaces(spaces, literalFirst: !atStart, to: &result)
                spaces = 0
                atStart = false
                if scalar == "\t" { result += "<text:tab/>" } else { appendEscaped(scalar, to: &result) }
            }
            appendSpaces(spaces, literalFirst: false, to: &result)
            result += "</text:p>"
        }
        return result
    }

    /// Splits on LF, CR and CRLF alike: text pasted from different systems mixes all three.
    private static func lines(of text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            if scalar == "\n", afterCarriageReturn { continue }
            if scalar == "\n" || scalar == "\r" { lines.append([]) } else { lines[lines.count - 1].append(scalar) }
        }
        return lines
    }

    /// XML 1.0 `Char`; Swift scalars already exclude surrogates.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    private static func appendSpaces(_ count: Int, literalFirst: Bool, to result: inout String) {
        guard count > 0 else { return }
        var remaining = count
        if literalFirst { result += " "; remaining -= 1 }
        if remaining == 1 { result += "<text:s/>" }
        if remaining > 1 { result += "<text:s text:c=\"\(remaining)\"/>" }
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to result: inout String) {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        // Attribute values normalise literal tabs and line breaks to spaces; references survive.
        case "\t": result += "&#9;"
        case "\n": result += "&#10;"
        case "\r": result += "&#13;"
        default: result.unicodeScalars.append(scalar)
        }
    }
}
