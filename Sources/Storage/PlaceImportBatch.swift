import Directory
import SQLKit

/// One import, written a few hundred places at a time: the places a chunk may match are read in two
/// queries, new places are inserted with one statement and their revisions with another. Matching
/// follows the rows as they change, so a file that names the same place twice, in one chunk or in two,
/// still updates it rather than creating it twice.
struct PlaceImportBatch {
    /// 36 columns × 400 rows stays under SQLite's 32,766 bound parameters.
    static let size = 400

    let actor: Int64?
    let at: Instant
    private(set) var outcome = ImportOutcome()
    private var byExternalID: [String: DirectoryPlace] = [:]
    private var byKey: [String: DirectoryPlace] = [:]
    /// New places not yet inserted, with distinct keys (a place matching one of them flushes them first).
    private var pending: [DirectoryPlace] = []
    private var pendingExternalIDs: Set<String> = []
    private var pendingKeys: Set<String> = []

    init(actor: Int64?, at: Instant) {
        self.actor = actor
        self.at = at
    }

    mutating func run(_ chunk: [DirectoryPlace], _ db: any SQLDatabase) async throws {
        try await load(chunk, db)
        for place in chunk {
            let key = place.nameAndCommuneKey
            if pendingKeys.contains(key) || place.externalID.map(pendingExternalIDs.contains) == true { try await flush(db) }
            guard let existing = place.externalID.flatMap({ byExternalID[$0] }) ?? byKey[key] else {
                pending.append(place)
                pendingKeys.insert(key)
                if let externalID = place.externalID { pendingExternalIDs.insert(externalID) }
                continue
            }
            // The same record again replaces what it said; another source's record only completes it.
            var merged: DirectoryPlace
            if place.externalID != nil && place.externalID == existing.externalID {
                merged = place
                merged.label = place.label ?? existing.label
                merged.networkPlaceID = existing.networkPlaceID
            } else {
                merged = existing.filled(from: place)
            }
            merged.id = existing.id
            if merged == existing { outcome.unchanged += 1; continue }
            try await SQLDirectoryRepository.write(merged, db, at: at)
            try await SQLDirectoryRepository.insertRevisions([merged], action: "import.updated", actor: actor, at: at, db)
            forget(existing)
            remember(merged)
            outcome.updated += 1
        }
        try await flush(db)
        // The database now holds everything written so far, and the next chunk loads what it may match:
        // keeping every place of a 500,000-row file here too cost hundreds of megabytes.
        byExternalID.removeAll(keepingCapacity: true)
        byKey.removeAll(keepingCapacity: true)
    }

    /// The stored places the chunk may match, by external id or by name and commune.
    private mutating func load(_ chunk: [DirectoryPlace], _ db: any SQLDatabase) async throws {
        let externalIDs = Set(chunk.compactMap(\.externalID)).filter { byExternalID[$0] == nil }
        let keys = Set(chunk.map(\.nameAndCommuneKey)).filter { byKey[$0] == nil }
        var rows: [any SQLRow] = []
        if !externalIDs.isEmpty {
            rows += try await db.select().column("*").from("places").where("external_id", .in, SQLBind.group(Array(externalIDs))).all()
        }
        if !keys.isEmpty {
            rows += try await db.select().column("*").from("places").where("match_key", .in, SQLBind.group(Array(keys))).all()
        }
        // Rows in id order, so that when two stored places share a key the oldest answers, as a lookup would.
        for place in try rows.compactMap(SQLDirectoryRepository.rowPlace).sorted(by: { ($0.id ?? 0) > ($1.id ?? 0) }) { remember(place) }
    }

    private mutating func remember(_ place: DirectoryPlace) {
        if let externalID = place.externalID { byExternalID[externalID] = place }
        byKey[place.nameAndCommuneKey] = place
    }

    private mutating func forget(_ place: DirectoryPlace) {
        if let externalID = place.externalID, byExternalID[externalID]?.id == place.id { byExternalID[externalID] = nil }
        if byKey[place.nameAndCommuneKey]?.id == place.id { byKey[place.nameAndCommuneKey] = nil }
    }

    private mutating func flush(_ db: any SQLDatabase) async throws {
        guard !pending.isEmpty else { return }
        let columns = SQLDirectoryRepository.columns(pending[0]).map(\.0) + ["created_at", "updated_at"]
        let insert = db.insert(into: "places").columns(columns)
        for place in pending {
            insert.values((SQLDirectoryRepository.columns(place).map(\.1) + [at.milliseconds, at.milliseconds]).map { SQLBind($0) })
        }
        let rows = try await insert.returning("id", "match_key").all()
        var ids: [String: Int64] = [:]
        for row in rows { ids[try row.decode(column: "match_key", as: String.self)] = try row.decode(column: "id", as: Int64.self) }
        var created: [DirectoryPlace] = []
        for var place in pending {
            guard let id = ids[place.nameAndCommuneKey] else { throw RepositoryError.notFound("Lieu créé") }
            place.id = id
            created.append(place)
            remember(place)
        }
        try await SQLDirectoryRepository.insertRevisions(created, action: "import.created", actor: actor, at: at, db)
        outcome.created += created.count
        pending.removeAll()
        pendingKeys.removeAll()
        pendingExternalIDs.removeAll()
    }
}
