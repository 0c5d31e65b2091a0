import Accounts
import Territory

enum ScopeNames {
    /// "Charente (16)", "Région Nouvelle-Aquitaine", "lieu n° 12"; nil for national grants.
    static func describe(_ scope: Scope, territory: TerritoryReference) -> String? {
        switch scope {
        case .national: nil
        case .department(let code): territory.department(code: code).map { "\($0.name) (\(code))" } ?? "département \(code)"
        case .region(let code): territory.region(code: code).map { "région \($0.name)" } ?? "région \(code)"
        case .place(let id): "lieu n° \(id)"
        }
    }
}
