import Coverage
import Territory
import XCTest

/// Cases whose answer can be checked by hand.
final class SphereGeometryTests: XCTestCase {
    func testOneDegreeOfLatitudeIsAbout111Kilometres() throws {
        // 2πR / 360 with R = 6371.0088 km.
        let origin = GeoPoint(latitude: 45, longitude: 2)
        let tree = SphereTree(points: [GeoPoint(latitude: 46, longitude: 2), GeoPoint(latitude: 43.5, longitude: 2)])
        let nearest = try XCTUnwrap(tree.nearest(to: origin))
        XCTAssertEqual(nearest.index, 0)
        XCTAssertEqual(nearest.kilometres, 111.19, accuracy: 0.01)
    }

    func testNearestAcrossTheDateLineAndThePole() throws {
        // In longitude the points are 359.8° apart; on the sphere about 22 km at the equator.
        let tree = SphereTree(points: [GeoPoint(latitude: 0, longitude: -179.9), GeoPoint(latitude: 0, longitude: 179.0)])
        XCTAssertEqual(try XCTUnwrap(tree.nearest(to: GeoPoint(latitude: 0, longitude: 179.9))).index, 0)
        let polar = SphereTree(points: [GeoPoint(latitude: 89.9, longitude: 180), GeoPoint(latitude: 89.0, longitude: 0)])
        let nearPole = try XCTUnwrap(polar.nearest(to: GeoPoint(latitude: 89.9, longitude: 0)))
        XCTAssertEqual(nearPole.index, 0)
        XCTAssertEqual(nearPole.kilometres, 2 * 0.1 * 111.19, accuracy: 0.01)
    }

    /// Documented rule: "within R" is distance ≤ R (closed disc) on `GeoPoint.distanceKilometres`.
    func testAPointExactlyAtTheRadiusIsWithin() {
        let centre = GeoPoint(latitude: 45.7640, longitude: 4.8357)
        let edge = GeoPoint(latitude: 45.7640 + 0.2698, longitude: 4.8357 + 0.1)
        let exact = centre.distanceKilometres(to: edge)
        let tree = SphereTree(points: [edge], weights: [1000])
        XCTAssertEqual(tree.weightWithin(kilometres: exact, of: centre), 1000)
        XCTAssertEqual(tree.indices(within: exact, of: centre), [0])
        XCTAssertTrue(tree.containsPoint(within: exact, of: centre))
        XCTAssertEqual(tree.weightWithin(kilometres: exact.nextDown, of: centre), 0)
        XCTAssertEqual(tree.indices(within: exact.nextDown, of: centre), [])
        XCTAssertFalse(tree.containsPoint(within: exact.nextDown, of: centre))
    }

    func testACommuneExactlyAtTheRadiusIsCovered() throws {
        let here = GeoPoint(latitude: 48.0, longitude: 2.0), place = GeoPoint(latitude: 48.0 + 10 / 111.19, longitude: 2.0)
        let territory = TerritoryReference(
            communes: [Commune(code: "99001", name: "Ici", departmentCode: "99", regionCode: "99", population: 500,
                               position: here, density: .ruralTown)],
            departments: [], regions: [])
        let analysis = CoverageAnalysis(territory: territory, places: [CoveragePlace(id: "p", position: place)])
        let radius = here.distanceKilometres(to: place)
        XCTAssertEqual(radius, 10, accuracy: 0.01)
        XCTAssertEqual(analysis.report(radiusKilometres: radius).national.coveredShare, 1)
        XCTAssertEqual(analysis.report(radiusKilometres: radius.nextDown).national.coveredShare, 0)
        XCTAssertEqual(analysis.report(radiusKilometres: radius.nextDown).zonesBlanches.map(\.code), ["99001"])
    }

    func testEmptyTreeAnswersNothing() {
        let tree = SphereTree(points: [])
        XCTAssertNil(tree.nearest(to: GeoPoint(latitude: 0, longitude: 0)))
        XCTAssertEqual(tree.weightWithin(kilometres: 100, of: GeoPoint(latitude: 0, longitude: 0)), 0)
    }
}
