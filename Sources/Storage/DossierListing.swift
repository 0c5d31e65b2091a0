import Accounts
import Programme
import SQLKit

/// The filters and order of the review lists, exports and API. Every field narrows; nil means any.
public struct DossierFilter: Sendable, Hashable {
    public enum Order: String, Sendable, CaseIterable { case number = "numero", updated = "maj", score = "note", territory = "territoire" }

    public var callID: Int64?
    public var waveID: Int64?
    public var states: [DossierState] = []
    public var departmentCode: String?
    public var regionCode: String?
    public var qpv: Bool?
    public var rural: Bool?
    public var assigneeUserID: Int64?
    public var unassigned = false
    public var minimumScore: Double?
    public var order: Order = .number
    /// Drafts are the applicant's business until submitted; reviewers never list them.
    public var includeDrafts = false

    public init() {}
}

public struct DossierResultPage: Sendable {
    public let dossiers: [Dossier]
    public let total: Int
}

public protocol DossierListing: Sendable {
    /// What `viewer` may see among the dossiers matching `filter`, scoped in SQL.
    func page(_ filter: DossierFilter, viewer: Viewer, limit: Int, offset: Int) async throws -> DossierResultPage
    /// The next matching dossiers after `after` by id: exports walk the list batch by batch, so memory
    /// stays flat whatever the count.
    func batch(_ filter: DossierFilter, viewer: Viewer, after: Int64, limit: Int) async throws -> [Dossier]
}

public struct SQLDossierListing: DossierListing {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    /// Lists and exports never show the answers: leaving out that column spares reading and decoding
    /// the largest value of every row (listed dossiers carry empty answers).
    static let listedColumns = ["id", "call_id", "wave_id", "form_version_id", "owner_user_id", "organisation_id", "title", "commune_code",
                                "department_code", "region_code", "is_qpv", "is_rural", "is_digital", "amount_cents", "state", "score",
                                "score_spread", "assignee_user_id", "created_at", "updated_at", "submitted_at", "decided_at", "decision_reason"]

    public func page(_ filter: DossierFilter, viewer: Viewer, limit: Int, offset: Int) async throws -> DossierResultPage {
        let count = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("dossiers")
        apply(filter, viewer: viewer, to: count)
        let total = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        let query = db.select().columns(Self.listedColumns.map { SQLColumn($0) }).from("dossiers")
        apply(filter, viewer: viewer, to: query)
        switch filter.order {
        case .number: query.orderBy("id", .descending)
        case .updated: query.orderBy("updated_at", .descending).orderBy("id", .descending)
        case .score: query.orderBy(SQLRaw("CASE WHEN score IS NULL THEN 1 ELSE 0 END")).orderBy("score", .descending).orderBy("id")
        case .territory: query.orderBy("department_code").orderBy("id")
        }
        let dossiers = try await query.limit(limit).offset(offset).all().map(SQLDossierRepository.dossier)
        return DossierResultPage(dossiers: dossiers, total: total)
    }

    public func batch(_ filter: DossierFilter, viewer: Viewer, after: Int64, limit: Int) async throws -> [Dossier] {
        let query = db.select().columns(Self.listedColumns.map { SQLColumn($0) }).from("dossiers").where("id", .greaterThan, after)
        apply(filter, viewer: viewer, to: query)
        return try await query.orderBy("id").limit(limit).all().map(SQLDossierRepository.dossier)
    }

    func apply(_ filter: DossierFilter, viewer: Viewer, to query: SQLSelectBuilder) {
        if !filter.includeDrafts { query.where("state", .notEqual, DossierState.draft.rawValue) }
        if let call = filter.callID { query.where("call_id", .equal, call) }
        if let wave = filter.waveID { query.where("wave_id", .equal, wave) }
        if !filter.states.isEmpty { query.where("state", .in, filter.states.map(\.rawValue)) }
        if let code = filter.departmentCode { query.where("department_code", .equal, code) }
        if let code = filter.regionCode { query.where("region_code", .equal, code) }
        if let qpv = filter.qpv { query.where("is_qpv", .equal, qpv ? 1 : 0) }
        if let rural = filter.rural { query.where("is_rural", .equal, rural ? 1 : 0) }
        if filter.unassigned { query.where("assignee_user_id", .is, SQLLiteral.null) }
        else if let assignee = filter.assigneeUserID { query.where("assignee_user_id", .equal, assignee) }
        if let minimum = filter.minimumScore { query.where("score", .greaterThanOrEqual, minimum) }
        guard !viewer.seesWholeProgramme else { return }
        query.where { group in
            // An invited expert sees the dossiers it was asked about, and nothing else.
            TerritoryScope.condition(group, viewer: viewer)
                .orWhere("id", .in, SQLRaw("(SELECT dossier_id FROM dossier_experts WHERE user_id = \(viewer.userID))"))
        }
    }
}
