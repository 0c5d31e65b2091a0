/// What the comité configures on a call besides its waves and form versions.
public struct CallSettings: Sendable, Hashable, Codable {
    public var title: String
    public var summary: String
    public var eligibility: EligibilityRules
    public var grid: CriteriaGrid
    /// Total grants available, in cents.
    public var envelopeCents: Int64
    public var targets: DiversityTargets

    public init(title: String, summary: String, eligibility: EligibilityRules, grid: CriteriaGrid, envelopeCents: Int64, targets: DiversityTargets) {
        self.title = title
        self.summary = summary
        self.eligibility = eligibility
        self.grid = grid
        self.envelopeCents = envelopeCents
        self.targets = targets
    }
}

/// The balance the selection must respect (programme text: 150 rural, 150 QPV of which 30 numériques,
/// at most ~30 laureates a wave). Stored with the call; the selection solver reads it.
public struct DiversityTargets: Sendable, Hashable, Codable {
    public var laureates: Int?
    public var minimumQPV: Int?
    public var minimumRural: Int?
    public var minimumDigital: Int?
    public var maximumPerWave: Int?
    public var maximumPerDepartment: Int?

    public init(laureates: Int? = nil, minimumQPV: Int? = nil, minimumRural: Int? = nil, minimumDigital: Int? = nil,
                maximumPerWave: Int? = nil, maximumPerDepartment: Int? = nil) {
        self.laureates = laureates
        self.minimumQPV = minimumQPV
        self.minimumRural = minimumRural
        self.minimumDigital = minimumDigital
        self.maximumPerWave = maximumPerWave
        self.maximumPerDepartment = maximumPerDepartment
    }
}
