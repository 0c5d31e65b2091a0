import Foundation
import Hummingbird
import Storage

/// Hummingbird's persistence (used by the session middleware) on top of our database, so sessions
/// survive restarts and are shared by every instance on one PostgreSQL.
struct DatabasePersistDriver: PersistDriver {
    let store: any KeyValueStore
    let clock: @Sendable () -> Date

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let now = Instant(clock())
        guard try await store.create(key: key, value: try encode(value), expiresAt: expiry(expires, now), now: now) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await store.set(key: key, value: try encode(value), expiresAt: expiry(expires, Instant(clock())))
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        guard let text = try await store.get(key: key, now: Instant(clock())) else { return nil }
        do { return try JSONDecoder().decode(Object.self, from: Data(text.utf8)) } catch {
            throw PersistError.invalidConversion
        }
    }

    func remove(key: String) async throws { try await store.remove(key: key) }

    func shutdown() async throws {}

    private func encode<Object: Encodable>(_ value: Object) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private func expiry(_ duration: Duration?, _ now: Instant) -> Instant? {
        duration.map { Instant(milliseconds: now.milliseconds + $0.components.seconds * 1000) }
    }
}
