import Territory

/// What lists, exports and the selection need from a dossier's free-form answers: its title, its
/// commune (so its territory and categories), whether it applies as a Fabrique numérique, the amount
/// asked. Read from the standard question keys, with the organisation as fallback.
public struct DossierFacts: Sendable, Hashable {
    public let title: String
    public let commune: Commune?
    public let isDigital: Bool
    public let amountCents: Int64?
    /// The legal form answered in the form, if the form asks it.
    public let legalForm: LegalForm?

    public static let titleKeys = ["lieu_nom", "structure_nom"]
    public static let communeKeys = ["lieu_commune", "structure_commune"]

    public init(answers: DossierAnswers, territory: TerritoryReference, fallbackTitle: String, fallbackCommune: Commune?) {
        let texts = answers.compactMapValues { if case .text(let text) = $0 { text.trimmingCharacters(in: .whitespacesAndNewlines) } else { nil } }
        title = Self.titleKeys.lazy.compactMap { texts[$0] }.first { !$0.isEmpty }.map { String($0.prefix(200)) } ?? fallbackTitle
        var found: Commune?
        for key in Self.communeKeys {
            if let typed = texts[key], case .found(let commune) = CommuneResolver.resolve(typed, in: territory) { found = commune; break }
        }
        commune = found ?? fallbackCommune
        isDigital = texts["projet_numerique"] == "oui"
        amountCents = texts[StandardCall.amountKey].flatMap(FrenchNumber.cents)
        legalForm = texts["structure_forme"].flatMap { answer in LegalForm.allCases.first { $0.label == answer || $0.rawValue == answer } }
    }
}
