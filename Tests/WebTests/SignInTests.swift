import Hummingbird
import Storage
import Web
import XCTest

final class SignInTests: XCTestCase {
    func testEveryDemoRoleSignsInAndSeesItsRole() async throws {
        try await TestApp.run { browser, _ in
            let expectations = [
                ("admin@demo.fabriques.fr", "Administrateur"), ("comite@demo.fabriques.fr", "Comité national"),
                ("instructeur.charente@demo.fabriques.fr", "Charente (16)"), ("instructeur.ara@demo.fabriques.fr", "région Auvergne-Rhône-Alpes"),
                ("porteur@demo.fabriques.fr", "Porteur de projet"), ("animateur@demo.fabriques.fr", "Animateur de lieu"),
            ]
            for (email, expected) in expectations {
                browser.forgetCookies()
                let account = DemoSeeder.accounts.first { $0.email == email }!
                let signedIn = try await browser.signIn(email, account.password)
                XCTAssertEqual(signedIn.status, .seeOther, email)
                let page = try await browser.get("/compte")
                XCTAssertEqual(page.status, .ok, email)
                XCTAssertTrue(page.body.contains(expected), "\(email) should see \(expected)")
            }
        }
    }

    func testWrongPasswordIsRefusedWithAClearMessageAndKeepsTheAddress() async throws {
        try await TestApp.run { browser, _ in
            let page = try await browser.signIn("porteur@demo.fabriques.fr", "pas le bon mot de passe")
            XCTAssertEqual(page.status, .unauthorized)
            XCTAssertTrue(page.body.contains("Adresse électronique ou mot de passe incorrect."))
            XCTAssertTrue(page.body.contains(#"value="porteur@demo.fabriques.fr""#), "the typed address is kept")
            let unknown = try await browser.signIn("personne@nulle-part.fr", "peu importe le mot de passe")
            XCTAssertEqual(unknown.status, .unauthorized, "an unknown address answers exactly like a wrong password")
            let empty = try await browser.signIn("", "")
            XCTAssertEqual(empty.status, .badRequest)
        }
    }

    func testSignInIsThrottledAfterRepeatedFailures() async throws {
        try await TestApp.run { browser, _ in
            for _ in 0..<5 {
                let page = try await browser.signIn("porteur@demo.fabriques.fr", "mauvais mot de passe")
                XCTAssertEqual(page.status, .unauthorized)
            }
            let blocked = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            XCTAssertEqual(blocked.status, .tooManyRequests, "even the right password waits once the limit is reached")
            XCTAssertTrue(blocked.body.contains("Trop de tentatives"))
            let other = try await browser.signIn("comite@demo.fabriques.fr", "demo-comite-fabriques")
            XCTAssertEqual(other.status, .seeOther, "other addresses are not locked out")
        }
    }

    func testSignInRotatesTheSessionAndSignOutEndsIt() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.get("/connexion")
            let before = try XCTUnwrap(browser.cookies["fabriques_session"], "the sign-in form opens an anonymous session for its CSRF token")
            _ = try await browser.signIn("comite@demo.fabriques.fr", "demo-comite-fabriques")
            let after = try XCTUnwrap(browser.cookies["fabriques_session"])
            XCTAssertNotEqual(before, after, "a new session identifier after sign-in")
            let stale = try await services.keyValues.get(key: "fabriques.session.\(before)", now: services.now)
            XCTAssertNil(stale, "the pre-sign-in session is gone")
            let account = try await browser.get("/compte")
            XCTAssertEqual(account.status, .ok)
            let out = try await browser.post("/deconnexion", form: [], tokenFrom: "/compte")
            XCTAssertEqual(out.status, .seeOther)
            browser.setCookie("fabriques_session", after)
            let again = try await browser.get("/compte")
            XCTAssertEqual(again.status, .unauthorized, "the old session cookie no longer signs in")
        }
    }

    func testSessionCookieIsHttpOnlyAndSameSite() async throws {
        try await TestApp.run { browser, _ in
            let page = try await browser.get("/connexion")
            let cookie = try XCTUnwrap(page.headers[values: .setCookie].first { $0.hasPrefix("fabriques_session=") })
            XCTAssertTrue(cookie.contains("HttpOnly"), cookie)
            XCTAssertTrue(cookie.contains("SameSite=Lax"), cookie)
        }
    }

    func testFormsWithoutAValidCSRFTokenAreRefused() async throws {
        try await TestApp.run { browser, _ in
            let missing = try await browser.post("/connexion", form: [("email", "comite@demo.fabriques.fr"), ("password", "demo-comite-fabriques")], csrf: "")
            XCTAssertEqual(missing.status, .forbidden)
            XCTAssertTrue(missing.body.contains("Formulaire expiré"))
            _ = try await browser.signIn("admin@demo.fabriques.fr", "demo-admin-fabriques")
            let forged = try await browser.post("/admin/comptes", form: [("email", "x@y.fr"), ("display_name", "X"), ("password", "un mot de passe long")], csrf: "forged")
            XCTAssertEqual(forged.status, .forbidden)
            let users = try await browser.get("/admin/comptes")
            XCTAssertFalse(users.body.contains("x@y.fr"), "nothing was created")
        }
    }

    func testDisabledOrDeletedAccountsLoseTheirSession() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            let user = try await services.users.find(email: "porteur@demo.fabriques.fr")
            try await services.database.sql.update("users").set("disabled_at", to: services.now.milliseconds).where("id", .equal, user!.id).run()
            let page = try await browser.get("/compte")
            XCTAssertEqual(page.status, .unauthorized)
        }
    }
}

import SQLKit

final class PasswordChangeTests: XCTestCase {
    func testChangingThePasswordEndsOtherSessionsAndKeepsThisOne() async throws {
        try await TestApp.run { browser, _ in
            let other = Browser(client: browser.client)
            _ = try await other.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            _ = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            let wrong = try await browser.post("/compte/mot-de-passe", form: [("current_password", "faux"), ("new_password", "nouveau mot de passe sûr")], tokenFrom: "/compte")
            XCTAssertEqual(wrong.status, .unprocessableContent)
            XCTAssertTrue(wrong.body.contains("Le mot de passe actuel est incorrect."))
            let changed = try await browser.post("/compte/mot-de-passe", form: [("current_password", "demo-porteur-fabriques"), ("new_password", "nouveau mot de passe sûr")], tokenFrom: "/compte")
            XCTAssertEqual(changed.status, .seeOther)
            let mine = try await browser.get("/compte")
            XCTAssertEqual(mine.status, .ok, "this browser stays signed in")
            XCTAssertTrue(mine.body.contains("Mot de passe changé."))
            let theirs = try await other.get("/compte")
            XCTAssertEqual(theirs.status, .unauthorized, "every other session is ended")
            browser.forgetCookies()
            let old = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            XCTAssertEqual(old.status, .unauthorized)
            let new = try await browser.signIn("porteur@demo.fabriques.fr", "nouveau mot de passe sûr")
            XCTAssertEqual(new.status, .seeOther)
        }
    }
}
