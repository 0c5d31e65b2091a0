/// Decimal text for a `Double` that every spreadsheet locale parses the same way: a dot separator,
/// no grouping, and no exponent for the magnitudes exports actually carry (Swift's `description`
/// switches to `1e-05` / `1e+16`, which some CSV importers read as text).
enum NumberText {
    /// Beyond this decimal exponent the plain form would be dozens of zeros; the exponent form is
    /// still a valid CSV number and `xsd:double`.
    private static let plainExponents = -7...20

    /// `nil` for NaN and infinities, which have no portable spelling in CSV or `office:value`.
    static func decimal(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }  // also folds -0.0, which would otherwise print as "-0"
        if value == value.rounded(.towardZero), value.magnitude < 1e15 { return String(Int64(value)) }
        let shortest = value.description  // shortest text that reads back to the same Double
        guard let exponentMark = shortest.firstIndex(of: "e"),
              let exponent = Int(shortest[shortest.index(after: exponentMark)...]),
              plainExponents.contains(exponent)
        else { return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest }
        return plain(mantissa: shortest[..<exponentMark], exponent: exponent)
    }

    /// Moves the decimal point of `d.ddd` by `exponent` places, padding with zeros.
    private static func plain(mantissa: Substring, exponent: Int) -> String {
        let negative = mantissa.hasPrefix("-")
        let unsigned = negative ? mantissa.dropFirst() : mantissa
        let integerDigits = unsigned.firstIndex(of: ".").map { unsigned.distance(from: unsigned.startIndex, to: $0) }
            ?? unsigned.count
        let digits = Array(unsigned.filter { $0 != "." })
        let point = integerDigits + exponent
        let body: String
        if point <= 0 {
            body = "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            body = String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            body = String(digits[..<point]) + "." + String(digits[point...])
        }
        return (negative ? "-" : "") + body
    }
}
