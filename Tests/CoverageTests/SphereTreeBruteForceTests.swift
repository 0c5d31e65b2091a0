import Coverage
import Territory
import XCTest

/// The index must give exactly what a scan of every point with the haversine gives.
final class SphereTreeBruteForceTests: XCTestCase {
    func testNearestMatchesBruteForceOnRandomPoints() throws {
        var generator = SplitMix64(seed: 42)
        let points = randomPoints(3000, generator: &generator)
        let queries = randomPoints(500, generator: &generator) + points.prefix(50)
        let tree = SphereTree(points: points)
        for query in queries {
            let found = try XCTUnwrap(tree.nearest(to: query))
            let distances = points.map { query.distanceKilometres(to: $0) }
            let best = distances.min()!
            XCTAssertEqual(found.kilometres, best, accuracy: 1e-9)
            XCTAssertEqual(found.kilometres, distances[found.index])
        }
    }

    func testRadiusQueriesMatchBruteForceOnRandomPoints() {
        var generator = SplitMix64(seed: 7)
        let points = randomPoints(2000, generator: &generator)
        let weights = points.indices.map { Double(($0 * 37) % 1000) }
        let tree = SphereTree(points: points, weights: weights)
        for (offset, query) in randomPoints(200, generator: &generator).enumerated() {
            let radius = [1.0, 5, 10, 20, 30, 100, 2000][offset % 7]
            let expected = points.indices.filter { query.distanceKilometres(to: points[$0]) <= radius }
            XCTAssertEqual(tree.indices(within: radius, of: query), expected)
            XCTAssertEqual(tree.weightWithin(kilometres: radius, of: query), expected.reduce(0) { $0 + weights[$1] })
        }
    }

    func testRealCommunesOfBretagne() throws {
        let communes = bundledTerritory.communes.filter { $0.regionCode == "53" && $0.kind == .commune }
        XCTAssertGreaterThan(communes.count, 1000)
        // Places at every 25th commune: then the nearest of those is checked for every commune.
        let places = stride(from: 0, to: communes.count, by: 25).map { communes[$0].position }
        let placeTree = SphereTree(points: places)
        let communeTree = SphereTree(points: communes.map(\.position), weights: communes.map { Double($0.population) })
        for commune in communes {
            let found = try XCTUnwrap(placeTree.nearest(to: commune.position))
            let best = places.map { commune.position.distanceKilometres(to: $0) }.min()!
            XCTAssertEqual(found.kilometres, best, accuracy: 1e-9)
        }
        for place in places {
            let expected = communes.reduce(0) { $0 + (place.distanceKilometres(to: $1.position) <= 10 ? $1.population : 0) }
            XCTAssertEqual(Int(communeTree.weightWithin(kilometres: 10, of: place)), expected)
        }
    }
}
