import Plot
import Programme
import Storage

/// The instruction side of a dossier page: actions with reasons, the scoring grid, the consolidated
/// score, opinions, experts and private annotations.
enum DossierReviewPanel {
    static func render(_ model: DossierPage.Model) -> BodyNode {
        let access = model.access, d = model.dossier
        let grid = model.call.settings.grid
        let mine = model.reviews.first { $0.reviewerUserID == access.viewer.userID }
        let consolidated = ConsolidatedScore(grid: grid, sheets: model.reviews.map(\.marks))
        return .section(.class("review-panel"), .attr("aria-labelledby", "titre-instruction"),
            .h2(.id("titre-instruction"), access.isReviewer ? "Instruction" : "Votre avis d'expert"),
            access.isReviewer && !access.availableActions.isEmpty ? Form.post(.dossierTransition(d.id), csrf: model.csrfToken, label: "Changer l'état du dossier",
                Form.select("Action", name: "action", options: access.availableActions.map { ($0.rawValue, $0.label) }, selected: nil, required: true),
                .div(.class("field"),
                     .element(named: "label", nodes: [.attr("for", "champ-motif"), "Motif (obligatoire pour une demande de correction ou une décision ; communiqué au porteur)"]),
                     .element(named: "textarea", nodes: [.attr("id", "champ-motif"), .attr("name", "motif"), .attr("rows", "3")])),
                Form.submit("Appliquer")) : .empty,
            .h3("Note consolidée"),
            consolidated.total.map { total in
                .p(.text(escaping: "\(format(total.mean)) / 20 (écart-type \(format(total.spread)), \(total.count) grille\(total.count > 1 ? "s" : "") complète\(total.count > 1 ? "s" : ""))"))
            } ?? .p(.class("muted"), "Aucune grille complète pour l'instant."),
            .table(.class("data-table"),
                .caption("Notes par critère"),
                .thead(.tr(.th(.attr("scope", "col"), "Critère"), .th(.attr("scope", "col"), "Poids"), .th(.attr("scope", "col"), "Moyenne"), .th(.attr("scope", "col"), "Écart-type"))),
                .tbody(.group(grid.criteria.map { criterion in
                    let summary = consolidated.byCriterion[criterion.key]
                    return .tr(.td(.text(escaping: criterion.label)), .td(.text(escaping: format(criterion.weight))),
                               .td(.text(escaping: summary.map { "\(format($0.mean)) / \(criterion.scale)" } ?? "–")),
                               .td(.text(escaping: summary.map { format($0.spread) } ?? "–")))
                }))),
            .h3("Avis"),
            model.reviews.isEmpty ? .p(.class("muted"), "Aucun avis.") : .ul(.group(model.reviews.map { review in
                .li(.text(escaping: "\(review.reviewerName)\(review.isExpert ? " (expert)" : "") : \(review.opinion?.label ?? "sans avis")"
                    + (grid.score(review.marks).map { " · \(format($0)) / 20" } ?? "") + (review.sharedComment.map { " · « \($0) »" } ?? "")),
                    review.comments.isEmpty ? .empty : .ul(.group(grid.criteria.compactMap { criterion in
                        review.comments[criterion.key].map { .li(.text(escaping: "\(criterion.label) (\(review.marks[criterion.key].map(String.init) ?? "–")/\(criterion.scale)) : \($0)")) }
                    })))
            })),
            access.canScore ? scoring(model, grid: grid, mine: mine) : .empty,
            access.isReviewer ? experts(model) : .empty,
            access.isReviewer ? annotations(model) : .empty
        )
    }

    static func scoring(_ model: DossierPage.Model, grid: CriteriaGrid, mine: DossierReview?) -> BodyNode {
        Form.post(.dossierReview(model.dossier.id), csrf: model.csrfToken, label: "Votre grille d'évaluation",
            .h3("Votre grille"),
            .group(grid.criteria.map { criterion in
                .div(.class("criterion"),
                    Form.select("\(criterion.label) (0 à \(criterion.scale))", name: "note_\(criterion.key)",
                                options: [("", "Non noté")] + (0...criterion.scale).map { (String($0), String($0)) },
                                selected: mine?.marks[criterion.key].map(String.init) ?? ""),
                    .div(.class("field"),
                         .element(named: "label", nodes: [.attr("for", "champ-commentaire_\(criterion.key)"), .text(escaping: "Commentaire sur ce critère")]),
                         .element(named: "textarea", nodes: [.attr("id", "champ-commentaire_\(criterion.key)"), .attr("name", "commentaire_\(criterion.key)"),
                                                             .attr("rows", "2"), .text(escaping: mine?.comments[criterion.key] ?? "")])))
            }),
            Form.select("Avis", name: "avis", options: [("", "Pas encore d'avis")] + Opinion.allCases.map { ($0.rawValue, $0.label) }, selected: mine?.opinion?.rawValue ?? ""),
            .div(.class("field"),
                 .element(named: "label", nodes: [.attr("for", "champ-commentaire"), "Commentaire partagé avec le porteur au moment de la décision"]),
                 .element(named: "textarea", nodes: [.attr("id", "champ-commentaire"), .attr("name", "commentaire"), .attr("rows", "3"), .text(escaping: mine?.sharedComment ?? "")])),
            Form.submit("Enregistrer ma grille", secondary: true))
    }

    static func experts(_ model: DossierPage.Model) -> BodyNode {
        Form.post(.dossierExpert(model.dossier.id), csrf: model.csrfToken, label: "Inviter un expert",
            .h3("Demander l'avis d'un expert"),
            Form.field("Adresse e-mail de l'expert", name: "email", type: .email, hint: "L'expert, s'il a un compte, voit ce seul dossier et y donne son avis."),
            Form.submit("Inviter", secondary: true))
    }

    static func annotations(_ model: DossierPage.Model) -> BodyNode {
        .group([
            .h3("Annotations privées"),
            .p(.class("hint"), "Visibles des seuls instructeurs et du comité, jamais du porteur."),
            model.annotations.isEmpty ? .p(.class("muted"), "Aucune annotation.") : .ul(.group(model.annotations.map { note in
                .li(.text(escaping: "\(note.authorName), \(ParisCalendar.format(note.at.date)) : \(note.body)"))
            })),
            Form.post(.dossierNote(model.dossier.id), csrf: model.csrfToken, label: "Ajouter une annotation",
                .input(.type(.hidden), .name("type"), .value("annotation")),
                .div(.class("field"), .element(named: "label", nodes: [.attr("for", "champ-annotation"), "Annotation"]),
                     .element(named: "textarea", nodes: [.attr("id", "champ-annotation"), .attr("name", "texte"), .attr("rows", "2"), .attr("required", "required")])),
                Form.submit("Annoter", secondary: true)),
        ])
    }

    static func format(_ value: Double) -> String { FrenchNumber.format((value * 100).rounded() / 100) }
}
