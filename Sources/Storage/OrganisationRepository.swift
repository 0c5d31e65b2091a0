import Accounts
import SQLKit

/// The legal entity behind an application (association, company, SCIC, local authority...), owned by
/// one porteur account. Its territory decides which instructeurs may read it.
public struct Organisation: Sendable, Hashable, Codable {
    public let id: Int64
    public let ownerUserID: Int64
    public let name: String
    public let legalForm: String
    public let siret: String?
    public let communeCode: String
    public let departmentCode: String
    public let regionCode: String
    public let updatedAt: Instant

    public var accessSubject: AccessPolicy.Subject {
        AccessPolicy.Subject(ownerUserID: ownerUserID, departmentCode: departmentCode, regionCode: regionCode)
    }
}

public struct OrganisationDraft: Sendable, Hashable {
    public var name: String
    public var legalForm: String
    public var siret: String?
    public var communeCode: String
    public var departmentCode: String
    public var regionCode: String

    public init(name: String, legalForm: String, siret: String?, communeCode: String, departmentCode: String, regionCode: String) {
        self.name = name
        self.legalForm = legalForm
        self.siret = siret
        self.communeCode = communeCode
        self.departmentCode = departmentCode
        self.regionCode = regionCode
    }
}

public protocol OrganisationRepository: Sendable {
    func create(_ draft: OrganisationDraft, owner: Int64, at: Instant) async throws -> Int64
    func update(id: Int64, with draft: OrganisationDraft, at: Instant) async throws
    func find(id: Int64) async throws -> Organisation?
    func owned(by userID: Int64) async throws -> Organisation?
    /// What `viewer` may read, filtered in SQL: its own, its territory's, or all for the comité.
    func visible(to viewer: Viewer) async throws -> [Organisation]
}

public struct SQLOrganisationRepository: OrganisationRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func create(_ draft: OrganisationDraft, owner: Int64, at: Instant) async throws -> Int64 {
        let row = try await db.insert(into: "organisations")
            .columns("owner_user_id", "name", "legal_form", "siret", "commune_code", "department_code", "region_code", "created_at", "updated_at")
            .values(SQLBind(owner), SQLBind(draft.name), SQLBind(draft.legalForm), SQLBind(draft.siret), SQLBind(draft.communeCode),
                    SQLBind(draft.departmentCode), SQLBind(draft.regionCode), SQLBind(at.milliseconds), SQLBind(at.milliseconds))
            .returning("id").first()
        guard let row else { throw RepositoryError.notFound("Organisation créée") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func update(id: Int64, with draft: OrganisationDraft, at: Instant) async throws {
        try await db.update("organisations")
            .set("name", to: draft.name).set("legal_form", to: draft.legalForm).set("siret", to: draft.siret)
            .set("commune_code", to: draft.communeCode).set("department_code", to: draft.departmentCode)
            .set("region_code", to: draft.regionCode).set("updated_at", to: at.milliseconds)
            .where("id", .equal, id).run()
    }

    public func find(id: Int64) async throws -> Organisation? {
        try await db.select().column("*").from("organisations").where("id", .equal, id).first().map(Self.organisation)
    }

    public func owned(by userID: Int64) async throws -> Organisation? {
        try await db.select().column("*").from("organisations").where("owner_user_id", .equal, userID)
            .orderBy("id").first().map(Self.organisation)
    }

    public func visible(to viewer: Viewer) async throws -> [Organisation] {
        let query = db.select().column("*").from("organisations")
        if !viewer.seesWholeProgramme {
            query.where { TerritoryScope.condition($0, viewer: viewer) }
        }
        return try await query.orderBy("name").all().map(Self.organisation)
    }

    static func organisation(_ row: any SQLRow) throws -> Organisation {
        Organisation(
            id: try row.decode(column: "id", as: Int64.self),
            ownerUserID: try row.decode(column: "owner_user_id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self),
            legalForm: try row.decode(column: "legal_form", as: String.self),
            siret: try row.decode(column: "siret", as: String?.self),
            communeCode: try row.decode(column: "commune_code", as: String.self),
            departmentCode: try row.decode(column: "department_code", as: String.self),
            regionCode: try row.decode(column: "region_code", as: String.self),
            updatedAt: Instant(milliseconds: try row.decode(column: "updated_at", as: Int64.self)))
    }
}
