import Foundation

/// Numbers as French people type them: "12 500,50", "12500.5", "12 500 €".
public enum FrenchNumber {
    public static func parse(_ raw: String) -> Double? {
        var text = raw.replacingOccurrences(of: "€", with: "").filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{00A0}" }
        if text.contains(",") {
            guard !text.contains(".") || text.firstIndex(of: ".")! < text.firstIndex(of: ",")! else { return nil }
            text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// An amount in whole cents, refusing fractions of a cent.
    public static func cents(_ raw: String) -> Int64? {
        guard let value = parse(raw), abs(value) < 1e12 else { return nil }
        let cents = (value * 100).rounded()
        guard abs(cents - value * 100) < 1e-6 else { return nil }
        return Int64(cents)
    }

    /// 1 234 567 with the narrow no-break space French typography uses.
    public static func format(_ value: Int) -> String { grouped(Int64(value)) }

    public static func format(_ value: Double) -> String {
        if value == value.rounded() { return grouped(Int64(value)) }
        let cents = Int64((abs(value) * 100).rounded())
        return (value < 0 ? "-" : "") + grouped(cents / 100) + "," + String(format: "%02d", cents % 100)
    }

    /// "12 500 €" from cents, with the narrow no-break space French typography uses.
    public static func euros(cents: Int64) -> String {
        let whole = grouped(cents / 100)
        let rest = abs(cents % 100)
        return (rest == 0 ? whole : whole + "," + String(format: "%02d", rest)) + "\u{00A0}€"
    }

    static func grouped(_ value: Int64) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append("\u{202F}") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}

/// Calendar days typed as "2026-03-31" (HTML date input) or "31/03/2026".
public enum IsoDay {
    public static func parse(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { Int($0) }
        guard parts.count == 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        let numbers = parts.map { $0! }
        let (year, month, day) = text.contains("/") ? (numbers[2], numbers[1], numbers[0]) : (numbers[0], numbers[1], numbers[2])
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let lengths = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
