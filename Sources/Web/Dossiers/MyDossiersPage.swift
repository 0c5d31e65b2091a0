import Foundation
import Plot
import Programme
import Storage

/// The applicant's dossiers (and the dossiers an expert was invited on), with the open calls.
enum MyDossiersPage {
    struct Model {
        var owned: [Dossier]
        var invited: [Dossier]
        var calls: [StoredCall]
        var now: Date
        var canApply: Bool
        var csrfToken: String
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Mes dossiers"),
            model.owned.isEmpty ? .p("Vous n'avez pas encore de dossier.") : table(model.owned),
            model.invited.isEmpty ? .empty : .group([.h2("Dossiers sur lesquels votre avis d'expert est demandé"), table(model.invited)]),
            model.canApply ? .group([
                .h2("Appels ouverts"),
                .ul(.group(model.calls.compactMap { call in
                    guard let wave = call.openWave(at: model.now) else { return nil }
                    return .li(.a(.href(SiteURL.call(call.id).path), .text(escaping: call.settings.title)),
                               .text(escaping: " · \(wave.name), clôture le \(ParisCalendar.format(wave.closesAt)) (heure de Paris)"))
                })),
            ]) : .empty
        )
    }

    static func table(_ dossiers: [Dossier]) -> BodyNode {
        .table(.class("data-table"),
            .thead(.tr(.th(.attr("scope", "col"), "Numéro"), .th(.attr("scope", "col"), "Titre"), .th(.attr("scope", "col"), "État"),
                       .th(.attr("scope", "col"), "Dernière modification"))),
            .tbody(.group(dossiers.map { d in
                .tr(.td(.a(.href(SiteURL.dossier(d.id).path), .text(escaping: d.number))), .td(.text(escaping: d.title)),
                    .td(.span(.class("badge state-\(d.state.rawValue)"), .text(escaping: d.state.label))),
                    .td(.text(escaping: ParisCalendar.format(d.updatedAt.date))))
            })))
    }
}

enum NotificationsPage {
    static func outbox(_ emails: [OutgoingEmail], layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Courriels à envoyer"),
            .p(.class("hint"), "Chaque notification adressée à un porteur (dépôt, demande de correction, décision, message) est aussi écrite ici, dans la même base que l'événement qui la cause ; un service d'envoi la transmet."),
            emails.isEmpty ? .p("Aucun courriel.") : .table(.class("data-table"),
                .thead(.tr(.th(.attr("scope", "col"), "Créé le"), .th(.attr("scope", "col"), "Destinataire"), .th(.attr("scope", "col"), "Objet"), .th(.attr("scope", "col"), "Texte"))),
                .tbody(.group(emails.map { email in
                    .tr(.td(.text(escaping: ParisCalendar.format(email.createdAt.date))), .td(.text(escaping: email.recipient)),
                        .td(.text(escaping: email.subject)), .td(.text(escaping: email.body)))
                }))))
    }


    static func render(_ notifications: [AppNotification], layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Notifications"),
            notifications.isEmpty ? .p("Aucune notification.") : .ul(.class("notifications"), .group(notifications.map { n in
                .li(n.readAt == nil ? .strong("Nouveau · ") : .empty, .text(escaping: "\(ParisCalendar.format(n.at.date)) : "),
                    n.dossierID.map { .a(.href(SiteURL.dossier($0).path), .text(escaping: n.text)) } ?? .text(escaping: n.text))
            })))
    }
}

/// A dossier as a clean printable page: no navigation, every answer, the receipt and the history.
enum DossierPrintPage {
    static func render(_ model: DossierPage.Model) -> String {
        let d = model.dossier
        let html = HTML(
            .lang(.french),
            .head(.meta(.charset(.utf8)), .element(named: "title", text: "Dossier \(d.number)"),
                  .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))),
            .body(.class("print"), .main(
                .h1(.text(escaping: "Dossier \(d.number) : \(d.title)")),
                .p(.text(escaping: "\(model.call.settings.title) · \(model.wave?.name ?? "") · État : \(d.state.label)")),
                DossierPage.receipt(model),
                .group(DossierFormView.readOnly(model.form, answers: model.answers, files: model.files, dossierID: d.id, territory: model.territory)),
                DossierPage.timeline(model),
                .p(.class("hint"), .text(escaping: "Imprimé le \(ParisCalendar.format(model.now, seconds: true)) (heure de Paris)."))
            ))
        )
        return html.render()
    }
}
