import Accounts
import Foundation
import Programme
import Storage
import Territory

/// The dossier operations shared by the pages and the API, so both obey the same rules.
struct DossierService: Sendable {
    let services: AppServices

    enum Failure: Error, Sendable {
        case refused(WorkflowRefusal)
        case incomplete([String: String])
        case ineligible([String])
        case closed(Date)
        case changedMeanwhile

        var message: String {
            switch self {
            case .refused(let refusal): refusal.message
            case .incomplete(let errors): "Le dossier est incomplet : \(errors.count) champ\(errors.count > 1 ? "s" : "") à corriger avant le dépôt."
            case .ineligible(let reasons): "Ce dossier ne peut pas être déposé : " + reasons.joined(separator: " ")
            case .closed(let at): "La vague est close depuis le \(ParisCalendar.format(at)) (heure de Paris) : le dépôt n'est plus possible."
            case .changedMeanwhile: "Le dossier a changé entre-temps (une autre personne a agi) : rechargez la page."
            }
        }
    }

    func access(_ id: Int64, viewer: Viewer) async throws -> DossierAccess {
        guard let dossier = try await services.dossiers.find(id: id) else { throw AppError.notFound }
        let expert = try await services.dossierReviews.expertDossierIDs(userID: viewer.userID).contains(id)
        let access = DossierAccess(dossier: dossier, viewer: viewer, isExpert: expert)
        guard access.canRead else { throw AppError.forbidden }
        return access
    }

    func context(_ dossier: Dossier) async throws -> (call: StoredCall, form: FormDefinition) {
        guard let call = try await services.calls.find(id: dossier.callID), let form = call.forms.first(where: { $0.id == dossier.formVersionID }) else {
            throw AppError.notFound
        }
        return (call, form.definition)
    }

    /// Opens a new draft on the open wave, prefilled from the applicant's organisation and last dossier.
    func start(callID: Int64, viewer: Viewer) async throws -> Int64 {
        guard let call = try await services.calls.find(id: callID), call.publishedAt != nil else { throw AppError.notFound }
        guard let wave = call.openWave(at: services.clock()) else {
            throw AppError(.conflict, title: "Aucune vague ouverte", detail: "Cet appel n'accepte pas de dossier en ce moment : consultez les dates des vagues.")
        }
        guard let form = call.currentForm else {
            throw AppError(.conflict, title: "Formulaire non publié", detail: "Le comité n'a pas encore publié le formulaire de cet appel.")
        }
        let organisation = try await services.organisations.owned(by: viewer.userID)
        var previous: (DossierAnswers, FormDefinition)?
        if let last = try await services.dossiers.latest(ownerUserID: viewer.userID), let version = try await services.calls.formVersion(id: last.formVersionID) {
            previous = (last.answers, version.definition)
        }
        // The place the applicant runs, when it has one in the directory.
        let place = try await viewer.managedPlaceIDs.first.asyncMap { try await services.directory.find(id: $0) } ?? nil
        let profile = ApplicantProfile(organisationName: organisation?.name, legalForm: organisation.flatMap { LegalForm(rawValue: $0.legalForm) },
                                       siret: organisation?.siret, organisationCommuneCode: organisation?.communeCode, contactEmail: viewer.email,
                                       placeName: place?.name, placeCommuneCode: place?.communeCode, placeWebsite: place?.websites.first)
        let answers = DossierPrefill.answers(form: form.definition, profile: profile, previous: previous)
        let summary = self.summary(answers, organisation: organisation)
        return try await services.dossiers.create(
            NewDossier(callID: callID, waveID: wave.id, formVersionID: form.id, ownerUserID: viewer.userID, organisationID: organisation?.id,
                       summary: summary, answers: answers), at: services.now)
    }

    func summary(_ answers: DossierAnswers, organisation: Organisation?) -> DossierSummary {
        let fallback = organisation.flatMap { services.territory.commune(code: $0.communeCode) }
        let facts = DossierFacts(answers: answers, territory: services.territory, fallbackTitle: organisation?.name ?? "Dossier sans titre", fallbackCommune: fallback)
        let commune = facts.commune
        return DossierSummary(title: facts.title, territory: DossierTerritory(
            communeCode: commune?.code ?? "", departmentCode: commune?.departmentCode ?? "", regionCode: commune?.regionCode ?? "",
            isQPV: commune?.hasPriorityNeighbourhood ?? false, isRural: commune?.isRural ?? false, isDigital: facts.isDigital),
            amountCents: facts.amountCents)
    }

    func saveAnswers(_ access: DossierAccess, answers: DossierAnswers) async throws -> Bool {
        let organisation = try await access.dossier.organisationID.asyncMap { try await services.organisations.find(id: $0) } ?? nil
        return try await services.dossiers.saveAnswers(id: access.dossier.id, answers: answers, summary: summary(answers, organisation: organisation), at: services.now)
    }

