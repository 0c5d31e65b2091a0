import Directory
import Foundation
import SQLKit
import Territory

/// The full records of the directory: import (idempotent, transactional), edits with revisions,
/// batched reading for the search index and streaming exports. A place is the same place when it has
/// the same identifier, or else the same folded name in the same commune (duplicates across sources).
public protocol DirectoryRepository: Sendable {
    /// Stores the places in one transaction; `progress` is told how many are done as it goes.
    func importPlaces(_ places: [DirectoryPlace], actor: Int64?, at: Instant, progress: (@Sendable (Int) -> Void)?) async throws -> ImportOutcome
    func find(id: Int64) async throws -> DirectoryPlace?
    /// Calls `body` with successive batches ordered by id, never holding the whole table.
    func forEachBatch(size: Int, _ body: @Sendable ([DirectoryPlace]) async throws -> Void) async throws
    /// Up to `limit` places with an id above `id`, ordered by id (keyset pagination for streaming).
    func batch(after id: Int64, limit: Int) async throws -> [DirectoryPlace]
    func update(_ place: DirectoryPlace, actor: Int64?, at: Instant) async throws
    func revisions(placeID: Int64) async throws -> [PlaceRevision]
    /// Places whose network is that of `placeID`.
    func members(ofNetwork placeID: Int64) async throws -> [DirectoryPlace]
    /// Changes whenever a place is added or modified: tells a cached index it is stale.
    func version() async throws -> String
}

extension DirectoryRepository {
    public func importPlaces(_ places: [DirectoryPlace], actor: Int64?, at: Instant) async throws -> ImportOutcome {
        try await importPlaces(places, actor: actor, at: at, progress: nil)
    }
}

public struct ImportOutcome: Sendable, Equatable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public init() {}
}

public struct PlaceRevision: Sendable, Hashable {
    public let actorUserID: Int64?
    public let action: String
    public let snapshot: String
    public let at: Instant
}

public struct SQLDirectoryRepository: DirectoryRepository {
    let database: Database
    let territory: TerritoryReference
    public init(_ database: Database, territory: TerritoryReference) {
        self.database = database
        self.territory = territory
    }

    public func importPlaces(_ places: [DirectoryPlace], actor: Int64?, at: Instant, progress: (@Sendable (Int) -> Void)?) async throws -> ImportOutcome {
        try await database.transaction { db in
            var batch = PlaceImportBatch(actor: actor, at: at)
            for chunk in stride(from: 0, to: places.count, by: PlaceImportBatch.size) {
                progress?(chunk)
                try await batch.run(Array(places[chunk..<min(chunk + PlaceImportBatch.size, places.count)]), db)
            }
            return batch.outcome
        }
    }

    public func find(id: Int64) async throws -> DirectoryPlace? {
        try await database.sql.select().column("*").from("places").where("id", .equal, id).first().flatMap { try place($0) }
    }

    public func forEachBatch(size: Int, _ body: @Sendable ([DirectoryPlace]) async throws -> Void) async throws {
        var after: Int64 = 0
        while true {
            let places = try await batch(after: after, limit: size)
            guard let last = places.last?.id else { return }
            after = last
            try await body(places)
            if places.count < size { return }
        }
    }

    public func batch(after id: Int64, limit: Int) async throws -> [DirectoryPlace] {
        try await database.sql.select().column("*").from("places").where("id", .greaterThan, id)
            .orderBy("id").limit(limit).all().compactMap { try place($0) }
    }

    public func update(_ place: DirectoryPlace, actor: Int64?, at: Instant) async throws {
        try await database.transaction { db in
            try await Self.write(place, db, at: at)
            try await Self.insertRevisions([place], action: "edited", actor: actor, at: at, db)
        }
    }

    public func revisions(placeID: Int64) async throws -> [PlaceRevision] {
        try await database.sql.select().column("*").from("place_revisions").where("place_id", .equal, placeID).orderBy("id").all().map { row in
            PlaceRevision(actorUserID: try row.decode(column: "actor_user_id", as: Int64?.self),
                          action: try row.decode(column: "action", as: String.self),
                          snapshot: try row.decode(column: "snapshot", as: String.self),
                          at: Instant(milliseconds: try row.decode(column: "at", as: Int64.self)))
        }
    }

    public func members(ofNetwork placeID: Int64) async throws -> [DirectoryPlace] {
        try await database.sql.select().column("*").from("places").where("network_place_id", .equal, placeID)
            .orderBy("name").all().compactMap { try place($0) }
    }

    public func version() async throws -> String {
        // Two indexed maxima, each in its own subquery: SQLite answers a lone MIN or MAX from the index,
        // but scanned the whole table for both in one SELECT (36 ms at 500,000 places, every second).
        let row = try await database.sql.raw(
            "SELECT (SELECT MAX(id) FROM places) AS n, (SELECT MAX(updated_at) FROM places) AS latest").first()
        return "\(try row?.decode(column: "n", as: Int64?.self) ?? 0)-\(try row?.decode(column: "latest", as: Int64?.self) ?? 0)"
    }

    // MARK: rows

