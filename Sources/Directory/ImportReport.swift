/// What an import did, row by row, in French: the report a person reads after an upload.
public struct ImportIssue: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable { case rejected = "rejetée", corrected = "corrigée" }
    public let line: Int
    public let field: String
    public let reason: String
    public let severity: Severity

    public init(line: Int, field: String, reason: String, severity: Severity) {
        self.line = line
        self.field = field
        self.reason = reason
        self.severity = severity
    }
}

public struct ImportReading: Sendable {
    /// Accepted places with the line (or feature/object number) they came from.
    public var places: [(line: Int, place: DirectoryPlace)]
    public var issues: [ImportIssue]
    public var rejectedCount: Int { Set(issues.filter { $0.severity == .rejected }.map(\.line)).count }
}

public enum ImportFormat: String, Sendable, CaseIterable {
    case csv, json, geojson

    /// From a file name: .csv, .json, .geojson.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { self = .csv }
        else if lower.hasSuffix(".geojson") { self = .geojson }
        else if lower.hasSuffix(".json") { self = .json }
        else { return nil }
    }
}

/// Which source column feeds which field of the standard, for files in other layouts:
/// `"Nom du lieu=nom,CP=code_postal"`.
public struct ColumnMapping: Sendable, Hashable {
    public private(set) var fieldBySourceColumn: [String: String] = [:]

    public init() {}

    public init(parsing text: String) throws(ImportError) {
        for pair in text.split(separator: ",") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, PlaceRecordReader.knownFields.contains(parts[1]) else {
                throw .invalidMapping(String(pair))
            }
            fieldBySourceColumn[parts[0]] = parts[1]
        }
    }

    func field(for column: String) -> String { fieldBySourceColumn[column] ?? column }
}

public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidMapping(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .invalidMapping(let pair):
            "Correspondance de colonnes invalide : « \(pair) ». Forme attendue : Colonne=champ, avec un champ du standard (nom, adresse, code_postal, code_insee, commune, latitude, longitude, services…)."
        case .unreadable(let reason): "Fichier illisible : \(reason)"
        }
    }
}
