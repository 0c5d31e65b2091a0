import Directory
import Foundation
import Storage
import Territory
import TestSupport
import XCTest

final class DirectoryRepositoryTests: XCTestCase {
    static let territory: TerritoryReference = { do { return try TerritoryReference.loadBundled() } catch { fatalError("\(error)") } }()
    let now = Instant(milliseconds: 1_764_000_000_000)

    func place(_ id: String?, _ name: String, commune: String = "16015") -> DirectoryPlace {
        DirectoryPlace(externalID: id, name: name, address: "2 rue Hergé", postalCode: "16000",
                       commune: Self.territory.commune(code: commune)!, position: GeoPoint(latitude: 45.6484, longitude: 0.1562),
                       kinds: [.fablab], services: ["Loisirs et créations numériques"], phone: "+33545000000", updatedOn: "2024-05-01")
    }

    func testImportIsIdempotentAndMatchesByIdentifierThenNameAndCommune() async throws {
        let database = try await TestDatabase.make()
        let repository = SQLDirectoryRepository(database, territory: Self.territory)
        let first = try await repository.importPlaces([place("a", "Le Garage"), place(nil, "L'Atelier")], actor: nil, at: now)
        XCTAssertEqual(first.created, 2)
        let again = try await repository.importPlaces([place("a", "Le Garage"), place(nil, "L'Atelier")], actor: nil, at: now)
        XCTAssertEqual(again.unchanged, 2, "re-importing the same file changes nothing")
        XCTAssertEqual(again.created, 0)
        var renamed = place("a", "Le Garage numérique")
        renamed.openingHours = "Mo-Fr 09:00-18:00"
        var fromOtherSource = place("other-source-7", "l atelier")   // same name and commune, other source
        fromOtherSource.services = ["Aide aux démarches administratives"]
        fromOtherSource.openingHours = "Sa 10:00-12:00"
        let third = try await repository.importPlaces([renamed, fromOtherSource], actor: 1, at: now)
        XCTAssertEqual(third.updated, 2)
        XCTAssertEqual(third.created, 0, "a duplicate from another source completes the place, it is not added")
        let fourth = try await repository.importPlaces([renamed, fromOtherSource], actor: 1, at: now)
        XCTAssertEqual(fourth.unchanged, 2)
        let collected = Collected()
        try await repository.forEachBatch(size: 1) { batch in collected.append(batch) }
        let all = collected.all
        XCTAssertEqual(all.map(\.name), ["Le Garage numérique", "L'Atelier"])
        XCTAssertEqual(all[1].services, ["Loisirs et créations numériques", "Aide aux démarches administratives"], "lists united")
        XCTAssertEqual(all[1].openingHours, "Sa 10:00-12:00", "gaps filled")
        XCTAssertNil(all[1].externalID, "the first record keeps its identity")
        XCTAssertEqual(all[0].openingHours, "Mo-Fr 09:00-18:00")
        XCTAssertEqual(all[0].services, ["Loisirs et créations numériques"])
        XCTAssertEqual(all[0].communeName, "Angoulême")
        let history = try await repository.revisions(placeID: try XCTUnwrap(all[0].id))
        XCTAssertEqual(history.map(\.action), ["import.created", "import.updated"])
        XCTAssertEqual(history.last?.actorUserID, 1)
        try await database.close()
    }

    /// The search index is rebuilt when this changes: after every import that creates or updates a
    /// place, and only then.
    func testVersionChangesWithEveryWriteAndOnlyThen() async throws {
        let database = try await TestDatabase.make()
        let repository = SQLDirectoryRepository(database, territory: Self.territory)
        let empty = try await repository.version()
        _ = try await repository.importPlaces([place("a", "Le Garage"), place("b", "L'Atelier")], actor: nil, at: now)
        let imported = try await repository.version()
        XCTAssertNotEqual(imported, empty)
        _ = try await repository.importPlaces([place("a", "Le Garage")], actor: nil, at: Instant(milliseconds: now.milliseconds + 5_000))
        let unchanged = try await repository.version()
        XCTAssertEqual(unchanged, imported, "an import that changes nothing keeps the index")
        _ = try await repository.importPlaces([place("b", "L'Atelier partagé")], actor: 1, at: Instant(milliseconds: now.milliseconds + 9_000))
        let updated = try await repository.version()
        XCTAssertNotEqual(updated, imported, "an update without a new place still changes the version")
        try await database.close()
    }

    /// Places are written 400 at a time: a file naming a place again several hundred rows later must
    /// still find the one it created, by identifier or by name and commune.
    func testARepeatInALaterChunkOfTheSameFileIsMatched() async throws {
        let database = try await TestDatabase.make()
        let repository = SQLDirectoryRepository(database, territory: Self.territory)
        var places = (0..<450).map { place("id-\($0)", "Lieu \($0)") }
        places.append(place("id-3", "Lieu 3"))
        var otherSource = place("autre-7", "lieu 7")
        otherSource.openingHours = "Sa 10:00-12:00"
        places.append(otherSource)
        let outcome = try await repository.importPlaces(places, actor: nil, at: now)
        XCTAssertEqual(outcome, { var expected = ImportOutcome(); expected.created = 450; expected.unchanged = 1; expected.updated = 1; return expected }())
        let collected = Collected()
        try await repository.forEachBatch(size: 100) { batch in collected.append(batch) }
        XCTAssertEqual(collected.all.count, 450)
        XCTAssertEqual(collected.all.first { $0.name == "Lieu 7" }?.openingHours, "Sa 10:00-12:00")
        try await database.close()
    }
}

/// Collects batches handed to a @Sendable closure.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [DirectoryPlace] = []
    func append(_ batch: [DirectoryPlace]) { lock.lock(); items += batch; lock.unlock() }
    var all: [DirectoryPlace] { lock.lock(); defer { lock.unlock() }; return items }
}
