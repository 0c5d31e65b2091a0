import Crypto
import Foundation
import SQLKit

/// Documents attached to dossiers, kept in the database so that a dossier and its files commit together
/// and every instance sees them.
public protocol DossierFileRepository: Sendable {
    func store(dossierID: Int64, fieldKey: String, filename: String, contentType: String, content: [UInt8], by user: Int64, at: Instant) async throws -> Int64
    func metadata(dossierID: Int64) async throws -> [StoredFile]
    func content(fileID: Int64) async throws -> (StoredFile, [UInt8])?
    /// Deletes the earlier uploads of one field of a draft: only the file the answer points to matters
    /// before submission, and retries would otherwise pile up.
    func removeSuperseded(dossierID: Int64, fieldKey: String, keeping fileID: Int64) async throws
}

public struct SQLDossierFileRepository: DossierFileRepository {
    let db: any SQLDatabase
    public init(_ database: Database) { db = database.sql }

    public func store(dossierID: Int64, fieldKey: String, filename: String, contentType: String, content: [UInt8], by user: Int64, at: Instant) async throws -> Int64 {
        let digest = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
        guard let row = try await db.insert(into: "dossier_files")
            .columns("dossier_id", "field_key", "filename", "content_type", "size", "sha256", "content", "uploaded_by", "at")
            .values(SQLBind(dossierID), SQLBind(fieldKey), SQLBind(filename), SQLBind(contentType), SQLBind(content.count), SQLBind(digest),
                    SQLBind(Data(content)), SQLBind(user), SQLBind(at.milliseconds))
            .returning("id").first() else { throw RepositoryError.notFound("Fichier enregistré") }
        return try row.decode(column: "id", as: Int64.self)
    }

    public func metadata(dossierID: Int64) async throws -> [StoredFile] {
        try await db.select().columns("id", "dossier_id", "field_key", "filename", "content_type", "size", "sha256", "at").from("dossier_files")
            .where("dossier_id", .equal, dossierID).orderBy("id").all().map(Self.file)
    }

    public func content(fileID: Int64) async throws -> (StoredFile, [UInt8])? {
        guard let row = try await db.select().column("*").from("dossier_files").where("id", .equal, fileID).first() else { return nil }
        return (try Self.file(row), Array(try row.decode(column: "content", as: Data.self)))
    }

    public func removeSuperseded(dossierID: Int64, fieldKey: String, keeping fileID: Int64) async throws {
        try await db.delete(from: "dossier_files").where("dossier_id", .equal, dossierID).where("field_key", .equal, fieldKey)
            .where("id", .notEqual, fileID).run()
    }

    static func file(_ row: any SQLRow) throws -> StoredFile {
        StoredFile(id: try row.decode(column: "id", as: Int64.self), dossierID: try row.decode(column: "dossier_id", as: Int64.self),
                   fieldKey: try row.decode(column: "field_key", as: String.self), filename: try row.decode(column: "filename", as: String.self),
                   contentType: try row.decode(column: "content_type", as: String.self), size: try row.decode(column: "size", as: Int.self),
                   sha256: try row.decode(column: "sha256", as: String.self), at: Instant(milliseconds: try row.decode(column: "at", as: Int64.self)))
    }
}
