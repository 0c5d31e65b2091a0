import Accounts
import Plot
import Programme
import Storage
import Territory

/// The dossiers a reviewer may see, filtered and sorted, with bulk actions and exports.
enum ReviewListPage {
    struct Model {
        var filter: DossierFilter
        var query: String
        var page: DossierResultPage
        var pageNumber: Int
        var pageSize: Int
        var calls: [StoredCall]
        var viewer: Viewer
        var territory: TerritoryReference
        var csrfToken: String
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        let f = model.filter
        let waves = model.calls.flatMap { call in call.waves.map { (call, $0) } }
        let departments = model.viewer.seesWholeProgramme ? model.territory.departments.map(\.code)
            : model.viewer.reviewedTerritories.flatMap { scope -> [String] in
                switch scope {
                case .department(let code): [code]
                case .region(let code): model.territory.departments.filter { $0.regionCode == code }.map(\.code)
                default: []
                }
            }
        let exportQuery = model.query.split(separator: "&").filter { !$0.hasPrefix("page=") }.joined(separator: "&")
        return Layout.render(layout,
            .h1("Instruction des dossiers"),
            .element(named: "form", nodes: [.attr("method", "get"), .attr("action", SiteURL.review().path), .attr("class", "filters"), .attr("aria-label", "Filtrer les dossiers"),
                Form.select("Vague", name: "vague", options: [("", "Toutes")] + waves.map { (String($0.1.id), "\($0.0.settings.title) · \($0.1.name)") }, selected: f.waveID.map(String.init) ?? ""),
                Form.select("État", name: "etat", options: [("", "Tous")] + DossierState.allCases.filter { $0 != .draft }.map { ($0.rawValue, $0.label) }, selected: f.states.first?.rawValue ?? ""),
                Form.select("Département", name: "departement", options: [("", "Tous")] + departments.map { ($0, "\($0) · \(model.territory.department(code: $0)?.name ?? "")") },
                            selected: f.departmentCode ?? ""),
                Form.select("QPV", name: "qpv", options: [("", "Indifférent"), ("1", "Commune avec QPV"), ("0", "Sans QPV")], selected: f.qpv.map { $0 ? "1" : "0" } ?? ""),
                Form.select("Rural", name: "rural", options: [("", "Indifférent"), ("1", "Commune rurale"), ("0", "Commune urbaine")], selected: f.rural.map { $0 ? "1" : "0" } ?? ""),
                Form.select("Assignation", name: "assigne", options: [("", "Tous"), (String(model.viewer.userID), "Assignés à moi"), ("aucun", "Non assignés")],
                            selected: f.unassigned ? "aucun" : f.assigneeUserID.map(String.init) ?? ""),
                Form.field("Note minimale (/20)", name: "note_min", value: f.minimumScore.map { FrenchNumber.format($0) } ?? ""),
                Form.select("Tri", name: "tri", options: [("numero", "Plus récents"), ("maj", "Dernière modification"), ("note", "Meilleure note"), ("territoire", "Département")],
                            selected: f.order.rawValue),
                Form.submit("Filtrer", secondary: true)]),
            .p(.text(escaping: "\(model.page.total) dossier\(model.page.total > 1 ? "s" : "")."), " ",
               .a(.href(SiteURL.reviewExportCSV(query: exportQuery).path), "Exporter en CSV"), " · ",
               .a(.href(SiteURL.reviewExportODS(query: exportQuery).path), "Exporter en ODS (tableur)")),
            Form.post(.reviewBulk, csrf: model.csrfToken, label: "Actions groupées",
                .input(.type(.hidden), .name("retour"), .attr("value", model.query)),
                .table(.class("data-table"),
                    .caption(.text(escaping: "Dossiers, page \(model.pageNumber)")),
                    .thead(.tr(.th(.attr("scope", "col"), .span(.class("visually-hidden"), "Sélection")), .th(.attr("scope", "col"), "Numéro"), .th(.attr("scope", "col"), "Titre"),
                               .th(.attr("scope", "col"), "Dép."), .th(.attr("scope", "col"), "Catégories"), .th(.attr("scope", "col"), "État"),
                               .th(.attr("scope", "col"), "Note /20"), .th(.attr("scope", "col"), "Déposé le"))),
                    .tbody(.group(model.page.dossiers.map { d in
                        let categories = [d.territory.isQPV ? "QPV" : nil, d.territory.isRural ? "rural" : nil, d.territory.isDigital ? "numérique" : nil].compactMap { $0 }
                        return .tr(
                            .td(.element(named: "input", nodes: [.attr("type", "checkbox"), .attr("name", "dossier"), .attr("value", String(d.id)), .attr("id", "sel-\(d.id)"),
                                                                 .attr("aria-label", "Sélectionner \(d.number)")])),
                            .td(.a(.href(SiteURL.dossier(d.id).path), .text(escaping: d.number))), .td(.text(escaping: d.title)),
                            .td(.text(escaping: d.territory.departmentCode)), .td(.text(escaping: categories.joined(separator: ", "))),
                            .td(.span(.class("badge state-\(d.state.rawValue)"), .text(escaping: d.state.label))),
                            .td(.text(escaping: d.score.map { FrenchNumber.format(($0 * 100).rounded() / 100) } ?? "–")),
                            .td(.text(escaping: d.submittedAt.map { ParisCalendar.format($0.date) } ?? "")))
                    }))),
                Form.select("Action sur la sélection", name: "operation",
                            options: [("m_assigner", "M'assigner ces dossiers"), (DossierAction.startReview.rawValue, DossierAction.startReview.label),
                                      (DossierAction.closeWithoutFollowUp.rawValue, DossierAction.closeWithoutFollowUp.label)], selected: nil),
                Form.field("Motif (pour classer sans suite)", name: "motif"),
                Form.submit("Appliquer à la sélection", secondary: true)),
            pagination(model)
        )
    }

    static func pagination(_ model: Model) -> BodyNode {
        let pages = max(1, (model.page.total + model.pageSize - 1) / model.pageSize)
        guard pages > 1 else { return .empty }
        let base = model.query.split(separator: "&").filter { !$0.hasPrefix("page=") }.joined(separator: "&")
        func link(_ page: Int, _ label: String) -> BodyNode {
            .a(.href(SiteURL.review(query: (base.isEmpty ? "" : base + "&") + "page=\(page)").path), .text(escaping: label))
        }
        return .nav(.attr("aria-label", "Pages"), .p(
            model.pageNumber > 1 ? link(model.pageNumber - 1, "← Page précédente") : .empty, " ",
            .text(escaping: "Page \(model.pageNumber) sur \(pages)"), " ",
            model.pageNumber < pages ? link(model.pageNumber + 1, "Page suivante →") : .empty))
    }
}
