import SQLKit

/// Who changed what, when and why: role grants now, dossier transitions later.
public struct AuditEvent: Sendable, Hashable {
    public let actorUserID: Int64?
    public let action: String
    public let subject: String
    public let detail: String
    public let at: Instant
}

public protocol AuditLog: Sendable {
    func record(actor: Int64?, action: String, subject: String, detail: String, at: Instant) async throws
    func events(subject: String) async throws -> [AuditEvent]
}

public struct SQLAuditLog: AuditLog {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func record(actor: Int64?, action: String, subject: String, detail: String, at: Instant) async throws {
        try await db.insert(into: "audit_events").columns("actor_user_id", "action", "subject", "detail", "at")
            .values(SQLBind(actor), SQLBind(action), SQLBind(subject), SQLBind(detail), SQLBind(at.milliseconds)).run()
    }

    public func events(subject: String) async throws -> [AuditEvent] {
        try await db.select().column("*").from("audit_events").where("subject", .equal, subject).orderBy("id").all().map { row in
            AuditEvent(
                actorUserID: try row.decode(column: "actor_user_id", as: Int64?.self),
                action: try row.decode(column: "action", as: String.self),
                subject: try row.decode(column: "subject", as: String.self),
                detail: try row.decode(column: "detail", as: String.self),
                at: Instant(milliseconds: try row.decode(column: "at", as: Int64.self)))
        }
    }
}
