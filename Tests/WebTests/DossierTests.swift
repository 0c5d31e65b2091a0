import Foundation
import Hummingbird
import Programme
import Storage
import XCTest

/// The call and review cycle through the real application: what applicants, reviewers, experts and the
/// comité can see and do.
final class DossierTests: XCTestCase {
    static let paul = ("porteur@demo.fabriques.fr", "demo-porteur-fabriques")
    static let pauline = ("porteuse.lyon@demo.fabriques.fr", "demo-porteuse-fabriques")
    static let ines = ("instructeur.charente@demo.fabriques.fr", "demo-instructeur-16")
    static let igor = ("instructeur.ara@demo.fabriques.fr", "demo-instructeur-84")
    static let comite = ("comite@demo.fabriques.fr", "demo-comite-fabriques")
    static let expert = ("expert@demo.fabriques.fr", "demo-expert-fabriques")
    static let pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF"

    static func signIn(_ browser: Browser, _ account: (String, String)) async throws {
        browser.forgetCookies()
        let page = try await browser.signIn(account.0, account.1)
        XCTAssertEqual(page.status, .seeOther, "sign-in of \(account.0)")
    }

    /// Starts a dossier on the open wave and returns its page path.
    static func startDossier(_ browser: Browser) async throws -> String {
        let started = try await browser.post("/appels/1/dossiers", form: [], tokenFrom: "/appels/1")
        XCTAssertEqual(started.status, .seeOther)
        return try XCTUnwrap(started.location)
    }

    func testEachPersonSeesOnlyTheDossiersOfItsScope() async throws {
        try await TestApp.run { browser, _ in
            try await Self.signIn(browser, Self.ines)
            let list = try await browser.get("/instruction")
            for number in ["FDT-000001", "FDT-000002", "FDT-000005"] { XCTAssertTrue(list.body.contains(number), number) }
            for number in ["FDT-000006", "FDT-000007", "FDT-000008"] { XCTAssertFalse(list.body.contains(number), number) }
            let v1 = try await browser.get("/dossiers/6").status
            XCTAssertEqual(v1, .forbidden, "Lyon is outside Charente")
            let v2 = try await browser.get("/dossiers/2").status
            XCTAssertEqual(v2, .ok)

            try await Self.signIn(browser, Self.igor)
            let regional = try await browser.get("/instruction")
            XCTAssertTrue(regional.body.contains("FDT-000006") && regional.body.contains("FDT-000008"))
            XCTAssertFalse(regional.body.contains("FDT-000002"))
            let v3 = try await browser.get("/dossiers/2").status
            XCTAssertEqual(v3, .forbidden)

            try await Self.signIn(browser, Self.expert)
            let v4 = try await browser.get("/dossiers/2").status
            XCTAssertEqual(v4, .ok, "invited on this one")
            let v5 = try await browser.get("/dossiers/1").status
            XCTAssertEqual(v5, .forbidden)
            let v6 = try await browser.get("/instruction").status
            XCTAssertEqual(v6, .forbidden)
            let v7 = try await browser.get("/dossiers/2").body.contains("Vérifier la convention")
            XCTAssertFalse(v7, "annotations are private to reviewers")

            try await Self.signIn(browser, Self.pauline)
            let draft = try await Self.startDossier(browser)
            let v8 = try await browser.get("/dossiers/1").status
            XCTAssertEqual(v8, .forbidden, "another applicant's dossier")
            try await Self.signIn(browser, Self.igor)
            let v9 = try await browser.get(draft).status
            XCTAssertEqual(v9, .forbidden, "a draft stays the applicant's own")
            let v10 = try await browser.get("/instruction").body.contains(draft)
            XCTAssertFalse(v10)

            browser.forgetCookies()
            let v11 = try await browser.get("/dossiers/1").status
            XCTAssertEqual(v11, .unauthorized)
            let v12 = try await browser.get("/api/v1/dossiers").status
            XCTAssertEqual(v12, .unauthorized)
        }
    }

