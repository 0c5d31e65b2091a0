import Foundation
import HTTPTypes
import Storage
import Territory
import Web
import XCTest

/// Coverage pages, CSV and API on the demo directory, checked against a brute-force computation.
final class CoverageWebTests: XCTestCase {
    static func haversine(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * rad, dLon = (b.longitude - a.longitude) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * rad) * cos(b.latitude * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371.0088 * asin(min(1, sqrt(h)))
    }

    func testCharenteFiguresMatchABruteForceCountAndPagesDrawTheMap() async throws {
        try await TestApp.run { browser, services in
            let api = try await browser.get("/api/v1/coverage?radius=10")
            XCTAssertEqual(api.status, .ok)
            let json = try XCTUnwrap(try api.json() as? [String: Any])
            let national = try XCTUnwrap(json["national"] as? [String: Any])
            let share = try XCTUnwrap(national["covered_share"] as? Double)
            XCTAssertTrue(share > 0 && share < 1)
            let departments = try XCTUnwrap(json["departments"] as? [[String: Any]])
            let charente = try XCTUnwrap(departments.first { $0["code"] as? String == "16" })

            // Independent count: every Charente commune against every place, by haversine.
            var places: [GeoPoint] = []
            var after: Int64 = 0
            while true {
                let batch = try await services.directory.batch(after: after, limit: 1_000)
                guard let last = batch.last?.id else { break }
                places += batch.map(\.position)
                after = last
            }
            let communes = TestApp.territory.communes.filter { $0.departmentCode == "16" && $0.kind == .commune }
            let covered = communes.filter { commune in places.contains { Self.haversine($0, commune.position) <= 10 } }
            XCTAssertEqual(charente["covered_population"] as? Int, covered.reduce(0) { $0 + $1.population })
            XCTAssertEqual(charente["population"] as? Int, communes.reduce(0) { $0 + $1.population })

            let page = try await browser.get("/couverture?rayon=10")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("<svg") && page.body.contains("role=\"img\""))
            let suggestions = try await browser.get("/couverture/suggestions?rayon=10&nombre=10")
            XCTAssertTrue(suggestions.body.contains("Où ajouter 10 lieux"))
            XCTAssertTrue(suggestions.body.contains("du meilleur possible"))
            XCTAssertTrue(page.body.contains("Par type de commune"))
            XCTAssertGreaterThanOrEqual(page.body.components(separatedBy: "<path d=").count - 1, 96, "every département outline is drawn")
            XCTAssertTrue(page.body.contains("95 % et plus"), "the legend names the classes")
            let department = try await browser.get("/couverture/departements/16?rayon=10")
            XCTAssertTrue(department.body.contains("Couverture du territoire : Charente"))
            // One red point per commune of the département beyond the radius, and a table row for each (up to 100).
            let blankInCharente = communes.filter { commune in !places.contains { Self.haversine($0, commune.position) <= 10 } }
            let zone = department.body.components(separatedBy: "class=\"zones-blanches\"").last?.components(separatedBy: "</g>").first ?? ""
            XCTAssertEqual(zone.components(separatedBy: "<circle").count - 1, blankInCharente.count)
            let region = try await browser.get("/couverture/regions/75")
            XCTAssertEqual(region.status, .ok)
            let unknown = try await browser.get("/couverture/departements/00")
            XCTAssertEqual(unknown.status, .notFound)
            let bad = try await browser.get("/couverture?rayon=-3")
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertTrue(bad.body.contains("Le rayon doit être"))
            let csv = try await browser.get("/couverture/communes.csv?rayon=10")
            let lines = csv.body.split(separator: "\r\n")
            XCTAssertTrue(lines[0].hasPrefix("code_insee,commune,departement,population"))
            XCTAssertGreaterThan(lines.count, 30_000)
        }
    }

    func testANewPlaceInAZoneBlancheCoversItAtOnce() async throws {
        try await TestApp.run { browser, _ in
            let first = try await browser.get("/api/v1/coverage?radius=5")
            let before = try XCTUnwrap(try first.json() as? [String: Any])
            let blank = try XCTUnwrap((before["zones_blanches"] as? [[String: Any]])?.first)
            let code = try XCTUnwrap(blank["code"] as? String)
            _ = try await browser.signIn("comite@demo.fabriques.fr", "demo-comite-fabriques")
            let form = try await browser.get("/lieux/import")
            let csv = "Nom,Insee,Rue\nNouveau tiers-lieu,\(code),1 place de la Mairie\n"
            let (body, type) = ImportUploadTests.multipart(csrf: try XCTUnwrap(form.csrf), file: csv, name: "lieu.csv",
                                                           fields: [("map", "Nom=nom,Insee=code_insee,Rue=adresse"), ("format", "")])
            let imported = try await browser.send("/lieux/import", method: .post, headers: [.contentType: type], body: body)
            XCTAssertTrue(imported.body.contains("1 lieu(x) créé(s)"), String(imported.body.prefix(3000)))
            let second = try await browser.get("/api/v1/coverage?radius=5")
            let after = try XCTUnwrap(try second.json() as? [String: Any])
            let stillBlank = (after["zones_blanches"] as? [[String: Any]] ?? []).contains { $0["code"] as? String == code }
            XCTAssertFalse(stillBlank, "recomputed when places change")
            let beforeShare = (before["national"] as? [String: Any])?["covered_share"] as? Double ?? 1
            let afterShare = (after["national"] as? [String: Any])?["covered_share"] as? Double ?? 0
            XCTAssertGreaterThan(afterShare, beforeShare)
        }
    }
}
