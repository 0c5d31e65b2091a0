/// Where to add places: `k` communes chosen by greedy maximum coverage of the population still
/// uncovered at the radius. `upper_bound` is a proven ceiling for any `k` communes, so
/// `added_population / upper_bound` is a guaranteed ratio to the best possible choice.
public struct CoverageSuggestion: Sendable, Codable, Equatable {
    public let radiusKilometres: Double
    public let requestedCount: Int
    /// Population beyond the radius of every target place before the suggestions.
    public let uncoveredPopulation: Int
    public let sites: [SuggestedSite]
    /// Population the suggested sites bring within the radius, together.
    public let addedPopulation: Int
    /// No `requestedCount` communes can bring more.
    public let upperBound: Int
    /// `addedPopulation / upperBound` (1 when nothing can be added).
    public let guaranteedRatio: Double

    enum CodingKeys: String, CodingKey {
        case radiusKilometres = "radius_km", requestedCount = "requested_count", uncoveredPopulation = "uncovered_population"
        case sites, addedPopulation = "added_population", upperBound = "upper_bound", guaranteedRatio = "guaranteed_ratio"
    }
}

/// A suggested commune and the population it adds on top of the sites suggested before it.
public struct SuggestedSite: Sendable, Codable, Equatable {
    public let rank: Int
    public let code: String
    public let name: String
    public let departmentCode: String
    public let addedPopulation: Int

    enum CodingKeys: String, CodingKey {
        case rank, code, name, departmentCode = "department_code", addedPopulation = "added_population"
    }
}
