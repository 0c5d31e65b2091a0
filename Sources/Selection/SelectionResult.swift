import Foundation

public enum SelectionStatus: String, Codable, Sendable {
    case optimal
    case timeLimited = "time_limited"
    case infeasible
}

/// What `fabriques select` prints and the web layer shows.
public struct SelectionResult: Codable, Sendable, Equatable {
    public var status: SelectionStatus
    /// Total of score + bonus of the selected dossiers (nil when infeasible).
    public var objective: Double?
    /// Proven upper bound: equals `objective` when optimal.
    public var bound: Double?
    /// (bound - objective) / |objective|, 0 when optimal.
    public var gap: Double?
    /// Selected dossier ids, sorted.
    public var selected: [String]
    /// Amount granted to the selection, in euros.
    public var amount: Double?
    /// Minimal set of conflicting targets, in French (infeasible only).
    public var conflicts: [String]
    /// Per dossier id, when asked for.
    public var explanations: [String: DossierExplanation]?
    public var stats: SolveStats

    private enum CodingKeys: String, CodingKey {
        case status, objective, bound, gap, selected, amount, conflicts, explanations, stats
    }

    /// Objective, bound and gap are always present (null when unknown), so
    /// that readers of the JSON need not guess.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(objective, forKey: .objective)
        try c.encode(bound, forKey: .bound)
        try c.encode(gap, forKey: .gap)
        try c.encode(selected, forKey: .selected)
        try c.encode(amount, forKey: .amount)
        try c.encode(conflicts, forKey: .conflicts)
        try c.encodeIfPresent(explanations, forKey: .explanations)
        try c.encode(stats, forKey: .stats)
    }

    /// JSON with snake_case keys and sorted keys (stable output).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

public struct SolveStats: Codable, Sendable, Equatable {
    public var variables: Int
    public var rows: Int
    public var nodes: Int
    public var lpIterations: Int
    /// Bound of the LP relaxation at the root.
    public var rootBound: Double?
    public var seconds: Double
}

/// Why a dossier is in or out, and how far it is from the other side.
public struct DossierExplanation: Codable, Sendable, Equatable {
    public var selected: Bool
    public var score: Double
    public var bonus: Double
    /// In French.
    public var reason: String
    /// Targets that flipping this dossier alone would break (French).
    public var binding: [String]
    /// Out: smallest score at which the dossier enters an optimal selection
    /// (ties included); nil when no score would do.
    public var scoreNeeded: Double?
    /// In: how much score it can lose and still be in an optimal selection
    /// (ties included); nil when any loss keeps it in.
    public var canLose: Double?
    /// False when a re-solve hit the time limit (values then missing).
    public var verified: Bool
}
