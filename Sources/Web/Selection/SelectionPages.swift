import Foundation
import Plot
import Programme
import Selection
import Storage
import Territory

enum SelectionPages {
    struct ListModel {
        var call: StoredCall
        var calls: [StoredCall]
        var scenarios: [(StoredScenario, SelectionResult?)]
        var form: FormData
        var errors: [String: String]
        var csrfToken: String
    }

    static func statusLabel(_ result: SelectionResult?) -> String {
        switch result?.status {
        case .optimal?: "optimal (prouvé)"
        case .timeLimited?: "limite de temps atteinte"
        case .infeasible?: "cibles incompatibles"
        case nil: "illisible"
        }
    }

    static func list(_ model: ListModel, layout: Layout.Model) -> String {
        let f = model.form, e = model.errors
        let chosenWaves = Set(f.values("vagues"))
        func check(_ name: String, _ label: String) -> BodyNode {
            .div(.class("check"), .element(named: "input", nodes: [.attr("type", "checkbox"), .attr("id", "champ-\(name)"), .attr("name", name), .attr("value", "1"),
                                                                   f[name] == "1" ? .attribute(named: "checked", value: nil, ignoreIfValueIsEmpty: false) : .empty]),
                 .element(named: "label", nodes: [.attr("for", "champ-\(name)"), .text(escaping: label)]))
        }
        return Layout.render(layout,
            .h1("Sélection des lauréats"),
            .p(.text(escaping: "Appel : \(model.call.settings.title). Le calcul choisit, parmi les dossiers en instruction ayant une note consolidée, la sélection de note totale maximale qui respecte toutes les cibles, et prouve qu'aucune autre ne fait mieux.")),
            model.scenarios.isEmpty ? .empty : .group([
                .h2("Scénarios enregistrés"),
                .table(.class("data-table"),
                    .thead(.tr(.th(.attr("scope", "col"), "N°"), .th(.attr("scope", "col"), "Nom"), .th(.attr("scope", "col"), "Statut"),
                               .th(.attr("scope", "col"), "Retenus"), .th(.attr("scope", "col"), "Note totale"), .th(.attr("scope", "col"), "Appliqué"))),
                    .tbody(.group(model.scenarios.map { stored, result in
                        .tr(.td(.text(escaping: String(stored.id))), .td(.a(.href(SiteURL.scenario(stored.id).path), .text(escaping: stored.name))),
                            .td(.text(escaping: statusLabel(result))), .td(.text(escaping: String(result?.selected.count ?? 0))),
                            .td(.text(escaping: result?.objective.map { FrenchNumber.format(($0 * 100).rounded() / 100) } ?? "–")),
                            .td(.text(escaping: stored.appliedAt.map { ParisCalendar.format($0.date) } ?? "non")))
                    }))),
                model.scenarios.count >= 2 ? .element(named: "form", nodes: [.attr("method", "get"), .attr("action", "/selection/comparer"), .attr("aria-label", "Comparer deux scénarios"),
                    Form.select("Scénario A", name: "a", options: model.scenarios.map { (String($0.0.id), "n°\($0.0.id) \($0.0.name)") }, selected: String(model.scenarios[1].0.id)),
                    Form.select("Scénario B", name: "b", options: model.scenarios.map { (String($0.0.id), "n°\($0.0.id) \($0.0.name)") }, selected: String(model.scenarios[0].0.id)),
                    Form.submit("Comparer", secondary: true)]) : .empty,
            ]),
            .h2("Nouveau scénario"),
            Form.errorSummary(e, order: ScenarioForm.fieldOrder),
            Form.post(.selection(), csrf: model.csrfToken, label: "Nouveau scénario",
                .input(.type(.hidden), .name("appel"), .attr("value", String(model.call.id))),
                Form.field("Nom du scénario", name: "nom", value: f["nom"] ?? "", error: e["nom"], required: true),
                .element(named: "fieldset", nodes: [.class("field"), .element(named: "legend", nodes: ["Vagues (aucune cochée : toutes)"]),
                    .group(model.call.waves.map { wave in
                        .div(.class("check"), .element(named: "input", nodes: [.attr("type", "checkbox"), .attr("id", "vague-\(wave.id)"), .attr("name", "vagues"), .attr("value", String(wave.id)),
                                                                               chosenWaves.contains(String(wave.id)) ? .attribute(named: "checked", value: nil, ignoreIfValueIsEmpty: false) : .empty]),
                             .element(named: "label", nodes: [.attr("for", "vague-\(wave.id)"), .text(escaping: wave.name)]))
                    })]),
                Form.select("Nombre de lauréats", name: "mode", options: [("au_plus", "Au plus"), ("exactement", "Exactement")], selected: f["mode"]),
                Form.field("Nombre", name: "nombre", value: f["nombre"] ?? "", error: e["nombre"], required: true),
                Form.field("Enveloppe (euros)", name: "budget", value: f["budget"] ?? "", error: e["budget"]),
                Form.field("Minimum en QPV", name: "min_qpv", value: f["min_qpv"] ?? "", error: e["min_qpv"]),
                Form.field("Maximum en QPV", name: "max_qpv", value: f["max_qpv"] ?? "", error: e["max_qpv"]),
                Form.field("Minimum en communes rurales", name: "min_rural", value: f["min_rural"] ?? "", error: e["min_rural"]),
                Form.field("Maximum en communes rurales", name: "max_rural", value: f["max_rural"] ?? "", error: e["max_rural"]),
                Form.field("Minimum de Fabriques numériques", name: "min_numerique", value: f["min_numerique"] ?? "", error: e["min_numerique"]),
                Form.field("Maximum de Fabriques numériques", name: "max_numerique", value: f["max_numerique"] ?? "", error: e["max_numerique"]),
                Form.field("Au moins par région présente", name: "min_region", value: f["min_region"] ?? "", error: e["min_region"],
                           hint: "Chaque région du vivier ou des Fabriques comptées doit en avoir au moins autant."),
                Form.field("Au plus par région", name: "max_region", value: f["max_region"] ?? "", error: e["max_region"]),
                check("compter_labellisees", "Les Fabriques déjà labellisées comptent dans ces cibles et dans les plafonds"),
                Form.field("Au plus par vague", name: "max_vague", value: f["max_vague"] ?? "", error: e["max_vague"]),
                Form.field("Au plus par département", name: "max_departement", value: f["max_departement"] ?? "", error: e["max_departement"]),
                Form.field("Au plus par commune", name: "max_commune", value: f["max_commune"] ?? "", error: e["max_commune"]),
                Form.field("Note consolidée minimale (/20)", name: "note_min", value: f["note_min"] ?? "", error: e["note_min"]),
                check("exclure_defavorables", "Écarter les dossiers ayant reçu un avis défavorable"),
                Form.field("Dossiers imposés", name: "imposes", value: f["imposes"] ?? "", error: e["imposes"], hint: "Numéros séparés par des virgules, par exemple FDT-000002."),
                Form.field("Dossiers écartés", name: "exclus", value: f["exclus"] ?? "", error: e["exclus"]),
                Form.field("Bonus de couverture (points)", name: "bonus", value: f["bonus"] ?? "", error: e["bonus"],
                           hint: "Ajouté à la note des dossiers dont la commune n'a aucun tiers-lieu de l'annuaire dans le rayon ci-dessous."),
                Form.field("Rayon (km)", name: "rayon", value: f["rayon"] ?? "", error: e["rayon"]),
                Form.field("Limite de temps (secondes)", name: "limite", value: f["limite"] ?? "", error: e["limite"]),
                Form.submit("Calculer et enregistrer le scénario"))
        )
    }

