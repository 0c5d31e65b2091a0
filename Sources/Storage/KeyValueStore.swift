import SQLKit

/// Expiring key/value entries in the database; Hummingbird's sessions are stored through it so that
/// every server instance sees the same sessions.
public protocol KeyValueStore: Sendable {
    /// False if the key already exists and has not expired.
    func create(key: String, value: String, expiresAt: Instant?, now: Instant) async throws -> Bool
    func set(key: String, value: String, expiresAt: Instant?) async throws
    func get(key: String, now: Instant) async throws -> String?
    func remove(key: String) async throws
    func purgeExpired(now: Instant) async throws
}

public struct SQLKeyValueStore: KeyValueStore {
    let database: Database
    public init(_ database: Database) { self.database = database }

    public func create(key: String, value: String, expiresAt: Instant?, now: Instant) async throws -> Bool {
        try await database.transaction { db in
            if try await Self.live(db, key: key, now: now) != nil { return false }
            try await db.delete(from: "persist_entries").where("key", .equal, key).run()
            try await db.insert(into: "persist_entries").columns("key", "value", "expires_at")
                .values(SQLBind(key), SQLBind(value), SQLBind(expiresAt?.milliseconds)).run()
            return true
        }
    }

    public func set(key: String, value: String, expiresAt: Instant?) async throws {
        try await database.sql.insert(into: "persist_entries").columns("key", "value", "expires_at")
            .values(SQLBind(key), SQLBind(value), SQLBind(expiresAt?.milliseconds))
            .onConflict(with: ["key"]) { $0.set(excludedValueOf: "value").set(excludedValueOf: "expires_at") }
            .run()
    }

    public func get(key: String, now: Instant) async throws -> String? {
        try await Self.live(database.sql, key: key, now: now)
    }

    public func remove(key: String) async throws {
        try await database.sql.delete(from: "persist_entries").where("key", .equal, key).run()
    }

    public func purgeExpired(now: Instant) async throws {
        try await database.sql.delete(from: "persist_entries")
            .where("expires_at", .isNot, SQLLiteral.null).where("expires_at", .lessThan, now.milliseconds).run()
    }

    private static func live(_ db: any SQLDatabase, key: String, now: Instant) async throws -> String? {
        guard let row = try await db.select().columns("value", "expires_at").from("persist_entries")
            .where("key", .equal, key).first() else { return nil }
        if let expiry = try row.decode(column: "expires_at", as: Int64?.self), expiry <= now.milliseconds { return nil }
        return try row.decode(column: "value", as: String.self)
    }
}
