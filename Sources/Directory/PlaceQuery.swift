import Territory

/// A directory search, as the search page and `/api/v1/places` both read it. Every filter is optional;
/// filters combine with AND.
public struct PlaceQuery: Sendable, Hashable {
    public var text: String?
    public var kind: PlaceKind?
    public var service: String?
    public var publicGroup: String?
    public var label: DirectoryPlace.Label?
    public var departmentCode: String?
    public var regionCode: String?
    public var priorityNeighbourhood: Bool?
    public var rural: Bool?
    /// Centre and radius of a "near" search; results then sort by distance.
    public var near: GeoPoint?
    public var radiusKilometres: Double
    public var page: Int
    public var perPage: Int

    public init(
        text: String? = nil, kind: PlaceKind? = nil, service: String? = nil, publicGroup: String? = nil,
        label: DirectoryPlace.Label? = nil, departmentCode: String? = nil, regionCode: String? = nil,
        priorityNeighbourhood: Bool? = nil, rural: Bool? = nil, near: GeoPoint? = nil, radiusKilometres: Double = 20,
        page: Int = 1, perPage: Int = 20
    ) {
        self.text = text
        self.kind = kind
        self.service = service
        self.publicGroup = publicGroup
        self.label = label
        self.departmentCode = departmentCode
        self.regionCode = regionCode
        self.priorityNeighbourhood = priorityNeighbourhood
        self.rural = rural
        self.near = near
        self.radiusKilometres = radiusKilometres
        self.page = page
        self.perPage = perPage
    }
}

/// The facets whose counts a search returns: for each value, how many results the search would give
/// with that value selected instead of the current one.
public enum Facet: String, Sendable, CaseIterable, Hashable {
    case kind = "type", service, publicGroup = "public", label, department = "departement", priorityNeighbourhood = "qpv", rural = "rural"
}

public struct PlaceSearchResult: Sendable {
    public struct Hit: Sendable {
        public let place: DirectoryPlace
        /// Set for "near" searches.
        public let distanceKilometres: Double?
    }

    /// The hits of the page, read from the index when asked: the API writes their precomputed JSON
    /// and never needs the records.
    public var hits: [Hit] {
        matches.map { Hit(place: index.records[$0.position], distanceKilometres: $0.distanceKilometres) }
    }

    public let total: Int
    public let page: Int
    public let perPage: Int
    public let facets: FacetCounts
    /// The page's places as positions in `index`, with their distances.
    let matches: [(position: Int, distanceKilometres: Double?)]
    let index: PlaceSearchIndex

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}
