import SQLKit

/// A tiers-lieu of the directory. The foundation keeps what every feature needs (name, commune,
/// territory, label, position); the directory issue extends it.
public struct Place: Sendable, Hashable, Codable {
    public enum Label: String, Sendable, Codable, CaseIterable {
        case fabrique = "fabrique"
        case digitalFabrique = "fabrique_numerique"

        public var title: String {
            switch self {
            case .fabrique: "Fabrique de territoire"
            case .digitalFabrique: "Fabrique numérique de territoire"
            }
        }
    }

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

public struct PlaceRecord: Sendable, Hashable {
    public var externalID: String?
    public var name: String
    public var communeCode: String
    public var departmentCode: String
    public var regionCode: String
    public var label: Place.Label?
    public var latitude: Double
    public var longitude: Double

    public init(externalID: String?, name: String, communeCode: String, departmentCode: String, regionCode: String,
                label: Place.Label?, latitude: Double, longitude: Double) {
        self.externalID = externalID
        self.name = name
        self.communeCode = communeCode
        self.departmentCode = departmentCode
        self.regionCode = regionCode
        self.label = label
        self.latitude = latitude
        self.longitude = longitude
    }
}

public protocol PlaceRepository: Sendable {
    /// Inserts, or updates the place with the same external identifier; returns its id.
    func upsert(_ record: PlaceRecord, at: Instant) async throws -> Int64
    func find(id: Int64) async throws -> Place?
    func list(departmentCode: String?, limit: Int, offset: Int) async throws -> [Place]
    func count(departmentCode: String?) async throws -> Int
    /// Number of places and of labelled Fabriques per département code.
    func countsByDepartment() async throws -> [String: (places: Int, fabriques: Int)]
}

public struct SQLPlaceRepository: PlaceRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func upsert(_ record: PlaceRecord, at: Instant) async throws -> Int64 {
        if let externalID = record.externalID,
           let existing = try await db.select().column("id").from("places").where("external_id", .equal, externalID).first() {
            let id = try existing.decode(column: "id", as: Int64.self)
            try await db.update("places")
                .set("name", to: record.name).set("commune_code", to: record.communeCode)
                .set("department_code", to: record.departmentCode).set("region_code", to: record.regionCode)
                .set("label", to: record.label?.rawValue).set("latitude", to: record.latitude)
                .set("longitude", to: record.longitude).set("updated_at", to: at.milliseconds)
                .where("id", .equal, id).run()
            return id
        }
        let row = try await db.insert(into: "places")
            .columns("external_id", "name", "commune_code", "department_code", "region_code", "label", "latitude", "longitude", "created_at", "updated_at")
            .values(SQLBind(record.externalID), SQLBind(record.name), SQLBind(record.communeCode), SQLBind(record.departmentCode),
                    SQLBind(record.regionCode), SQLBind(record.label?.rawValue), SQLBind(record.latitude), SQLBind(record.longitude),
                    SQLBind(at.milliseconds), SQLBind(at.milliseconds))
            .returning("id").first()
        guard let row else { throw RepositoryError.notFound("Lieu créé") }
        return try row.decode(column: "id", as: Int64.self)
    }

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
