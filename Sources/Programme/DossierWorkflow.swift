/// The review's state machine: which action moves a dossier from which state, who may take it, and
/// whether a written reason is owed. Every other layer asks this table; nothing moves a dossier around it.
public enum DossierAction: String, Sendable, Codable, CaseIterable, Hashable {
    case submit = "deposer"
    case startReview = "instruire"
    case requestCorrection = "demander_correction"
    case resubmit = "renvoyer"
    case accept = "accepter"
    case refuse = "refuser"
    case closeWithoutFollowUp = "classer_sans_suite"

    public var label: String {
        switch self {
        case .submit: "Déposer le dossier"
        case .startReview: "Prendre en instruction"
        case .requestCorrection: "Demander une correction"
        case .resubmit: "Renvoyer le dossier corrigé"
        case .accept: "Accepter"
        case .refuse: "Refuser"
        case .closeWithoutFollowUp: "Classer sans suite"
        }
    }

    public var sources: Set<DossierState> {
        switch self {
        case .submit: [.draft]
        case .startReview: [.submitted]
        case .requestCorrection: [.inReview]
        case .resubmit: [.correctionRequested]
        case .accept, .refuse: [.inReview]
        case .closeWithoutFollowUp: [.submitted, .inReview, .correctionRequested]
        }
    }

    public var target: DossierState {
        switch self {
        case .submit: .submitted
        case .startReview, .resubmit: .inReview
        case .requestCorrection: .correctionRequested
        case .accept: .accepted
        case .refuse: .refused
        case .closeWithoutFollowUp: .closedWithoutFollowUp
        }
    }

    /// Decisions belong to the comité; instructeurs prepare them.
    public var actors: Set<DossierActor> {
        switch self {
        case .submit, .resubmit: [.applicant]
        case .startReview, .requestCorrection, .closeWithoutFollowUp: [.reviewer, .committee]
        case .accept, .refuse: [.committee]
        }
    }

    /// The applicant is owed an explanation for every request and every decision.
    public var requiresReason: Bool {
        switch self {
        case .submit, .resubmit, .startReview: false
        case .requestCorrection, .accept, .refuse, .closeWithoutFollowUp: true
        }
    }

    public var isDecision: Bool { target.isFinal }
}

public enum WorkflowRefusal: Error, Sendable, Equatable {
    case illegal(action: DossierAction, from: DossierState)
    case notAllowed(action: DossierAction, actor: DossierActor)
    case reasonMissing(action: DossierAction)

    public var message: String {
        switch self {
        case .illegal(let action, let from):
            "Action impossible : « \(action.label) » n'est pas possible pour un dossier à l'état « \(from.label) »."
        case .notAllowed(let action, let actor):
            "Action réservée : « \(action.label) » ne peut pas être faite par un \(actor.rawValue)."
        case .reasonMissing(let action):
            "Motif obligatoire : « \(action.label) » doit être expliqué au porteur."
        }
    }
}

public enum DossierWorkflow {
    /// The state after `action`, or why it is refused. Checks the source state first, then the actor,
    /// then the reason, so the message names the most fundamental problem.
    public static func apply(_ action: DossierAction, to state: DossierState, by actor: DossierActor, reason: String?) -> Result<DossierState, WorkflowRefusal> {
        guard action.sources.contains(state) else { return .failure(.illegal(action: action, from: state)) }
        guard action.actors.contains(actor) else { return .failure(.notAllowed(action: action, actor: actor)) }
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if action.requiresReason && trimmed.isEmpty { return .failure(.reasonMissing(action: action)) }
        return .success(action.target)
    }

    /// The actions `actor` could take now, for buttons and the API's hints.
    public static func available(from state: DossierState, to actor: DossierActor) -> [DossierAction] {
        DossierAction.allCases.filter { $0.sources.contains(state) && $0.actors.contains(actor) }
    }
}
