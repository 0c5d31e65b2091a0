/// INSEE grille communale de densité, 7 levels (COG 2025 geography).
/// Levels 5 to 7 are "rural" in INSEE's definition used by the programme's rural quota.
public enum DensityClass: Int, Sendable, Codable, CaseIterable, Comparable {
    case largeUrbanCentre = 1
    case intermediateUrbanCentre = 2
    case smallTown = 3
    case urbanBelt = 4
    case ruralTown = 5
    case dispersedRural = 6
    case veryDispersedRural = 7

    public var isRural: Bool { rawValue >= 5 }

    /// INSEE's own wording, shown to users.
    public var label: String {
        switch self {
        case .largeUrbanCentre: "Grand centre urbain"
        case .intermediateUrbanCentre: "Centre urbain intermédiaire"
        case .smallTown: "Petite ville"
        case .urbanBelt: "Ceinture urbaine"
        case .ruralTown: "Bourg rural"
        case .dispersedRural: "Rural à habitat dispersé"
        case .veryDispersedRural: "Rural à habitat très dispersé"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
