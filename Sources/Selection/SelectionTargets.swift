import Foundation

/// A minimum and/or maximum count (either may be absent).
public struct CountBounds: Codable, Sendable, Equatable, Hashable {
    public var min: Int?
    public var max: Int?
    public init(min: Int? = nil, max: Int? = nil) { self.min = min; self.max = max }
}

/// How many laureates to select: `{"exactly": 300}` or `{"at_most": 300}`
/// (or both `at_least` and `at_most`). Counts new laureates only.
public struct SelectCount: Codable, Sendable, Equatable {
    public var exactly: Int?
    public var atLeast: Int?
    public var atMost: Int?
    public init(exactly: Int? = nil, atLeast: Int? = nil, atMost: Int? = nil) {
        self.exactly = exactly; self.atLeast = atLeast; self.atMost = atMost
    }
}

/// Which dossiers may be selected at all.
public struct Eligibility: Codable, Sendable, Equatable {
    /// Dossiers scoring below this are ineligible.
    public var minScore: Double?
    /// Dossiers with an unfavourable opinion are ineligible (default true).
    public var excludeUnfavourable: Bool
    public init(minScore: Double? = nil, excludeUnfavourable: Bool = true) {
        self.minScore = minScore; self.excludeUnfavourable = excludeUnfavourable
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minScore = try c.decodeIfPresent(Double.self, forKey: .minScore)
        excludeUnfavourable = try c.decodeIfPresent(Bool.self, forKey: .excludeUnfavourable) ?? true
    }
}

/// The targets of a selection scenario. Every count target includes the
/// already-labelled Fabriques, except `select` and `budget`, which are about
/// the new laureates.
public struct SelectionTargets: Codable, Sendable, Equatable {
    public var select: SelectCount?
    /// Envelope for the sum of granted amounts, in euros.
    public var budget: Double?
    /// Bounds per category code ("qpv", "rural", "numerique", ...).
    public var categories: [String: CountBounds]
    /// Bounds per place type.
    public var placeTypes: [String: CountBounds]
    /// Bounds for named régions / départements / waves / communes.
    public var regions: [String: CountBounds]
    public var departments: [String: CountBounds]
    public var waves: [String: CountBounds]
    public var communes: [String: CountBounds]
    /// Bounds applied to every région / département / wave / commune present
    /// in the pool or among labelled Fabriques (a named bound takes precedence).
    public var perRegion: CountBounds?
    public var perDepartment: CountBounds?
    public var perWave: CountBounds?
    public var perCommune: CountBounds?
    /// Dossier ids the committee imposes or excludes.
    public var forcedIn: [String]
    public var forcedOut: [String]
    public var eligibility: Eligibility

    public init(select: SelectCount? = nil, budget: Double? = nil,
                categories: [String: CountBounds] = [:], placeTypes: [String: CountBounds] = [:],
                regions: [String: CountBounds] = [:], departments: [String: CountBounds] = [:],
                waves: [String: CountBounds] = [:], communes: [String: CountBounds] = [:],
                perRegion: CountBounds? = nil, perDepartment: CountBounds? = nil,
                perWave: CountBounds? = nil, perCommune: CountBounds? = nil,
                forcedIn: [String] = [], forcedOut: [String] = [], eligibility: Eligibility = Eligibility()) {
        self.select = select; self.budget = budget; self.categories = categories
        self.placeTypes = placeTypes; self.regions = regions; self.departments = departments
        self.waves = waves; self.communes = communes; self.perRegion = perRegion
        self.perDepartment = perDepartment; self.perWave = perWave; self.perCommune = perCommune
        self.forcedIn = forcedIn; self.forcedOut = forcedOut; self.eligibility = eligibility
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        select = try c.decodeIfPresent(SelectCount.self, forKey: .select)
        budget = try c.decodeIfPresent(Double.self, forKey: .budget)
        categories = try c.decodeIfPresent([String: CountBounds].self, forKey: .categories) ?? [:]
        placeTypes = try c.decodeIfPresent([String: CountBounds].self, forKey: .placeTypes) ?? [:]
        regions = try c.decodeIfPresent([String: CountBounds].self, forKey: .regions) ?? [:]
        departments = try c.decodeIfPresent([String: CountBounds].self, forKey: .departments) ?? [:]
        waves = try c.decodeIfPresent([String: CountBounds].self, forKey: .waves) ?? [:]
        communes = try c.decodeIfPresent([String: CountBounds].self, forKey: .communes) ?? [:]
        perRegion = try c.decodeIfPresent(CountBounds.self, forKey: .perRegion)
        perDepartment = try c.decodeIfPresent(CountBounds.self, forKey: .perDepartment)
        perWave = try c.decodeIfPresent(CountBounds.self, forKey: .perWave)
        perCommune = try c.decodeIfPresent(CountBounds.self, forKey: .perCommune)
        forcedIn = try c.decodeIfPresent([String].self, forKey: .forcedIn) ?? []
        forcedOut = try c.decodeIfPresent([String].self, forKey: .forcedOut) ?? []
        eligibility = try c.decodeIfPresent(Eligibility.self, forKey: .eligibility) ?? Eligibility()
    }
}
