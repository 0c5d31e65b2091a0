/// Coverage figures for one radius, as `fabriques coverage --json` prints them. Keys are snake_case
/// (explicit coding keys, so any `JSONEncoder` gives the same shape); shares are 0 to 1.
public struct CoverageReport: Sendable, Codable, Equatable {
    public let radiusKilometres: Double
    /// "all", "fabriques" or "service:<label>": which places count for `covered`.
    public let target: String
    public let placeCount: Int
    public let national: CoverageShare
    /// The national figure at each standard radius (5, 10, 20, 30 km) and the report's own.
    public let byRadius: [RadiusCoverage]
    public let departments: [CoverageShare]
    public let regions: [CoverageShare]
    /// "rural", "urban", "with_qpv", "without_qpv".
    public let classes: [CoverageShare]
    /// Every commune counted, in code order.
    public let communes: [CommuneCoverage]
    /// Communes beyond the radius of every target place, most populated first.
    public let zonesBlanches: [CommuneCoverage]

    enum CodingKeys: String, CodingKey {
        case radiusKilometres = "radius_km", target, placeCount = "place_count", national, byRadius = "by_radius"
        case departments, regions, classes, communes, zonesBlanches = "zones_blanches"
    }
}

/// Population and communes of a group (France, a département, a région, a class of communes) and the
/// part of them within the radius.
public struct CoverageShare: Sendable, Codable, Equatable {
    public let code: String
    public let name: String
    public let communeCount: Int
    public let coveredCommuneCount: Int
    public let population: Int
    public let coveredPopulation: Int
    /// `coveredPopulation / population`, 0 for a group without inhabitants.
    public let coveredShare: Double

    public init(code: String, name: String, communeCount: Int, coveredCommuneCount: Int, population: Int, coveredPopulation: Int) {
        self.code = code
        self.name = name
        self.communeCount = communeCount
        self.coveredCommuneCount = coveredCommuneCount
        self.population = population
        self.coveredPopulation = coveredPopulation
        coveredShare = population > 0 ? Double(coveredPopulation) / Double(population) : 0
    }

    enum CodingKeys: String, CodingKey {
        case code, name, communeCount = "commune_count", coveredCommuneCount = "covered_commune_count"
        case population, coveredPopulation = "covered_population", coveredShare = "covered_share"
    }
}

public struct RadiusCoverage: Sendable, Codable, Equatable {
    public let radiusKilometres: Double
    public let coveredPopulation: Int
    public let coveredShare: Double

    enum CodingKeys: String, CodingKey {
        case radiusKilometres = "radius_km", coveredPopulation = "covered_population", coveredShare = "covered_share"
    }
}

/// One commune's distances. Absent distances mean there is no such place at all.
public struct CommuneCoverage: Sendable, Codable, Equatable {
    public let code: String
    public let name: String
    public let departmentCode: String
    public let population: Int
    public let nearestPlaceKilometres: Double?
    public let nearestPlaceID: String?
    public let nearestFabriqueKilometres: Double?
    /// Only when the report's target is a service.
    public let nearestServiceKilometres: Double?
    public let covered: Bool

    enum CodingKeys: String, CodingKey {
        case code, name, departmentCode = "department_code", population
        case nearestPlaceKilometres = "nearest_place_km", nearestPlaceID = "nearest_place_id"
        case nearestFabriqueKilometres = "nearest_fabrique_km", nearestServiceKilometres = "nearest_service_km", covered
    }
}
