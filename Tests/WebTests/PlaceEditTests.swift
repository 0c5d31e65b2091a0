import Accounts
import Foundation
import Storage
import Web
import XCTest

final class PlaceEditTests: XCTestCase {
    static func animatedPlace(_ services: AppServices) async throws -> Int64 {
        let animateur = try await services.users.find(email: "animateur@demo.fabriques.fr")!
        let grants = try await services.users.grants(userID: animateur.id)
        guard case .place(let id) = grants.first(where: { $0.role == .placeManager })?.scope else { throw XCTSkip("no animated place") }
        return id
    }

    func testTheAnimateurEditsItsPlaceAndEveryVersionIsKept() async throws {
        try await TestApp.run { browser, services in
            let id = try await Self.animatedPlace(services)
            _ = try await browser.signIn("animateur@demo.fabriques.fr", "demo-animateur-fabriques")
            let form = try await browser.get("/lieux/\(id)/modifier")
            XCTAssertEqual(form.status, .ok)
            let saved = try await browser.post("/lieux/\(id)/modifier", form: [
                ("nom", "Tiers-lieu Zéphyrine"), ("adresse", "3 place du Champ de Mars"), ("code_postal", "16000"), ("code_insee", "16015"),
                ("latitude", "45.6484"), ("longitude", "0.1562"), ("horaires", "Mo-Fr 09:00-18:00"), ("telephone", "05 45 00 00 00"),
                ("types_tiers_lieu", "fablab"), ("types_tiers_lieu", "coworking"), ("services", "Loisirs et créations numériques"),
            ])
            XCTAssertEqual(saved.status, .seeOther)
            let found = try await services.directory.find(id: id)
            let place = try XCTUnwrap(found)
            XCTAssertEqual(place.name, "Tiers-lieu Zéphyrine")
            XCTAssertEqual(place.kinds, [.fablab, .coworking])
            XCTAssertEqual(place.phone, "+33545000000")
            XCTAssertEqual(place.label, .fabrique, "what the form does not show is kept")
            let page = try await browser.get("/lieux/\(id)")
            XCTAssertTrue(page.body.contains("Fiche enregistrée."))
            XCTAssertTrue(page.body.contains("compte n°"), "the history names who changed it")
            XCTAssertTrue(page.body.contains("modification ("), page.body)
            let revisions = try await services.directory.revisions(placeID: id)
            XCTAssertEqual(revisions.first?.action, "import.created")
            XCTAssertEqual(revisions.last?.action, "edited")
            let editor = try await services.users.find(email: "animateur@demo.fabriques.fr")
            XCTAssertEqual(revisions.last?.actorUserID, editor?.id)
            // The search sees the edit at once.
            let search = try await browser.get("/api/v1/places?q=zephyrine")
            XCTAssertEqual((try search.json() as? [String: Any])?["total"] as? Int, 1)
        }
    }

