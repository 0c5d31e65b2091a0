import Foundation
import Logging
import Storage

/// A fresh, migrated database for one test: a temporary SQLite file, or, when `DATABASE_URL` is set,
/// the PostgreSQL database it names with its public schema emptied first (tests run one at a time).
public enum TestDatabase {
    public static var isPostgres: Bool { !(ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "").isEmpty }

    public static func make(migrated: Bool = true) async throws -> Database {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let database: Database
        let postgresURL = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let url = postgresURL {
            database = try await Database.open(.postgres(url: url), logger: logger)
        } else {
            database = try await Database.open(.sqlite(path: temporaryDirectory().appendingPathComponent("test.sqlite").path), logger: logger)
        }
        // A failed preparation must still shut the pool down: an abandoned pool stops the whole test process.
        do {
            if postgresURL != nil {
                try await database.sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
                try await database.sql.raw("CREATE SCHEMA public").run()
            }
            if migrated { try await Migrator().migrate(database) }
        } catch {
            try? await database.close()
            throw error
        }
        return database
    }

    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fabriques-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
