import Programme
import SQLKit

public enum NoteKind: String, Sendable, Codable {
    /// Seen by reviewers and the comité only.
    case annotation
    /// The thread with the applicant.
    case message
}

public struct DossierNote: Sendable, Hashable {
    public let id: Int64
    public let kind: NoteKind
    public let authorUserID: Int64
    public let authorName: String
    public let body: String
    public let at: Instant
}

/// One reviewer's (or invited expert's) marks, opinion and the comment shared with the applicant.
public struct DossierReview: Sendable, Hashable {
    public let reviewerUserID: Int64
    public let reviewerName: String
    public let isExpert: Bool
    public let marks: [String: Int]
    /// The reviewer's comment on each criterion, by criterion key.
    public let comments: [String: String]
    public let opinion: Opinion?
    public let sharedComment: String?
    public let updatedAt: Instant
}

public protocol DossierReviewRepository: Sendable {
    func addNote(dossierID: Int64, kind: NoteKind, author: Int64, body: String, at: Instant) async throws
    func notes(dossierID: Int64, kinds: [NoteKind]) async throws -> [DossierNote]
    func saveReview(dossierID: Int64, reviewer: Int64, isExpert: Bool, marks: [String: Int], comments: [String: String], opinion: Opinion?, sharedComment: String?, at: Instant) async throws
    func reviews(dossierID: Int64) async throws -> [DossierReview]
    func inviteExpert(dossierID: Int64, userID: Int64, by actor: Int64, at: Instant) async throws
    func expertDossierIDs(userID: Int64) async throws -> [Int64]
    /// Dossiers on which at least one reviewer or expert gave this opinion.
    func dossierIDs(withOpinion opinion: Opinion) async throws -> Set<Int64>
}

public struct SQLDossierReviewRepository: DossierReviewRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func addNote(dossierID: Int64, kind: NoteKind, author: Int64, body: String, at: Instant) async throws {
        try await db.insert(into: "dossier_notes").columns("dossier_id", "kind", "author_user_id", "body", "at")
            .values(SQLBind(dossierID), SQLBind(kind.rawValue), SQLBind(author), SQLBind(body), SQLBind(at.milliseconds)).run()
    }

    public func notes(dossierID: Int64, kinds: [NoteKind]) async throws -> [DossierNote] {
        guard !kinds.isEmpty else { return [] }
        return try await db.select().columns(SQLColumn("*", table: "n")).column(SQLColumn("display_name", table: "u"), as: "author_name")
            .from(SQLAlias(SQLIdentifier("dossier_notes"), as: SQLIdentifier("n")))
            .join(SQLAlias(SQLIdentifier("users"), as: SQLIdentifier("u")), on: SQLColumn("author_user_id", table: "n"), .equal, SQLColumn("id", table: "u"))
            .where(SQLColumn("dossier_id", table: "n"), .equal, SQLBind(dossierID))
            .where(SQLColumn("kind", table: "n"), .in, SQLBind.group(kinds.map(\.rawValue)))
            .orderBy(SQLColumn("id", table: "n")).all().map { row in
                DossierNote(id: try row.decode(column: "id", as: Int64.self), kind: NoteKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .annotation,
                            authorUserID: try row.decode(column: "author_user_id", as: Int64.self), authorName: try row.decode(column: "author_name", as: String.self),
                            body: try row.decode(column: "body", as: String.self), at: Instant(milliseconds: try row.decode(column: "at", as: Int64.self)))
            }
    }

    public func saveReview(dossierID: Int64, reviewer: Int64, isExpert: Bool, marks: [String: Int], comments: [String: String], opinion: Opinion?, sharedComment: String?, at: Instant) async throws {
        let marksJSON = try JSONColumn.encode(marks), commentsJSON = try JSONColumn.encode(comments)
        let updated = try await db.update("dossier_reviews").set("marks", to: marksJSON).set("comments", to: commentsJSON).set("opinion", to: opinion?.rawValue)
            .set("shared_comment", to: sharedComment).set("updated_at", to: at.milliseconds)
            .where("dossier_id", .equal, dossierID).where("reviewer_user_id", .equal, reviewer).returning("id").all()
        guard updated.isEmpty else { return }
        try await db.insert(into: "dossier_reviews").columns("dossier_id", "reviewer_user_id", "is_expert", "marks", "comments", "opinion", "shared_comment", "updated_at")
            .values(SQLBind(dossierID), SQLBind(reviewer), SQLBind(isExpert ? 1 : 0), SQLBind(marksJSON), SQLBind(commentsJSON), SQLBind(opinion?.rawValue),
                    SQLBind(sharedComment), SQLBind(at.milliseconds)).run()
    }

    public func reviews(dossierID: Int64) async throws -> [DossierReview] {
        try await db.select().columns(SQLColumn("*", table: "r")).column(SQLColumn("display_name", table: "u"), as: "reviewer_name")
            .from(SQLAlias(SQLIdentifier("dossier_reviews"), as: SQLIdentifier("r")))
            .join(SQLAlias(SQLIdentifier("users"), as: SQLIdentifier("u")), on: SQLColumn("reviewer_user_id", table: "r"), .equal, SQLColumn("id", table: "u"))
            .where(SQLColumn("dossier_id", table: "r"), .equal, SQLBind(dossierID)).orderBy(SQLColumn("id", table: "r")).all().map { row in
                DossierReview(reviewerUserID: try row.decode(column: "reviewer_user_id", as: Int64.self),
                              reviewerName: try row.decode(column: "reviewer_name", as: String.self),
                              isExpert: try row.decode(column: "is_expert", as: Int64.self) != 0,
                              marks: try JSONColumn.decode([String: Int].self, try row.decode(column: "marks", as: String.self)),
                              comments: try row.decode(column: "comments", as: String?.self).map { try JSONColumn.decode([String: String].self, $0) } ?? [:],
                              opinion: try row.decode(column: "opinion", as: String?.self).flatMap(Opinion.init(rawValue:)),
                              sharedComment: try row.decode(column: "shared_comment", as: String?.self),
                              updatedAt: Instant(milliseconds: try row.decode(column: "updated_at", as: Int64.self)))
            }
    }

    public func inviteExpert(dossierID: Int64, userID: Int64, by actor: Int64, at: Instant) async throws {
        let existing = try await db.select().column("id").from("dossier_experts").where("dossier_id", .equal, dossierID).where("user_id", .equal, userID).first()
        guard existing == nil else { return }
        try await db.insert(into: "dossier_experts").columns("dossier_id", "user_id", "invited_by", "at")
            .values(SQLBind(dossierID), SQLBind(userID), SQLBind(actor), SQLBind(at.milliseconds)).run()
    }

    public func dossierIDs(withOpinion opinion: Opinion) async throws -> Set<Int64> {
        Set(try await db.select().column("dossier_id").from("dossier_reviews").where("opinion", .equal, opinion.rawValue).all()
            .map { try $0.decode(column: "dossier_id", as: Int64.self) })
    }

    public func expertDossierIDs(userID: Int64) async throws -> [Int64] {
        try await db.select().column("dossier_id").from("dossier_experts").where("user_id", .equal, userID).all()
            .map { try $0.decode(column: "dossier_id", as: Int64.self) }
    }
}
