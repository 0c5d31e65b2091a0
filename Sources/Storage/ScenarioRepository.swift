import SQLKit

/// A selection scenario as saved by the comité: its exact input (pool and targets) and its result, both
/// as the JSON the solver reads and writes, so it can be shown, compared and re-run identically.
public struct StoredScenario: Sendable, Hashable {
    public let id: Int64
    public let callID: Int64
    public let name: String
    public let input: String
    public let result: String
    public let createdBy: Int64
    public let createdAt: Instant
    public let appliedAt: Instant?
}

public protocol ScenarioRepository: Sendable {
    func create(callID: Int64, name: String, input: String, result: String, by user: Int64, at: Instant) async throws -> Int64
    func find(id: Int64) async throws -> StoredScenario?
    func all(callID: Int64?) async throws -> [StoredScenario]
    /// Marks the scenario as turned into decisions; false if it already was.
    func markApplied(id: Int64, by user: Int64, at: Instant) async throws -> Bool
}

public struct SQLScenarioRepository: ScenarioRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func create(callID: Int64, name: String, input: String, result: String, by user: Int64, at: Instant) async throws -> Int64 {
        guard let row = try await db.insert(into: "selection_scenarios").columns("call_id", "name", "input", "result", "created_by", "created_at")
            .values(SQLBind(callID), SQLBind(name), SQLBind(input), SQLBind(result), SQLBind(user), SQLBind(at.milliseconds))
            .returning("id").first() else { throw RepositoryError.notFound("Scénario créé") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func find(id: Int64) async throws -> StoredScenario? {
        try await db.select().column("*").from("selection_scenarios").where("id", .equal, id).first().map(Self.scenario)
    }

    public func all(callID: Int64?) async throws -> [StoredScenario] {
        let query = db.select().column("*").from("selection_scenarios")
        if let callID { query.where("call_id", .equal, callID) }
        return try await query.orderBy("id", .descending).all().map(Self.scenario)
    }

    public func markApplied(id: Int64, by user: Int64, at: Instant) async throws -> Bool {
        let rows = try await db.update("selection_scenarios").set("applied_at", to: at.milliseconds).set("applied_by", to: user)
            .where("id", .equal, id).where("applied_at", .is, SQLLiteral.null).returning("id").all()
        return !rows.isEmpty
    }

    static func scenario(_ row: any SQLRow) throws -> StoredScenario {
        StoredScenario(id: try row.decode(column: "id", as: Int64.self), callID: try row.decode(column: "call_id", as: Int64.self),
                       name: try row.decode(column: "name", as: String.self), input: try row.decode(column: "input", as: String.self),
                       result: try row.decode(column: "result", as: String.self), createdBy: try row.decode(column: "created_by", as: Int64.self),
                       createdAt: Instant(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
                       appliedAt: try row.decode(column: "applied_at", as: Int64?.self).map(Instant.init(milliseconds:)))
    }
}
