import Foundation

/// Where the data lives: chosen once at start from `DATABASE_URL` or the data directory.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// PostgreSQL when `databaseURL` is set, else `fabriques.sqlite` in the data directory.
    public static func resolve(databaseURL: String?, dataDirectory: String) -> DatabaseLocation {
        if let url = databaseURL, !url.isEmpty { return .postgres(url: url) }
        return .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("fabriques.sqlite").path)
    }

    /// Safe to print: a PostgreSQL password is masked.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite \(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "***" }
            return "PostgreSQL \(components.string ?? "")"
        }
    }
}

public enum DatabaseOpenError: Error, CustomStringConvertible {
    case invalidURL(String)
    case unreachable(String, String)
    case dataDirectory(String, String)

    public var description: String {
        switch self {
        case .invalidURL: "DATABASE_URL n'est pas une adresse PostgreSQL valide (postgres://utilisateur:motdepasse@hôte:5432/base)."
        case .unreachable(let location, let reason): "Base de données inutilisable (\(location)) : \(reason)"
        case .dataDirectory(let path, let reason): "Répertoire de données inutilisable (\(path)) : \(reason)"
        }
    }
}
