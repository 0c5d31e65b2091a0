import Directory
import Territory
import XCTest

/// The index's grid, bitsets and one-pass facets against the plain definition of a search: every place
/// tested one by one, every facet recounted with its own filter removed.
final class PlaceSearchReferenceTests: XCTestCase {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    static let services = ["Aide aux démarches administratives", "Loisirs et créations numériques", "Prendre en main un ordinateur", "Échanger avec ses proches"]
    static let publics = ["Jeunes", "Seniors", "Familles"]
    static let words = ["Ruche", "Atelier", "Fab Lab", "Café", "Cœur", "Forge", "Étoile", "Grange"]

    func testSearchesAgreeWithThePlainDefinitionOnRandomDirectories() throws {
        var random = Generator(state: 7)
        let communes = Fixtures.territory.communes.filter { $0.kind == .commune }
        // Communes clustered in three areas, as places cluster around cities, plus a few anywhere.
        let hubs = ["42218", "69123", "16015", "97411"].compactMap { Fixtures.territory.commune(code: $0) }
        let nearHubs = communes.filter { commune in hubs.contains { $0.position.distanceKilometres(to: commune.position) < 60 } }
        var places: [DirectoryPlace] = []
        for number in 0..<1_500 {
            let commune = number % 5 == 0 ? communes.randomElement(using: &random)! : nearHubs.randomElement(using: &random)!
            let jitter = GeoPoint(latitude: commune.position.latitude + Double.random(in: -0.02...0.02, using: &random),
                                  longitude: commune.position.longitude + Double.random(in: -0.02...0.02, using: &random))
            let name = "\(Self.words.randomElement(using: &random)!) \(Self.words.randomElement(using: &random)!) \(number)"
            var place = DirectoryPlace(
                externalID: "p\(number)", name: name, address: "\(number) rue Haute", postalCode: "00000", commune: commune,
                position: number % 7 == 0 ? commune.position : jitter,
                kinds: Array(PlaceKind.allCases.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random))),
                label: [nil, nil, nil, .fabrique, .digitalFabrique].randomElement(using: &random)!,
                services: Self.services.filter { _ in Bool.random(using: &random) }, updatedOn: "2024-01-01")
            place.publics = Self.publics.filter { _ in Bool.random(using: &random) }
            places.append(place)
        }
        let index = PlaceSearchIndex(places: places, territory: Fixtures.territory)
        let reference = ReferenceSearch(places: places, territory: Fixtures.territory)

        var checked = 0
        for round in 0..<300 {
            var query = PlaceQuery(perPage: [5, 20, 1_000][round % 3])
            query.page = round % 4 == 0 ? 2 : 1
            if Bool.random(using: &random) {
                let hub = hubs.randomElement(using: &random)!
                query.near = round % 6 == 0 ? places.randomElement(using: &random)!.position : hub.position
                query.radiusKilometres = [0, 1, 5, 20, 60, 400].randomElement(using: &random)!
            }
            if round % 3 == 0 { query.text = ["ruche", "fab lab", "coeur", "etoile forge", "saint", "zzz", "CAFÉ"].randomElement(using: &random)! }
            if round % 4 == 1 { query.kind = PlaceKind.allCases.randomElement(using: &random)! }
            if round % 5 == 2 { query.service = (Self.services + ["Inconnu"]).randomElement(using: &random)! }
            if round % 7 == 3 { query.publicGroup = Self.publics.randomElement(using: &random)! }
            if round % 6 == 4 { query.label = DirectoryPlace.Label.allCases.randomElement(using: &random)! }
            if round % 9 == 5 { query.departmentCode = ["42", "69", "16", "974", "2A"].randomElement(using: &random)! }
            if round % 11 == 6 { query.regionCode = ["84", "75", "04"].randomElement(using: &random)! }
            if round % 8 == 7 { query.priorityNeighbourhood = Bool.random(using: &random) }
            if round % 10 == 8 { query.rural = Bool.random(using: &random) }

            let got = index.search(query), expected = reference.search(query)
            XCTAssertEqual(got.total, expected.total, "total of \(query)")
            XCTAssertEqual(got.hits.map(\.place.externalID), expected.hits.map(\.place.externalID), "hits of \(query)")
            XCTAssertEqual(got.hits.map(\.distanceKilometres), expected.hits.map(\.distanceKilometres), "distances of \(query)")
            XCTAssertEqual(got.facets.all, expected.facets, "facets of \(query)")
            if expected.total > 0 { checked += 1 }
        }
        XCTAssertGreaterThan(checked, 110, "most random searches must find something, or the comparison proves little")
    }

    func testAPlaceExactlyAtTheRadiusIsIncluded() {
        let centre = Fixtures.territory.commune(code: "42218")!
        let east = GeoPoint(latitude: centre.position.latitude, longitude: centre.position.longitude + 0.2)
        let places = [Fixtures.place("Pile", commune: "42218", at: east), Fixtures.place("Centre", commune: "42218")]
        let index = PlaceSearchIndex(places: places, territory: Fixtures.territory)
        let radius = east.distanceKilometres(to: centre.position)
        XCTAssertEqual(index.search(PlaceQuery(near: centre.position, radiusKilometres: radius)).hits.map(\.place.name), ["Centre", "Pile"])
        XCTAssertEqual(index.search(PlaceQuery(near: centre.position, radiusKilometres: radius.nextDown)).hits.map(\.place.name), ["Centre"])
    }

    func testSearchesAcrossTheAntimeridian() {
        // Wallis-et-Futuna lies near 176° W: a place just west of 180° is 10 km from a centre just east of it.
        let place = Fixtures.place("Fale", commune: "42218", at: GeoPoint(latitude: -13.3, longitude: -179.95))
        let index = PlaceSearchIndex(places: [place], territory: Fixtures.territory)
        let across = GeoPoint(latitude: -13.3, longitude: 179.95)
        XCTAssertEqual(index.search(PlaceQuery(near: across, radiusKilometres: 20)).total, 1)
        XCTAssertEqual(index.search(PlaceQuery(near: across, radiusKilometres: 5)).total, 0)
    }
}

