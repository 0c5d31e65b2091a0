/// Where a dossier stands in the review. Raw values are the stable identifiers of the API and the
/// database; labels are what people read.
public enum DossierState: String, Sendable, Codable, CaseIterable, Hashable {
    case draft = "brouillon"
    case submitted = "depose"
    case inReview = "en_instruction"
    case correctionRequested = "correction_demandee"
    case accepted = "accepte"
    case refused = "refuse"
    case closedWithoutFollowUp = "classe_sans_suite"

    public var label: String {
        switch self {
        case .draft: "Brouillon"
        case .submitted: "Déposé"
        case .inReview: "En instruction"
        case .correctionRequested: "Correction demandée"
        case .accepted: "Accepté"
        case .refused: "Refusé"
        case .closedWithoutFollowUp: "Classé sans suite"
        }
    }

    /// A decided dossier never moves again.
    public var isFinal: Bool { self == .accepted || self == .refused || self == .closedWithoutFollowUp }

    /// The applicant may change its answers only while drafting or when asked to correct.
    public var applicantMayEdit: Bool { self == .draft || self == .correctionRequested }
}

/// Who acts on a dossier, as far as the workflow is concerned.
public enum DossierActor: String, Sendable, Codable, Hashable {
    case applicant = "porteur"
    case reviewer = "instructeur"
    case committee = "comite"
}
