import Foundation
import Programme
import Storage
import Territory

/// The demo's call: one closed wave whose dossiers went through every stage of the review, and one open
/// wave in which the demo porteurs can apply.
extension DemoSeeder {
    struct DemoApplicant {
        let name: String
        let commune: String
        let state: DossierState
        let marks: [Int]
    }

    static let closedWaveApplicants: [DemoApplicant] = [
        DemoApplicant(name: "La Grange Numérique", commune: "16070", state: .accepted, marks: [5, 4, 5, 4, 4]),
        DemoApplicant(name: "Tiers-lieu du Confolentais", commune: "16106", state: .inReview, marks: [4, 3, 4, 4, 3]),
        DemoApplicant(name: "Atelier partagé de Cognac", commune: "16102", state: .correctionRequested, marks: []),
        DemoApplicant(name: "Fablab de Ruffec", commune: "16292", state: .refused, marks: [2, 2, 1, 3, 2]),
        DemoApplicant(name: "La Ruche de Barbezieux", commune: "16028", state: .submitted, marks: []),
        DemoApplicant(name: "Friche des Pentes", commune: "69381", state: .inReview, marks: [4, 4, 3, 5, 4]),
        DemoApplicant(name: "Coworking du Vercors", commune: "38548", state: .closedWithoutFollowUp, marks: []),
        DemoApplicant(name: "Maison du Faire de Saint-Étienne", commune: "42218", state: .submitted, marks: []),
    ]

    func seedCall(ids: [String: Int64], now: Instant) async throws {
        let committee = ids["comite@demo.fabriques.fr"]!
        let callID = try await services.calls.create(StandardCall.settings, form: StandardCall.form, by: committee, at: now)
        try await services.calls.publishFormDraft(callID: callID, at: now)
        try await services.calls.publish(id: callID, at: now)
        let day = 86_400.0
        let today = now.date
        let closedWave = try await services.calls.addWave(callID: callID, name: "Vague 1", opensAt: Self.parisNoon(today.addingTimeInterval(-120 * day)),
                                                          closesAt: Self.parisNoon(today.addingTimeInterval(-30 * day)))
        _ = try await services.calls.addWave(callID: callID, name: "Vague 2", opensAt: Self.parisNoon(today.addingTimeInterval(-10 * day)),
                                             closesAt: Self.parisNoon(today.addingTimeInterval(14 * day)))
        guard let call = try await services.calls.find(id: callID), let form = call.currentForm else { return }
        let submittedAt = Instant(call.wave(closedWave)!.closesAt.addingTimeInterval(-3 * day))
        let sharedHash = try await hasher.hash(RandomToken.make())
        let reviewer = ids["instructeur.charente@demo.fabriques.fr"]!, regional = ids["instructeur.ara@demo.fabriques.fr"]!
        for (index, applicant) in Self.closedWaveApplicants.enumerated() {
            guard let commune = services.territory.commune(code: applicant.commune) else { continue }
            let owner = index == 0 ? ids["porteur@demo.fabriques.fr"]! : try await services.users.create(
                email: "porteur.\(index)@demo.fabriques.fr", displayName: "Porteur de \(applicant.name)", passwordHash: sharedHash, at: now)
            let id = try await dossier(applicant, commune: commune, owner: owner, callID: callID, waveID: closedWave, formID: form.id, at: submittedAt)
            let reviewerID = commune.departmentCode == "16" ? reviewer : regional
            func move(_ action: DossierAction, _ from: DossierState, by actor: Int64, reason: String?, after hours: Double) async throws {
                _ = try await services.dossiers.apply(DossierChange(action: action, from: from, actorUserID: actor, reason: reason,
                                                                   at: Instant(submittedAt.date.addingTimeInterval(hours * 3_600))), to: id)
            }
            try await move(.submit, .draft, by: owner, reason: nil, after: 0)
            guard applicant.state != .submitted else { continue }
            if applicant.state == .closedWithoutFollowUp {
                try await move(.closeWithoutFollowUp, .submitted, by: reviewerID, reason: "Le porteur a retiré sa candidature par courriel.", after: 30)
                continue
            }
            try await services.dossiers.assign(ids: [id], to: reviewerID, at: submittedAt)
            try await move(.startReview, .submitted, by: reviewerID, reason: nil, after: 24)
            if !applicant.marks.isEmpty {
                let marks = Dictionary(uniqueKeysWithValues: zip(StandardCall.grid.criteria.map(\.key), applicant.marks))
                try await services.dossierReviews.saveReview(dossierID: id, reviewer: reviewerID, isExpert: false, marks: marks,
                                                             comments: ["ressource": applicant.marks[0] >= 4 ? "Anime déjà le réseau départemental." : "Peu de liens avec les autres lieux."],
                                                             opinion: applicant.marks.reduce(0, +) >= 18 ? .favourable : .unfavourable,
                                                             sharedComment: applicant.marks.reduce(0, +) >= 18 ? "Projet solide, bien ancré dans son territoire." : "Le rôle de lieu ressource pour le réseau reste à construire.",
                                                             at: Instant(submittedAt.date.addingTimeInterval(48 * 3_600)))
                let score = ConsolidatedScore(grid: StandardCall.grid, sheets: [marks]).total
                try await services.dossiers.setScore(id: id, mean: score?.mean, spread: score?.spread)
            }
            switch applicant.state {
            case .correctionRequested:
                try await move(.requestCorrection, .inReview, by: reviewerID, reason: "Le budget prévisionnel de l'année 3 manque : complétez-le.", after: 50)
                try await services.dossierReviews.addNote(dossierID: id, kind: .message, author: reviewerID,
                                                          body: "Bonjour, pouvez-vous détailler le budget de la troisième année ?", at: Instant(submittedAt.date.addingTimeInterval(50 * 3_600)))
            case .accepted:
                try await move(.accept, .inReview, by: committee, reason: "Lieu ressource reconnu par le réseau charentais ; budget équilibré.", after: 200)
            case .refused:
                try await move(.refuse, .inReview, by: committee, reason: "Le projet ne joue pas encore le rôle de lieu ressource pour d'autres tiers-lieux.", after: 200)
            default:
                if index == 1, let expert = ids["expert@demo.fabriques.fr"] {
                    try await services.dossierReviews.inviteExpert(dossierID: id, userID: expert, by: reviewerID, at: now)
                    try await services.dossierReviews.addNote(dossierID: id, kind: .annotation, author: reviewerID,
                                                              body: "Vérifier la convention avec la communauté de communes.", at: now)
                }
            }
        }
        try await seedReviewedPool(callID: callID, waveID: closedWave, formID: form.id, reviewer: committee, sharedHash: sharedHash, submittedAt: submittedAt, now: now)
    }

