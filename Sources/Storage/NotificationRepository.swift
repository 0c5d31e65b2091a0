import SQLKit

public struct AppNotification: Sendable, Hashable {
    public let id: Int64
    public let dossierID: Int64?
    public let text: String
    public let at: Instant
    public let readAt: Instant?
}

public struct OutgoingEmail: Sendable, Hashable {
    public let id: Int64
    public let recipient: String
    public let subject: String
    public let body: String
    public let createdAt: Instant
}

/// In-app notifications, and the outbox of e-mails a mailer sends. Written in the same place as the event
/// that causes them, so that a crash cannot lose a message the applicant was owed.
public protocol NotificationRepository: Sendable {
    func notify(userID: Int64, dossierID: Int64?, text: String, email: (recipient: String, subject: String)?, at: Instant) async throws
    func recent(userID: Int64, limit: Int) async throws -> [AppNotification]
    func unreadCount(userID: Int64) async throws -> Int
    func markAllRead(userID: Int64, at: Instant) async throws
    func outbox(limit: Int) async throws -> [OutgoingEmail]
}

public struct SQLNotificationRepository: NotificationRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func notify(userID: Int64, dossierID: Int64?, text: String, email: (recipient: String, subject: String)?, at: Instant) async throws {
        try await db.insert(into: "notifications").columns("user_id", "dossier_id", "text", "at")
            .values(SQLBind(userID), SQLBind(dossierID), SQLBind(text), SQLBind(at.milliseconds)).run()
        if let email {
            try await db.insert(into: "email_outbox").columns("recipient", "subject", "body", "created_at")
                .values(SQLBind(email.recipient), SQLBind(email.subject), SQLBind(text), SQLBind(at.milliseconds)).run()
        }
    }

    public func recent(userID: Int64, limit: Int) async throws -> [AppNotification] {
        try await db.select().column("*").from("notifications").where("user_id", .equal, userID).orderBy("id", .descending).limit(limit).all().map { row in
            AppNotification(id: try row.decode(column: "id", as: Int64.self), dossierID: try row.decode(column: "dossier_id", as: Int64?.self),
                            text: try row.decode(column: "text", as: String.self), at: Instant(milliseconds: try row.decode(column: "at", as: Int64.self)),
                            readAt: try row.decode(column: "read_at", as: Int64?.self).map(Instant.init(milliseconds:)))
        }
    }

    public func unreadCount(userID: Int64) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("notifications")
            .where("user_id", .equal, userID).where("read_at", .is, SQLLiteral.null).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func markAllRead(userID: Int64, at: Instant) async throws {
        try await db.update("notifications").set("read_at", to: at.milliseconds).where("user_id", .equal, userID).where("read_at", .is, SQLLiteral.null).run()
    }

    public func outbox(limit: Int) async throws -> [OutgoingEmail] {
        try await db.select().column("*").from("email_outbox").orderBy("id", .descending).limit(limit).all().map { row in
            OutgoingEmail(id: try row.decode(column: "id", as: Int64.self), recipient: try row.decode(column: "recipient", as: String.self),
                          subject: try row.decode(column: "subject", as: String.self), body: try row.decode(column: "body", as: String.self),
                          createdAt: Instant(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
        }
    }
}
