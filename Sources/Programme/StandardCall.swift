/// The AMI « Fabriques de territoire » as the programme text describes it: the starting point of a new
/// call and of the demo. The comité edits every part of it.
public enum StandardCall {
    public static let grid = CriteriaGrid(criteria: [
        Criterion(key: "ressource", label: "Lieu ressource pour le réseau local de tiers-lieux", weight: 3, scale: 5),
        Criterion(key: "apprendre", label: "Apprendre par le faire ensemble (formation, partenariats)", weight: 2, scale: 5),
        Criterion(key: "numerique", label: "Compétences numériques et médiation", weight: 2, scale: 5),
        Criterion(key: "ancrage", label: "Ancrage territorial et gouvernance", weight: 2, scale: 5),
        Criterion(key: "viabilite", label: "Viabilité économique du projet", weight: 1, scale: 5),
    ])

    public static let settings = CallSettings(
        title: "AMI Fabriques de territoire",
        summary: "L'État identifie et soutient des tiers-lieux structurants qui deviennent des lieux ressources pour leur territoire : mise en commun, apprentissage par le faire ensemble, accompagnement au numérique. Subvention de 75 000 à 150 000 € sur trois ans, au plus 50 000 € par an.",
        eligibility: EligibilityRules(),
        grid: grid,
        envelopeCents: 45_000_000_00,
        targets: DiversityTargets(laureates: 300, minimumQPV: 150, minimumRural: 150, minimumDigital: 30, maximumPerWave: 30))

    static let roles = ["Lieu ressource pour le réseau", "Apprendre par le faire ensemble", "Compétences numériques"]

    public static let form = FormDefinition(sections: [
        FormSection(title: "La structure porteuse", help: "Ces informations sont reprises de votre organisation ; corrigez-les si besoin.", fields: [
            FormField(key: "structure_nom", label: "Nom de la structure", type: .shortText, required: true, maxLength: 200),
            FormField(key: "structure_siret", label: "SIRET", type: .siret, required: true, help: "14 chiffres, sur l'avis de situation INSEE."),
            FormField(key: "structure_forme", label: "Forme juridique", type: .singleChoice, options: LegalForm.allCases.map(\.label)),
            FormField(key: "structure_commune", label: "Commune du siège", type: .commune, required: true),
            FormField(key: "contact_email", label: "E-mail du contact", type: .email, required: true),
            FormField(key: "contact_telephone", label: "Téléphone du contact", type: .phone),
        ]),
        FormSection(title: "Le lieu", fields: [
            FormField(key: "lieu_nom", label: "Nom du lieu", type: .shortText, required: true, maxLength: 200),
            FormField(key: "lieu_commune", label: "Commune du lieu", type: .commune, required: true),
            FormField(key: "lieu_site", label: "Site web", type: .url),
            FormField(key: "lieu_ouverture", label: "Date d'ouverture du lieu", type: .date, required: true),
            FormField(key: "lieu_surface", label: "Surface (m²)", type: .number, required: true, min: 0, max: 100_000),
        ]),
        FormSection(title: "Le projet de Fabrique", fields: [
            FormField(key: "projet_resume", label: "Résumé du projet", type: .longText, required: true, maxLength: 1_500, minLength: 100),
            FormField(key: "projet_roles", label: "Rôles de la Fabrique que le projet développe", type: .multipleChoice, required: true, min: 1, options: roles),
            FormField(key: "projet_numerique", label: "Candidatez-vous comme Fabrique numérique de territoire ?", type: .yesNo, required: true),
            FormField(key: "projet_mediation", label: "Actions de médiation numérique prévues", type: .longText, required: true, maxLength: 3_000,
                      showIf: FieldCondition(field: "projet_numerique", equals: ["oui"])),
            FormField(key: "projet_partenaires", label: "Partenaires", type: .group, help: "Collectivités, écoles, entreprises, associations engagées à vos côtés.",
                      fields: [
                          FormField(key: "nom", label: "Partenaire", type: .shortText, required: true, maxLength: 200),
                          FormField(key: "role", label: "Rôle dans le projet", type: .shortText, maxLength: 300),
                      ], maxRows: 20),
        ]),
        FormSection(title: "Budget", help: "Montants en euros sur les trois années de la subvention.", fields: [
            FormField(key: "budget_lignes", label: "Budget prévisionnel", type: .group, required: true,
                      fields: [
                          FormField(key: "poste", label: "Poste de dépense", type: .shortText, required: true, maxLength: 200),
                          FormField(key: "annee1", label: "Année 1", type: .amount, required: true, min: 0),
                          FormField(key: "annee2", label: "Année 2", type: .amount, required: true, min: 0),
                          FormField(key: "annee3", label: "Année 3", type: .amount, required: true, min: 0),
                      ], minRows: 1, maxRows: 30),
            FormField(key: "montant_demande", label: "Subvention demandée sur trois ans", type: .amount, required: true, min: 75_000, max: 150_000),
        ]),
        FormSection(title: "Pièces jointes", fields: [
            FormField(key: "piece_statuts", label: "Statuts de la structure", type: .file, required: true, allowedTypes: ["pdf"], maxBytes: 5 * 1024 * 1024),
            FormField(key: "piece_budget", label: "Budget détaillé", type: .file, allowedTypes: ["pdf", "ods", "xlsx"], maxBytes: 5 * 1024 * 1024),
        ]),
    ])

    /// The answer key of the amount requested: the selection's budget row reads it.
    public static let amountKey = "montant_demande"
}