    /// Reviewed dossiers from other régions, so that the selection has a real pool to choose from: spread
    /// over France's larger communes, scored by the comité, all waiting for the decision.
    func seedReviewedPool(callID: Int64, waveID: Int64, formID: Int64, reviewer: Int64, sharedHash: String, submittedAt: Instant, now: Instant) async throws {
        let elsewhere = services.territory.communes
            .filter { $0.kind == .commune && !["75", "84"].contains($0.regionCode) && $0.departmentCode.count == 2 }
            .sorted { $0.code < $1.code }
        // Half towns, half rural communes: the selection has both to balance.
        let towns = elsewhere.filter { $0.population >= 8_000 }, villages = elsewhere.filter { $0.isRural && $0.population >= 800 }
        guard !towns.isEmpty, !villages.isEmpty else { return }
        let count = 36
        let kinds = ["Tiers-lieu", "Fablab", "La Coopérative", "Atelier partagé", "Le Hangar", "La Manufacture"]
        for index in 0..<count {
            let pool = index % 2 == 0 ? towns : villages
            let commune = pool[(index / 2 * (pool.count / (count / 2))) % pool.count]
            let name = "\(kinds[index % kinds.count]) de \(commune.name)"
            let owner = try await services.users.create(email: "porteur.pool\(index)@demo.fabriques.fr", displayName: "Porteur de \(name)", passwordHash: sharedHash, at: now)
            let applicant = DemoApplicant(name: name, commune: commune.code, state: .inReview, marks: [])
            let id = try await dossier(applicant, commune: commune, owner: owner, callID: callID, waveID: waveID, formID: formID, at: submittedAt,
                                       digital: index % 3 == 0, amountEuros: 75_000 + (index * 7_919) % 75_001)
            _ = try await services.dossiers.apply(DossierChange(action: .submit, from: .draft, actorUserID: owner, reason: nil, at: submittedAt), to: id)
            _ = try await services.dossiers.apply(DossierChange(action: .startReview, from: .submitted, actorUserID: reviewer, reason: nil,
                                                                at: Instant(submittedAt.date.addingTimeInterval(86_400))), to: id)
            // Deterministic marks that spread scores between about 8 and 19 out of 20.
            let marks = Dictionary(uniqueKeysWithValues: StandardCall.grid.criteria.enumerated().map { offset, criterion in
                (criterion.key, 1 + (index * 7 + offset * 3) % criterion.scale)
            })
            let opinion: Opinion = (StandardCall.grid.score(marks) ?? 0) >= 12 ? .favourable : (index % 5 == 0 ? .unfavourable : .reserved)
            try await services.dossierReviews.saveReview(dossierID: id, reviewer: reviewer, isExpert: false, marks: marks, comments: [:], opinion: opinion,
                                                         sharedComment: nil, at: Instant(submittedAt.date.addingTimeInterval(2 * 86_400)))
            let score = ConsolidatedScore(grid: StandardCall.grid, sheets: [marks]).total
            try await services.dossiers.setScore(id: id, mean: score?.mean, spread: score?.spread)
        }
    }