    struct ResultModel {
        var stored: StoredScenario
        var scenario: SelectionScenario
        var result: SelectionResult
        var territory: TerritoryReference
        var others: [StoredScenario]
        var csrfToken: String
    }

    static func format(_ value: Double?) -> String { value.map { FrenchNumber.format(($0 * 100).rounded() / 100) } ?? "–" }

    static func result(_ model: ResultModel, layout: Layout.Model) -> String {
        let r = model.result, s = model.scenario
        let chosen = Set(r.selected)
        return Layout.render(layout,
            .p(.a(.href(SiteURL.selection(call: model.stored.callID).path), "← Tous les scénarios")),
            .h1(.text(escaping: "Scénario n°\(model.stored.id) : \(model.stored.name)")),
            proof(r),
            r.conflicts.isEmpty ? .empty : .div(.class("notice notice-error"), .h2("Cibles incompatibles"),
                .p("Ces cibles ne peuvent pas être tenues ensemble (en retirer une seule suffit à rendre le scénario possible) :"),
                .ul(.group(r.conflicts.map { .li(.text(escaping: $0)) }))),
            .p(.a(.href(SiteURL.scenarioExport(model.stored.id).path), "Exporter en CSV"), " · ",
               .group(model.others.prefix(3).map { other in .a(.href(SiteURL.compareScenarios(other.id, model.stored.id).path), .text(escaping: "Comparer avec n°\(other.id) ")) })),
            distribution(s, selected: chosen, territory: model.territory),
            .h2("Chaque dossier"),
            .table(.class("data-table"),
                .thead(.tr(.th(.attr("scope", "col"), "Dossier"), .th(.attr("scope", "col"), "Retenu"), .th(.attr("scope", "col"), "Note"),
                           .th(.attr("scope", "col"), "Territoire"), .th(.attr("scope", "col"), "Pourquoi"), .th(.attr("scope", "col"), "Seuil"))),
                .tbody(.group(s.pool.sorted { ($0.score + $0.bonus, $1.id) > ($1.score + $1.bonus, $0.id) }.map { d in
                    let e = r.explanations?[d.id]
                    let threshold: String = if let needed = e?.scoreNeeded { "entrerait avec \(format(needed))" }
                        else if let lose = e?.canLose { "peut perdre \(format(lose)) point(s)" } else { "–" }
                    return .tr(.td(.a(.href("/dossiers/\(Int(d.id.dropFirst(4)) ?? 0)"), .text(escaping: d.id))),
                               .td(.text(escaping: chosen.contains(d.id) ? "oui" : "non")),
                               .td(.text(escaping: format(d.score) + (d.bonus > 0 ? " + \(format(d.bonus))" : ""))),
                               .td(.text(escaping: "\(d.department ?? "") · " + d.categories.joined(separator: ", "))),
                               .td(.text(escaping: (e?.reason ?? "") + ((e?.binding.isEmpty ?? true) ? "" : " Contraintes liantes : " + e!.binding.joined(separator: " ; ")))),
                               .td(.text(escaping: threshold)))
                }))),
            model.stored.appliedAt == nil && r.status == .optimal ? Form.post(.applyScenario(model.stored.id), csrf: model.csrfToken, label: "Appliquer le scénario",
                .p("Appliquer : chaque dossier retenu est accepté et chaque autre dossier du scénario refusé, avec ce scénario pour motif ; chaque porteur est notifié."),
                Form.submit("Transformer ce scénario en décisions")) : .empty
        )
    }