    /// Runs one workflow action. A second submission of a submitted dossier is not an error: the
    /// applicant who clicks twice, or retries after a lost response, gets the same receipt.
    @discardableResult
    func perform(_ action: DossierAction, on access: DossierAccess, reason: String?) async throws -> Result<DossierState, Failure> {
        let dossier = access.dossier
        if action == .submit, access.isOwner, dossier.submittedAt != nil, dossier.state != .draft { return .success(dossier.state) }
        guard let actor = access.actor(for: action) else { return .failure(.refused(.notAllowed(action: action, actor: .applicant))) }
        let cleanReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if case .failure(let refusal) = DossierWorkflow.apply(action, to: dossier.state, by: actor, reason: cleanReason) { return .failure(.refused(refusal)) }
        let (call, form) = try await context(dossier)
        let now = services.clock()
        if action == .submit || action == .resubmit {
            let files = Set(try await services.dossierFiles.metadata(dossierID: dossier.id).map { String($0.id) })
            let errors = FormValidator.errors(dossier.answers, form: form, mode: .submission, territory: services.territory, storedFiles: files)
            guard errors.isEmpty else { return .failure(.incomplete(errors)) }
        }
        if action == .submit, let wave = call.wave(dossier.waveID), !wave.acceptsSubmission(at: now) { return .failure(.closed(wave.closesAt)) }
        if action == .submit {
            let refusals = try await eligibilityRefusals(dossier, rules: call.settings.eligibility)
            guard refusals.isEmpty else { return .failure(.ineligible(refusals)) }
        }
        let change = DossierChange(action: action, from: dossier.state, actorUserID: access.viewer.userID, reason: cleanReason, at: Instant(now))
        guard try await services.dossiers.apply(change, to: dossier.id) else {
            if action == .submit, let wave = call.wave(dossier.waveID), !wave.acceptsSubmission(at: now) { return .failure(.closed(wave.closesAt)) }
            return .failure(.changedMeanwhile)
        }
        try await notify(after: action, dossier: dossier, reason: cleanReason, actor: access.viewer)
        return .success(action.target)
    }

    private func notify(after action: DossierAction, dossier: Dossier, reason: String?, actor: Viewer) async throws {
        let number = dossier.number
        let text: String
        switch action {
        case .submit: text = "Votre dossier \(number) a été déposé le \(ParisCalendar.format(services.clock(), seconds: true)). Conservez ce récépissé."
        case .startReview: text = "Votre dossier \(number) est en instruction."
        case .requestCorrection: text = "Une correction est demandée sur votre dossier \(number) : \(reason ?? "")"
        case .resubmit:
            if let assignee = dossier.assigneeUserID, assignee != actor.userID {
                try await services.notifications.notify(userID: assignee, dossierID: dossier.id, text: "Le dossier \(number) a été corrigé et renvoyé.", email: nil, at: services.now)
            }
            return
        case .accept, .refuse, .closeWithoutFollowUp:
            text = "Décision sur votre dossier \(number) : \(action.target.label.lowercased()). Motif : \(reason ?? "")"
        }
        let owner = try await services.users.find(id: dossier.ownerUserID)
        try await services.notifications.notify(userID: dossier.ownerUserID, dossierID: dossier.id, text: text,
                                                email: owner.map { ($0.email, "[Fabriques de territoire] Dossier \(number)") }, at: services.now)
    }

    /// Why the dossier, as answered now, falls outside the call's eligibility rules (empty when eligible).
    func eligibilityRefusals(_ dossier: Dossier, rules: EligibilityRules) async throws -> [String] {
        let organisation = try await dossier.organisationID.asyncMap { try await services.organisations.find(id: $0) } ?? nil
        let facts = DossierFacts(answers: dossier.answers, territory: services.territory, fallbackTitle: dossier.title,
                                 fallbackCommune: services.territory.commune(code: dossier.territory.communeCode))
        let legalForm = facts.legalForm ?? organisation.flatMap { LegalForm(rawValue: $0.legalForm) }
        let hasFabrique = try await facts.commune.asyncMap { try await services.places.hasFabrique(communeCode: $0.code) } ?? false
        return rules.refusals(legalForm: legalForm, commune: facts.commune, communeHasFabrique: hasFabrique)
    }

    /// Records a reviewer's or expert's sheet and refreshes the dossier's consolidated score.
    func saveReview(_ access: DossierAccess, marks: [String: Int], comments: [String: String], opinion: Opinion?, comment: String?) async throws {
        let (call, _) = try await context(access.dossier)
        try await services.dossierReviews.saveReview(dossierID: access.dossier.id, reviewer: access.viewer.userID, isExpert: access.isExpert && !access.isReviewer,
                                                     marks: marks, comments: comments, opinion: opinion, sharedComment: comment, at: services.now)
        let sheets = try await services.dossierReviews.reviews(dossierID: access.dossier.id).map(\.marks)
        let consolidated = ConsolidatedScore(grid: call.settings.grid, sheets: sheets)
        try await services.dossiers.setScore(id: access.dossier.id, mean: consolidated.total?.mean, spread: consolidated.total?.spread)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
