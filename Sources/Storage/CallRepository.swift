import Foundation
import Programme
import SQLKit

/// A call for applications as stored: settings, waves and the versions of its form.
public struct StoredCall: Sendable, Hashable {
    public let id: Int64
    public let settings: CallSettings
    public let publishedAt: Instant?
    public let waves: [Wave]
    public let forms: [FormVersion]

    /// The version new dossiers start on: the latest published one.
    public var currentForm: FormVersion? { forms.last { $0.publishedAt != nil } }
    /// The version the comité is editing, if any.
    public var draftForm: FormVersion? { forms.last { $0.publishedAt == nil } }

    public func wave(_ id: Int64) -> Wave? { waves.first { $0.id == id } }
    public func openWave(at now: Date) -> Wave? { waves.first { $0.acceptsSubmission(at: now) } }
}

public struct FormVersion: Sendable, Hashable {
    public let id: Int64
    public let version: Int
    public let definition: FormDefinition
    public let publishedAt: Instant?
}

public protocol CallRepository: Sendable {
    func create(_ settings: CallSettings, form: FormDefinition, by actor: Int64?, at: Instant) async throws -> Int64
    func update(id: Int64, settings: CallSettings, at: Instant) async throws
    func publish(id: Int64, at: Instant) async throws
    func find(id: Int64) async throws -> StoredCall?
    func all() async throws -> [StoredCall]
    func addWave(callID: Int64, name: String, opensAt: Date, closesAt: Date) async throws -> Int64
    func updateWave(_ wave: Wave) async throws
    /// Writes the form being edited: the unpublished version, or a new one after the published ones.
    func saveFormDraft(callID: Int64, definition: FormDefinition, at: Instant) async throws
    func publishFormDraft(callID: Int64, at: Instant) async throws
    func formVersion(id: Int64) async throws -> FormVersion?
}

public struct SQLCallRepository: CallRepository {
    let database: Database
    var db: any SQLDatabase { database.sql }
    public init(_ database: Database) { self.database = database }

    public func create(_ settings: CallSettings, form: FormDefinition, by actor: Int64?, at: Instant) async throws -> Int64 {
        let settingsJSON = try JSONColumn.encode(settings), formJSON = try JSONColumn.encode(form)
        return try await database.transaction { db in
            guard let row = try await db.insert(into: "calls").columns("title", "settings", "created_by", "created_at", "updated_at")
                .values(SQLBind(settings.title), SQLBind(settingsJSON), SQLBind(actor), SQLBind(at.milliseconds), SQLBind(at.milliseconds))
                .returning("id").first() else { throw RepositoryError.notFound("Appel créé") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await db.insert(into: "form_versions").columns("call_id", "version", "definition", "created_at")
                .values(SQLBind(id), SQLBind(1), SQLBind(formJSON), SQLBind(at.milliseconds)).run()
            return id
        }
    }

    public func update(id: Int64, settings: CallSettings, at: Instant) async throws {
        try await db.update("calls").set("title", to: settings.title).set("settings", to: try JSONColumn.encode(settings))
            .set("updated_at", to: at.milliseconds).where("id", .equal, id).run()
    }

    public func publish(id: Int64, at: Instant) async throws {
        try await db.update("calls").set("published_at", to: at.milliseconds).where("id", .equal, id).where("published_at", .is, SQLLiteral.null).run()
    }

    public func find(id: Int64) async throws -> StoredCall? {
        guard let row = try await db.select().column("*").from("calls").where("id", .equal, id).first() else { return nil }
        return try await call(row)
    }

    public func all() async throws -> [StoredCall] {
        var calls: [StoredCall] = []
        for row in try await db.select().column("*").from("calls").orderBy("id", .descending).all() { calls.append(try await call(row)) }
        return calls
    }

    public func addWave(callID: Int64, name: String, opensAt: Date, closesAt: Date) async throws -> Int64 {
        guard let row = try await db.insert(into: "call_waves").columns("call_id", "name", "opens_at", "closes_at")
            .values(SQLBind(callID), SQLBind(name), SQLBind(Instant(opensAt).milliseconds), SQLBind(Instant(closesAt).milliseconds))
            .returning("id").first() else { throw RepositoryError.notFound("Vague créée") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func updateWave(_ wave: Wave) async throws {
        try await db.update("call_waves").set("name", to: wave.name).set("opens_at", to: Instant(wave.opensAt).milliseconds)
            .set("closes_at", to: Instant(wave.closesAt).milliseconds).where("id", .equal, wave.id).run()
    }

    public func saveFormDraft(callID: Int64, definition: FormDefinition, at: Instant) async throws {
        let json = try JSONColumn.encode(definition)
        try await database.transaction { db in
            let rows = try await db.update("form_versions").set("definition", to: json)
                .where("call_id", .equal, callID).where("published_at", .is, SQLLiteral.null).returning("id").all()
            guard rows.isEmpty else { return }
            let last = try await db.select().column(SQLFunction("MAX", args: SQLColumn("version")), as: "v").from("form_versions")
                .where("call_id", .equal, callID).first()?.decode(column: "v", as: Int?.self) ?? 0
            try await db.insert(into: "form_versions").columns("call_id", "version", "definition", "created_at")
                .values(SQLBind(callID), SQLBind(last + 1), SQLBind(json), SQLBind(at.milliseconds)).run()
        }
    }

    public func publishFormDraft(callID: Int64, at: Instant) async throws {
        try await db.update("form_versions").set("published_at", to: at.milliseconds)
            .where("call_id", .equal, callID).where("published_at", .is, SQLLiteral.null).run()
    }

    public func formVersion(id: Int64) async throws -> FormVersion? {
        try await db.select().column("*").from("form_versions").where("id", .equal, id).first().map(Self.formVersion)
    }

    func call(_ row: any SQLRow) async throws -> StoredCall {
        let id = try row.decode(column: "id", as: Int64.self)
        let waves = try await db.select().column("*").from("call_waves").where("call_id", .equal, id).orderBy("opens_at").all().map { wave in
            Wave(id: try wave.decode(column: "id", as: Int64.self), name: try wave.decode(column: "name", as: String.self),
                 opensAt: Instant(milliseconds: try wave.decode(column: "opens_at", as: Int64.self)).date,
                 closesAt: Instant(milliseconds: try wave.decode(column: "closes_at", as: Int64.self)).date)
        }
        let forms = try await db.select().column("*").from("form_versions").where("call_id", .equal, id).orderBy("version").all().map(Self.formVersion)
        return StoredCall(id: id, settings: try JSONColumn.decode(CallSettings.self, try row.decode(column: "settings", as: String.self)),
                          publishedAt: try row.decode(column: "published_at", as: Int64?.self).map(Instant.init(milliseconds:)),
                          waves: waves, forms: forms)
    }

    static func formVersion(_ row: any SQLRow) throws -> FormVersion {
        FormVersion(id: try row.decode(column: "id", as: Int64.self), version: try row.decode(column: "version", as: Int.self),
                    definition: try JSONColumn.decode(FormDefinition.self, try row.decode(column: "definition", as: String.self)),
                    publishedAt: try row.decode(column: "published_at", as: Int64?.self).map(Instant.init(milliseconds:)))
    }
}
