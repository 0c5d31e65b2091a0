import Directory
import Plot
import Storage
import Territory

enum PlacePage {
    struct Model {
        var place: DirectoryPlace
        var canEdit: Bool
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
            place.details.map { .group(.h2("Présentation"), .p(.text(escaping: $0))) } ?? .empty
        )
    }
}
