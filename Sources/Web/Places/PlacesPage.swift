import Programme
import Directory
import Foundation
import Plot
import Territory

/// The public search of the directory: a GET form (works without JavaScript, bookmarkable), facet
/// counts beside each choice, the map and the list (the map's text alternative).
enum PlacesPage {
    struct Model {
        var parameters: [String: String]
        var result: PlaceSearchResult
        var mapPlaces: [DirectoryPlace]
        var commune: Commune?
        var territory: TerritoryReference
        var error: String?
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        let p = model.parameters
        let result = model.result
        let facets = result.facets.all
        func count(_ facet: Facet, _ value: String) -> String {
            let n = facets[facet]?[value] ?? 0
            return " (\(n))"
        }
        let kindOptions = [("", "Tous les types")] + PlaceKind.allCases.map { ($0.rawValue, $0.label + count(.kind, $0.rawValue)) }
        let serviceOptions = [("", "Tous les services")] + MediationVocabulary.services.map { ($0, $0 + count(.service, $0)) }
        let publicOptions = [("", "Tous les publics")] + MediationVocabulary.publics.map { ($0, $0 + count(.publicGroup, $0)) }
        let labelOptions = [("", "Tous les lieux")] + DirectoryPlace.Label.allCases.map { ($0.rawValue, $0.title + count(.label, $0.rawValue)) }
        let departmentOptions = [("", "Tous les départements")] + model.territory.departments.map { ($0.code, "\($0.code) · \($0.name)" + count(.department, $0.code)) }
        let yesNo: (Facet) -> [(String, String)] = { facet in [("", "Indifférent"), ("oui", "Oui" + count(facet, "oui")), ("non", "Non" + count(facet, "non"))] }
        let summary = "\(FrenchNumber.format(result.total)) lieu\(result.total > 1 ? "x" : "") trouvé\(result.total > 1 ? "s" : "")"
            + (model.commune.map { " à moins de \(Int(Double(p["rayon"] ?? "20") ?? 20)) km de \($0.name)" } ?? "")
        let map = FranceMap.national.map { base -> String in
            let framed = p["departement"].map { base.zoomed(on: $0.uppercased()) } ?? base
            return framed.svg(places: model.mapPlaces, highlight: p["departement"]?.uppercased(), title: "Carte des lieux trouvés",
                              summary: summary + ". La liste sous la carte donne les mêmes lieux en texte.")
        } ?? ""
        return Layout.render(layout,
            .h1("Trouver un tiers-lieu"),
            .p(.class("lead"), "Fabriques de territoire, tiers-lieux et lieux de médiation numérique : cherchez par nom, type, service ou près d'une commune."),
            model.error.map { .div(.class("error-summary"), .attr("role", "alert"), .p(.text(escaping: $0))) } ?? .empty,
            .element(named: "form", nodes: [
                .attr("method", "get"), .attr("action", SiteURL.places.path), .attr("role", "search"), .attr("aria-label", "Recherche de lieux"),
                .div(.class("search-grid"),
                    Form.field("Mots", name: "q", value: p["q"] ?? "", type: .search, hint: "Nom du lieu ou de la commune, sans souci des accents."),
                    Form.field("Près de la commune", name: "commune", value: p["commune"] ?? "", hint: "Nom ou code INSEE, par exemple Angoulême."),
                    Form.select("Rayon", name: "rayon", options: ["5", "10", "20", "30", "50"].map { ($0, "\($0) km") }, selected: p["rayon"] ?? "20"),
                    Form.select("Type de lieu", name: "type", options: kindOptions, selected: p["type"]),
                    Form.select("Service", name: "service", options: serviceOptions, selected: p["service"]),
                    Form.select("Public", name: "public", options: publicOptions, selected: p["public"]),
                    Form.select("Label", name: "label", options: labelOptions, selected: p["label"]),
                    Form.select("Département", name: "departement", options: departmentOptions, selected: p["departement"]?.uppercased()),
                    Form.select("Commune avec quartier prioritaire", name: "qpv", options: yesNo(.priorityNeighbourhood), selected: p["qpv"]),
                    Form.select("Commune rurale", name: "rural", options: yesNo(.rural), selected: p["rural"])
                ),
                Form.submit("Rechercher"),
            ]),
            .h2(.id("resultats"), .text(escaping: summary)),
            .div(.class("map-frame"), .raw(map)),
            .p(.class("legend"), .group(PlaceKind.allCases.map { kind in
                .span(.class("legend-item"), .span(.class("swatch"), .attr("style", "background:\(kind.colour)"), .attr("aria-hidden", "true")), .text(escaping: kind.label))
            }), .span(.class("legend-item"), .span(.class("swatch swatch-fabrique"), .attr("aria-hidden", "true")), "Fabrique de territoire (cerclée)")),
            .p(.a(.href(exportLink(p, format: "csv")), "Télécharger ces lieux (CSV du standard national)"), " · ",
               .a(.href(exportLink(p, format: "geojson")), "GeoJSON"), " · ", .a(.href(exportLink(p, format: "json")), "JSON")),
            .ol(.class("results"), .attr("start", String((result.page - 1) * result.perPage + 1)), .group(result.hits.map { hit in
                .li(.class("result"),
                    .h3(.a(.href(SiteURL.place(hit.place.id ?? 0).path), .text(escaping: hit.place.name))),
                    .p(.text(escaping: [hit.place.communeName + " (\(hit.place.departmentCode))",
                                        hit.distanceKilometres.map { String(format: "%.1f km", $0).replacingOccurrences(of: ".", with: ",") },
                                        hit.place.label?.title, hit.place.kinds.map(\.label).joined(separator: ", ")].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))))
            })),
            pagination(p, result)
        )
    }

    static func link(_ parameters: [String: String], page: Int) -> String {
        var items = parameters.filter { !$0.value.isEmpty && $0.key != "page" }.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        items.append(URLQueryItem(name: "page", value: String(page)))
        var components = URLComponents()
        components.path = SiteURL.places.path
        components.queryItems = items
        return components.string ?? SiteURL.places.path
    }

    static func exportLink(_ parameters: [String: String], format: String) -> String {
        var components = URLComponents()
        components.path = "/api/v1/places/export.\(format)"
        components.queryItems = parameters.filter { !$0.value.isEmpty && $0.key != "page" && $0.key != "par_page" }
            .sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string ?? components.path
    }

    static func pagination(_ p: [String: String], _ result: PlaceSearchResult) -> BodyNode {
        guard result.pageCount > 1 else { return .empty }
        return .nav(.attr("aria-label", "Pages de résultats"), .class("pagination"),
            result.page > 1 ? .a(.href(link(p, page: result.page - 1)), .attr("rel", "prev"), "← Page précédente") : .empty,
            .span(" Page \(result.page) sur \(result.pageCount) "),
            result.page < result.pageCount ? .a(.href(link(p, page: result.page + 1)), .attr("rel", "next"), "Page suivante →") : .empty)
    }
}
