import Territory

/// A call's eligibility, as configuration: rules changed between real waves ("only areas with no
/// Fabrique yet") and must not need a release.
public struct EligibilityRules: Sendable, Hashable, Codable {
    public enum TerritoryKind: String, Sendable, Hashable, Codable, CaseIterable {
        case any = "tous"
        case qpv
        case rural = "rural"
        case qpvOrRural = "qpv_ou_rural"

        public var label: String {
            switch self {
            case .any: "Tous les territoires"
            case .qpv: "Communes comprenant un quartier prioritaire (QPV)"
            case .rural: "Communes rurales"
            case .qpvOrRural: "QPV ou communes rurales"
            }
        }
    }

    public var legalForms: [LegalForm]
    public var territory: TerritoryKind
    /// Refuse communes that already host a Fabrique de territoire.
    public var excludeCommunesWithFabrique: Bool

    public init(legalForms: [LegalForm] = LegalForm.allCases, territory: TerritoryKind = .any, excludeCommunesWithFabrique: Bool = false) {
        self.legalForms = legalForms
        self.territory = territory
        self.excludeCommunesWithFabrique = excludeCommunesWithFabrique
    }

    /// Why an applicant is not eligible, in French; empty when it is.
    public func refusals(legalForm: LegalForm?, commune: Commune?, communeHasFabrique: Bool) -> [String] {
        var reasons: [String] = []
        if let legalForm {
            if !legalForms.contains(legalForm) { reasons.append("La forme juridique « \(legalForm.label) » n'est pas éligible à cet appel.") }
        } else if Set(legalForms) != Set(LegalForm.allCases) {
            // Only a call that restricts legal forms needs to know it.
            reasons.append("Indiquez la forme juridique de la structure : cet appel n'est ouvert qu'à certaines formes.")
        }
        guard let commune else { return reasons + ["La commune de la structure n'est pas connue."] }
        let qpv = commune.hasPriorityNeighbourhood
        switch territory {
        case .any: break
        case .qpv where !qpv: reasons.append("\(commune.name) ne compte pas de quartier prioritaire : cet appel est réservé aux QPV.")
        case .rural where !commune.isRural: reasons.append("\(commune.name) n'est pas une commune rurale : cet appel leur est réservé.")
        case .qpvOrRural where !qpv && !commune.isRural: reasons.append("\(commune.name) n'est ni rurale ni dotée d'un QPV.")
        default: break
        }
        if excludeCommunesWithFabrique && communeHasFabrique {
            reasons.append("\(commune.name) accueille déjà une Fabrique de territoire : cet appel vise les territoires qui n'en ont pas.")
        }
        return reasons
    }
}