    func testAFailedSubmissionKeepsEverythingTypedAndASecondSubmissionIsHarmless() async throws {
        try await TestApp.run { browser, services in
            try await Self.signIn(browser, Self.paul)
            let path = try await Self.startDossier(browser)
            let prefilled = try await browser.get(path)
            XCTAssertTrue(prefilled.body.contains("value=\"La Grange Numérique\""), "prefilled from the previous dossier")

            let failed = try await browser.postMultipart(path, fields: [("action", "deposer"), ("f_lieu_surface", "beaucoup"), ("f_projet_resume", "Trop court."),
                                                                        ("g_budget_lignes_0_poste", "Loyer"), ("g_budget_lignes_0_annee1", "-3")])
            XCTAssertEqual(failed.status, .unprocessableContent)
            XCTAssertTrue(failed.body.contains("value=\"beaucoup\""))
            XCTAssertTrue(failed.body.contains("Indiquez un nombre"))
            XCTAssertTrue(failed.body.contains("Au moins 100 caractères"))
            XCTAssertTrue(failed.body.contains("Joignez ce document"))
            XCTAssertTrue(failed.body.contains("Le montant ne peut pas être négatif"))
            let reloaded = try await browser.get(path)
            XCTAssertTrue(reloaded.body.contains("value=\"beaucoup\"") && reloaded.body.contains("Trop court."), "the draft kept what was typed")
            let id = try XCTUnwrap(Int64(path.split(separator: "/").last!))
            let v13 = try await services.dossiers.find(id: id)?.state
            XCTAssertEqual(v13, .draft)

            let resume = String(repeating: "Un lieu ressource pour tout le réseau. ", count: 4)
            let submitted = try await browser.postMultipart(path, fields: [("action", "deposer"), ("f_lieu_surface", "420"), ("f_projet_resume", resume),
                                                                           ("g_budget_lignes_0_poste", "Loyer"), ("g_budget_lignes_0_annee1", "3 000"),
                                                                           ("g_budget_lignes_0_annee2", "3 000"), ("g_budget_lignes_0_annee3", "3 000")],
                                                            files: [("file_piece_statuts", "statuts.pdf", Self.pdf)])
            XCTAssertEqual(submitted.status, .seeOther, String(submitted.body.prefix(3000)))
            let receipt = try await browser.get(path)
            XCTAssertTrue(receipt.body.contains("Récépissé de dépôt"))
            let v101 = try await services.dossiers.find(id: id)?.submittedAt
            let first = try XCTUnwrap(v101)

            let again = try await browser.postMultipart(path, fields: [("action", "deposer")], tokenFrom: "/dossiers")
            XCTAssertEqual(again.status, .seeOther)
            let v14 = try await services.dossiers.find(id: id)?.submittedAt
            XCTAssertEqual(v14, first, "the receipt does not change")
            let v15 = try await services.dossiers.events(dossierID: id).filter { $0.action == "deposer" }.count
            XCTAssertEqual(v15, 1)
            let edit = try await browser.postMultipart(path, fields: [("action", "enregistrer"), ("f_lieu_surface", "1")], tokenFrom: "/dossiers")
            XCTAssertEqual(edit.status, .conflict, "read-only once submitted")
            let v16 = try await services.dossiers.find(id: id)?.answers["lieu_surface"]
            XCTAssertEqual(v16, .text("420"))
        }
    }

    func testUploadsAreCheckedForTypeContentAndSize() async throws {
        try await TestApp.run { browser, services in
            try await Self.signIn(browser, Self.paul)
            let path = try await Self.startDossier(browser)
            let exe = try await browser.postMultipart(path, fields: [("action", "enregistrer")], files: [("file_piece_statuts", "statuts.exe", "MZ\u{90}")])
            XCTAssertEqual(exe.status, .unprocessableContent)
            XCTAssertTrue(exe.body.contains("Type de fichier refusé : formats acceptés pdf."))
            let disguised = try await browser.postMultipart(path, fields: [("action", "enregistrer")], files: [("file_piece_statuts", "statuts.pdf", "MZ pas un PDF")])
            XCTAssertTrue(disguised.body.contains("ne correspond pas à un fichier .pdf"))
            let heavy = try await browser.postMultipart(path, fields: [("action", "enregistrer")],
                                                        files: [("file_piece_statuts", "statuts.pdf", "%PDF-1.4\n" + String(repeating: "x", count: 5 * 1024 * 1024 + 10))])
            XCTAssertTrue(heavy.body.contains("Fichier trop lourd"))
            let id = try XCTUnwrap(Int64(path.split(separator: "/").last!))
            let v17 = try await services.dossierFiles.metadata(dossierID: id).count
            XCTAssertEqual(v17, 0, "nothing refused was stored")
            let good = try await browser.postMultipart(path, fields: [("action", "enregistrer")], files: [("file_piece_statuts", "Statuts 2026.pdf", Self.pdf)])
            XCTAssertEqual(good.status, .seeOther)
            let stored = try await services.dossierFiles.metadata(dossierID: id)
            XCTAssertEqual(stored.map(\.filename), ["Statuts 2026.pdf"])
            let replaced = try await browser.postMultipart(path, fields: [("action", "enregistrer")], files: [("file_piece_statuts", "statuts-v2.pdf", Self.pdf)])
            XCTAssertEqual(replaced.status, .seeOther)
            let afterReplace = try await services.dossierFiles.metadata(dossierID: id)
            XCTAssertEqual(afterReplace.map(\.filename), ["statuts-v2.pdf"], "a draft keeps only the file its answer points to")
            let gone = try await browser.get("\(path)/fichiers/\(stored[0].id)")
            XCTAssertEqual(gone.status, .notFound)
            let download = try await browser.get("\(path)/fichiers/\(afterReplace[0].id)")
            XCTAssertEqual(download.body, Self.pdf)
            try await Self.signIn(browser, Self.pauline)
            let foreign = try await browser.get("\(path)/fichiers/\(afterReplace[0].id)")
            XCTAssertEqual(foreign.status, .forbidden)
        }
    }

