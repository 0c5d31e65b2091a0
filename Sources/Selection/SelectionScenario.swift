import Foundation

/// The scenario file read by `fabriques select` (JSON, snake_case keys).
///
/// The module never looks up territory data: each dossier carries its own
/// `department` and `region`; the command fills them from the commune code
/// when the file leaves them out. Documented in docs/SELECTION.md.
public struct SelectionScenario: Codable, Sendable, Equatable {
    /// The reviewed dossiers the committee chooses from.
    public var pool: [PoolDossier]
    /// Fabriques already labelled: they count toward the category, territory,
    /// wave and commune targets but are never selected again.
    public var labelled: [LabelledFabrique]
    public var targets: SelectionTargets

    public init(pool: [PoolDossier], labelled: [LabelledFabrique] = [], targets: SelectionTargets) {
        self.pool = pool
        self.labelled = labelled
        self.targets = targets
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pool = try c.decode([PoolDossier].self, forKey: .pool)
        labelled = try c.decodeIfPresent([LabelledFabrique].self, forKey: .labelled) ?? []
        targets = try c.decodeIfPresent(SelectionTargets.self, forKey: .targets) ?? SelectionTargets()
    }

    /// Decodes a scenario file (snake_case keys).
    public static func decode(_ data: Data) throws -> SelectionScenario {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(SelectionScenario.self, from: data)
    }

    /// Encodes with the same conventions as `decode` (used by tests and tools).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(self)
    }
}

/// One reviewed dossier of the pool.
public struct PoolDossier: Codable, Sendable, Equatable {
    public var id: String
    /// Consolidated review score.
    public var score: Double
    /// Extra value added to the objective (e.g. no tiers-lieu within R km).
    public var bonus: Double
    /// Amount granted if selected, in euros (counts against the budget).
    public var amount: Double
    /// Commune INSEE code.
    public var commune: String
    public var department: String?
    public var region: String?
    /// Free category codes, e.g. "qpv", "rural", "numerique".
    public var categories: [String]
    public var placeType: String?
    public var wave: String?
    /// An unfavourable opinion (avis défavorable) makes the dossier ineligible
    /// when the eligibility rule says so.
    public var unfavourableOpinion: Bool

    public init(id: String, score: Double, bonus: Double = 0, amount: Double = 0, commune: String,
                department: String? = nil, region: String? = nil, categories: [String] = [],
                placeType: String? = nil, wave: String? = nil, unfavourableOpinion: Bool = false) {
        self.id = id; self.score = score; self.bonus = bonus; self.amount = amount
        self.commune = commune; self.department = department; self.region = region
        self.categories = categories; self.placeType = placeType; self.wave = wave
        self.unfavourableOpinion = unfavourableOpinion
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        score = try c.decode(Double.self, forKey: .score)
        bonus = try c.decodeIfPresent(Double.self, forKey: .bonus) ?? 0
        amount = try c.decodeIfPresent(Double.self, forKey: .amount) ?? 0
        commune = try c.decodeIfPresent(String.self, forKey: .commune) ?? ""
        department = try c.decodeIfPresent(String.self, forKey: .department)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? []
        placeType = try c.decodeIfPresent(String.self, forKey: .placeType)
        wave = try c.decodeIfPresent(String.self, forKey: .wave)
        unfavourableOpinion = try c.decodeIfPresent(Bool.self, forKey: .unfavourableOpinion) ?? false
    }
}

/// An already-labelled Fabrique: only its attributes that count toward targets.
public struct LabelledFabrique: Codable, Sendable, Equatable {
    public var id: String
    public var commune: String
    public var department: String?
    public var region: String?
    public var categories: [String]
    public var placeType: String?
    public var wave: String?

    public init(id: String, commune: String, department: String? = nil, region: String? = nil,
                categories: [String] = [], placeType: String? = nil, wave: String? = nil) {
        self.id = id; self.commune = commune; self.department = department; self.region = region
        self.categories = categories; self.placeType = placeType; self.wave = wave
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        commune = try c.decodeIfPresent(String.self, forKey: .commune) ?? ""
        department = try c.decodeIfPresent(String.self, forKey: .department)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? []
        placeType = try c.decodeIfPresent(String.self, forKey: .placeType)
        wave = try c.decodeIfPresent(String.self, forKey: .wave)
    }
}
