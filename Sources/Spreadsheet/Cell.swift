/// One value of an exported table. Typed cases let each format write numbers and dates as values a
/// spreadsheet can sort and sum, rather than as text; a date-time is better sent as `.text` already
/// formatted in the reader's time zone, since neither CSV nor a plain ODS date cell carries one.
public enum Cell: Sendable, Hashable {
    case text(String)
    case number(Double)
    /// Written as a float in ODS, so beyond 2^53 a spreadsheet shows it rounded; send ids as `.text`.
    case integer(Int64)
    case date(CalendarDate)
    case empty

    public static func date(year: Int, month: Int, day: Int) -> Cell {
        .date(CalendarDate(year: year, month: month, day: day))
    }
}

/// A day without time or time zone, so it cannot shift across midnight between server and reader.
public struct CalendarDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026-03-14`: the form both RFC 4180 consumers and `office:date-value` understand.
    public var isoText: String {
        Self.padded(year, to: 4) + "-" + Self.padded(month, to: 2) + "-" + Self.padded(day, to: 2)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // Hand-rolled rather than String(format:) so the output never depends on a C locale.
    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }
}
