import Accounts
import Foundation
import Plot
import Programme
import Storage

enum CallPages {
    static func list(_ calls: [StoredCall], now: Date, canCreate: Bool, csrfToken: String, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Appels à manifestation d'intérêt"),
            calls.isEmpty ? .p("Aucun appel publié pour le moment.") : .ul(.class("call-list"), .group(calls.map { call in
                let open = call.openWave(at: now)
                return .li(.h2(.a(.href(SiteURL.call(call.id).path), .text(escaping: call.settings.title))),
                           call.publishedAt == nil ? .p(.span(.class("badge"), "Brouillon non publié")) : .empty,
                           .p(.text(escaping: open.map { "\($0.name) ouverte : clôture le \(ParisCalendar.format($0.closesAt)) (heure de Paris)." } ?? "Aucune vague ouverte en ce moment.")))
            })),
            canCreate ? Form.post(.calls, csrf: csrfToken, label: "Créer un appel", Form.submit("Créer un appel à partir du modèle de l'AMI")) : .empty
        )
    }

    static func detail(_ call: StoredCall, now: Date, viewer: Viewer?, csrfToken: String, waveForm: FormData = FormData(), waveErrors: [String: String] = [:],
                       layout: Layout.Model) -> String {
        let s = call.settings
        let committee = viewer?.seesWholeProgramme == true
        let open = call.openWave(at: now)
        return Layout.render(layout,
            .h1(.text(escaping: s.title)),
            call.publishedAt == nil ? .p(.span(.class("badge"), "Brouillon non publié : seul le comité le voit")) : .empty,
            .group(s.summary.split(separator: "\n").map { .p(.text(escaping: String($0))) }),
            .h2("Vagues"),
            call.waves.isEmpty ? .p("Aucune vague.") : .table(.class("data-table"),
                .thead(.tr(.th(.attr("scope", "col"), "Vague"), .th(.attr("scope", "col"), "Ouverture"), .th(.attr("scope", "col"), "Clôture (heure de Paris)"), .th(.attr("scope", "col"), "État"))),
                .tbody(.group(call.waves.map { wave in
                    let phase = wave.phase(at: now)
                    let state = switch phase { case .upcoming: "À venir"; case .open: "Ouverte, il reste \(wave.timeLeft(at: now) ?? "")"; case .closed: "Close" }
                    return .tr(.td(committee ? .a(.href(SiteURL.editWave(call.id, wave.id).path), .text(escaping: wave.name)) : .text(escaping: wave.name)),
                               .td(.text(escaping: ParisCalendar.format(wave.opensAt))),
                               .td(.text(escaping: ParisCalendar.format(wave.closesAt))), .td(.text(escaping: state)))
                }))),
            .p(.class("hint"), .text(escaping: "Heure du serveur : \(ParisCalendar.format(now, seconds: true)). Un dossier est reçu s'il est déposé avant l'instant de clôture.")),
            .h2("Qui peut candidater"),
            .ul(.li(.text(escaping: "Structures : " + s.eligibility.legalForms.map(\.label).joined(separator: ", ") + ".")),
                .li(.text(escaping: "Territoires : \(s.eligibility.territory.label).")),
                s.eligibility.excludeCommunesWithFabrique ? .li("Communes qui n'accueillent pas encore de Fabrique de territoire.") : .empty),
            .h2("Critères d'évaluation"),
            .ul(.group(s.grid.criteria.map { .li(.text(escaping: "\($0.label) (poids \(FrenchNumber.format($0.weight)), noté sur \($0.scale))")) })),
            .p(.text(escaping: "Enveloppe : \(FrenchNumber.euros(cents: s.envelopeCents)).")),
            apply(call, open: open, viewer: viewer, csrfToken: csrfToken),
            committee ? administration(call, csrfToken: csrfToken, waveForm: waveForm, waveErrors: waveErrors) : .empty
        )
    }

    static func apply(_ call: StoredCall, open: Wave?, viewer: Viewer?, csrfToken: String) -> BodyNode {
        guard call.publishedAt != nil, let open else { return .empty }
        guard let viewer else {
            return .p(.a(.class("button"), .href(SiteURL.signIn(returnTo: SiteURL.call(call.id).path).path), "Se connecter pour déposer un dossier"))
        }
        guard viewer.has(.applicant) else { return .empty }
        return Form.post(.startDossier(call.id), csrf: csrfToken, label: "Commencer un dossier",
            .p(.text(escaping: "\(open.name) : clôture le \(ParisCalendar.format(open.closesAt)) (heure de Paris).")),
            Form.submit("Commencer un dossier"))
    }

    static func administration(_ call: StoredCall, csrfToken: String, waveForm: FormData, waveErrors: [String: String]) -> BodyNode {
        .section(.class("admin-panel"), .attr("aria-labelledby", "titre-admin"),
            .h2(.id("titre-admin"), "Configuration (comité)"),
            .ul(.li(.a(.href(SiteURL.editCall(call.id).path), "Modifier le texte, l'éligibilité, la grille, l'enveloppe et les cibles")),
                .li(.a(.href(SiteURL.callForm(call.id).path), .text(escaping: "Formulaire : version publiée \(call.currentForm.map { String($0.version) } ?? "aucune")" + (call.draftForm.map { ", brouillon v\($0.version) en cours" } ?? "")))),
                .li(.a(.href(SiteURL.review(query: "appel=\(call.id)").path), "Dossiers de cet appel")),
                .li(.a(.href(SiteURL.outbox.path), "Courriels à envoyer aux porteurs"))),
            call.publishedAt == nil ? Form.post(.publishCall(call.id), csrf: csrfToken, label: "Publier l'appel", Form.submit("Publier l'appel")) : .empty,
            Form.errorSummary(waveErrors, order: ["nom", "ouverture", "cloture"]),
            Form.post(.addWave(call.id), csrf: csrfToken, label: "Ajouter une vague",
                .h3("Ajouter une vague"),
                Form.field("Nom", name: "nom", value: waveForm["nom"] ?? "", error: waveErrors["nom"], required: true),
                Form.field("Ouverture (heure de Paris)", name: "ouverture", value: waveForm["ouverture"] ?? "", type: .datetimeLocal, error: waveErrors["ouverture"], required: true),
                Form.field("Clôture (heure de Paris)", name: "cloture", value: waveForm["cloture"] ?? "", type: .datetimeLocal, error: waveErrors["cloture"],
                           hint: "Instant exact : un dossier déposé à cette minute ou après est refusé.", required: true),
                Form.submit("Ajouter la vague", secondary: true)))
    }

    static func waveEditor(_ call: StoredCall, wave: Wave, form f: FormData, errors e: [String: String], csrfToken: String, layout: Layout.Model) -> String {
        Layout.render(layout,
            .p(.a(.href(SiteURL.call(call.id).path), "← Retour à l'appel")),
            .h1(.text(escaping: "Modifier \(wave.name)")),
            .p(.text(escaping: "Heures de Paris. Le changement est tracé avec l'ancienne et la nouvelle date ; les dossiers déjà déposés gardent leur récépissé.")),
            Form.errorSummary(e, order: ["nom", "ouverture", "cloture"]),
            Form.post(.editWave(call.id, wave.id), csrf: csrfToken, label: "Modifier la vague",
                Form.field("Nom", name: "nom", value: f["nom"] ?? "", error: e["nom"], required: true),
                Form.field("Ouverture (heure de Paris)", name: "ouverture", value: f["ouverture"] ?? "", type: .datetimeLocal, error: e["ouverture"], required: true),
                Form.field("Clôture (heure de Paris)", name: "cloture", value: f["cloture"] ?? "", type: .datetimeLocal, error: e["cloture"], required: true),
                Form.submit("Enregistrer la vague")))
    }

    static func settings(_ call: StoredCall, form f: FormData, errors e: [String: String], csrfToken: String, layout: Layout.Model) -> String {
        let chosen = Set(f.values("formes"))
        return Layout.render(layout,
            .p(.a(.href(SiteURL.call(call.id).path), "← Retour à l'appel")),
            .h1("Configurer l'appel"),
            Form.errorSummary(e, order: CallSettingsForm.fieldOrder),
            Form.post(.editCall(call.id), csrf: csrfToken, label: "Configuration de l'appel",
                Form.field("Titre", name: "titre", value: f["titre"] ?? "", error: e["titre"], required: true),
                textarea("Texte de l'appel", name: "resume", value: f["resume"] ?? "", error: e["resume"], rows: 6),
                .element(named: "fieldset", nodes: [
                    .attr("class", e["formes"] == nil ? "field" : "field field-error"), .attr("id", "champ-formes"),
                    .element(named: "legend", nodes: ["Formes juridiques éligibles"]), Form.errorNode(e["formes"], id: "champ-formes"),
                    .group(LegalForm.allCases.map { form in
                        .div(.class("check"), .element(named: "input", nodes: [.attr("type", "checkbox"), .attr("id", "forme-\(form.rawValue)"), .attr("name", "formes"), .attr("value", form.rawValue),
                                                                               chosen.contains(form.rawValue) ? .attribute(named: "checked", value: nil, ignoreIfValueIsEmpty: false) : .empty]),
                             .element(named: "label", nodes: [.attr("for", "forme-\(form.rawValue)"), .text(escaping: form.label)]))
                    }),
                ]),
                Form.select("Territoires éligibles", name: "territoire", options: EligibilityRules.TerritoryKind.allCases.map { ($0.rawValue, $0.label) }, selected: f["territoire"], error: e["territoire"]),
                .div(.class("check"), .element(named: "input", nodes: [.attr("type", "checkbox"), .attr("id", "champ-exclure_fabriques"), .attr("name", "exclure_fabriques"), .attr("value", "1"),
                                                                       f["exclure_fabriques"] == "1" ? .attribute(named: "checked", value: nil, ignoreIfValueIsEmpty: false) : .empty]),
                     .element(named: "label", nodes: [.attr("for", "champ-exclure_fabriques"), "Exclure les communes qui ont déjà une Fabrique de territoire"])),
                Form.field("Enveloppe (euros)", name: "enveloppe", value: f["enveloppe"] ?? "", error: e["enveloppe"], required: true),
                Form.field("Nombre de lauréats visé", name: "cible_laureats", value: f["cible_laureats"] ?? "", error: e["cible_laureats"]),
                Form.field("Minimum en QPV", name: "cible_qpv", value: f["cible_qpv"] ?? "", error: e["cible_qpv"]),
                Form.field("Minimum en communes rurales", name: "cible_rural", value: f["cible_rural"] ?? "", error: e["cible_rural"]),
                Form.field("Minimum de Fabriques numériques", name: "cible_numerique", value: f["cible_numerique"] ?? "", error: e["cible_numerique"]),
                Form.field("Maximum par vague", name: "max_vague", value: f["max_vague"] ?? "", error: e["max_vague"]),
                Form.field("Maximum par département", name: "max_departement", value: f["max_departement"] ?? "", error: e["max_departement"]),
                textarea("Grille d'évaluation : une ligne par critère, « clé | libellé | poids | échelle »", name: "grille", value: f["grille"] ?? "", error: e["grille"], rows: 7),
                Form.submit("Enregistrer la configuration")))
    }

    static func formEditor(_ call: StoredCall, json: String, error: String?, csrfToken: String, layout: Layout.Model) -> String {
        let types = FieldType.allCases.map { "\($0.rawValue) (\($0.label))" }.joined(separator: ", ")
        return Layout.render(layout,
            .p(.a(.href(SiteURL.call(call.id).path), "← Retour à l'appel")),
            .h1("Formulaire de l'appel"),
            .p(.text(escaping: "Versions : " + call.forms.map { "v\($0.version)" + ($0.publishedAt == nil ? " (brouillon)" : " (publiée)") }.joined(separator: ", ") + ". Une version publiée ne change plus : modifier le formulaire crée une nouvelle version, et les dossiers commencés gardent la leur.")),
            error.map { .div(.class("error-summary"), .attr("role", "alert"), .attr("tabindex", "-1"), .attribute(named: "autofocus", value: nil, ignoreIfValueIsEmpty: false),
                             .h2("Le formulaire n'est pas valide"), .p(.text(escaping: $0))) } ?? .empty,
            Form.post(.callForm(call.id), csrf: csrfToken, label: "Définition du formulaire",
                .p(.class("hint"), .text(escaping: "Sections et champs en JSON. Types : \(types). Options : required, help, max_length, min_length, min, max, options, allowed_types, max_bytes, fields, min_rows, max_rows, show_if {field, equals}.")),
                textarea("Définition (JSON)", name: "formulaire", value: json, error: nil, rows: 30),
                Form.submit("Enregistrer le brouillon du formulaire")),
            call.draftForm == nil ? .empty : Form.post(.publishCallForm(call.id), csrf: csrfToken, label: "Publier le formulaire",
                Form.submit("Publier la version \(call.draftForm!.version)", secondary: true)),
            .h2("Aperçu de la version publiée"),
            call.currentForm.map { form in .div(.class("preview"), .group(DossierFormView.editable(form.definition, answers: [:], errors: [:], files: []))) } ?? .p("Aucune version publiée.")
        )
    }

    static func textarea(_ label: String, name: String, value: String, error: String?, rows: Int) -> BodyNode {
        let id = "champ-\(name)"
        return .div(.class(error == nil ? "field" : "field field-error"),
            Form.labelNode(label, id: id, required: false), Form.errorNode(error, id: id),
            .element(named: "textarea", nodes: [.attr("id", id), .attr("name", name), .attr("rows", String(rows)),
                                                error == nil ? .empty : .attr("aria-describedby", "\(id)-erreur"), .text(escaping: value)]))
    }
}
