import Foundation
import Storage

/// Dossier answers posted without a live session, kept for a day under an unguessable key. They are
/// never saved on their own: whoever posts without a session could be anyone, so the signed-in owner
/// sees them in the form and decides.
struct AnswerStash: Sendable {
    let store: any KeyValueStore
    let clock: @Sendable () -> Date
    static let prefix = "fabriques.reprise."
    static let lifetime: TimeInterval = 24 * 3600

    static func dossierID(path: String) -> Int64? {
        let parts = path.split(separator: "/")
        guard parts.count == 2, parts[0] == "dossiers" else { return nil }
        return Int64(parts[1])
    }

    func keep(_ form: FormData, dossierID: Int64) async throws -> String {
        let key = RandomToken.make()
        let fields = form.fields.filter { $0.name != "_csrf" && $0.name != "action" && $0.name != "auto" }
        let payload = Payload(dossierID: dossierID, fields: fields.map { [$0.name, $0.value] })
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        try await store.set(key: Self.prefix + key, value: json, expiresAt: Instant(clock().addingTimeInterval(Self.lifetime)))
        return key
    }

    func take(_ key: String, dossierID: Int64) async throws -> FormData? {
        guard key.count <= 100, let json = try await store.get(key: Self.prefix + key, now: Instant(clock())),
              let payload = try? JSONDecoder().decode(Payload.self, from: Data(json.utf8)), payload.dossierID == dossierID else { return nil }
        try await store.remove(key: Self.prefix + key)
        return FormData(fields: payload.fields.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil })
    }

    struct Payload: Codable {
        let dossierID: Int64
        let fields: [[String]]
    }
}