    func testTheDeadlineIsExactToTheSecond() async throws {
        let clock = TestClock(ISO8601DateFormatter().date(from: "2026-06-15T10:00:00Z")!)
        try await TestApp.run(clock: clock) { browser, services in
            let v102 = try await services.calls.find(id: 1)
            let call = try XCTUnwrap(v102)
            let open = try XCTUnwrap(call.waves.last)
            XCTAssertEqual(ParisCalendar.format(open.closesAt), "29/06/2026 à 12h00")
            let complete = [("action", "deposer")]
            let file = [(field: "file_piece_statuts", name: "statuts.pdf", content: Self.pdf)]

            try await Self.signIn(browser, Self.paul)
            let paulPath = try await Self.startDossier(browser)
            try await Self.signIn(browser, Self.pauline)
            let paulinePath = try await Self.startDossier(browser)
            // Pauline has no previous dossier: her form is filled from the one Paul's history gave him.
            let v103 = try await services.dossiers.find(id: 1)?.answers
            let paulAnswers = try XCTUnwrap(v103)
            var fields: [(String, String)] = complete
            for (key, value) in paulAnswers {
                switch value {
                case .text(let text) where key != "piece_statuts": fields.append(("f_\(key)", text))
                case .choices(let choices): fields += choices.map { ("f_\(key)", $0) }
                case .rows(let rows): for (index, row) in rows.enumerated() { fields += row.map { ("g_\(key)_\(index)_\($0.key)", $0.value) } }
                default: break
                }
            }

            clock.set(open.closesAt.addingTimeInterval(-1))
            try await Self.signIn(browser, Self.paul)
            let inTime = try await browser.postMultipart(paulPath, fields: complete, files: file)
            XCTAssertEqual(inTime.status, .seeOther, "one second before closing")

            clock.set(open.closesAt)
            try await Self.signIn(browser, Self.pauline)
            let atClosing = try await browser.postMultipart(paulinePath, fields: fields, files: file)
            XCTAssertEqual(atClosing.status, .unprocessableContent)
            XCTAssertTrue(atClosing.body.contains("La vague est close depuis le 29/06/2026 à 12h00"), String(atClosing.body.prefix(4000)))
            clock.set(open.closesAt.addingTimeInterval(1))
            let v19 = try await browser.postMultipart(paulinePath, fields: complete).status
            XCTAssertEqual(v19, .unprocessableContent)
            let id = try XCTUnwrap(Int64(paulinePath.split(separator: "/").last!))
            let v104 = try await services.dossiers.find(id: id)
            let dossier = try XCTUnwrap(v104)
            XCTAssertEqual(dossier.state, .draft)
            XCTAssertEqual(dossier.answers["lieu_nom"], .text("La Grange Numérique"), "the late draft kept its answers")
        }
    }

