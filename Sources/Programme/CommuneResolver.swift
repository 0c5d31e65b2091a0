import Territory

/// Finds the commune a person means from what they type: an INSEE code, a postal code, or a name.
public enum CommuneResolver {
    public enum Resolution: Sendable, Equatable {
        case found(Commune)
        case ambiguous([Commune])
        case notFound
    }

    public static func resolve(_ raw: String, in territory: TerritoryReference) -> Resolution {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .notFound }
        // Five digits are read as a postal code first (what people usually type), then as an INSEE code:
        // the two numbering systems overlap (17300 is Jonzac's postal code and another commune's INSEE code).
        if text.count == 5, text.allSatisfy(\.isNumber) {
            let communes = territory.communes(postalCode: text).filter { $0.kind == .commune }
            if communes.count == 1 { return .found(communes[0]) }
            if communes.count > 1 { return .ambiguous(communes.sorted { $0.population > $1.population }) }
        }
        if let commune = territory.commune(code: text.uppercased()) { return .found(commune) }
        let folded = FrenchText.fold(text)
        let exact = territory.communes.filter { $0.kind == .commune && $0.searchName == folded }
        switch exact.count {
        case 1: return .found(exact[0])
        case 0: return .notFound
        default: return .ambiguous(exact.sorted { $0.population > $1.population })
        }
    }
}
