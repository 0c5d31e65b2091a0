import Accounts
import SQLKit

public struct StoredUser: Sendable, Hashable {
    public let id: Int64
    public let email: String
    public let displayName: String
    public let passwordHash: String
    public let createdAt: Instant
    public let disabledAt: Instant?
    /// Sessions opened before this instant are no longer valid (password change).
    public let sessionsRevokedAt: Instant?
}

public enum RepositoryError: Error, Equatable, CustomStringConvertible {
    case duplicate(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .duplicate(let what): "\(what) existe déjà."
        case .notFound(let what): "\(what) introuvable."
        }
    }
}

public protocol UserRepository: Sendable {
    func create(email: String, displayName: String, passwordHash: String, at: Instant) async throws -> Int64
    func find(email: String) async throws -> StoredUser?
    func find(id: Int64) async throws -> StoredUser?
    func all() async throws -> [StoredUser]
    func count() async throws -> Int
    func grants(userID: Int64) async throws -> [RoleGrant]
    func grant(_ grant: RoleGrant, to userID: Int64, by actor: Int64?, at: Instant) async throws
    func revoke(_ grant: RoleGrant, from userID: Int64) async throws
    /// Stores a new password and revokes every session opened before `at`.
    func setPasswordHash(_ hash: String, userID: Int64, at: Instant) async throws
    /// The signed-in identity: nil for an unknown or disabled account, or for a session opened
    /// (`sessionStartedAt`) before the account's sessions were revoked.
    func viewer(userID: Int64, sessionStartedAt: Instant?) async throws -> Viewer?
}

public struct SQLUserRepository: UserRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func create(email: String, displayName: String, passwordHash: String, at: Instant) async throws -> Int64 {
        if try await find(email: email) != nil { throw RepositoryError.duplicate("Un compte avec l'adresse \(email)") }
        let row = try await db.insert(into: "users")
            .columns("email", "display_name", "password_hash", "created_at")
            .values(SQLBind(email), SQLBind(displayName), SQLBind(passwordHash), SQLBind(at.milliseconds))
            .returning("id").first()
        guard let row else { throw RepositoryError.notFound("Compte créé") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func find(email: String) async throws -> StoredUser? {
        try await db.select().column("*").from("users").where("email", .equal, email).first().map(Self.user)
    }

    public func find(id: Int64) async throws -> StoredUser? {
        try await db.select().column("*").from("users").where("id", .equal, id).first().map(Self.user)
    }

    public func all() async throws -> [StoredUser] {
        try await db.select().column("*").from("users").orderBy("email").all().map(Self.user)
    }

    public func count() async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    public func grants(userID: Int64) async throws -> [RoleGrant] {
        try await db.select().columns("role", "scope_kind", "scope_code").from("role_grants")
            .where("user_id", .equal, userID).orderBy("id").all()
            .compactMap { row in
                guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)),
                      let kind = ScopeKind(rawValue: try row.decode(column: "scope_kind", as: String.self)),
                      let scope = Scope(kind: kind, code: try row.decode(column: "scope_code", as: String.self))
                else { return nil }
                return RoleGrant(role: role, scope: scope)
            }
    }

    public func grant(_ grant: RoleGrant, to userID: Int64, by actor: Int64?, at: Instant) async throws {
        if try await grants(userID: userID).contains(grant) { return }
        try await db.insert(into: "role_grants")
            .columns("user_id", "role", "scope_kind", "scope_code", "granted_by", "granted_at")
            .values(SQLBind(userID), SQLBind(grant.role.rawValue), SQLBind(grant.scope.kind.rawValue),
                    SQLBind(grant.scope.code), SQLBind(actor), SQLBind(at.milliseconds))
            .run()
    }

    public func revoke(_ grant: RoleGrant, from userID: Int64) async throws {
        try await db.delete(from: "role_grants")
            .where("user_id", .equal, userID).where("role", .equal, grant.role.rawValue)
            .where("scope_kind", .equal, grant.scope.kind.rawValue).where("scope_code", .equal, grant.scope.code)
            .run()
    }

    public func setPasswordHash(_ hash: String, userID: Int64, at: Instant) async throws {
        try await db.update("users").set("password_hash", to: hash).set("sessions_revoked_at", to: at.milliseconds)
            .where("id", .equal, userID).run()
    }

    public func viewer(userID: Int64, sessionStartedAt: Instant?) async throws -> Viewer? {
        guard let user = try await find(id: userID), user.disabledAt == nil else { return nil }
        if let revoked = user.sessionsRevokedAt, let started = sessionStartedAt, started < revoked { return nil }
        return Viewer(userID: user.id, email: user.email, displayName: user.displayName, grants: try await grants(userID: userID))
    }

    static func user(_ row: any SQLRow) throws -> StoredUser {
        StoredUser(
            id: try row.decode(column: "id", as: Int64.self),
            email: try row.decode(column: "email", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            createdAt: Instant(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
            disabledAt: try row.decode(column: "disabled_at", as: Int64?.self).map(Instant.init(milliseconds:)),
            sessionsRevokedAt: try row.decode(column: "sessions_revoked_at", as: Int64?.self).map(Instant.init(milliseconds:)))
    }
}