    static func proof(_ r: SelectionResult) -> BodyNode {
        switch r.status {
        case .optimal:
            return .div(.class("notice notice-success"), .p(.strong("Sélection optimale prouvée. "),
                .text(escaping: "\(r.selected.count) dossier(s) retenu(s), note totale \(format(r.objective)) ; borne supérieure prouvée \(format(r.bound)) : aucune sélection respectant les cibles ne fait mieux. Montant : \(format(r.amount)) €.")))
        case .timeLimited:
            return .div(.class("notice"), .p(.strong("Limite de temps atteinte. "),
                .text(escaping: "Meilleure sélection trouvée : \(format(r.objective)) ; la meilleure possible vaut au plus \(format(r.bound)) (écart \(format((r.gap ?? 0) * 100)) %).")))
        case .infeasible:
            return .div(.class("notice notice-error"), .p(.strong("Aucune sélection ne respecte toutes les cibles.")))
        }
    }

    /// Counts of the selection (and of labelled Fabriques counted with it) by category and by région.
    static func distribution(_ s: SelectionScenario, selected: Set<String>, territory: TerritoryReference) -> BodyNode {
        let picked = s.pool.filter { selected.contains($0.id) }
        let categories = ["qpv": "QPV", "rural": "Rural", "numerique": "Numérique"]
        let regions = Dictionary(grouping: picked, by: { $0.region ?? "" }).mapValues(\.count)
        let labelledRegions = Dictionary(grouping: s.labelled, by: { $0.region ?? "" }).mapValues(\.count)
        return .group([
            .h2("Répartition"),
            .table(.class("data-table"), .caption("Par catégorie"),
                .thead(.tr(.th(.attr("scope", "col"), "Catégorie"), .th(.attr("scope", "col"), "Retenus"), .th(.attr("scope", "col"), "Déjà labellisés comptés"), .th(.attr("scope", "col"), "Cible"))),
                .tbody(.group(categories.sorted { $0.key < $1.key }.map { key, label in
                    .tr(.td(.text(escaping: label)), .td(.text(escaping: String(picked.filter { $0.categories.contains(key) }.count))),
                        .td(.text(escaping: String(s.labelled.filter { $0.categories.contains(key) }.count))),
                        .td(.text(escaping: [s.targets.categories[key]?.min.map { "≥ \($0)" }, s.targets.categories[key]?.max.map { "≤ \($0)" }].compactMap { $0 }.joined(separator: " ").nilIfEmpty ?? "–")))
                }))),
            .table(.class("data-table"), .caption("Par région"),
                .thead(.tr(.th(.attr("scope", "col"), "Région"), .th(.attr("scope", "col"), "Retenus"), .th(.attr("scope", "col"), "Déjà labellisés comptés"))),
                .tbody(.group(Set(regions.keys).union(labelledRegions.keys).sorted().map { code in
                    .tr(.td(.text(escaping: territory.region(code: code)?.name ?? code)), .td(.text(escaping: String(regions[code] ?? 0))),
                        .td(.text(escaping: String(labelledRegions[code] ?? 0))))
                }))),
        ])
    }

