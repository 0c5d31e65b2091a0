import Foundation
import Storage

/// Turns stored versions of a place into lines a person reads: when, who, what changed.
enum PlaceHistory {
    static func describe(_ revisions: [PlaceRevision]) -> [String] {
        var previous: [String: String] = [:]
        return revisions.map { revision in
            let current = fields(revision.snapshot)
            let changed = Set(current.keys).union(previous.keys).filter { current[$0] != previous[$0] && $0 != "date_maj" }.sorted()
            let who = revision.actorUserID.map { "compte n° \($0)" } ?? "import"
            let what: String
            switch revision.action {
            case "import.created": what = "création par import"
            case "import.updated": what = "mise à jour par import (\(changed.joined(separator: ", ")))"
            default: what = "modification (\(changed.joined(separator: ", ")))"
            }
            previous = current
            return "\(ParisTime.format(revision.at)) · \(who) · \(what)"
        }
    }

    private static func fields(_ snapshot: String) -> [String: String] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(snapshot.utf8))) as? [String: Any] else { return [:] }
        return object.mapValues { "\($0)" }
    }
}
