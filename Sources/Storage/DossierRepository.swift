import Foundation
import Programme
import SQLKit

public struct NewDossier: Sendable {
    public var callID: Int64
    public var waveID: Int64
    public var formVersionID: Int64
    public var ownerUserID: Int64
    public var organisationID: Int64?
    public var summary: DossierSummary
    public var answers: DossierAnswers

    public init(callID: Int64, waveID: Int64, formVersionID: Int64, ownerUserID: Int64, organisationID: Int64?, summary: DossierSummary, answers: DossierAnswers) {
        self.callID = callID
        self.waveID = waveID
        self.formVersionID = formVersionID
        self.ownerUserID = ownerUserID
        self.organisationID = organisationID
        self.summary = summary
        self.answers = answers
    }
}

/// A state change asked of the store. It happens only if the dossier is still in `from` (so two reviewers
/// clicking at once cannot both act) and, for a submission, only before its wave's closing instant.
public struct DossierChange: Sendable {
    public var action: DossierAction
    public var from: DossierState
    public var actorUserID: Int64?
    public var reason: String?
    public var at: Instant

    public init(action: DossierAction, from: DossierState, actorUserID: Int64?, reason: String?, at: Instant) {
        self.action = action
        self.from = from
        self.actorUserID = actorUserID
        self.reason = reason
        self.at = at
    }
}

public protocol DossierRepository: Sendable {
    func create(_ dossier: NewDossier, at: Instant) async throws -> Int64
    func find(id: Int64) async throws -> Dossier?
    func latest(ownerUserID: Int64) async throws -> Dossier?
    func owned(by userID: Int64) async throws -> [Dossier]
    /// Saves answers while the applicant may edit; false when the dossier is no longer editable.
    func saveAnswers(id: Int64, answers: DossierAnswers, summary: DossierSummary, at: Instant) async throws -> Bool
    /// Applies the change and records it; false when the dossier was not in `change.from` any more (or,
    /// for a submission, its wave had closed at `change.at`).
    func apply(_ change: DossierChange, to id: Int64) async throws -> Bool
    func events(dossierID: Int64) async throws -> [DossierEvent]
    func assign(ids: [Int64], to userID: Int64?, at: Instant) async throws
    func setScore(id: Int64, mean: Double?, spread: Double?) async throws
}

public struct SQLDossierRepository: DossierRepository {
    let database: Database
    var db: any SQLDatabase { database.sql }
    public init(_ database: Database) { self.database = database }