    static func comparison(_ a: (StoredScenario, SelectionScenario, SelectionResult), _ b: (StoredScenario, SelectionScenario, SelectionResult),
                           territory: TerritoryReference, layout: Layout.Model) -> String {
        let left = Set(a.2.selected), right = Set(b.2.selected)
        let entering = right.subtracting(left).sorted(), leaving = left.subtracting(right).sorted()
        return Layout.render(layout,
            .p(.a(.href(SiteURL.selection(call: a.0.callID).path), "← Tous les scénarios")),
            .h1(.text(escaping: "n°\(a.0.id) « \(a.0.name) » → n°\(b.0.id) « \(b.0.name) »")),
            .p(.text(escaping: "Note totale : \(format(a.2.objective)) → \(format(b.2.objective)). Retenus : \(left.count) → \(right.count). Communs : \(left.intersection(right).count).")),
            .div(.class("two-columns"),
                .section(.h2(.text(escaping: "Entrent (\(entering.count))")), .ul(.group(entering.map { .li(.text(escaping: $0)) }))),
                .section(.h2(.text(escaping: "Sortent (\(leaving.count))")), .ul(.group(leaving.map { .li(.text(escaping: $0)) })))),
            .section(.h2(.text(escaping: "Scénario n°\(a.0.id)")), distribution(a.1, selected: left, territory: territory)),
            .section(.h2(.text(escaping: "Scénario n°\(b.0.id)")), distribution(b.1, selected: right, territory: territory))
        )
    }
}
