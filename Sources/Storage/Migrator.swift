import Foundation
import SQLKit

/// One step of the schema. Versions are applied in order, each in its own transaction, and never edited
/// once released: a change to the schema is a new migration.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let apply: @Sendable (any SQLDatabase, Database.Dialect) async throws -> Void

    public init(version: Int, name: String, apply: @escaping @Sendable (any SQLDatabase, Database.Dialect) async throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}

public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = Schema.migrations) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies the migrations not yet recorded in `schema_migrations`; returns the versions applied.
    /// On PostgreSQL an advisory lock lets several instances start at once without racing.
    @discardableResult
    public func migrate(_ database: Database, clock: @escaping @Sendable () -> Date = Date.init) async throws -> [Int] {
        try await database.sql.create(table: "schema_migrations").ifNotExists()
            .column("version", type: .bigint, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("applied_at", type: .bigint, .notNull)
            .run()
        var applied: [Int] = []
        for migration in migrations {
            let didApply = try await database.transaction { db in
                if database.dialect == .postgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(734017)").run()
                }
                let already = try await db.select().column("version").from("schema_migrations")
                    .where("version", .equal, migration.version).first()
                guard already == nil else { return false }
                try await migration.apply(db, database.dialect)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Instant(clock()).milliseconds))
                    .run()
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }

    public func appliedVersions(_ database: Database) async throws -> [Int] {
        try await database.sql.select().column("version").from("schema_migrations").orderBy("version").all()
            .map { try $0.decode(column: "version", as: Int.self) }
    }
}
