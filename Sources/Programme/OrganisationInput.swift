import Territory

/// What a porteur types about its organisation, checked field by field with French messages.
public struct OrganisationInput: Sendable, Equatable {
    public var name: String
    public var legalForm: String
    public var siret: String
    public var commune: String

    public init(name: String, legalForm: String, siret: String, commune: String) {
        self.name = name
        self.legalForm = legalForm
        self.siret = siret
        self.commune = commune
    }

    public struct Valid: Sendable, Equatable {
        public let name: String
        public let legalForm: LegalForm
        public let siret: Siret?
        public let commune: Commune
    }

    public static let fieldOrder = ["name", "legal_form", "siret", "commune"]

    /// The checked organisation, or a message per faulty field.
    public func validate(territory: TerritoryReference) -> Result<Valid, FieldErrors> {
        var errors: [String: String] = [:]
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty { errors["name"] = "Indiquez le nom de la structure." }
        else if trimmedName.count > 200 { errors["name"] = "Le nom ne peut dépasser 200 caractères." }
        let form = LegalForm(rawValue: legalForm)
        if form == nil { errors["legal_form"] = "Choisissez la forme juridique dans la liste." }
        var siretValue: Siret?
        let trimmedSiret = siret.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmedSiret.isEmpty {
            siretValue = Siret(trimmedSiret)
            if siretValue == nil { errors["siret"] = "Ce SIRET n'est pas valide : 14 chiffres dont la clé de contrôle doit être juste." }
        }
        var communeValue: Commune?
        switch CommuneResolver.resolve(commune, in: territory) {
        case .found(let found): communeValue = found
        case .ambiguous(let candidates):
            errors["commune"] = "Plusieurs communes correspondent : " + candidates.prefix(5).map { "\($0.name) (\($0.code))" }.joined(separator: ", ") + ". Indiquez le code INSEE."
        case .notFound:
            errors["commune"] = "Commune introuvable : indiquez son nom, son code postal ou son code INSEE."
        }
        guard errors.isEmpty, let form, let communeValue else { return .failure(FieldErrors(errors)) }
        return .success(Valid(name: trimmedName, legalForm: form, siret: siretValue, commune: communeValue))
    }
}

public struct FieldErrors: Error, Sendable, Equatable {
    public let messages: [String: String]
    public init(_ messages: [String: String]) { self.messages = messages }
}
