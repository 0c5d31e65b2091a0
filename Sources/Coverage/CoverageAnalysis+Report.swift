import Territory

/// Which places make a commune "covered".
public enum CoverageTarget: Sendable, Hashable {
    case allPlaces
    case fabriques
    case service(String)

    var label: String {
        switch self {
        case .allPlaces: "all"
        case .fabriques: "fabriques"
        case .service(let name): "service:\(name)"
        }
    }
}

extension CoverageAnalysis {
    /// The full report for one radius. A commune is covered when a target place is at most
    /// `radiusKilometres` away from its centroid (closed disc: a place at exactly R km covers).
    public func report(radiusKilometres: Double, target: CoverageTarget = .allPlaces) -> CoverageReport {
        let nearest = nearestPlaces()
        let fabrique = nearestFabriqueKilometres()
        var service: [Double?]? = nil
        if case .service(let name) = target { service = nearestKilometres(offering: name) }
        let distances: [Double?] = switch target {
        case .allPlaces: nearest.map { $0?.kilometres }
        case .fabriques: fabrique
        case .service: service ?? []
        }
        let rows = communes.indices.map { offset in
            let commune = communes[offset]
            return CommuneCoverage(
                code: commune.code, name: commune.name, departmentCode: commune.departmentCode,
                population: commune.population, nearestPlaceKilometres: nearest[offset]?.kilometres,
                nearestPlaceID: nearest[offset].map { places[$0.index].id },
                nearestFabriqueKilometres: fabrique[offset], nearestServiceKilometres: service?[offset],
                covered: distances[offset].map { $0 <= radiusKilometres } ?? false)
        }
        var radii = Self.standardRadiiKilometres
        if !radii.contains(radiusKilometres) { radii = (radii + [radiusKilometres]).sorted() }
        let total = communes.reduce(0) { $0 + $1.population }
        let byRadius = radii.map { radius in
            let covered = communes.indices.reduce(0) { sum, offset in
                (distances[offset].map { $0 <= radius } ?? false) ? sum + communes[offset].population : sum
            }
            return RadiusCoverage(radiusKilometres: radius, coveredPopulation: covered,
                                  coveredShare: total > 0 ? Double(covered) / Double(total) : 0)
        }
        return CoverageReport(
            radiusKilometres: radiusKilometres, target: target.label,
            placeCount: targetCount(target),
            national: Self.share(code: "FR", name: "France", rows: rows[...]),
            byRadius: byRadius,
            departments: groups(rows, key: \.departmentCode, name: { territory.department(code: $0)?.name ?? $0 }),
            regions: groups(rows, key: { communes[$0].regionCode }, name: { territory.region(code: $0)?.name ?? $0 }),
            classes: classes(rows),
            communes: rows,
            zonesBlanches: rows.filter { !$0.covered }.sorted { ($0.population, $1.code) > ($1.population, $0.code) })
    }

    private func targetCount(_ target: CoverageTarget) -> Int {
        switch target {
        case .allPlaces: places.count
        case .fabriques: fabriqueOffsets.count
        case .service(let name): places.count(where: { $0.services.contains(name) })
        }
    }

    private func groups(_ rows: [CommuneCoverage], key: KeyPath<CommuneCoverage, String>, name: (String) -> String) -> [CoverageShare] {
        groups(rows, key: { rows[$0][keyPath: key] }, name: name)
    }

    private func groups(_ rows: [CommuneCoverage], key: (Int) -> String, name: (String) -> String) -> [CoverageShare] {
        Dictionary(grouping: rows.indices, by: key).map { code, offsets in
            Self.share(code: code, name: name(code), rows: offsets.map { rows[$0] }[...])
        }.sorted { $0.code < $1.code }
    }

    private func classes(_ rows: [CommuneCoverage]) -> [CoverageShare] {
        let tests: [(String, String, (Commune) -> Bool)] = [
            ("rural", "Communes rurales", { $0.isRural }),
            ("urban", "Communes urbaines", { !$0.isRural }),
            ("with_qpv", "Communes avec un quartier prioritaire", { $0.hasPriorityNeighbourhood }),
            ("without_qpv", "Communes sans quartier prioritaire", { !$0.hasPriorityNeighbourhood }),
        ]
        return tests.map { code, name, test in
            Self.share(code: code, name: name, rows: communes.indices.filter { test(communes[$0]) }.map { rows[$0] }[...])
        }
    }

    static func share(code: String, name: String, rows: ArraySlice<CommuneCoverage>) -> CoverageShare {
        CoverageShare(code: code, name: name, communeCount: rows.count, coveredCommuneCount: rows.count(where: \.covered),
                      population: rows.reduce(0) { $0 + $1.population },
                      coveredPopulation: rows.reduce(0) { $0 + ($1.covered ? $1.population : 0) })
    }
}
