import Foundation

/// Deadlines are set and shown in Europe/Paris legal time, whatever the server's zone. A local time that
/// does not exist (the spring-forward hour) is refused rather than silently moved; a local time that
/// happens twice (the fall-back hour) means its first occurrence, the earlier and safer deadline.
public enum ParisCalendar {
    public static let zone = TimeZone(identifier: "Europe/Paris")!

    /// Built once: exports format thousands of instants.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    public enum LocalTimeError: Error, Sendable, Equatable {
        case unreadable(String)
        case nonexistent(String)

        public var message: String {
            switch self {
            case .unreadable(let text): "Date et heure illisibles : « \(text) ». Utilisez le format JJ/MM/AAAA HH:MM."
            case .nonexistent(let text): "L'heure « \(text) » n'existe pas à Paris (passage à l'heure d'été) : choisissez une autre heure."
            }
        }
    }

    /// Reads "2026-03-29T02:30", "2026-03-29 02:30" (HTML datetime-local) or "29/03/2026 02:30".
    public static func instant(local text: String) -> Result<Date, LocalTimeError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parts = components(trimmed) else { return .failure(.unreadable(trimmed)) }
        let calendar = calendar
        guard let candidate = calendar.date(from: parts) else { return .failure(.unreadable(trimmed)) }
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: candidate)
        guard back.year == parts.year, back.month == parts.month, back.day == parts.day,
              back.hour == parts.hour, back.minute == parts.minute else { return .failure(.nonexistent(trimmed)) }
        let hourEarlier = candidate.addingTimeInterval(-3_600)
        let earlier = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: hourEarlier)
        if earlier.hour == parts.hour, earlier.day == parts.day, earlier.minute == parts.minute { return .success(hourEarlier) }
        return .success(candidate)
    }

    /// "31/03/2026 à 12h00 (heure de Paris)" style pieces, for pages and receipts.
    public static func format(_ date: Date, seconds: Bool = false) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let time = seconds ? String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0) : String(format: "%02dh%02d", c.hour ?? 0, c.minute ?? 0)
        return String(format: "%02d/%02d/%04d à ", c.day ?? 0, c.month ?? 0, c.year ?? 0) + time
    }

    /// The value an `<input type="datetime-local">` expects.
    public static func inputValue(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    static func components(_ text: String) -> DateComponents? {
        let separators = CharacterSet(charactersIn: "-/T :h")
        let numbers = text.components(separatedBy: separators).filter { !$0.isEmpty }.map { Int($0) }
        guard numbers.count == 5 || numbers.count == 6, numbers.allSatisfy({ $0 != nil }) else { return nil }
        let n = numbers.map { $0! }
        let dayFirst = text.contains("/")
        var parts = DateComponents()
        parts.year = dayFirst ? n[2] : n[0]
        parts.month = n[1]
        parts.day = dayFirst ? n[0] : n[2]
        parts.hour = n[3]
        parts.minute = n[4]
        parts.second = n.count == 6 ? n[5] : 0
        guard let month = parts.month, (1...12).contains(month), let day = parts.day, (1...31).contains(day),
              let hour = parts.hour, (0...23).contains(hour), let minute = parts.minute, (0...59).contains(minute),
              let year = parts.year, (1900...9999).contains(year) else { return nil }
        // Foundation rolls 31/02 over to March; a deadline typed that way is a mistake.
        var check = DateComponents(); check.year = year; check.month = month; check.day = 1
        if let first = calendar.date(from: check), let range = calendar.range(of: .day, in: .month, for: first), !range.contains(day) { return nil }
        return parts
    }
}
