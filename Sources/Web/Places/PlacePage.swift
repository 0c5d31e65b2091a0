import Directory
import Plot
import Storage
import Territory

enum PlacePage {
    static func networkSection(_ model: Model) -> BodyNode {
        guard model.network != nil || !model.members.isEmpty else { return .empty }
        return .section(.attr("aria-labelledby", "reseau"),
            .h2(.id("reseau"), "Réseau"),
            model.network.map { fabrique in
                .p("Membre du réseau de la Fabrique ", .a(.href(SiteURL.place(fabrique.id ?? 0).path), .text(escaping: fabrique.name)), ".")
            } ?? .empty,
            model.members.isEmpty ? .empty : .group(
                .p(.text(escaping: "\(model.members.count) lieu\(model.members.count > 1 ? "x" : "") membre\(model.members.count > 1 ? "s" : "") du réseau :")),
                .ul(.group(model.members.map { member in
                    .li(.a(.href(SiteURL.place(member.id ?? 0).path), .text(escaping: member.name)), .text(escaping: " (\(member.communeName))"))
                })))
        )
    }

    /// For the place's animateurs and the comité: edit link, open reports, and the history of versions.
    static func editorSection(_ model: Model) -> BodyNode {
        .section(.class("editor"), .attr("aria-labelledby", "gestion"),
            .h2(.id("gestion"), "Gestion de la fiche"),
            .p(.a(.class("button"), .href(SiteURL.editPlace(model.place.id ?? 0).path), "Modifier la fiche")),
            model.openReports.isEmpty ? .p("Aucun signalement en attente.") : .group(
                .h3("Signalements en attente (\(model.openReports.count))"),
                .ul(.group(model.openReports.map { .li(.text(escaping: "\(ParisTime.format($0.createdAt)) : \($0.message)")) }))),
            .h3("Historique"),
            .ol(.class("timeline"), .group(PlaceHistory.describe(model.history).map { .li(.text(escaping: $0)) }))
        )
    }

    struct Model {
        var place: DirectoryPlace
        var canEdit: Bool
        var history: [PlaceRevision] = []
        var openReports: [PlaceReport] = []
        var reportMessage: String = ""
        var reportContact: String = ""
        var reportError: String?
        var csrfToken: String
        /// The Fabrique this place belongs to, and the members of its own network.
        var network: DirectoryPlace?
        var members: [DirectoryPlace] = []
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        let place = model.place
        func row(_ term: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
            guard let value, !value.isEmpty else { return .empty }
            return .group(.dt(.text(escaping: term)), .dd(.text(escaping: value)))
        }
        func list(_ term: String, _ values: [String]) -> Node<HTML.DescriptionListContext> { row(term, values.joined(separator: ", ")) }
        let map = FranceMap.national.map {
            $0.zoomed(on: place.departmentCode).svg(places: [place], highlight: place.departmentCode,
                                                    title: "Position de \(place.name)", summary: "\(place.communeName), \(place.departmentCode)")
        } ?? ""
        return Layout.render(layout,
            .p(.a(.href(SiteURL.places.path), "← Trouver un tiers-lieu")),
            .h1(.text(escaping: place.name)),
            place.label.map { .p(.class("badge"), .text(escaping: $0.title)) } ?? .empty,
            place.summary.map { .p(.class("lead"), .text(escaping: $0)) } ?? .empty,
            .div(.class("place-grid"),
                .dl(.class("summary"),
                    row("Adresse", [place.address, place.addressComplement ?? "", "\(place.postalCode) \(place.communeName)"].filter { !$0.isEmpty }.joined(separator: ", ")),
                    row("Département", place.departmentCode),
                    list("Types de lieu", place.kinds.map(\.label)),
                    row("Horaires", place.openingHours),
                    list("Services", place.services),
                    list("Publics", place.publics),
                    list("Modalités d'accès", place.accessModes),
                    list("Accompagnement", place.supportModes),
                    list("Frais", place.fees),
                    list("Dispositifs nationaux", place.nationalProgrammes),
                    row("Téléphone", place.phone),
                    list("Courriel", place.emails),
                    list("Site web", place.websites),
                    row("Accessibilité", place.accessibilityURL),
                    row("Prise de rendez-vous", place.bookingURL),
                    row("Source", place.source),
                    row("Mise à jour", place.updatedOn)
                ),
                .div(.class("map-frame small"), .raw(map))
            ),
            place.details.map { .group(.h2("Présentation"), .p(.text(escaping: $0))) } ?? .empty,
            networkSection(model),
            model.canEdit ? editorSection(model) : .empty,
            .h2(.id("signaler"), "Signaler une erreur"),
            .p("Une information est fausse ou manque ? Votre message va aux animateurs du lieu et au comité national."),
            model.reportError.map { .div(.class("error-summary"), .attr("role", "alert"), .p(.text(escaping: $0))) } ?? .empty,
            Form.post(.reportPlace(place.id ?? 0), csrf: model.csrfToken, label: "Signaler une erreur",
                .div(.class(model.reportError == nil ? "field" : "field field-error"),
                     .element(named: "label", nodes: [.attr("for", "champ-message"), "Ce qui est inexact", .span(.class("required"), " (obligatoire)")]),
                     .element(named: "textarea", nodes: [.attr("id", "champ-message"), .attr("name", "message"), .attr("rows", "4"),
                                                         .attribute(named: "required", value: nil, ignoreIfValueIsEmpty: false),
                                                         .text(escaping: model.reportMessage)])),
                Form.field("Votre adresse électronique", name: "contact", value: model.reportContact, type: .email,
                           hint: "Facultatif, pour qu'on puisse vous répondre.", autocomplete: "email"),
                Form.submit("Envoyer le signalement", secondary: true)
            )
        )
    }
}
