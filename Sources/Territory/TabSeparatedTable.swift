import Foundation

/// The shipped reference files are tab-separated with a header line and no quoting (no field holds
/// a tab), so a split is exact and much faster than a CSV parser on 35,000 lines.
struct TabSeparatedTable {
    let header: [Substring]
    let rows: [[Substring]]

    init(text: String) throws(TerritoryError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { throw .malformed(file: "?", line: 0, reason: "fichier vide") }
        header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false)
        rows = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    func column(_ name: String, file: String) throws(TerritoryError) -> Int {
        guard let index = header.firstIndex(where: { $0 == name }) else {
            throw .malformed(file: file, line: 1, reason: "colonne \(name) absente")
        }
        return index
    }
}

public enum TerritoryError: Error, CustomStringConvertible, Equatable {
    case missingResource(String)
    case malformed(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .missingResource(let name):
            "Référentiel territorial introuvable : \(name)"
        case .malformed(let file, let line, let reason):
            "Référentiel territorial illisible (\(file), ligne \(line)) : \(reason)"
        }
    }
}
