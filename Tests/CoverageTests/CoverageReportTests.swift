import Coverage
import Foundation
import Territory
import XCTest

/// Report figures on the real communes against an independent O(communes × places) computation.
final class CoverageReportTests: XCTestCase {
    /// Places at a deterministic sample of real communes, a few of them Fabriques, one service.
    private func samplePlaces() -> [CoveragePlace] {
        let communes = bundledTerritory.communes.filter { $0.kind == .commune }
        return stride(from: 0, to: communes.count, by: 97).enumerated().map { rank, offset in
            CoveragePlace(id: "p\(rank)", position: communes[offset].position, isFabrique: rank % 3 == 0,
                          services: rank % 2 == 0 ? ["mediation-numerique"] : [])
        }
    }

    func testSharesMatchBruteForceOnTheRealCommunes() {
        let places = samplePlaces()
        let analysis = CoverageAnalysis(territory: bundledTerritory, places: places)
        let radius = 10.0
        let report = analysis.report(radiusKilometres: radius)
        let communes = bundledTerritory.communes.filter { $0.kind == .commune }
        XCTAssertEqual(report.communes.count, communes.count)
        var covered: [String: Bool] = [:], nearestFabrique: [String: Double] = [:]
        for commune in communes {
            let distances = places.map { commune.position.distanceKilometres(to: $0.position) }
            covered[commune.code] = distances.contains { $0 <= radius }
            nearestFabrique[commune.code] = zip(places, distances).filter { $0.0.isFabrique }.map(\.1).min()
        }
        for row in report.communes {
            XCTAssertEqual(row.covered, covered[row.code], row.code)
            XCTAssertEqual(row.nearestFabriqueKilometres!, nearestFabrique[row.code]!, accuracy: 1e-9)
        }
        func share(_ test: (Commune) -> Bool) -> Double {
            let group = communes.filter(test)
            let population = group.reduce(0) { $0 + $1.population }
            return Double(group.filter { covered[$0.code]! }.reduce(0) { $0 + $1.population }) / Double(population)
        }
        XCTAssertEqual(report.national.coveredShare, share { _ in true }, accuracy: 1e-12)
        XCTAssertEqual(report.national.population, 68_350_798)
        XCTAssertEqual(report.departments.first { $0.code == "29" }!.coveredShare, share { $0.departmentCode == "29" }, accuracy: 1e-12)
        XCTAssertEqual(report.regions.first { $0.code == "84" }!.coveredShare, share { $0.regionCode == "84" }, accuracy: 1e-12)
        XCTAssertEqual(report.classes.first { $0.code == "rural" }!.coveredShare, share(\.isRural), accuracy: 1e-12)
        XCTAssertEqual(report.classes.first { $0.code == "with_qpv" }!.coveredShare, share(\.hasPriorityNeighbourhood), accuracy: 1e-12)
        XCTAssertEqual(report.zonesBlanches.count, covered.values.count { !$0 })
        XCTAssertEqual(report.byRadius.map(\.radiusKilometres), [5, 10, 20, 30])
        XCTAssertEqual(report.byRadius[1].coveredShare, report.national.coveredShare)
    }

    func testServiceAndFabriqueTargets() {
        let places = samplePlaces()
        let analysis = CoverageAnalysis(territory: bundledTerritory, places: places)
        let all = analysis.report(radiusKilometres: 20), fabriques = analysis.report(radiusKilometres: 20, target: .fabriques)
        let service = analysis.report(radiusKilometres: 20, target: .service("mediation-numerique"))
        XCTAssertEqual(fabriques.placeCount, places.count { $0.isFabrique })
        XCTAssertEqual(service.placeCount, places.count { $0.services.contains("mediation-numerique") })
        XCTAssertLessThan(fabriques.national.coveredShare, all.national.coveredShare)
        XCTAssertLessThan(service.national.coveredShare, all.national.coveredShare)
        XCTAssertNotNil(service.communes[0].nearestServiceKilometres)
        XCTAssertNil(all.communes[0].nearestServiceKilometres)
    }

    func testJSONShape() throws {
        let analysis = CoverageAnalysis(territory: bundledTerritory, places: samplePlaces())
        let data = try JSONEncoder().encode(analysis.report(radiusKilometres: 10))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let national = try XCTUnwrap(json["national"] as? [String: Any])
        let share = try XCTUnwrap(national["covered_share"] as? Double)
        XCTAssertTrue((0...1).contains(share))
        let departments = try XCTUnwrap(json["departments"] as? [[String: Any]])
        XCTAssertEqual(departments.count, 101)
        XCTAssertNotNil(departments[0]["covered_share"] as? Double)
        XCTAssertEqual((json["regions"] as? [[String: Any]])?.count, 18)
        XCTAssertEqual((json["classes"] as? [[String: Any]])?.compactMap { $0["code"] as? String },
                       ["rural", "urban", "with_qpv", "without_qpv"])
        XCTAssertNotNil(json["zones_blanches"] as? [[String: Any]])
        XCTAssertEqual(try JSONDecoder().decode(CoverageReport.self, from: data), analysis.report(radiusKilometres: 10))
    }
}
