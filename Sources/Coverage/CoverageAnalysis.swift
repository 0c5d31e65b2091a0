import Territory

/// Everything coverage needs, indexed once: the communes (where people live) and the places (where
/// they can go). Build it once per set of places and share it; every query is read-only.
///
/// People are counted at their commune's centroid with the INSEE population. Only `kind == .commune`
/// rows count: the arrondissements of Paris, Lyon and Marseille are already inside their commune's
/// population and would count those people twice.
public struct CoverageAnalysis: Sendable {
    /// The standard radii of the programme's figures.
    public static let standardRadiiKilometres: [Double] = [5, 10, 20, 30]

    public let territory: TerritoryReference
    /// Communes counted, in code order (ties in every ranking go to the smaller code).
    public let communes: [Commune]
    public let places: [CoveragePlace]
    /// Over `places`.
    public let placeTree: SphereTree
    /// Over the Fabriques of `places`; `fabriqueOffsets` maps its results back to `places`.
    public let fabriqueTree: SphereTree
    public let fabriqueOffsets: [Int]
    /// Over `communes`, weighted by population.
    public let communeTree: SphereTree
    /// Positions and unit vectors of `communes`, extracted once for all the nearest-place queries.
    let communePositions: [GeoPoint]
    let communeVectors: [SIMD3<Double>]
    /// `communes` offsets in the commune tree's order, in which batches of queries run fastest.
    let communeQueryOrder: [Int]

    public init(territory: TerritoryReference, places: [CoveragePlace]) {
        self.territory = territory
        communes = territory.communes.filter { $0.kind == .commune }.sorted { $0.code < $1.code }
        self.places = places
        placeTree = SphereTree(points: places.map(\.position))
        fabriqueOffsets = places.indices.filter { places[$0].isFabrique }
        fabriqueTree = SphereTree(points: fabriqueOffsets.map { places[$0].position })
        communeTree = SphereTree(points: communes.map(\.position), weights: communes.map { Double($0.population) })
        communePositions = communes.map(\.position)
        communeVectors = communePositions.map(Sphere.unitVector)
        communeQueryOrder = communeTree.treeOrder
    }

    /// For each commune (same order as `communes`), the nearest place: its offset in `places` and the
    /// distance in km; `nil` when there is no place.
    public func nearestPlaces() -> [(index: Int, kilometres: Double)?] {
        placeTree.nearest(toEach: communePositions, vectors: communeVectors, order: communeQueryOrder)
    }

    /// For each commune, the distance in km to the nearest Fabrique (`nil` without any Fabrique).
    public func nearestFabriqueKilometres() -> [Double?] {
        fabriqueTree.nearest(toEach: communePositions, vectors: communeVectors, order: communeQueryOrder).map { $0?.kilometres }
    }

    /// For each commune, the distance in km to the nearest place offering `service`.
    public func nearestKilometres(offering service: String) -> [Double?] {
        let tree = SphereTree(points: places.filter { $0.services.contains(service) }.map(\.position))
        return tree.nearest(toEach: communePositions, vectors: communeVectors, order: communeQueryOrder).map { $0?.kilometres }
    }

    /// Population living within `radiusKilometres` of each commune's centroid (same order as `communes`)
    /// and of each place (same order as `places`), the commune itself included.
    public func populationWithin(radiusKilometres: Double) -> (communes: [Int], places: [Int]) {
        (communes.map { Int(communeTree.weightWithin(kilometres: radiusKilometres, of: $0.position)) },
         places.map { Int(communeTree.weightWithin(kilometres: radiusKilometres, of: $0.position)) })
    }
}
