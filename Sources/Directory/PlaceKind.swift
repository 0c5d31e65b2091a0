/// Kinds of tiers-lieu the programme counts (France Tiers-Lieux typology plus digital mediation).
/// A place may be several at once.
public enum PlaceKind: String, Sendable, Codable, CaseIterable, Hashable {
    case coworking
    case fablab
    case livingLab = "living_lab"
    case culturalWasteland = "friche_culturelle"
    case sharedWorkshop = "atelier_partage"
    case foodPlace = "tiers_lieu_nourricier"
    case digitalMediation = "mediation_numerique"
    case other = "autre"

    public var label: String {
        switch self {
        case .coworking: "Coworking"
        case .fablab: "Fablab, makerspace"
        case .livingLab: "Living lab"
        case .culturalWasteland: "Friche culturelle"
        case .sharedWorkshop: "Atelier partagé"
        case .foodPlace: "Tiers-lieu nourricier"
        case .digitalMediation: "Médiation numérique"
        case .other: "Autre tiers-lieu"
        }
    }

    /// Colour of the kind on maps (WCAG AA against white for the legend text is handled by the legend).
    public var colour: String {
        switch self {
        case .coworking: "#1f77b4"
        case .fablab: "#d62728"
        case .livingLab: "#9467bd"
        case .culturalWasteland: "#8c564b"
        case .sharedWorkshop: "#e377c2"
        case .foodPlace: "#2ca02c"
        case .digitalMediation: "#ff7f0e"
        case .other: "#7f7f7f"
        }
    }
}

/// The closed vocabularies of the national standard "Lieux de médiation numérique" (v1.0.2).
public enum MediationVocabulary {
    public static let services = [
        "Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique",
        "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
        "Compréhension du monde numérique", "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
    ]
    public static let publics = ["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"]
    public static let nationalProgrammes = [
        "Aidants Connect", "Bibliothèques numérique de référence", "Certification PIX", "Conseillers numériques", "Emmaüs Connect",
        "France Services", "Grande école du numérique", "La Croix Rouge", "Point d'accès numérique CAF", "Promeneurs du net",
        "Relais numérique (Emmaüs Connect)",
    ]
    /// Names of the 2023 exports for the same programmes.
    public static let programmeAliases = ["CNFS": "Conseillers numériques", "Conseiller numérique": "Conseillers numériques",
                                          "PIX": "Certification PIX", "Croix Rouge": "La Croix Rouge"]
    public static let fees = ["Gratuit", "Gratuit sous condition", "Payant"]
    public static let accessModes = ["Se présenter", "Téléphoner", "Contacter par mail", "Prendre un RDV en ligne",
                                     "Ce lieu n'accueille pas de public", "Envoyer un mail avec une fiche de prescription"]
    public static let supportModes = ["En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance"]
}
