/// The kinds of legal entity eligible to the AMI (programme text, "structures éligibles").
public enum LegalForm: String, Sendable, Codable, CaseIterable {
    case association
    case company = "entreprise"
    case cooperative = "scic_scop"
    case foundation = "fondation"
    case publicGroup = "gip_gie"
    case localAuthority = "collectivite"
    case consortium

    public var label: String {
        switch self {
        case .association: "Association"
        case .company: "Entreprise (dont ESS)"
        case .cooperative: "Coopérative (SCIC, SCOP)"
        case .foundation: "Fondation"
        case .publicGroup: "Groupement (GIP, GIE)"
        case .localAuthority: "Collectivité territoriale ou groupement"
        case .consortium: "Consortium d'acteurs"
        }
    }
}