    static func columns(_ p: DirectoryPlace) -> [(String, any Encodable & Sendable)] {
        func joined(_ list: [String]) -> String { list.joined(separator: "|") }
        return [
            ("external_id", p.externalID), ("name", p.name), ("commune_code", p.communeCode), ("department_code", p.departmentCode),
            ("region_code", p.regionCode), ("label", p.label?.rawValue), ("latitude", p.position.latitude), ("longitude", p.position.longitude),
            ("pivot", p.pivot), ("address", p.address), ("address_complement", p.addressComplement), ("postal_code", p.postalCode),
            ("commune_name", p.communeName), ("kinds", joined(p.kinds.map(\.rawValue))), ("structure_types", joined(p.structureTypes)),
            ("services", joined(p.services)), ("publics", joined(p.publics)), ("fees", joined(p.fees)),
            ("access_modes", joined(p.accessModes)), ("support_modes", joined(p.supportModes)),
            ("national_programmes", joined(p.nationalProgrammes)), ("opening_hours", p.openingHours), ("phone", p.phone),
            ("emails", joined(p.emails)), ("websites", joined(p.websites)), ("summary", p.summary), ("details", p.details),
            ("accessibility_url", p.accessibilityURL), ("booking_url", p.bookingURL), ("source", p.source),
            ("updated_on", p.updatedOn), ("match_key", p.nameAndCommuneKey), ("network_place_id", p.networkPlaceID),
        ]
    }

    static func insert(_ place: DirectoryPlace, _ db: any SQLDatabase, at: Instant) async throws -> Int64 {
        let pairs = columns(place) + [("created_at", at.milliseconds), ("updated_at", at.milliseconds)]
        let row = try await db.insert(into: "places").columns(pairs.map(\.0)).values(pairs.map { SQLBind($0.1) })
            .returning("id").first()
        guard let row else { throw RepositoryError.notFound("Lieu créé") }
        return try row.decode(column: "id", as: Int64.self)
    }

    static func write(_ place: DirectoryPlace, _ db: any SQLDatabase, at: Instant) async throws {
        guard let id = place.id else { throw RepositoryError.notFound("Lieu sans identifiant") }
        let update = db.update("places")
        for (column, value) in columns(place) { update.set(SQLIdentifier(column), to: SQLBind(value)) }
        try await update.set("updated_at", to: at.milliseconds).where("id", .equal, id).run()
    }

    /// One revision per place, in one statement (an edit writes one, an import a batch).
    static func insertRevisions(_ places: [DirectoryPlace], action: String, actor: Int64?, at: Instant, _ db: any SQLDatabase) async throws {
        guard !places.isEmpty else { return }
        let insert = db.insert(into: "place_revisions").columns("place_id", "actor_user_id", "action", "snapshot", "at")
        for place in places {
            let snapshot = String(decoding: PlaceExport.json(place), as: UTF8.self)
            insert.values(SQLBind(place.id), SQLBind(actor), SQLBind(action), SQLBind(snapshot), SQLBind(at.milliseconds))
        }
        try await insert.run()
    }

    func place(_ row: any SQLRow) throws -> DirectoryPlace? { try Self.rowPlace(row) }

    static func rowPlace(_ row: any SQLRow) throws -> DirectoryPlace? {
        func text(_ column: String) throws -> String? {
            let value = try row.decode(column: column, as: String?.self)
            return value?.isEmpty == true ? nil : value
        }
        func list(_ column: String) throws -> [String] { (try text(column) ?? "").split(separator: "|").map(String.init) }
        let communeCode = try row.decode(column: "commune_code", as: String.self)
        let commune = Commune(
            code: communeCode, name: try text("commune_name") ?? "", departmentCode: try row.decode(column: "department_code", as: String.self),
            regionCode: try row.decode(column: "region_code", as: String.self), population: 0,
            position: GeoPoint(latitude: 0, longitude: 0), density: .largeUrbanCentre)
        var place = DirectoryPlace(
            id: try row.decode(column: "id", as: Int64.self), externalID: try text("external_id"), pivot: try text("pivot"),
            name: try row.decode(column: "name", as: String.self), address: try text("address") ?? "",
            addressComplement: try text("address_complement"), postalCode: try text("postal_code") ?? "", commune: commune,
            position: GeoPoint(latitude: try row.decode(column: "latitude", as: Double.self), longitude: try row.decode(column: "longitude", as: Double.self)),
            kinds: try list("kinds").compactMap(PlaceKind.init(rawValue:)), label: try text("label").flatMap(DirectoryPlace.Label.init(rawValue:)),
            structureTypes: try list("structure_types"), services: try list("services"), publics: try list("publics"),
            fees: try list("fees"), accessModes: try list("access_modes"), supportModes: try list("support_modes"),
            nationalProgrammes: try list("national_programmes"), openingHours: try text("opening_hours"), phone: try text("phone"),
            emails: try list("emails"), websites: try list("websites"), summary: try text("summary"), details: try text("details"),
            accessibilityURL: try text("accessibility_url"), bookingURL: try text("booking_url"), source: try text("source"),
            updatedOn: try text("updated_on") ?? "")
        place.communeName = try text("commune_name") ?? ""
        place.networkPlaceID = try row.decode(column: "network_place_id", as: Int64?.self)
        return place
    }
}
