import Directory
import Plot

/// The edit form of a place, for its animateurs and the comité. A failed form shows every value typed.
enum PlaceEditPage {
    struct Model {
        var placeID: Int64
        var name: String
        var form: FormData
        var errors: [String: String]
        var csrfToken: String
    }

    static let fieldOrder = ["nom", "adresse", "complement_adresse", "code_postal", "code_insee", "latitude", "longitude", "horaires",
                             "telephone", "courriels", "site_web", "presentation_resume", "presentation_detail", "types_tiers_lieu", "services",
                             "publics_specifiquement_adresses", "reseau"]

    static func render(_ model: Model, layout: Layout.Model) -> String {
        let f = model.form, e = model.errors
        func checkboxes(_ legend: String, name: String, options: [(String, String)]) -> BodyNode {
            let chosen = Set(f.values(name))
            return .element(named: "fieldset", nodes: [
                .attr("class", e[name] == nil ? "field" : "field field-error"), .attr("id", "champ-\(name)"),
                .element(named: "legend", nodes: [.text(escaping: legend)]),
                Form.errorNode(e[name], id: "champ-\(name)"),
                .group(options.enumerated().map { index, option in
                    .div(.class("check"),
                         .element(named: "input", nodes: [.attr("type", "checkbox"), .attr("id", "\(name)-\(index)"), .attr("name", name),
                                                          .attr("value", option.0),
                                                          chosen.contains(option.0) ? .attribute(named: "checked", value: nil, ignoreIfValueIsEmpty: false) : .empty]),
                         .element(named: "label", nodes: [.attr("for", "\(name)-\(index)"), .text(escaping: option.1)]))
                }),
            ])
        }
        return Layout.render(layout,
            .p(.a(.href(SiteURL.place(model.placeID).path), "← Retour à la fiche")),
            .h1(.text(escaping: "Modifier : \(model.name)")),
            Form.errorSummary(e, order: fieldOrder),
            Form.post(.editPlace(model.placeID), csrf: model.csrfToken, label: "Modifier le lieu",
                Form.field("Nom", name: "nom", value: f["nom"] ?? "", error: e["nom"], required: true),
                Form.field("Adresse", name: "adresse", value: f["adresse"] ?? "", error: e["adresse"], required: true, autocomplete: "street-address"),
                Form.field("Complément d'adresse", name: "complement_adresse", value: f["complement_adresse"] ?? "", error: e["complement_adresse"]),
                Form.field("Code postal", name: "code_postal", value: f["code_postal"] ?? "", error: e["code_postal"], required: true, autocomplete: "postal-code"),
                Form.field("Code INSEE de la commune", name: "code_insee", value: f["code_insee"] ?? "", error: e["code_insee"], hint: "5 caractères, par exemple 16015.", required: true),
                Form.field("Latitude", name: "latitude", value: f["latitude"] ?? "", error: e["latitude"], hint: "Degrés décimaux (WGS84). Laissez latitude et longitude vides pour placer le lieu au centre de sa commune."),
                Form.field("Longitude", name: "longitude", value: f["longitude"] ?? "", error: e["longitude"]),
                Form.field("Horaires", name: "horaires", value: f["horaires"] ?? "", error: e["horaires"], hint: "Format OpenStreetMap, par exemple : Mo-Fr 09:00-12:00,14:00-18:00"),
                Form.field("Téléphone", name: "telephone", value: f["telephone"] ?? "", type: .tel, error: e["telephone"], autocomplete: "tel"),
                Form.field("Courriels", name: "courriels", value: f["courriels"] ?? "", error: e["courriels"], hint: "Séparés par |"),
                Form.field("Sites web", name: "site_web", value: f["site_web"] ?? "", error: e["site_web"], hint: "Séparés par |"),
                Form.field("Présentation courte", name: "presentation_resume", value: f["presentation_resume"] ?? "", error: e["presentation_resume"]),
                Form.field("Présentation détaillée", name: "presentation_detail", value: f["presentation_detail"] ?? "", error: e["presentation_detail"]),
                Form.field("Réseau : numéro de la Fabrique de rattachement", name: "reseau", value: f["reseau"] ?? "", type: .number, error: e["reseau"],
                           hint: "Le numéro de la fiche de la Fabrique de territoire dont ce lieu est membre (dans l'adresse de sa fiche). Vide si aucun."),
                checkboxes("Types de lieu", name: "types_tiers_lieu", options: PlaceKind.allCases.map { ($0.rawValue, $0.label) }),
                checkboxes("Services de médiation numérique", name: "services", options: MediationVocabulary.services.map { ($0, $0) }),
                checkboxes("Publics spécifiquement accueillis", name: "publics_specifiquement_adresses", options: MediationVocabulary.publics.map { ($0, $0) }),
                Form.submit("Enregistrer les modifications")
            )
        )
    }
}
