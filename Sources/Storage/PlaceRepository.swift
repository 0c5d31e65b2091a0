import Directory
import SQLKit

/// The light view of a directory place that lists and scopes need (name, commune, territory, label,
/// position); `DirectoryRepository` reads and writes the full record.
public struct Place: Sendable, Hashable, Codable {
    public typealias Label = DirectoryPlace.Label

    public let id: Int64
    public let externalID: String?
    public let name: String
    public let communeCode: String
    public let departmentCode: String
    public let regionCode: String
    public let label: Label?
    public let latitude: Double
    public let longitude: Double
}

/// Read-only queries over the places table.
public protocol PlaceRepository: Sendable {
    func find(id: Int64) async throws -> Place?
    func list(departmentCode: String?, limit: Int, offset: Int) async throws -> [Place]
    func count(departmentCode: String?) async throws -> Int
    /// Number of places and of labelled Fabriques per département code.
    func countsByDepartment() async throws -> [String: (places: Int, fabriques: Int)]
    /// Whether a labelled Fabrique already stands in this commune (some calls exclude such communes).
    func hasFabrique(communeCode: String) async throws -> Bool
}

public struct SQLPlaceRepository: PlaceRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func find(id: Int64) async throws -> Place? {
        try await db.select().column("*").from("places").where("id", .equal, id).first().map(Self.place)
    }

    public func list(departmentCode: String?, limit: Int, offset: Int) async throws -> [Place] {
        let query = db.select().column("*").from("places")
        if let departmentCode { query.where("department_code", .equal, departmentCode) }
        return try await query.orderBy("name").orderBy("id").limit(limit).offset(offset).all().map(Self.place)
    }

    public func count(departmentCode: String?) async throws -> Int {
        let query = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("places")
        if let departmentCode { query.where("department_code", .equal, departmentCode) }
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func countsByDepartment() async throws -> [String: (places: Int, fabriques: Int)] {
        let rows = try await db.select().column("department_code")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "places")
            .column(SQLFunction("COUNT", args: SQLIdentifier("label")), as: "fabriques")
            .from("places").groupBy("department_code").all()
        var counts: [String: (places: Int, fabriques: Int)] = [:]
        for row in rows {
            counts[try row.decode(column: "department_code", as: String.self)] =
                (try row.decode(column: "places", as: Int.self), try row.decode(column: "fabriques", as: Int.self))
        }
        return counts
    }

    public func hasFabrique(communeCode: String) async throws -> Bool {
        try await db.select().column("id").from("places").where("commune_code", .equal, communeCode)
            .where("label", .isNot, SQLLiteral.null).limit(1).first() != nil
    }

    static func place(_ row: any SQLRow) throws -> Place {
        Place(
            id: try row.decode(column: "id", as: Int64.self),
            externalID: try row.decode(column: "external_id", as: String?.self),
            name: try row.decode(column: "name", as: String.self),
            communeCode: try row.decode(column: "commune_code", as: String.self),
            departmentCode: try row.decode(column: "department_code", as: String.self),
            regionCode: try row.decode(column: "region_code", as: String.self),
            label: try row.decode(column: "label", as: String?.self).flatMap(Place.Label.init(rawValue:)),
            latitude: try row.decode(column: "latitude", as: Double.self),
            longitude: try row.decode(column: "longitude", as: Double.self))
    }
}