    func testReviewFromSubmissionToAnExplainedDecision() async throws {
        try await TestApp.run { browser, services in
            try await Self.signIn(browser, Self.paul)
            let path = try await Self.startDossier(browser)
            let v20 = try await browser.postMultipart(path, fields: [("action", "deposer")], files: [("file_piece_statuts", "statuts.pdf", Self.pdf)]).status
            XCTAssertEqual(v20, .seeOther)
            let id = try XCTUnwrap(Int64(path.split(separator: "/").last!))

            try await Self.signIn(browser, Self.ines)
            let v21 = try await browser.post("\(path)/transitions", form: [("action", "instruire")], tokenFrom: path).status
            XCTAssertEqual(v21, .seeOther)
            let noReason = try await browser.post("\(path)/transitions", form: [("action", "demander_correction"), ("motif", " ")], tokenFrom: path)
            XCTAssertEqual(noReason.status, .unprocessableContent)
            XCTAssertTrue(noReason.body.contains("Motif obligatoire"))
            let decide = try await browser.post("\(path)/transitions", form: [("action", "accepter"), ("motif", "Très bien")], tokenFrom: path)
            XCTAssertTrue(decide.body.contains("Action réservée"), "an instructeur does not decide")
            try await browser.post("\(path)/transitions", form: [("action", "demander_correction"), ("motif", "Ajoutez le budget de l'année 3.")], tokenFrom: path)
            try await browser.post("\(path)/notes", form: [("type", "annotation"), ("texte", "Porteur connu du réseau.")], tokenFrom: path)
            let marks = StandardCall.grid.criteria.map { ("note_\($0.key)", "4") }
            try await browser.post("\(path)/evaluation", form: marks + [("commentaire_ressource", "Anime déjà trois lieux voisins."), ("avis", "favorable"),
                                                                    ("commentaire", "Un projet porteur pour le Confolentais.")], tokenFrom: path)
            let sheets = try await services.dossierReviews.reviews(dossierID: id)
            XCTAssertEqual(sheets.first?.comments["ressource"], "Anime déjà trois lieux voisins.")
            XCTAssertEqual(sheets.first?.opinion, .favourable)
            let v22 = try await services.dossiers.find(id: id)?.score
            XCTAssertEqual(v22 ?? 0, 16, accuracy: 1e-9)

            try await Self.signIn(browser, Self.paul)
            let asked = try await browser.get(path)
            XCTAssertTrue(asked.body.contains("Ajoutez le budget de l&#39;année 3.") || asked.body.contains("Ajoutez le budget de l'année 3."))
            XCTAssertFalse(asked.body.contains("Porteur connu du réseau"), "annotations stay private")
            XCTAssertFalse(asked.body.contains("Un projet porteur pour le Confolentais"), "comments are shared at decision time")
            let resubmitted = try await browser.postMultipart(path, fields: [("action", "renvoyer"), ("g_budget_lignes_2_poste", "Année 3"),
                                                                             ("g_budget_lignes_2_annee1", "0"), ("g_budget_lignes_2_annee2", "0"), ("g_budget_lignes_2_annee3", "9 000")])
            XCTAssertEqual(resubmitted.status, .seeOther)
            let v23 = try await services.dossiers.find(id: id)?.state
            XCTAssertEqual(v23, .inReview)

            try await Self.signIn(browser, Self.comite)
            let accepted = try await browser.post("\(path)/transitions", form: [("action", "accepter"), ("motif", "Lieu ressource reconnu, budget complet.")], tokenFrom: path)
            XCTAssertEqual(accepted.status, .seeOther)
            let again = try await browser.post("\(path)/transitions", form: [("action", "refuser"), ("motif", "Changement d'avis")], tokenFrom: path)
            XCTAssertTrue(again.body.contains("Action impossible"), "a decided dossier never moves again")

            let events = try await services.dossiers.events(dossierID: id)
            XCTAssertEqual(events.map(\.action), ["creer", "deposer", "instruire", "demander_correction", "renvoyer", "accepter"])
            XCTAssertEqual(events[3].actorName, "Ines Instructrice")
            XCTAssertEqual(events[3].reason, "Ajoutez le budget de l'année 3.")
            XCTAssertEqual(events.last?.actorName, "Camille Comité")

            try await Self.signIn(browser, Self.paul)
            let decision = try await browser.get(path)
            XCTAssertTrue(decision.body.contains("Décision : Accepté"))
            XCTAssertTrue(decision.body.contains("Lieu ressource reconnu, budget complet."))
            XCTAssertTrue(decision.body.contains("Un projet porteur pour le Confolentais."))
            let v24 = try await browser.get("/notifications").body.contains("Décision sur votre dossier")
            XCTAssertTrue(v24)
            let outbox = try await services.notifications.outbox(limit: 10)
            XCTAssertTrue(outbox.contains { $0.recipient == Self.paul.0 && $0.body.contains("Motif : Lieu ressource reconnu") })
        }
    }

