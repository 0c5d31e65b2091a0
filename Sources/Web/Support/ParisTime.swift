import Foundation
import Storage

/// Instants are shown in Europe/Paris time, the programme's legal time, whatever the server's zone.
enum ParisTime {
    static let zone = TimeZone(identifier: "Europe/Paris")!

    /// The calendar day in Paris, ISO 8601 ("2026-11-24").
    static func isoDay(_ instant: Instant) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: instant.date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    static func format(_ instant: Instant) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant.date)
        return String(format: "%02d/%02d/%04d à %02dh%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