/// The definition of a search, written for clarity: no index, every place tested one by one.
struct ReferenceSearch {
    let places: [DirectoryPlace]
    /// Folded text and classes of each place by external id, worked out once (the test runs 300 searches).
    let texts: [String: String]
    let classesByID: [String: (rural: Bool, qpv: Bool)]

    init(places: [DirectoryPlace], territory: TerritoryReference) {
        self.places = places
        var texts: [String: String] = [:], classesByID: [String: (rural: Bool, qpv: Bool)] = [:]
        for place in places {
            texts[place.externalID!] = FrenchText.fold(([place.name, place.communeName, place.address] + place.kinds.map(\.label)).joined(separator: " "))
                .replacingOccurrences(of: " ", with: "")
            let commune = territory.commune(code: place.communeCode)
            let parent = commune?.parentCode.flatMap { territory.commune(code: $0) }
            classesByID[place.externalID!] = (commune?.isRural ?? false, (commune?.hasPriorityNeighbourhood ?? false) || (parent?.hasPriorityNeighbourhood ?? false))
        }
        self.texts = texts
        self.classesByID = classesByID
    }

    func classes(_ place: DirectoryPlace) -> (rural: Bool, qpv: Bool) { classesByID[place.externalID!]! }

    struct Result {
        let hits: [(place: DirectoryPlace, distanceKilometres: Double?)]
        let total: Int
        let facets: [Facet: [String: Int]]
    }

    func search(_ query: PlaceQuery) -> Result {
        let tokens = FrenchText.fold(query.text ?? "").split(separator: " ").map(String.init)
        var base: [(DirectoryPlace, Double?)] = []
        for place in places {
            let text = texts[place.externalID!]!
            if !tokens.isEmpty, !text.contains(tokens.joined()), !tokens.allSatisfy({ text.contains($0) }) { continue }
            var distance: Double?
            if let centre = query.near {
                let d = place.position.distanceKilometres(to: centre)
                guard d <= query.radiusKilometres else { continue }
                distance = d
            }
            base.append((place, distance))
        }
        func matches(_ place: DirectoryPlace, except skipped: Facet?) -> Bool {
            let (rural, qpv) = classes(place)
            if skipped != .kind, let kind = query.kind, !place.kinds.contains(kind) { return false }
            if skipped != .service, let service = query.service, !place.services.contains(service) { return false }
            if skipped != .publicGroup, let group = query.publicGroup, !place.publics.contains(group) { return false }
            if skipped != .label, let label = query.label, place.label != label { return false }
            if skipped != .department, let code = query.departmentCode, place.departmentCode != code { return false }
            if let code = query.regionCode, place.regionCode != code { return false }
            if skipped != .priorityNeighbourhood, let wanted = query.priorityNeighbourhood, qpv != wanted { return false }
            if skipped != .rural, let wanted = query.rural, rural != wanted { return false }
            return true
        }
        var facets: [Facet: [String: Int]] = [:]
        for facet in Facet.allCases {
            var counts: [String: Int] = [:]
            for (place, _) in base where matches(place, except: facet) {
                let (rural, qpv) = classes(place)
                let values: [String] = switch facet {
                case .kind: place.kinds.map(\.rawValue)
                case .service: place.services
                case .publicGroup: place.publics
                case .label: place.label.map { [$0.rawValue] } ?? []
                case .department: [place.departmentCode]
                case .priorityNeighbourhood: [qpv ? "oui" : "non"]
                case .rural: [rural ? "oui" : "non"]
                }
                for value in values { counts[value, default: 0] += 1 }
            }
            facets[facet] = counts
        }
        var matching = base.filter { matches($0.0, except: nil) }
        if query.near != nil {
            matching.sort { ($0.1!, $0.0.name) < ($1.1!, $1.0.name) }
        } else {
            matching.sort { ($0.0.label == nil ? 1 : 0, $0.0.name) < ($1.0.label == nil ? 1 : 0, $1.0.name) }
        }
        let perPage = max(query.perPage, 1), page = max(query.page, 1)
        let slice = matching.dropFirst((page - 1) * perPage).prefix(perPage)
        return Result(hits: slice.map { (place: $0.0, distanceKilometres: $0.1) }, total: matching.count, facets: facets)
    }
}
