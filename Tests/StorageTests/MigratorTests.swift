import SQLKit
import Storage
import TestSupport
import XCTest

final class MigratorTests: XCTestCase {
    func testMigratesAnEmptyDatabaseOnceAndRecordsEachVersion() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let migrator = Migrator()
        let first = try await migrator.migrate(database)
        XCTAssertEqual(first, Schema.migrations.map(\.version))
        let second = try await migrator.migrate(database)
        XCTAssertEqual(second, [], "a second run applies nothing")
        let applied = try await migrator.appliedVersions(database)
        XCTAssertEqual(applied, Schema.migrations.map(\.version))
        try await database.close()
    }

    func testAppliesOnlyNewMigrationsInOrder() async throws {
        let database = try await TestDatabase.make(migrated: true)
        let extra = Migration(version: 9001, name: "test table") { db, _ in
            try await db.create(table: "migration_probe").column("id", type: .bigint, .primaryKey).run()
        }
        let earlier = Migration(version: 9000, name: "earlier") { db, _ in
            try await db.create(table: "migration_probe_earlier").column("id", type: .bigint, .primaryKey).run()
        }
        let applied = try await Migrator(migrations: Schema.migrations + [extra, earlier]).migrate(database)
        XCTAssertEqual(applied, [9000, 9001])
        _ = try await database.sql.select().column("*").from("migration_probe").all()
        try await database.close()
    }

    func testAFailingMigrationLeavesNoTraceAndIsRetried() async throws {
        let database = try await TestDatabase.make(migrated: true)
        struct Boom: Error {}
        let failing = Migration(version: 9100, name: "fails halfway") { db, _ in
            try await db.create(table: "half_done").column("id", type: .bigint, .primaryKey).run()
            throw Boom()
        }
        do {
            try await Migrator(migrations: Schema.migrations + [failing]).migrate(database)
            XCTFail("the migration should fail")
        } catch is Boom {}
        let applied = try await Migrator().appliedVersions(database)
        XCTAssertFalse(applied.contains(9100))
        do {
            _ = try await database.sql.select().column("*").from("half_done").all()
            XCTFail("the table of a failed migration must be rolled back")
        } catch {}
        try await database.close()
    }
}
