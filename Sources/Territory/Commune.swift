/// A French municipality of the Code officiel géographique (COG 2026), or one of the 45 municipal
/// arrondissements of Paris, Lyon and Marseille (`kind == .arrondissement`), which places often give
/// as their commune.
public struct Commune: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case commune = "COM", arrondissement = "ARM" }

    /// INSEE code, always text: `01001`, `2A004`, `97601`.
    public let code: String
    public let name: String
    public let kind: Kind
    public let departmentCode: String
    public let regionCode: String
    /// For an arrondissement, the code of its commune (75056, 13055, 69123).
    public let parentCode: String?
    /// INSEE population municipale (2023; Mayotte 2017).
    public let population: Int
    /// Centroid of the commune's outline.
    public let position: GeoPoint
    public let density: DensityClass
    /// Codes of the 2024 quartiers prioritaires de la politique de la ville lying in the commune.
    public let priorityNeighbourhoodCodes: [String]
    /// The name folded by `FrenchText.fold`, precomputed for searching.
    public let searchName: String

    public var isRural: Bool { density.isRural }
    public var hasPriorityNeighbourhood: Bool { !priorityNeighbourhoodCodes.isEmpty }

    public init(
        code: String, name: String, kind: Kind = .commune, departmentCode: String, regionCode: String,
        parentCode: String? = nil, population: Int, position: GeoPoint, density: DensityClass,
        priorityNeighbourhoodCodes: [String] = [], searchName: String? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.departmentCode = departmentCode
        self.regionCode = regionCode
        self.parentCode = parentCode
        self.population = population
        self.position = position
        self.density = density
        self.priorityNeighbourhoodCodes = priorityNeighbourhoodCodes
        self.searchName = searchName ?? FrenchText.fold(name)
    }
}