    func testExportsFollowTheFiltersAndTheScope() async throws {
        try await TestApp.run { browser, _ in
            try await Self.signIn(browser, Self.igor)
            let csv = try await browser.get("/instruction/export.csv")
            XCTAssertEqual(csv.headers[.contentType], "text/csv; charset=utf-8")
            let lines = csv.body.split(separator: "\r\n")
            XCTAssertTrue(lines[0].hasPrefix("Numéro,Titre,État"))
            XCTAssertEqual(Set(lines.dropFirst().map { String($0.prefix(10)) }), ["FDT-000006", "FDT-000007", "FDT-000008"])
            let filtered = try await browser.get("/instruction/export.csv?etat=depose")
            XCTAssertEqual(filtered.body.split(separator: "\r\n").count, 2)
            let ods = try await browser.get("/instruction/export.ods")
            XCTAssertEqual(ods.headers[.contentType], "application/vnd.oasis.opendocument.spreadsheet")
            XCTAssertTrue(ods.body.hasPrefix("PK"))
            XCTAssertTrue(ods.body.contains("application/vnd.oasis.opendocument.spreadsheet"))
            XCTAssertTrue(ods.body.contains("Friche des Pentes") && !ods.body.contains("La Grange"))
        }
    }

    func testTheApiFollowsTheSameRules() async throws {
        try await TestApp.run { browser, _ in
            try await Self.signIn(browser, Self.ines)
            let created = try await browser.post("/compte/jetons", form: [("name", "script")], tokenFrom: "/compte")
            let token = try XCTUnwrap(created.body.range(of: #"fab_[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(created.body[$0]) })
            browser.forgetCookies()
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let v105 = try await browser.get("/api/v1/dossiers", headers: auth).json() as? [String: Any]
            let list = try XCTUnwrap(v105)
            let numbers = (list["items"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
            XCTAssertEqual(Set(numbers), ["FDT-000001", "FDT-000002", "FDT-000003", "FDT-000004", "FDT-000005"])
            let v25 = try await browser.get("/api/v1/dossiers/6", headers: auth).status
            XCTAssertEqual(v25, .forbidden)
            let v106 = try await browser.get("/api/v1/dossiers/5", headers: auth).json() as? [String: Any]
            let detail = try XCTUnwrap(v106)
            XCTAssertEqual(detail["available_actions"] as? [String], ["instruire", "classer_sans_suite"])

            var headers = auth
            headers[.contentType] = "application/json"
            let decide = try await browser.send("/api/v1/dossiers/2/transitions", method: .post, headers: headers, body: #"{"action":"accepter","reason":"ok"}"#)
            XCTAssertEqual(decide.status, .forbidden)
            XCTAssertTrue(decide.headers[.contentType]?.hasPrefix("application/problem+json") ?? false)
            let missing = try await browser.send("/api/v1/dossiers/2/transitions", method: .post, headers: headers, body: #"{"action":"demander_correction"}"#)
            XCTAssertEqual(missing.status, .unprocessableContent)
            let illegal = try await browser.send("/api/v1/dossiers/1/transitions", method: .post, headers: headers, body: #"{"action":"instruire"}"#)
            XCTAssertEqual(illegal.status, .conflict)
            let taken = try await browser.send("/api/v1/dossiers/5/transitions", method: .post, headers: headers, body: #"{"action":"instruire"}"#)
            XCTAssertEqual(taken.status, .ok)
            XCTAssertEqual((try taken.json() as? [String: Any])?["state"] as? String, "en_instruction")
            let garbage = try await browser.send("/api/v1/dossiers/5/transitions", method: .post, headers: headers, body: "{")
            XCTAssertEqual(garbage.status, .badRequest)
        }
    }

    func testTheComiteConfiguresACallWithWavesInParisTimeAndVersionedForms() async throws {
        try await TestApp.run { browser, services in
            try await Self.signIn(browser, Self.comite)
            let wave = try await browser.post("/appels/1/vagues", form: [("nom", "Vague de printemps"), ("ouverture", "2027-03-01T09:00"), ("cloture", "2027-03-31T12:00")], tokenFrom: "/appels/1")
            XCTAssertEqual(wave.status, .seeOther, "a plain deadline")
            let gap = try await browser.post("/appels/1/vagues", form: [("nom", "Vague 4"), ("ouverture", "2027-03-01T09:00"), ("cloture", "2027-03-28T02:30:00x")], tokenFrom: "/appels/1")
            XCTAssertEqual(gap.status, .unprocessableContent)
            XCTAssertTrue(gap.body.contains("value=\"Vague 4\""), "the failed form keeps what was typed")
            let missing = try await browser.post("/appels/1/vagues", form: [("nom", "Vague 5"), ("ouverture", "2026-03-01T09:00"), ("cloture", "2027-03-28T02:30")], tokenFrom: "/appels/1")
            XCTAssertTrue(missing.body.contains("n'existe pas à Paris"))
            let extended = try await browser.post("/appels/1/vagues/2", form: [("nom", "Vague 2"), ("ouverture", "2026-01-05T09:00"), ("cloture", "2027-12-31T23:59")])
            XCTAssertEqual(extended.status, .seeOther)
            let waves = try await services.calls.find(id: 1)?.waves
            XCTAssertEqual(waves?.first { $0.id == 2 }.map { ParisCalendar.format($0.closesAt) }, "31/12/2027 à 23h59")
            let trace = try await services.audit.events(subject: "call:1")
            XCTAssertTrue(trace.contains { $0.action == "wave.updated" && $0.detail.contains("→ 31/12/2027 à 23h59") })

            let broken = try await browser.post("/appels/1/formulaire", form: [("formulaire", #"{"sections":[]}"#)])
            XCTAssertEqual(broken.status, .unprocessableContent)
            XCTAssertTrue(broken.body.contains("au moins une section"))
            var form = StandardCall.form
            form.sections[0].fields.append(FormField(key: "structure_effectif", label: "Nombre de salariés", type: .number, required: true, min: 0))
            let json = String(decoding: try JSONEncoder().encode(form), as: UTF8.self)
            let v26 = try await browser.post("/appels/1/formulaire", form: [("formulaire", json)]).status
            XCTAssertEqual(v26, .seeOther)
            let v27 = try await browser.post("/appels/1/formulaire/publier", form: [], tokenFrom: "/appels/1/formulaire").status
            XCTAssertEqual(v27, .seeOther)
            let v107 = try await services.calls.find(id: 1)
            let call = try XCTUnwrap(v107)
            XCTAssertEqual(call.forms.map(\.version), [1, 2])
            XCTAssertEqual(call.currentForm?.version, 2)
            let v28 = try await services.dossiers.find(id: 2)?.formVersionID
            XCTAssertEqual(v28, call.forms[0].id, "dossiers keep the version they started on")

            try await Self.signIn(browser, Self.paul)
            let path = try await Self.startDossier(browser)
            let v29 = try await browser.get(path).body.contains("Nombre de salariés")
            XCTAssertTrue(v29, "new dossiers use the new version")

            try await Self.signIn(browser, Self.ines)
            let v30 = try await browser.post("/appels/1/formulaire", form: [("formulaire", json)], tokenFrom: "/instruction").status
            XCTAssertEqual(v30, .forbidden)
        }
    }

    func testAnswersSentAfterTheSessionExpiredAreOfferedBackAfterSigningIn() async throws {
        try await TestApp.run { browser, services in
            try await Self.signIn(browser, Self.paul)
            let path = try await Self.startDossier(browser)
            let id = try XCTUnwrap(Int64(path.split(separator: "/").last!))
            let form = try await browser.get(path)
            let staleToken = try XCTUnwrap(form.csrf)
            browser.forgetCookies()
            let boundary = "----expired"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(staleToken)\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"f_lieu_surface\"\r\n\r\n777\r\n--\(boundary)--\r\n"
            let lost = try await browser.send(path, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
            XCTAssertEqual(lost.status, .seeOther)
            let signInPath = try XCTUnwrap(lost.location)
            XCTAssertTrue(signInPath.hasPrefix("/connexion?retour="))
            let stored = try await services.dossiers.find(id: id)
            XCTAssertEqual(stored?.answers["lieu_surface"], .text("420"), "nothing is saved without a session")

            let returnTo = try XCTUnwrap(URLComponents(string: signInPath)?.queryItems?.first { $0.name == "retour" }?.value)
            let signedIn = try await browser.post("/connexion", form: [("email", Self.paul.0), ("password", Self.paul.1), ("retour", returnTo)], tokenFrom: signInPath)
            let landing = try XCTUnwrap(signedIn.location)
            XCTAssertTrue(landing.hasPrefix("\(path)?reprise="))
            let offered = try await browser.get(landing)
            XCTAssertTrue(offered.body.contains("value=\"777\""))
            XCTAssertTrue(offered.body.contains("Votre session avait expiré"))
            let again = try await browser.get(landing)
            XCTAssertFalse(again.body.contains("value=\"777\""), "offered once")
        }
    }

    func testEligibilityRulesAreConfigurationCheckedAtSubmission() async throws {
        try await TestApp.run { browser, services in
            try await Self.signIn(browser, Self.comite)
            let grid = StandardCall.grid.criteria.map { "\($0.key) | \($0.label) | \(Int($0.weight)) | \($0.scale)" }.joined(separator: "\n")
            let badGrid = try await browser.post("/appels/1/modifier", form: [("titre", "AMI"), ("formes", "scic_scop"), ("territoire", "qpv"),
                                                                         ("enveloppe", "45 000 000"), ("grille", "ancrage | Ancrage | lourd | 5")])
            XCTAssertEqual(badGrid.status, .unprocessableContent)
            XCTAssertTrue(badGrid.body.contains("Ligne 1 illisible"))
            XCTAssertTrue(badGrid.body.contains("value=\"AMI\""))
            let saved = try await browser.post("/appels/1/modifier", form: [("titre", "AMI Fabriques en QPV"), ("resume", "Vague réservée aux QPV."), ("formes", "scic_scop"),
                                                                        ("territoire", "qpv"), ("enveloppe", "45 000 000"), ("cible_qpv", "150"), ("grille", grid)])
            XCTAssertEqual(saved.status, .seeOther)
            let settings = try await services.calls.find(id: 1)?.settings
            XCTAssertEqual(settings?.eligibility.legalForms, [.cooperative])
            XCTAssertEqual(settings?.targets.minimumQPV, 150)

            try await Self.signIn(browser, Self.paul)
            let path = try await Self.startDossier(browser)
            let draft = try await browser.get(path)
            XCTAssertTrue(draft.body.contains("ne pourra pas être déposé tel quel"))
            let refused = try await browser.postMultipart(path, fields: [("action", "deposer")], files: [("file_piece_statuts", "statuts.pdf", Self.pdf)])
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertTrue(refused.body.contains("La forme juridique « Association » n&#39;est pas éligible") || refused.body.contains("La forme juridique « Association » n'est pas éligible"))
            XCTAssertTrue(refused.body.contains("réservé aux QPV"))
            // Moving the place to Angoulême (which has QPV) and answering as a SCIC makes it eligible.
            let eligible = try await browser.postMultipart(path, fields: [("action", "deposer"), ("f_lieu_commune", "16015"), ("f_structure_forme", "Coopérative (SCIC, SCOP)")])
            XCTAssertEqual(eligible.status, .seeOther)
        }
    }

    func testBulkActionsGoThroughTheSameRulesOneByOne() async throws {
        try await TestApp.run { browser, services in
            try await Self.signIn(browser, Self.ines)
            let done = try await browser.post("/instruction/actions", form: [("dossier", "5"), ("dossier", "2"), ("dossier", "6"), ("operation", "instruire")], tokenFrom: "/instruction")
            XCTAssertEqual(done.status, .seeOther)
            let flash = try await browser.get(try XCTUnwrap(done.location))
            XCTAssertTrue(flash.body.contains("1 dossier traité"), "only FDT-000005 was waiting")
            XCTAssertTrue(flash.body.contains("FDT-000002"), "already in review: reported, not changed")
            let five = try await services.dossiers.find(id: 5)
            XCTAssertEqual(five?.state, .inReview)
            let six = try await services.dossiers.find(id: 6)
            XCTAssertEqual(six?.state, .inReview, "outside Charente: untouched")
            try await browser.post("/instruction/actions", form: [("dossier", "5"), ("operation", "m_assigner")], tokenFrom: "/instruction")
            let ines = try await services.users.find(email: Self.ines.0)
            let inesID = try XCTUnwrap(ines?.id)
            let assigned = try await services.dossiers.find(id: 5)
            XCTAssertEqual(assigned?.assigneeUserID, inesID)
            let mine = try await browser.get("/instruction?assigne=\(inesID)")
            XCTAssertTrue(mine.body.contains("FDT-000005"))
        }
    }
}
