import Accounts
import Programme
import Storage

/// What one person may do with one dossier: the single place where the web pages and the API learn it.
struct DossierAccess: Sendable {
    let dossier: Dossier
    let viewer: Viewer
    let isOwner: Bool
    let isExpert: Bool
    let coversTerritory: Bool

    init(dossier: Dossier, viewer: Viewer, isExpert: Bool) {
        self.dossier = dossier
        self.viewer = viewer
        self.isOwner = dossier.ownerUserID == viewer.userID
        self.isExpert = isExpert
        self.coversTerritory = viewer.seesWholeProgramme
            || AccessPolicy.covers(viewer, departmentCode: dossier.territory.departmentCode, regionCode: dossier.territory.regionCode)
    }

    /// A draft is the applicant's own business; once submitted, its territory's reviewers, the comité
    /// and invited experts read it.
    var canRead: Bool {
        if isOwner { return true }
        if dossier.state == .draft { return false }
        return coversTerritory || isExpert
    }

    /// Reviewers and the comité; an expert only gives its opinion.
    var isReviewer: Bool { !isOwner && coversTerritory && dossier.state != .draft }

    /// The workflow roles this person holds on this dossier.
    var actors: [DossierActor] {
        var actors: [DossierActor] = []
        if isOwner { actors.append(.applicant) }
        if isReviewer { actors.append(viewer.seesWholeProgramme ? .committee : .reviewer) }
        return actors
    }

    func actor(for action: DossierAction) -> DossierActor? {
        actors.first { action.actors.contains($0) } ?? actors.first
    }

    var availableActions: [DossierAction] {
        actors.flatMap { DossierWorkflow.available(from: dossier.state, to: $0) }.filter { $0 != .submit && $0 != .resubmit }
    }

    var canEditAnswers: Bool { isOwner && dossier.state.applicantMayEdit }
    var canScore: Bool { (isReviewer || isExpert) && !dossier.state.isFinal }
}
