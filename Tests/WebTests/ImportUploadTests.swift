import Foundation
import HTTPTypes
import Storage
import Web
import XCTest

final class ImportUploadTests: XCTestCase {
    static func multipart(csrf: String, file: String, name: String, fields: [(String, String)]) -> (String, String) {
        let boundary = "----fabriques-test-boundary"
        var body = ""
        for (key, value) in fields + [("_csrf", csrf)] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    func testTheCommitteeUploadsAMappedCsvAndReadsThePerRowReport() async throws {
        try await TestApp.run { browser, services in
            _ = try await browser.signIn("comite@demo.fabriques.fr", "demo-comite-fabriques")
            let form = try await browser.get("/lieux/import")
            XCTAssertEqual(form.status, .ok)
            let csv = "Nom;CP;Ville;Rue\nLe Hangar;86000;Poitiers;1 rue Carnot\n;86000;Poitiers;\nNulle part;99999;Atlantide;2 rue\n"
            let mapping = [("map", "Nom=nom,CP=code_postal,Ville=commune,Rue=adresse"), ("format", "")]
            let (dryBody, type) = Self.multipart(csrf: try XCTUnwrap(form.csrf), file: csv, name: "lieux.csv", fields: mapping + [("verifier", "1")])
            let dry = try await browser.send("/lieux/import", method: .post, headers: [.contentType: type], body: dryBody)
            XCTAssertEqual(dry.status, .ok)
            XCTAssertTrue(dry.body.contains("vérifié (rien n'a été enregistré)"))
            XCTAssertTrue(dry.body.contains("nom du lieu absent"))
            XCTAssertTrue(dry.body.contains("commune introuvable"))
            let before = try await services.places.count(departmentCode: "86")
            let (body, _) = Self.multipart(csrf: try XCTUnwrap(form.csrf), file: csv, name: "lieux.csv", fields: mapping)
            let imported = try await browser.send("/lieux/import", method: .post, headers: [.contentType: type], body: body)
            XCTAssertTrue(imported.body.contains("1 lieu(x) créé(s)"), imported.body)
            let after = try await services.places.count(departmentCode: "86")
            XCTAssertEqual(after, before + 1)
            let again = try await browser.send("/lieux/import", method: .post, headers: [.contentType: type], body: body)
            XCTAssertTrue(again.body.contains("0 lieu(x) créé(s), 0 mis à jour, 1 inchangé(s)"), "idempotent")
            let search = try await browser.get("/api/v1/places?q=hangar&departement=86")
            XCTAssertEqual((try search.json() as? [String: Any])?["total"] as? Int, 1, "the search sees the import")
        }
    }

    func testOnlyTheCommitteeImportsAndBadFilesAreExplained() async throws {
        try await TestApp.run { browser, _ in
            _ = try await browser.signIn("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
            let forbidden = try await browser.get("/lieux/import")
            XCTAssertEqual(forbidden.status, .forbidden)
            browser.forgetCookies()
            _ = try await browser.signIn("admin@demo.fabriques.fr", "demo-admin-fabriques")
            let form = try await browser.get("/lieux/import")
            let (body, type) = Self.multipart(csrf: try XCTUnwrap(form.csrf), file: "{pas du json", name: "x.json", fields: [("map", "A=inconnu")])
            let bad = try await browser.send("/lieux/import", method: .post, headers: [.contentType: type], body: body)
            XCTAssertEqual(bad.status, .unprocessableContent)
            XCTAssertTrue(bad.body.contains("Correspondance de colonnes invalide"))
            XCTAssertTrue(bad.body.contains(#"value="A=inconnu""#), "the mapping typed is kept")
        }
    }
}
