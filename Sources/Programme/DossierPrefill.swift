/// A new dossier starts from what the programme already knows: the applicant's organisation, its place
/// in the directory, and its previous dossier (same question keys only: a new form version may drop or
/// change questions, and files are never carried over).
public struct ApplicantProfile: Sendable, Hashable {
    public var organisationName: String?
    public var legalForm: LegalForm?
    public var siret: String?
    public var organisationCommuneCode: String?
    public var contactEmail: String?
    public var placeName: String?
    public var placeCommuneCode: String?
    public var placeWebsite: String?

    public init(organisationName: String? = nil, legalForm: LegalForm? = nil, siret: String? = nil, organisationCommuneCode: String? = nil, contactEmail: String? = nil,
                placeName: String? = nil, placeCommuneCode: String? = nil, placeWebsite: String? = nil) {
        self.organisationName = organisationName
        self.legalForm = legalForm
        self.siret = siret
        self.organisationCommuneCode = organisationCommuneCode
        self.contactEmail = contactEmail
        self.placeName = placeName
        self.placeCommuneCode = placeCommuneCode
        self.placeWebsite = placeWebsite
    }
}

public enum DossierPrefill {
    public static func answers(form: FormDefinition, profile: ApplicantProfile, previous: (answers: DossierAnswers, form: FormDefinition)?) -> DossierAnswers {
        var answers: DossierAnswers = [:]
        if let previous {
            for field in form.fields where field.type != .file {
                guard let old = previous.form.field(field.key), old.type == field.type, let value = previous.answers[field.key] else { continue }
                answers[field.key] = value
            }
        }
        let known: [String: String?] = [
            "structure_nom": profile.organisationName, "structure_siret": profile.siret, "structure_forme": profile.legalForm?.label,
            "structure_commune": profile.organisationCommuneCode, "contact_email": profile.contactEmail,
            "lieu_nom": profile.placeName, "lieu_commune": profile.placeCommuneCode, "lieu_site": profile.placeWebsite,
        ]
        for (key, value) in known {
            guard let value, !value.isEmpty, form.field(key) != nil, answers[key]?.isBlank ?? true else { continue }
            answers[key] = .text(value)
        }
        return answers
    }
}
