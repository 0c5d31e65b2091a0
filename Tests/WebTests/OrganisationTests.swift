import Storage
import Web
import XCTest

final class OrganisationTests: XCTestCase {
    func testAFailedFormKeepsEverythingTypedAndExplainsEachField() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            let page = try await browser.post("/mon-organisation", form: [
                ("name", #"Le "Lieu" <script>alert(1)</script>"#), ("legal_form", "association"), ("siret", "123 456 789 00000"), ("commune", "Saint-Denis"),
            ])
            XCTAssertEqual(page.status, .unprocessableContent)
            XCTAssertTrue(page.body.contains("Le formulaire contient 2 erreurs"))
            XCTAssertTrue(page.body.contains("Ce SIRET n'est pas valide"))
            XCTAssertTrue(page.body.contains("Plusieurs communes correspondent"))
            XCTAssertTrue(page.body.contains(#"value="123 456 789 00000""#))
            XCTAssertTrue(page.body.contains(#"value="Le &quot;Lieu&quot; &lt;script&gt;alert(1)&lt;/script&gt;""#), "kept, escaped")
            XCTAssertFalse(page.body.contains("<script>alert(1)"))
            let porteur = try await services.users.find(email: "porteur@demo.fabriques.fr")!
            let stored = try await services.organisations.owned(by: porteur.id)
            XCTAssertEqual(stored?.name, "Association Le Chantier Numérique", "nothing saved from a failed form")
        }
    }

    func testAValidFormUpdatesTheOrganisationAndItsTerritory() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            let saved = try await browser.post("/mon-organisation", form: [
                ("name", "Tiers-lieu des Confluences"), ("legal_form", "scic_scop"), ("siret", "732 829 320 00074"), ("commune", "17000"),
            ])
            XCTAssertEqual(saved.status, .seeOther)
            let porteur = try await services.users.find(email: "porteur@demo.fabriques.fr")!
            let owned = try await services.organisations.owned(by: porteur.id)
            let stored = try XCTUnwrap(owned)
            XCTAssertEqual(stored.name, "Tiers-lieu des Confluences")
            XCTAssertEqual(stored.siret, "73282932000074")
            XCTAssertEqual(stored.communeCode, "17300", "La Rochelle, from its postal code")
            XCTAssertEqual(stored.departmentCode, "17")
            XCTAssertEqual(stored.regionCode, "75")
            // Now outside Charente: its instructeur no longer sees it.
            browser.forgetCookies()
            _ = try await browser.signIn("instructeur.charente@demo.fabriques.fr", "demo-instructeur-16")
            let page = try await browser.get("/organisations/\(stored.id)")
            XCTAssertEqual(page.status, .forbidden)
        }
    }
}
