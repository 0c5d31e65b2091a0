import Foundation

/// The communes, départements, régions and QPV of France, loaded once from the files shipped in the
/// package (see Resources/SOURCES.md) and shared read-only by every request.
public struct TerritoryReference: Sendable {
    public let communes: [Commune]
    public let departments: [Department]
    public let regions: [Region]
    public let priorityNeighbourhoods: [PriorityNeighbourhood]
    private let communeIndex: [String: Int]
    private let departmentIndex: [String: Int]
    private let regionIndex: [String: Int]
    private let communesByPostalCode: [String: [String]]
    private let postalCodesByCommune: [String: [String]]

    public init(
        communes: [Commune], departments: [Department], regions: [Region],
        priorityNeighbourhoods: [PriorityNeighbourhood] = [], postalCodes: [(postalCode: String, communeCode: String)] = []
    ) {
        self.communes = communes
        self.departments = departments
        self.regions = regions
        self.priorityNeighbourhoods = priorityNeighbourhoods
        communeIndex = Dictionary(communes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        departmentIndex = Dictionary(departments.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        regionIndex = Dictionary(regions.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        communesByPostalCode = Dictionary(grouping: postalCodes, by: \.postalCode).mapValues { $0.map(\.communeCode) }
        postalCodesByCommune = Dictionary(grouping: postalCodes, by: \.communeCode).mapValues { $0.map(\.postalCode).sorted() }
    }

    public func commune(code: String) -> Commune? { communeIndex[code].map { communes[$0] } }
    public func department(code: String) -> Department? { departmentIndex[code].map { departments[$0] } }
    public func region(code: String) -> Region? { regionIndex[code].map { regions[$0] } }

    public func departments(inRegion regionCode: String) -> [Department] {
        departments.filter { $0.regionCode == regionCode }
    }

    /// Communes served by a postal code (several communes often share one).
    public func communes(postalCode: String) -> [Commune] {
        (communesByPostalCode[postalCode] ?? []).compactMap { commune(code: $0) }
    }

    /// Postal codes of a commune, smallest first (arrondissements have their own).
    public func postalCodes(communeCode: String) -> [String] { postalCodesByCommune[communeCode] ?? [] }

    /// Communes whose name matches `query` ignoring accents, case, hyphens and apostrophes; exact matches
    /// first, then prefixes, then larger populations.
    public func searchCommunes(_ query: String, limit: Int = 10) -> [Commune] {
        let folded = FrenchText.fold(query)
        guard !folded.isEmpty else { return [] }
        var exact: [Commune] = [], prefix: [Commune] = [], inner: [Commune] = []
        for commune in communes where commune.kind == .commune || folded.contains("arrondissement") {
            let name = commune.searchName
            if name == folded { exact.append(commune) }
            else if name.hasPrefix(folded) { prefix.append(commune) }
            else if name.contains(folded) { inner.append(commune) }
        }
        let byPopulation: (Commune, Commune) -> Bool = { $0.population > $1.population }
        return Array((exact.sorted(by: byPopulation) + prefix.sorted(by: byPopulation) + inner.sorted(by: byPopulation)).prefix(limit))
    }

    /// The commune whose centroid is nearest to a point: the fallback that ties a place given only by
    /// coordinates to a commune.
    public func nearestCommune(to point: GeoPoint) -> Commune? {
        communes.lazy.filter { $0.kind == .commune }.min {
            $0.position.distanceKilometres(to: point) < $1.position.distanceKilometres(to: point)
        }
    }
}
