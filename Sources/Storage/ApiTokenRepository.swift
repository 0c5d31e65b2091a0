import SQLKit

public struct StoredApiToken: Sendable, Hashable {
    public let id: Int64
    public let name: String
    public let createdAt: Instant
    public let lastUsedAt: Instant?
}

/// Personal API tokens. Only a SHA-256 digest of each token is stored; the token is shown once.
public protocol ApiTokenRepository: Sendable {
    func create(userID: Int64, name: String, tokenHash: String, at: Instant) async throws -> Int64
    /// The owner of a live token, marking it used.
    func userID(tokenHash: String, at: Instant) async throws -> Int64?
    func list(userID: Int64) async throws -> [StoredApiToken]
    func revoke(id: Int64, userID: Int64, at: Instant) async throws
}

public struct SQLApiTokenRepository: ApiTokenRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func create(userID: Int64, name: String, tokenHash: String, at: Instant) async throws -> Int64 {
        let row = try await db.insert(into: "api_tokens").columns("user_id", "name", "token_hash", "created_at")
            .values(SQLBind(userID), SQLBind(name), SQLBind(tokenHash), SQLBind(at.milliseconds))
            .returning("id").first()
        guard let row else { throw RepositoryError.notFound("Jeton créé") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func userID(tokenHash: String, at: Instant) async throws -> Int64? {
        guard let row = try await db.select().columns("id", "user_id").from("api_tokens")
            .where("token_hash", .equal, tokenHash).where("revoked_at", .is, SQLLiteral.null).first()
        else { return nil }
        try await db.update("api_tokens").set("last_used_at", to: at.milliseconds)
            .where("id", .equal, try row.decode(column: "id", as: Int64.self)).run()
        return try row.decode(column: "user_id", as: Int64.self)
    }

    public func list(userID: Int64) async throws -> [StoredApiToken] {
        try await db.select().columns("id", "name", "created_at", "last_used_at").from("api_tokens")
            .where("user_id", .equal, userID).where("revoked_at", .is, SQLLiteral.null).orderBy("id").all()
            .map { row in
                StoredApiToken(
                    id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                    createdAt: Instant(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
                    lastUsedAt: try row.decode(column: "last_used_at", as: Int64?.self).map(Instant.init(milliseconds:)))
            }
    }

    public func revoke(id: Int64, userID: Int64, at: Instant) async throws {
        try await db.update("api_tokens").set("revoked_at", to: at.milliseconds)
            .where("id", .equal, id).where("user_id", .equal, userID).run()
    }
}
