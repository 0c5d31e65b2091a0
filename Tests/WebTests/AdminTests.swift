import Accounts
import Storage
import Web
import XCTest

final class AdminTests: XCTestCase {
    func testAdminCreatesAnAccountAndGrantsAScopedRoleWhichIsRecorded() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn("admin@demo.fabriques.fr", "demo-admin-fabriques")
            let created = try await browser.post("/admin/comptes", form: [
                ("email", "Nouvelle.Instructrice@Exemple.fr"), ("display_name", "Nina"), ("password", "un mot de passe solide"),
            ])
            XCTAssertEqual(created.status, .seeOther)
            let found = try await services.users.find(email: "nouvelle.instructrice@exemple.fr")
            let user = try XCTUnwrap(found)
            let granted = try await browser.post("/admin/comptes/\(user.id)/roles", form: [("role", "instructeur"), ("scope", "departement:2A")],
                                                 tokenFrom: "/admin/comptes/\(user.id)")
            XCTAssertEqual(granted.status, .seeOther)
            let grants = try await services.users.grants(userID: user.id)
            XCTAssertEqual(grants, [RoleGrant(role: .reviewer, scope: .department("2A"))])
            let page = try await browser.get("/admin/comptes/\(user.id)")
            XCTAssertTrue(page.body.contains("Rôle accordé : Instructeur."), "confirmation shown once")
            XCTAssertTrue(page.body.contains("rôle accordé (Instructeur, Corse-du-Sud (2A))"), "history of the grant")
            let events = try await services.audit.events(subject: "user:\(user.id)")
            let admin = try await services.users.find(email: "admin@demo.fabriques.fr")!
            XCTAssertEqual(events.last?.action, "role.granted")
            XCTAssertEqual(events.last?.actorUserID, admin.id)
            // The new account signs in and sees its scope.
            browser.forgetCookies()
            _ = try await browser.signIn("nouvelle.instructrice@exemple.fr", "un mot de passe solide")
            let account = try await browser.get("/compte")
            XCTAssertTrue(account.body.contains("Corse-du-Sud (2A)"))
        }
    }

    func testGrantsThatDoNotFitTheRoleAreRefusedInFrench() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn("admin@demo.fabriques.fr", "demo-admin-fabriques")
            let porteur = try await services.users.find(email: "porteur@demo.fabriques.fr")!
            let page = "/admin/comptes/\(porteur.id)"
            let national = try await browser.post("\(page)/roles", form: [("role", "instructeur"), ("scope", "national")], tokenFrom: page)
            XCTAssertEqual(national.status, .badRequest)
            XCTAssertTrue(national.body.contains("Ce rôle ne va pas avec ce territoire"))
            let unknownDepartment = try await browser.post("\(page)/roles", form: [("role", "instructeur"), ("scope", "departement:99")], tokenFrom: page)
            XCTAssertEqual(unknownDepartment.status, .badRequest)
            let unknownPlace = try await browser.post("\(page)/roles", form: [("role", "animateur"), ("place_id", "999999")], tokenFrom: page)
            XCTAssertEqual(unknownPlace.status, .badRequest)
            let grants = try await services.users.grants(userID: porteur.id)
            XCTAssertEqual(grants, [RoleGrant(role: .applicant, scope: .national)], "nothing granted")
        }
    }

    func testInvalidAccountFormKeepsWhatWasTypedAndNamesEachError() async throws {
        try await TestApp.run { browser, _ in
            _ = try await browser.signIn("admin@demo.fabriques.fr", "demo-admin-fabriques")
            let page = try await browser.post("/admin/comptes", form: [("email", "pas-une-adresse"), ("display_name", "Zoé <b>"), ("password", "court")])
            XCTAssertEqual(page.status, .badRequest)
            XCTAssertTrue(page.body.contains(#"value="pas-une-adresse""#))
            XCTAssertTrue(page.body.contains(#"value="Zoé &lt;b&gt;""#), "typed value kept and escaped")
            XCTAssertTrue(page.body.contains("Saisissez une adresse électronique valide"))
            XCTAssertTrue(page.body.contains("au moins 12 caractères"))
            let duplicate = try await browser.post("/admin/comptes", form: [("email", "comite@demo.fabriques.fr"), ("display_name", "Doublon"), ("password", "un mot de passe solide")])
            XCTAssertEqual(duplicate.status, .badRequest)
            XCTAssertTrue(duplicate.body.contains("Un compte existe déjà avec cette adresse."))
        }
    }

    func testAdminCannotRemoveItsOwnAdminRole() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn("admin@demo.fabriques.fr", "demo-admin-fabriques")
            let admin = try await services.users.find(email: "admin@demo.fabriques.fr")!
            let page = "/admin/comptes/\(admin.id)"
            let response = try await browser.post("\(page)/roles/retirer", form: [("role", "admin"), ("scope", "national:")], tokenFrom: page)
            XCTAssertEqual(response.status, .conflict)
            let grants = try await services.users.grants(userID: admin.id)
            XCTAssertTrue(grants.contains(RoleGrant(role: .admin, scope: .national)))
        }
    }
}