    func testInvalidEditsKeepWhatWasTypedAndOthersCannotEdit() async throws {
        try await TestApp.run { browser, services in
            let id = try await Self.animatedPlace(services)
            _ = try await browser.signIn("animateur@demo.fabriques.fr", "demo-animateur-fabriques")
            let failed = try await browser.post("/lieux/\(id)/modifier", form: [
                ("nom", "Nouveau nom"), ("adresse", ""), ("code_postal", "16000"), ("code_insee", "16015"), ("telephone", "n'importe quoi"),
            ])
            XCTAssertEqual(failed.status, .unprocessableContent)
            XCTAssertTrue(failed.body.contains(#"value="Nouveau nom""#))
            XCTAssertTrue(failed.body.contains("L'adresse est obligatoire"))
            XCTAssertTrue(failed.body.contains("non reconnu"), "the phone number is refused, not silently dropped")
            let unchanged = try await services.directory.find(id: id)
            XCTAssertNotEqual(unchanged?.name, "Nouveau nom")
            browser.forgetCookies()
            _ = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            let forbidden = try await browser.get("/lieux/\(id)/modifier")
            XCTAssertEqual(forbidden.status, .forbidden)
            let otherPlace = id + 1
            browser.forgetCookies()
            _ = try await browser.signIn("animateur@demo.fabriques.fr", "demo-animateur-fabriques")
            let notTheirs = try await browser.get("/lieux/\(otherPlace)/modifier")
            XCTAssertEqual(notTheirs.status, .forbidden)
        }
    }

    func testAVisitorsErrorReportReachesTheAnimateursAndTheCommittee() async throws {
        try await TestApp.run { browser, services in
            let id = try await Self.animatedPlace(services)
            let empty = try await browser.post("/lieux/\(id)/signaler", form: [("message", ""), ("contact", "moi@exemple.fr")], tokenFrom: "/lieux/\(id)")
            XCTAssertEqual(empty.status, .unprocessableContent)
            XCTAssertTrue(empty.body.contains(#"value="moi@exemple.fr""#))
            let sent = try await browser.post("/lieux/\(id)/signaler", form: [("message", "Le lieu a déménagé rue de Paris."), ("contact", "")], tokenFrom: "/lieux/\(id)")
            XCTAssertEqual(sent.status, .seeOther)
            let thanks = try await browser.get("/lieux/\(id)")
            XCTAssertTrue(thanks.body.contains("votre signalement a été transmis"))
            for (email, password) in [("animateur@demo.fabriques.fr", "demo-animateur-fabriques"), ("comite@demo.fabriques.fr", "demo-comite-fabriques")] {
                browser.forgetCookies()
                _ = try await browser.signIn(email, password)
                let list = try await browser.get("/signalements")
                XCTAssertTrue(list.body.contains("Le lieu a déménagé rue de Paris."), email)
            }
            let open = try await services.placeReports.open(placeIDs: [id])
            let resolved = try await browser.post("/signalements/\(open[0].id)/traiter", form: [], tokenFrom: "/signalements")
            XCTAssertEqual(resolved.status, .seeOther)
            let remaining = try await services.placeReports.open(placeIDs: [id])
            XCTAssertTrue(remaining.isEmpty)
            browser.forgetCookies()
            _ = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            let porteur = try await browser.get("/signalements")
            XCTAssertEqual(porteur.status, .forbidden)
        }
    }
}

final class PlaceNetworkTests: XCTestCase {
    func testAPlaceJoinsTheNetworkOfAFabriqueAndBothPagesShowIt() async throws {
        try await TestApp.run { browser, services in
            let fabriques = try await browser.get("/api/v1/places?label=fabrique&departement=16")
            let fabriqueID = try XCTUnwrap(((try fabriques.json() as? [String: Any])?["items"] as? [[String: Any]])?.first?["id"] as? Int)
            let mediation = try await browser.get("/api/v1/places?q=mediatheque%20chateaubernard")
            let memberID = try XCTUnwrap(((try mediation.json() as? [String: Any])?["items"] as? [[String: Any]])?.first?["id"] as? Int)
            _ = try await browser.signIn("comite@demo.fabriques.fr", "demo-comite-fabriques")
            let found = try await services.directory.find(id: Int64(memberID))
            let member = try XCTUnwrap(found)
            let invalid = try await browser.post("/lieux/\(memberID)/modifier", form: [
                ("nom", member.name), ("adresse", member.address), ("code_postal", member.postalCode), ("code_insee", member.communeCode),
                ("reseau", String(memberID)),
            ])
            XCTAssertEqual(invalid.status, .unprocessableContent, "a place cannot be its own network")
            let saved = try await browser.post("/lieux/\(memberID)/modifier", form: [
                ("nom", member.name), ("adresse", member.address), ("code_postal", member.postalCode), ("code_insee", member.communeCode),
                ("reseau", String(fabriqueID)),
            ])
            XCTAssertEqual(saved.status, .seeOther)
            let memberPage = try await browser.get("/lieux/\(memberID)")
            XCTAssertTrue(memberPage.body.contains("Membre du réseau de la Fabrique"))
            let fabriquePage = try await browser.get("/lieux/\(fabriqueID)")
            XCTAssertTrue(fabriquePage.body.contains("1 lieu membre du réseau"))
            XCTAssertTrue(fabriquePage.body.contains(member.name))
        }
    }

    func testRememberedSearchAnswersNeverOutliveAnEdit() async throws {
        try await TestApp.run { browser, services in
            let id = try await PlaceEditTests.animatedPlace(services)
            let search = "/api/v1/places?q=zephyrine&par_page=5"
            let before = try await browser.get(search)
            XCTAssertTrue(before.body.contains("\"total\":0"))
            let again = try await browser.get("/api/v1/places?par_page=5&q=zephyrine")
            XCTAssertEqual(again.body, before.body, "same parameters in another order: same answer")
            _ = try await browser.signIn("animateur@demo.fabriques.fr", "demo-animateur-fabriques")
            let saved = try await browser.post("/lieux/\(id)/modifier", form: [
                ("nom", "Tiers-lieu Zéphyrine"), ("adresse", "3 place du Champ de Mars"), ("code_postal", "16000"), ("code_insee", "16015"),
                ("types_tiers_lieu", "fablab"),
            ])
            XCTAssertEqual(saved.status, .seeOther)
            let after = try await browser.get(search)
            XCTAssertTrue(after.body.contains("Tiers-lieu Zéphyrine"), "the edit invalidates remembered answers")
            XCTAssertTrue(after.body.contains("\"total\":1"))
        }
    }
}
