import Plot
import Programme
import Storage
import Territory

enum OrganisationFormPage {
    struct Model {
        var isNew: Bool
        var input: OrganisationInput
        var errors: [String: String]
        var csrfToken: String
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Mon organisation"),
            .p(.class("lead"), "La structure qui porte vos candidatures. Ces informations préremplissent vos dossiers ; seuls vous, les instructeurs de votre territoire et le comité national les voient."),
            Form.errorSummary(model.errors, order: OrganisationInput.fieldOrder),
            Form.post(.myOrganisation, csrf: model.csrfToken, label: "Mon organisation",
                Form.field("Nom de la structure", name: "name", value: model.input.name, error: model.errors["name"], required: true, autocomplete: "organization"),
                Form.select("Forme juridique", name: "legal_form",
                            options: [("", "Choisissez…")] + LegalForm.allCases.map { ($0.rawValue, $0.label) },
                            selected: model.input.legalForm, error: model.errors["legal_form"], required: true),
                Form.field("SIRET", name: "siret", value: model.input.siret, error: model.errors["siret"],
                           hint: "14 chiffres, espaces acceptés. Facultatif tant que la structure est en cours d'immatriculation."),
                Form.field("Commune du siège", name: "commune", value: model.input.commune, error: model.errors["commune"],
                           hint: "Nom, code postal ou code INSEE, par exemple : Angoulême, 16000 ou 16015.", required: true),
                Form.submit(model.isNew ? "Enregistrer l'organisation" : "Mettre à jour")
            )
        )
    }
}

enum OrganisationListPage {
    struct Model {
        var organisations: [Organisation]
        var territory: TerritoryReference
        var scopeDescription: String
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Organisations"),
            .p(.class("lead"), .text(escaping: model.scopeDescription)),
            model.organisations.isEmpty ? .p("Aucune organisation sur votre périmètre.") : .table(
                .caption("\(model.organisations.count) organisation\(model.organisations.count > 1 ? "s" : "")"),
                .thead(.tr(.th(.attr("scope", "col"), "Nom"), .th(.attr("scope", "col"), "Forme"), .th(.attr("scope", "col"), "Commune"), .th(.attr("scope", "col"), "Département"))),
                .tbody(.group(model.organisations.map { organisation in
                    .tr(.td(.a(.href(SiteURL.organisation(organisation.id).path), .text(escaping: organisation.name))),
                        .td(.text(escaping: LegalForm(rawValue: organisation.legalForm)?.label ?? organisation.legalForm)),
                        .td(.text(escaping: model.territory.commune(code: organisation.communeCode)?.name ?? organisation.communeCode)),
                        .td(.text(escaping: organisation.departmentCode)))
                }))
            )
        )
    }
}

enum OrganisationPage {
    static func render(_ organisation: Organisation, territory: TerritoryReference, layout: Layout.Model) -> String {
        let commune = territory.commune(code: organisation.communeCode)
        return Layout.render(layout,
            .p(.a(.href(SiteURL.organisations.path), "← Organisations")),
            .h1(.text(escaping: organisation.name)),
            .dl(.class("summary"),
                .dt("Forme juridique"), .dd(.text(escaping: LegalForm(rawValue: organisation.legalForm)?.label ?? organisation.legalForm)),
                .dt("SIRET"), .dd(.text(escaping: organisation.siret ?? "non renseigné")),
                .dt("Commune"), .dd(.text(escaping: commune.map { "\($0.name) (\($0.code))" } ?? organisation.communeCode)),
                .dt("Département"), .dd(.text(escaping: territory.department(code: organisation.departmentCode).map { "\($0.name) (\($0.code))" } ?? organisation.departmentCode)),
                .dt("Commune rurale"), .dd(commune?.isRural == true ? "oui" : "non"),
                .dt("Quartier prioritaire dans la commune"), .dd(commune?.hasPriorityNeighbourhood == true ? "oui" : "non"),
                .dt("Mise à jour"), .dd(.text(escaping: ParisTime.format(organisation.updatedAt)))
            )
        )
    }
}
