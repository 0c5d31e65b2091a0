import SQLKit

/// Failed sign-ins, kept in the database so that throttling holds across server instances.
public protocol LoginFailureLog: Sendable {
    func record(email: String, client: String, at: Instant) async throws
    func count(email: String, since: Instant) async throws -> Int
    func count(client: String, since: Instant) async throws -> Int
    func clear(email: String) async throws
}

public struct SQLLoginFailureLog: LoginFailureLog {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func record(email: String, client: String, at: Instant) async throws {
        try await db.insert(into: "login_failures").columns("email", "client", "failed_at")
            .values(SQLBind(email), SQLBind(client), SQLBind(at.milliseconds)).run()
    }

    public func count(email: String, since: Instant) async throws -> Int {
        try await count(column: "email", value: email, since: since)
    }

    public func count(client: String, since: Instant) async throws -> Int {
        try await count(column: "client", value: client, since: since)
    }

    public func clear(email: String) async throws {
        try await db.delete(from: "login_failures").where("email", .equal, email).run()
    }

    private func count(column: String, value: String, since: Instant) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_failures")
            .where(SQLIdentifier(column), .equal, SQLBind(value)).where("failed_at", .greaterThanOrEqual, since.milliseconds).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