    private func dossier(_ applicant: DemoApplicant, commune: Commune, owner: Int64, callID: Int64, waveID: Int64, formID: Int64, at: Instant,
                         digital: Bool = true, amountEuros: Int = 110_000) async throws -> Int64 {
        let answers: DossierAnswers = [
            "structure_nom": .text("Association \(applicant.name)"), "structure_siret": .text("73282932000074"), "structure_commune": .text(commune.code),
            "contact_email": .text("contact@\(applicant.name.lowercased().filter { $0.isASCII && $0.isLetter }).fr"), "lieu_nom": .text(applicant.name),
            "lieu_commune": .text(commune.code), "lieu_ouverture": .text("2018-09-01"), "lieu_surface": .text("420"),
            "projet_resume": .text("\(applicant.name) accueille depuis 2018 des indépendants, des associations et des habitants. Le projet de Fabrique organise la mise en commun d'outils et de compétences avec les tiers-lieux voisins, des formations aux métiers du numérique et des permanences d'aide aux démarches en ligne."),
            "projet_roles": .choices(["Lieu ressource pour le réseau", "Compétences numériques"]), "projet_numerique": .text(digital ? "oui" : "non"),
            "projet_mediation": .text("Permanences hebdomadaires d'aide numérique avec un conseiller numérique."),
            "budget_lignes": .rows([["poste": "Animation du réseau", "annee1": "30 000", "annee2": "30 000", "annee3": "25 000"],
                                    ["poste": "Équipement", "annee1": "15 000", "annee2": "5 000", "annee3": "5 000"]]),
            "montant_demande": .text(String(amountEuros)),
        ]
        let territory = DossierTerritory(communeCode: commune.code, departmentCode: commune.departmentCode, regionCode: commune.regionCode,
                                         isQPV: commune.hasPriorityNeighbourhood, isRural: commune.isRural, isDigital: digital)
        let cents = Int64(amountEuros) * 100
        let id = try await services.dossiers.create(NewDossier(callID: callID, waveID: waveID, formVersionID: formID, ownerUserID: owner, organisationID: nil,
                                                               summary: DossierSummary(title: applicant.name, territory: territory, amountCents: cents),
                                                               answers: answers), at: at)
        let file = try await services.dossierFiles.store(dossierID: id, fieldKey: "piece_statuts", filename: "statuts.pdf", contentType: "application/pdf",
                                                         content: Self.minimalPDF("Statuts de l'association \(applicant.name)"), by: owner, at: at)
        var withFile = answers
        withFile["piece_statuts"] = .text(String(file))
        _ = try await services.dossiers.saveAnswers(id: id, answers: withFile, summary: DossierSummary(title: applicant.name, territory: territory, amountCents: cents), at: at)
        return id
    }

    /// Noon in Paris on the day of `date`: demo deadlines fall at a realistic time whatever the server's zone.
    static func parisNoon(_ date: Date) -> Date {
        let day = ParisCalendar.inputValue(date).prefix(10)
        return (try? ParisCalendar.instant(local: "\(day)T12:00").get()) ?? date
    }

    /// A one-page PDF holding `text`, so demo attachments open in any reader.
    static func minimalPDF(_ text: String) -> [UInt8] {
        let safe = String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "?" }).replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
        let stream = "BT /F1 14 Tf 72 720 Td (\(safe)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }
}
