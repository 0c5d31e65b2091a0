import Foundation
import Storage
import Web
import XCTest

final class SiteTests: XCTestCase {
    func testUnknownAddressesGiveAFrenchPageOrProblemDetails() async throws {
        try await TestApp.run(demo: false) { browser, _ in
            let page = try await browser.get("/nulle-part")
            XCTAssertEqual(page.status, .notFound)
            XCTAssertTrue(page.body.contains(#"<html lang="fr">"#))
            XCTAssertTrue(page.body.contains("Page introuvable"))
            let api = try await browser.get("/api/v1/nulle-part")
            XCTAssertEqual(api.status, .notFound)
            XCTAssertEqual(api.headers[.contentType], "application/problem+json; charset=utf-8")
            let problem = try api.json() as? [String: Any]
            XCTAssertEqual(problem?["status"] as? Int, 404)
            XCTAssertEqual(problem?["title"] as? String, "Page introuvable")
        }
    }

    func testBadApiParametersAreStructured400s() async throws {
        try await TestApp.run(demo: false) { browser, _ in
            for path in ["/api/v1/communes", "/api/v1/communes?q=paris&limit=0", "/api/v1/communes?code_postal=7500", "/api/v1/communes?q=x&limit=abc"] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .badRequest, path)
                XCTAssertNotNil((try page.json() as? [String: Any])?["detail"] as? String, path)
            }
            let unknown = try await browser.get("/api/v1/communes/99999")
            XCTAssertEqual(unknown.status, .notFound)
            let ajaccio = try await browser.get("/api/v1/communes/2a004")
            XCTAssertEqual((try ajaccio.json() as? [String: Any])?["name"] as? String, "Ajaccio")
            let byPostalCode = try await browser.get("/api/v1/communes?code_postal=16000")
            let items = (try byPostalCode.json() as? [String: Any])?["items"] as? [[String: Any]]
            XCTAssertEqual(items?.first?["code"] as? String, "16015")
        }
    }

    func testPagesHaveTheAccessibleShell() async throws {
        try await TestApp.run { browser, _ in
            let home = try await browser.get("/")
            for fragment in [#"<html lang="fr">"#, ##"class="skip-link" href="#contenu""##, #"<main id="contenu""#, #"aria-label="Navigation principale""#, "<footer"] {
                XCTAssertTrue(home.body.contains(fragment), fragment)
            }
            // 382 real Fabriques, less Saint-Martin, a collectivité d'outre-mer outside the commune reference.
            XCTAssertTrue(home.body.contains("<strong>381</strong> Fabriques de territoire labellisées"), "the home page counts the real Fabriques")
            _ = try await browser.signIn("admin@demo.fabriques.fr", "demo-admin-fabriques")
            let signedIn = try await browser.get("/")
            XCTAssertTrue(signedIn.body.contains("Comptes et rôles"), "navigation by role")
            XCTAssertTrue(signedIn.body.contains("Se déconnecter"))
        }
    }

    func testDepartmentPageListsItsFabriquesAndUnknownCodesAre404() async throws {
        try await TestApp.run { browser, services in
            let page = try await browser.get("/territoires/departements/16")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Charente (16)"))
            let expected = try await services.places.count(departmentCode: "16")
            XCTAssertGreaterThan(expected, 0)
            XCTAssertTrue(page.body.contains("Lieux recensés (\(expected))"))
            XCTAssertTrue(page.body.contains("dep dep-current"), "the map is framed on the département")
            let corsica = try await browser.get("/territoires/departements/2a")
            XCTAssertEqual(corsica.status, .ok)
            let unknown = try await browser.get("/territoires/departements/99")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }

    func testHealthAndMetrics() async throws {
        try await TestApp.run(demo: false) { browser, _ in
            let health = try await browser.get("/healthz")
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual((try health.json() as? [String: Any])?["status"] as? String, "ok")
            XCTAssertNotNil(health.headers[.init("X-Request-Id")!])
            let traced = try await browser.get("/healthz", headers: [.init("X-Request-Id")!: "abc-123"])
            XCTAssertEqual(traced.headers[.init("X-Request-Id")!], "abc-123", "a caller's request id is kept")
            let metrics = try await browser.get("/metrics")
            XCTAssertTrue(metrics.body.contains(#"http_requests_total{method="GET",route="/healthz",status="200"} 2"#), metrics.body)
        }
    }

    func testOpenAPIDocumentDescribesExactlyTheApiRoutes() async throws {
        try await TestApp.run(demo: false) { browser, _ in
            let page = try await browser.get("/api/v1/openapi.json")
            let document = try XCTUnwrap(try page.json() as? [String: Any])
            XCTAssertEqual(document["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(document["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, operations) in paths {
                for (method, operation) in operations {
                    let id = (operation as? [String: Any])?["operationId"] as? String ?? "?"
                    documented.insert("\(method.uppercased()) \(path) \(id)")
                }
            }
            let served = Set(ApiController.Operation.allCases.map { "\($0.method.rawValue) \($0.path) \($0.rawValue)" })
            XCTAssertEqual(documented, served)
            for operation in ApiController.Operation.allCases where !operation.path.contains("{") && operation != .getMe
                && operation != .listOrganisations && operation != .searchCommunes && operation != .listDossiers {
                let response = try await browser.get(operation.path)
                XCTAssertEqual(response.status, .ok, operation.path)
            }
        }
    }
}
