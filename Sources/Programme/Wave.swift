import Foundation

/// One round of a call with its own window. A dossier is accepted from `opensAt` included to `closesAt`
/// excluded: at the closing instant itself the wave is closed, whatever the network delay before it.
public struct Wave: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var opensAt: Date
    public var closesAt: Date

    public init(id: Int64, name: String, opensAt: Date, closesAt: Date) {
        self.id = id
        self.name = name
        self.opensAt = opensAt
        self.closesAt = closesAt
    }

    public enum Phase: String, Sendable, Hashable { case upcoming = "a_venir", open = "ouverte", closed = "fermee" }

    public func phase(at now: Date) -> Phase {
        if now < opensAt { return .upcoming }
        return now < closesAt ? .open : .closed
    }

    public func acceptsSubmission(at now: Date) -> Bool { phase(at: now) == .open }

    /// Time left before closing, in French ("2 jours et 3 heures"); nil once closed.
    public func timeLeft(at now: Date) -> String? {
        guard now < closesAt else { return nil }
        return DurationText.french(seconds: Int(closesAt.timeIntervalSince(now)))
    }
}

public enum DurationText {
    /// The two largest units, rounded down: what a person checks against a deadline.
    public static func french(seconds total: Int) -> String {
        let units: [(Int, String, String)] = [(86_400, "jour", "jours"), (3_600, "heure", "heures"), (60, "minute", "minutes"), (1, "seconde", "secondes")]
        var rest = max(0, total)
        var parts: [String] = []
        for (size, one, many) in units where parts.count < 2 {
            let count = rest / size
            rest %= size
            if count > 0 { parts.append("\(count) \(count == 1 ? one : many)") } else if !parts.isEmpty { break }
        }
        return parts.isEmpty ? "moins d'une seconde" : parts.joined(separator: " et ")
    }
}
