/// A département (101: 96 in métropole, 5 DROM).
public struct Department: Sendable, Hashable, Codable {
    public let code: String
    public let name: String
    public let regionCode: String
    /// INSEE code of the commune that holds the préfecture.
    public let prefectureCode: String
    public let population: Int

    public init(code: String, name: String, regionCode: String, prefectureCode: String, population: Int) {
        self.code = code
        self.name = name
        self.regionCode = regionCode
        self.prefectureCode = prefectureCode
        self.population = population
    }

    /// Guadeloupe, Martinique, Guyane, La Réunion, Mayotte: drawn as insets on maps.
    public var isOverseas: Bool { code.count == 3 }
}

/// A région (18: 13 in métropole, 5 DROM).
public struct Region: Sendable, Hashable, Codable {
    public let code: String
    public let name: String
    public let prefectureCode: String
    public let population: Int

    public init(code: String, name: String, prefectureCode: String, population: Int) {
        self.code = code
        self.name = name
        self.prefectureCode = prefectureCode
        self.population = population
    }
}

/// A quartier prioritaire de la politique de la ville (2024 list).
public struct PriorityNeighbourhood: Sendable, Hashable, Codable {
    public let code: String
    public let name: String
    public let departmentCode: String
    public let communeCodes: [String]

    public init(code: String, name: String, departmentCode: String, communeCodes: [String]) {
        self.code = code
        self.name = name
        self.departmentCode = departmentCode
        self.communeCodes = communeCodes
    }
}
