import Hummingbird
import Storage
import Web
import XCTest

/// Who may read what, over HTTP, with the demo's real accounts.
final class ScopingTests: XCTestCase {
    static func organisationIDs(_ services: AppServices) async throws -> (charente: Int64, lyon: Int64) {
        let porteur = try await services.users.find(email: "porteur@demo.fabriques.fr")!
        let lyon = try await services.users.find(email: "porteuse.lyon@demo.fabriques.fr")!
        let a = try await services.organisations.owned(by: porteur.id)!.id
        let b = try await services.organisations.owned(by: lyon.id)!.id
        return (a, b)
    }

    func testAnonymousVisitorsReachOnlyPublicPages() async throws {
        try await TestApp.run { browser, services in
            let ids = try await Self.organisationIDs(services)
            for path in ["/", "/territoires", "/territoires/departements/16", "/connexion", "/healthz", "/api/v1/openapi.json", "/api/v1/regions", "/static/site.css"] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .ok, path)
            }
            for path in ["/compte", "/mon-organisation", "/organisations", "/organisations/\(ids.charente)", "/admin/comptes", "/admin/comptes/1"] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .unauthorized, path)
                XCTAssertTrue(page.body.contains("Connexion requise"), path)
            }
            for path in ["/api/v1/me", "/api/v1/organisations", "/api/v1/organisations/\(ids.charente)"] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .unauthorized, path)
                XCTAssertEqual(page.headers[.contentType], "application/problem+json; charset=utf-8", path)
            }
        }
    }

    func testReviewerOfOneDepartmentCannotReadAnother() async throws {
        try await TestApp.run { browser, services in
            let ids = try await Self.organisationIDs(services)
            _ = try await browser.signIn("instructeur.charente@demo.fabriques.fr", "demo-instructeur-16")
            let list = try await browser.get("/organisations")
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.body.contains("Association Le Chantier Numérique"))
            XCTAssertFalse(list.body.contains("SCIC La Fabrique des Pentes"), "Lyon is outside Charente")
            let own = try await browser.get("/organisations/\(ids.charente)")
            XCTAssertEqual(own.status, .ok)
            let other = try await browser.get("/organisations/\(ids.lyon)")
            XCTAssertEqual(other.status, .forbidden)
            XCTAssertFalse(other.body.contains("SCIC La Fabrique des Pentes"))
        }
    }

    func testRegionalReviewerSeesItsRegionOnly() async throws {
        try await TestApp.run { browser, services in
            let ids = try await Self.organisationIDs(services)
            _ = try await browser.signIn("instructeur.ara@demo.fabriques.fr", "demo-instructeur-84")
            let lyon = try await browser.get("/organisations/\(ids.lyon)")
            XCTAssertEqual(lyon.status, .ok)
            let charente = try await browser.get("/organisations/\(ids.charente)")
            XCTAssertEqual(charente.status, .forbidden)
        }
    }

    func testApplicantReadsOnlyItsOwnOrganisation() async throws {
        try await TestApp.run { browser, services in
            let ids = try await Self.organisationIDs(services)
            _ = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            let mine = try await browser.get("/mon-organisation")
            XCTAssertTrue(mine.body.contains("Association Le Chantier Numérique"))
            let theirs = try await browser.get("/organisations/\(ids.lyon)")
            XCTAssertEqual(theirs.status, .forbidden)
            let list = try await browser.get("/organisations")
            XCTAssertEqual(list.status, .forbidden, "the list of all organisations is for reviewers and the comité")
            let admin = try await browser.get("/admin/comptes")
            XCTAssertEqual(admin.status, .forbidden)
        }
    }

    func testCommitteeSeesEverything() async throws {
        try await TestApp.run { browser, services in
            let ids = try await Self.organisationIDs(services)
            _ = try await browser.signIn("comite@demo.fabriques.fr", "demo-comite-fabriques")
            for id in [ids.charente, ids.lyon] {
                let page = try await browser.get("/organisations/\(id)")
                XCTAssertEqual(page.status, .ok)
            }
        }
    }

    func testTheApiAppliesTheSameScopeToTokens() async throws {
        try await TestApp.run { browser, services in
            let ids = try await Self.organisationIDs(services)
            _ = try await browser.signIn("instructeur.charente@demo.fabriques.fr", "demo-instructeur-16")
            let created = try await browser.post("/compte/jetons", form: [("name", "tableau de bord")], tokenFrom: "/compte")
            XCTAssertEqual(created.status, .created)
            let token = try XCTUnwrap(created.body.range(of: #"fab_[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(created.body[$0]) })
            browser.forgetCookies()
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let me = try await browser.get("/api/v1/me", headers: auth)
            XCTAssertEqual(me.status, .ok)
            let meJSON = try me.json() as? [String: Any]
            XCTAssertEqual(meJSON?["email"] as? String, "instructeur.charente@demo.fabriques.fr")
            let list = try await browser.get("/api/v1/organisations", headers: auth)
            let items = (try list.json() as? [String: Any])?["items"] as? [[String: Any]]
            XCTAssertEqual(items?.compactMap { $0["name"] as? String }, ["Association Le Chantier Numérique"])
            let other = try await browser.get("/api/v1/organisations/\(ids.lyon)", headers: auth)
            XCTAssertEqual(other.status, .forbidden)
            XCTAssertEqual((try other.json() as? [String: Any])?["status"] as? Int, 403)
            let forged = try await browser.get("/api/v1/me", headers: [.authorization: "Bearer fab_not_a_token"])
            XCTAssertEqual(forged.status, .unauthorized)
            XCTAssertEqual(forged.headers[.wwwAuthenticate], "Bearer")
        }
    }

    func testRevokedTokensStopWorking() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn("comite@demo.fabriques.fr", "demo-comite-fabriques")
            let created = try await browser.post("/compte/jetons", form: [("name", "script")], tokenFrom: "/compte")
            let token = try XCTUnwrap(created.body.range(of: #"fab_[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(created.body[$0]) })
            let user = try await services.users.find(email: "comite@demo.fabriques.fr")!
            let stored = try await services.apiTokens.list(userID: user.id)
            XCTAssertEqual(stored.map(\.name), ["script"])
            let revoke = try await browser.post("/compte/jetons/\(stored[0].id)/revoquer", form: [], tokenFrom: "/compte")
            XCTAssertEqual(revoke.status, .seeOther)
            let me = try await browser.get("/api/v1/me", headers: [.authorization: "Bearer \(token)"])
            XCTAssertEqual(me.status, .unauthorized)
        }
    }
}
