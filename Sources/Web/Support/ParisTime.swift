import Foundation
import Programme
import Storage

/// Instants are shown in Europe/Paris time, the programme's legal time, whatever the server's zone.
enum ParisTime {
    /// The calendar day in Paris, ISO 8601 ("2026-11-24").
    static func isoDay(_ instant: Instant) -> String { String(ParisCalendar.inputValue(instant.date).prefix(10)) }

    static func format(_ instant: Instant) -> String { ParisCalendar.format(instant.date) }
}
