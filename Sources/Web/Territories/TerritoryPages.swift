import Programme
import Directory
import Plot
import Storage
import Territory

enum TerritoriesPage {
    struct Model {
        var territory: TerritoryReference
        var placeCounts: [String: Int]
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Territoires"),
            .p(.class("lead"), "Les régions et départements de France, avec le nombre de lieux recensés dans chacun."),
            .group(model.territory.regions.sorted { $0.name < $1.name }.map { region in
                .section(.attr("aria-labelledby", "region-\(region.code)"),
                    .h2(.id("region-\(region.code)"), .text(escaping: region.name)),
                    .ul(.class("columns"), .group(model.territory.departments(inRegion: region.code).map { department in
                        .li(.a(.href(SiteURL.department(department.code).path), .text(escaping: "\(department.name) (\(department.code))")),
                            .text(escaping: " : \(model.placeCounts[department.code] ?? 0) lieu\((model.placeCounts[department.code] ?? 0) > 1 ? "x" : "")"))
                    }))
                )
            })
        )
    }
}

enum DepartmentPage {
    struct Model {
        var department: Department
        var region: Region?
        var communeCount: Int
        var ruralShare: Double
        var priorityNeighbourhoods: Int
        var places: [Place]
        var mapPlaces: [DirectoryPlace]
        var territory: TerritoryReference
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        let d = model.department
        return Layout.render(layout,
            .p(.a(.href(SiteURL.territories.path), "← Territoires")),
            .h1(.text(escaping: "\(d.name) (\(d.code))")),
            .dl(.class("summary"),
                .dt("Région"), .dd(.text(escaping: model.region?.name ?? d.regionCode)),
                .dt("Population municipale"), .dd(.text(escaping: FrenchNumber.format(d.population))),
                .dt("Communes"), .dd(.text(escaping: FrenchNumber.format(model.communeCount))),
                .dt("Communes rurales"), .dd(.text(escaping: "\(Int((model.ruralShare * 100).rounded())) %")),
                .dt("Quartiers prioritaires (2024)"), .dd(.text(escaping: String(model.priorityNeighbourhoods)))
            ),
            .div(.class("map-frame"), .raw(FranceMap.national.map {
                $0.zoomed(on: d.code).svg(places: model.mapPlaces, highlight: d.code, title: "Carte des lieux de \(d.name)",
                                          summary: "\(model.places.count) lieux recensés ; la liste ci-dessous les donne en texte.")
            } ?? "")),
            .p(.a(.href(SiteURL.places.path + "?departement=\(d.code)"), "Chercher parmi les lieux de ce département")),
            .h2("Lieux recensés (\(model.places.count))"),
            model.places.isEmpty ? .p("Aucun lieu recensé pour l'instant.") : .table(
                .caption("Lieux du département"),
                .thead(.tr(.th(.attr("scope", "col"), "Nom"), .th(.attr("scope", "col"), "Commune"), .th(.attr("scope", "col"), "Label"))),
                .tbody(.group(model.places.map { place in
                    .tr(.td(.a(.href(SiteURL.place(place.id).path), .text(escaping: place.name))),
                        .td(.text(escaping: model.territory.commune(code: place.communeCode)?.name ?? place.communeCode)),
                        .td(.text(escaping: place.label?.title ?? "")))
                }))
            )
        )
    }
}
