import SQLKit

/// "Signaler une erreur": what a visitor says is wrong on a place page, until an animateur of the place
/// or the comité marks it handled.
public struct PlaceReport: Sendable, Hashable {
    public let id: Int64
    public let placeID: Int64
    public let placeName: String
    public let message: String
    public let contact: String?
    public let createdAt: Instant
}

public protocol PlaceReportRepository: Sendable {
    func create(placeID: Int64, message: String, contact: String?, at: Instant) async throws
    /// Open reports, all of them or those of the given places.
    func open(placeIDs: [Int64]?) async throws -> [PlaceReport]
    func resolve(id: Int64, by actor: Int64, at: Instant) async throws
    func find(id: Int64) async throws -> PlaceReport?
}

public struct SQLPlaceReportRepository: PlaceReportRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func create(placeID: Int64, message: String, contact: String?, at: Instant) async throws {
        try await db.insert(into: "place_reports").columns("place_id", "message", "contact", "created_at")
            .values(SQLBind(placeID), SQLBind(message), SQLBind(contact), SQLBind(at.milliseconds)).run()
    }

    public func open(placeIDs: [Int64]?) async throws -> [PlaceReport] {
        let query = db.select().columns(SQLColumn("id", table: "r"), SQLColumn("place_id", table: "r"), SQLColumn("message", table: "r"),
                                        SQLColumn("contact", table: "r"), SQLColumn("created_at", table: "r"))
            .column(SQLColumn("name", table: "p"), as: "place_name")
            .from(SQLAlias(SQLIdentifier("place_reports"), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier("places"), as: SQLIdentifier("p")), on: SQLColumn("place_id", table: "r"), .equal, SQLColumn("id", table: "p"))
            .where(SQLColumn("resolved_at", table: "r"), .is, SQLLiteral.null)
        if let placeIDs {
            guard !placeIDs.isEmpty else { return [] }
            query.where(SQLColumn("place_id", table: "r"), .in, SQLBind.group(placeIDs))
        }
        return try await query.orderBy(SQLColumn("id", table: "r")).all().map(Self.report)
    }

    public func resolve(id: Int64, by actor: Int64, at: Instant) async throws {
        try await db.update("place_reports").set("resolved_at", to: at.milliseconds).set("resolved_by", to: actor).where("id", .equal, id).run()
    }

    public func find(id: Int64) async throws -> PlaceReport? {
        try await open(placeIDs: nil).first { $0.id == id }
    }

    static func report(_ row: any SQLRow) throws -> PlaceReport {
        PlaceReport(id: try row.decode(column: "id", as: Int64.self), placeID: try row.decode(column: "place_id", as: Int64.self),
                    placeName: try row.decode(column: "place_name", as: String.self), message: try row.decode(column: "message", as: String.self),
                    contact: try row.decode(column: "contact", as: String?.self),
                    createdAt: Instant(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
    }
}
