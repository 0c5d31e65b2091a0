import Foundation
@testable import Territory
import XCTest

/// The distance's own sine for short distances must agree with the library's to the last bit or one
/// more, from a few metres to the few hundred kilometres where it hands over to `sin`.
final class GeoPointTests: XCTestCase {
    func testShortDistanceSineAgreesWithTheLibrary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200_000 {
            let x = Double.random(in: -0.1...0.1, using: &generator) * pow(10, -Double.random(in: 0...7, using: &generator))
            let expected = sin(x)
            XCTAssertLessThanOrEqual(abs(GeoPoint.sine(x) - expected), expected.ulp, "sin(\(x))")
        }
        for x in [0.0, 0.0999999, 0.1, 0.3, -0.25, 1.5] { XCTAssertEqual(GeoPoint.sine(x), sin(x), accuracy: sin(abs(x)).ulp, "sin(\(x))") }
    }

    func testDistancesStayTheGreatCircleOnes() {
        // Saint-Étienne to Lyon, and 20 km due east of Saint-Étienne: haversine on the mean Earth radius.
        let saintEtienne = GeoPoint(latitude: 45.4241, longitude: 4.3665), lyon = GeoPoint(latitude: 45.7578, longitude: 4.8320)
        XCTAssertEqual(saintEtienne.distanceKilometres(to: lyon), 51.854, accuracy: 0.001)
        let degrees = 20 / (GeoPoint.earthRadiusKilometres * cos(45.4241 * .pi / 180)) * 180 / .pi
        let east = GeoPoint(latitude: 45.4241, longitude: 4.3665 + degrees)
        XCTAssertEqual(saintEtienne.distanceKilometres(to: east), 20, accuracy: 0.001)
    }
}
