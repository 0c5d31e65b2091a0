import Plot
import Storage

enum ReportsPage {
    struct Model {
        var reports: [PlaceReport]
        var csrfToken: String
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Signalements à traiter"),
            .p(.class("lead"), "Les erreurs signalées par le public sur les fiches des lieux que vous animez (ou de tous les lieux, pour le comité)."),
            model.reports.isEmpty ? .p("Aucun signalement en attente.") : .ul(.class("reports"), .group(model.reports.map { report in
                .li(.class("card"),
                    .h2(.a(.href(SiteURL.place(report.placeID).path), .text(escaping: report.placeName))),
                    .p(.text(escaping: report.message)),
                    .p(.class("hint"), .text(escaping: "Reçu le \(ParisTime.format(report.createdAt))" + (report.contact.map { " · contact : \($0)" } ?? ""))),
                    Form.post(.resolveReport(report.id), csrf: model.csrfToken, label: "Traiter le signalement sur \(report.placeName)",
                              Form.submit("Marquer comme traité", secondary: true)))
            }))
        )
    }
}