    public func create(_ dossier: NewDossier, at: Instant) async throws -> Int64 {
        let answers = try JSONColumn.encode(dossier.answers)
        return try await database.transaction { db in
            let t = dossier.summary.territory
            guard let row = try await db.insert(into: "dossiers")
                .columns("call_id", "wave_id", "form_version_id", "owner_user_id", "organisation_id", "title", "commune_code", "department_code",
                         "region_code", "is_qpv", "is_rural", "is_digital", "amount_cents", "state", "answers", "created_at", "updated_at")
                .values(SQLBind(dossier.callID), SQLBind(dossier.waveID), SQLBind(dossier.formVersionID), SQLBind(dossier.ownerUserID),
                        SQLBind(dossier.organisationID), SQLBind(dossier.summary.title), SQLBind(t.communeCode), SQLBind(t.departmentCode),
                        SQLBind(t.regionCode), SQLBind(t.isQPV ? 1 : 0), SQLBind(t.isRural ? 1 : 0), SQLBind(t.isDigital ? 1 : 0),
                        SQLBind(dossier.summary.amountCents), SQLBind(DossierState.draft.rawValue), SQLBind(answers),
                        SQLBind(at.milliseconds), SQLBind(at.milliseconds))
                .returning("id").first() else { throw RepositoryError.notFound("Dossier créé") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await Self.record(db, dossierID: id, action: "creer", from: "", to: DossierState.draft.rawValue, actor: dossier.ownerUserID, reason: nil, at: at)
            return id
        }
    }

    public func find(id: Int64) async throws -> Dossier? {
        try await db.select().column("*").from("dossiers").where("id", .equal, id).first().map(Self.dossier)
    }

    public func latest(ownerUserID: Int64) async throws -> Dossier? {
        try await db.select().column("*").from("dossiers").where("owner_user_id", .equal, ownerUserID).orderBy("id", .descending).first().map(Self.dossier)
    }

    public func owned(by userID: Int64) async throws -> [Dossier] {
        try await db.select().column("*").from("dossiers").where("owner_user_id", .equal, userID).orderBy("id", .descending).all().map(Self.dossier)
    }

    public func saveAnswers(id: Int64, answers: DossierAnswers, summary: DossierSummary, at: Instant) async throws -> Bool {
        let t = summary.territory
        let rows = try await db.update("dossiers")
            .set("answers", to: try JSONColumn.encode(answers)).set("title", to: summary.title).set("amount_cents", to: summary.amountCents)
            .set("commune_code", to: t.communeCode).set("department_code", to: t.departmentCode).set("region_code", to: t.regionCode)
            .set("is_qpv", to: t.isQPV ? 1 : 0).set("is_rural", to: t.isRural ? 1 : 0).set("is_digital", to: t.isDigital ? 1 : 0)
            .set("updated_at", to: at.milliseconds)
            .where("id", .equal, id)
            .where("state", .in, [DossierState.draft.rawValue, DossierState.correctionRequested.rawValue])
            .returning("id").all()
        return !rows.isEmpty
    }

    public func apply(_ change: DossierChange, to id: Int64) async throws -> Bool {
        let target = change.action.target
        return try await database.transaction { db in
            let update = db.update("dossiers").set("state", to: target.rawValue).set("updated_at", to: change.at.milliseconds)
                .where("id", .equal, id).where("state", .equal, change.from.rawValue)
            if change.action == .submit {
                update.set("submitted_at", to: change.at.milliseconds)
                // The deadline is checked in the same statement that submits: no check-then-act window.
                update.where(SQLBind(change.at.milliseconds), .lessThan, SQLRaw("(SELECT closes_at FROM call_waves WHERE call_waves.id = dossiers.wave_id)"))
                update.where(SQLBind(change.at.milliseconds), .greaterThanOrEqual, SQLRaw("(SELECT opens_at FROM call_waves WHERE call_waves.id = dossiers.wave_id)"))
            }
            if change.action.isDecision {
                update.set("decided_at", to: change.at.milliseconds).set("decision_reason", to: change.reason)
            }
            guard !(try await update.returning("id").all()).isEmpty else { return false }
            try await Self.record(db, dossierID: id, action: change.action.rawValue, from: change.from.rawValue, to: target.rawValue,
                                  actor: change.actorUserID, reason: change.reason, at: change.at)
            return true
        }
    }

    public func events(dossierID: Int64) async throws -> [DossierEvent] {
        try await db.select().columns(SQLColumn("*", table: "e")).column(SQLColumn("display_name", table: "u"), as: "actor_name")
            .from(SQLAlias(SQLIdentifier("dossier_events"), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier("users"), as: SQLIdentifier("u")), method: SQLJoinMethod.left,
                  on: SQLColumn("actor_user_id", table: "e"), .equal, SQLColumn("id", table: "u"))
            .where(SQLColumn("dossier_id", table: "e"), .equal, SQLBind(dossierID)).orderBy(SQLColumn("id", table: "e")).all().map { row in
                DossierEvent(action: try row.decode(column: "action", as: String.self), from: try row.decode(column: "from_state", as: String.self),
                             to: try row.decode(column: "to_state", as: String.self), actorUserID: try row.decode(column: "actor_user_id", as: Int64?.self),
                             actorName: try row.decode(column: "actor_name", as: String?.self), reason: try row.decode(column: "reason", as: String?.self),
                             at: Instant(milliseconds: try row.decode(column: "at", as: Int64.self)))
            }
    }

    public func assign(ids: [Int64], to userID: Int64?, at: Instant) async throws {
        guard !ids.isEmpty else { return }
        try await db.update("dossiers").set("assignee_user_id", to: userID).where("id", .in, ids).run()
    }

    public func setScore(id: Int64, mean: Double?, spread: Double?) async throws {
        try await db.update("dossiers").set("score", to: mean).set("score_spread", to: spread).where("id", .equal, id).run()
    }

    static func record(_ db: any SQLDatabase, dossierID: Int64, action: String, from: String, to: String, actor: Int64?, reason: String?, at: Instant) async throws {
        try await db.insert(into: "dossier_events").columns("dossier_id", "action", "from_state", "to_state", "actor_user_id", "reason", "at")
            .values(SQLBind(dossierID), SQLBind(action), SQLBind(from), SQLBind(to), SQLBind(actor), SQLBind(reason), SQLBind(at.milliseconds)).run()
    }

    static func dossier(_ row: any SQLRow) throws -> Dossier {
        func instant(_ column: String) throws -> Instant? { try row.decode(column: column, as: Int64?.self).map(Instant.init(milliseconds:)) }
        return Dossier(
            id: try row.decode(column: "id", as: Int64.self), callID: try row.decode(column: "call_id", as: Int64.self),
            waveID: try row.decode(column: "wave_id", as: Int64.self), formVersionID: try row.decode(column: "form_version_id", as: Int64.self),
            ownerUserID: try row.decode(column: "owner_user_id", as: Int64.self), organisationID: try row.decode(column: "organisation_id", as: Int64?.self),
            title: try row.decode(column: "title", as: String.self),
            territory: DossierTerritory(
                communeCode: try row.decode(column: "commune_code", as: String.self), departmentCode: try row.decode(column: "department_code", as: String.self),
                regionCode: try row.decode(column: "region_code", as: String.self), isQPV: try row.decode(column: "is_qpv", as: Int64.self) != 0,
                isRural: try row.decode(column: "is_rural", as: Int64.self) != 0, isDigital: try row.decode(column: "is_digital", as: Int64.self) != 0),
            amountCents: try row.decode(column: "amount_cents", as: Int64?.self),
            state: DossierState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
            answers: row.contains(column: "answers") ? try JSONColumn.decode(DossierAnswers.self, try row.decode(column: "answers", as: String.self)) : [:],
            score: try row.decode(column: "score", as: Double?.self), scoreSpread: try row.decode(column: "score_spread", as: Double?.self),
            assigneeUserID: try row.decode(column: "assignee_user_id", as: Int64?.self),
            createdAt: try instant("created_at")!, updatedAt: try instant("updated_at")!, submittedAt: try instant("submitted_at"),
            decidedAt: try instant("decided_at"), decisionReason: try row.decode(column: "decision_reason", as: String?.self))
    }
}
