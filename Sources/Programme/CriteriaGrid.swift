/// How reviewers mark a dossier: criteria with weights, each on a 0...scale integer scale.
public struct Criterion: Sendable, Hashable, Codable {
    public var key: String
    public var label: String
    public var weight: Double
    public var scale: Int

    public init(key: String, label: String, weight: Double, scale: Int) {
        self.key = key
        self.label = label
        self.weight = weight
        self.scale = scale
    }
}

public struct CriteriaGrid: Sendable, Hashable, Codable {
    public var criteria: [Criterion]

    public init(criteria: [Criterion]) { self.criteria = criteria }

    public func problems() -> [String] {
        var problems: [String] = []
        if criteria.isEmpty { problems.append("La grille doit avoir au moins un critère.") }
        if Set(criteria.map(\.key)).count != criteria.count { problems.append("Deux critères ont la même clé.") }
        for criterion in criteria {
            if criterion.weight <= 0 { problems.append("Le poids de « \(criterion.label) » doit être positif.") }
            if !(1...100).contains(criterion.scale) { problems.append("L'échelle de « \(criterion.label) » doit aller de 1 à 100.") }
        }
        return problems
    }

    /// One reviewer's marks brought to a score out of 20 (the weighted mean of mark/scale); nil while a
    /// criterion is unmarked, so that half-filled sheets do not drag the consolidated score.
    public func score(_ marks: [String: Int]) -> Double? {
        let total = criteria.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        var sum = 0.0
        for criterion in criteria {
            guard let mark = marks[criterion.key], (0...criterion.scale).contains(mark) else { return nil }
            sum += criterion.weight * Double(mark) / Double(criterion.scale)
        }
        return 20 * sum / total
    }
}

/// The marks of several reviewers on one dossier, summarised: the mean shows the verdict, the spread
/// (population standard deviation) shows whether reviewers agree.
public struct ConsolidatedScore: Sendable, Hashable {
    public struct Summary: Sendable, Hashable {
        public let mean: Double
        public let spread: Double
        public let count: Int
    }

    public let total: Summary?
    public let byCriterion: [String: Summary]

    public init(grid: CriteriaGrid, sheets: [[String: Int]]) {
        let totals = sheets.compactMap(grid.score)
        total = Self.summary(totals)
        var byCriterion: [String: Summary] = [:]
        for criterion in grid.criteria {
            let marks = sheets.compactMap { $0[criterion.key] }.filter { (0...criterion.scale).contains($0) }.map(Double.init)
            if let summary = Self.summary(marks) { byCriterion[criterion.key] = summary }
        }
        self.byCriterion = byCriterion
    }

    static func summary(_ values: [Double]) -> Summary? {
        guard !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return Summary(mean: mean, spread: variance.squareRoot(), count: values.count)
    }
}

/// A reviewer's or expert's overall opinion on a dossier.
public enum Opinion: String, Sendable, Codable, CaseIterable, Hashable {
    case favourable = "favorable"
    case reserved = "reserve"
    case unfavourable = "defavorable"

    public var label: String {
        switch self {
        case .favourable: "Favorable"
        case .reserved: "Réservé"
        case .unfavourable: "Défavorable"
        }
    }
}
