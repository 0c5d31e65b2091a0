import Coverage
import Directory
import Foundation
import Plot
import Programme
import Territory

/// Coverage of the territory by the directory's places: national, région or département view, a
/// choropleth with its legend and the same figures as tables (the map's text alternative).
enum CoveragePages {
    enum Scope { case national, region(Region), department(Department) }

    struct Model {
        var scope: Scope
        var parameters: CoverageParameters
        var report: CoverageReport
        var suggestion: CoverageSuggestion?
        var territory: TerritoryReference
    }

    static func percent(_ share: Double) -> String { FrenchNumber.format((share * 1000).rounded() / 10) + " %" }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        let r = model.report, p = model.parameters
        let (title, departments, figure): (String, [CoverageShare], CoverageShare) = switch model.scope {
        case .national: ("France entière", r.departments, r.national)
        case .region(let region):
            (region.name, r.departments.filter { code in model.territory.department(code: code.code)?.regionCode == region.code },
             r.regions.first { $0.code == region.code } ?? r.national)
        case .department(let department):
            (department.name, r.departments.filter { $0.code == department.code }, r.departments.first { $0.code == department.code } ?? r.national)
        }
        let codes = Set(departments.map(\.code))
        let blank = r.zonesBlanches.filter { codes.contains($0.departmentCode) }
        let drawn = isNational(model.scope) ? Array(blank.prefix(2_000)) : blank
        let map = FranceMap.national.map { france -> String in
            let framed = isNational(model.scope) ? france : france.zoomed(onAll: departments.map(\.code))
            let fills = Dictionary(uniqueKeysWithValues: departments.map { ($0.code, CoverageScale.colour($0.coveredShare)) })
            return framed.choropleth(fills: fills, points: drawn.compactMap { model.territory.commune(code: $0.code)?.position },
                                     title: "Couverture à \(Int(p.radius)) km : \(title)",
                                     summary: "Départements colorés selon la part de la population à moins de \(Int(p.radius)) km d'un lieu ; points rouges : communes au-delà. Le tableau qui suit donne les mêmes chiffres.")
        } ?? ""
        let targetLabel = switch p.target { case .allPlaces: "un tiers-lieu de l'annuaire"; case .fabriques: "une Fabrique de territoire"; case .service(let s): "un lieu offrant « \(s) »" }
        return Layout.render(layout,
            .h1(.text(escaping: "Couverture du territoire : \(title)")),
            .element(named: "form", nodes: [.attr("method", "get"), .attr("class", "filters"), .attr("aria-label", "Rayon et lieux comptés"),
                Form.select("Rayon", name: "rayon", options: CoverageAnalysis.standardRadiiKilometres.map { (String(Int($0)), "\(Int($0)) km") }, selected: String(Int(p.radius))),
                Form.select("Lieux comptés", name: "cible", options: [("tous", "Tous les lieux de l'annuaire"), ("fabriques", "Fabriques de territoire")]
                    + MediationVocabulary.services.map { ($0, "Service : \($0)") }, selected: p.targetValue),
                Form.submit("Afficher", secondary: true)]),
            .p(.class("lead"), .text(escaping: "\(percent(figure.coveredShare)) de la population (\(FrenchNumber.format(figure.coveredPopulation)) sur \(FrenchNumber.format(figure.population)) habitants) vit à moins de \(Int(p.radius)) km de \(targetLabel). \(FrenchNumber.format(r.placeCount)) lieux comptés.")),
            .div(.class("map-frame"), .raw(map)),
            legend(),
            .p(.class("hint"), .text(escaping: isNational(model.scope) && blank.count > drawn.count
                ? "Points : les \(drawn.count) communes les plus peuplées au-delà de \(Int(p.radius)) km (sur \(blank.count)) ; les pages régionales et départementales les montrent toutes."
                : "Points : les \(drawn.count) communes au-delà de \(Int(p.radius)) km.")),
            .p(.a(.href("/couverture/communes.csv?\(p.query)"), "Télécharger les chiffres de chaque commune (CSV)"), " · ",
               .a(.href("/api/v1/coverage?radius=\(Int(p.radius))&target=\(p.targetValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"), "API (JSON)")),
            isNational(model.scope) ? .group([table("Par région", r.regions, link: { "/couverture/regions/\($0)?\(p.query)" }),
                                              table("Par type de commune", r.classes.map(classNamed), link: nil)]) : .empty,
            table("Par département", departments, link: { "/couverture/departements/\($0)?\(p.query)" }),
            suggestions(model),
            .h2(.text(escaping: "Zones blanches : communes au-delà de \(Int(p.radius)) km")),
            blank.isEmpty ? .p("Aucune.") : .table(.class("data-table"),
                .caption(.text(escaping: "\(FrenchNumber.format(blank.count)) communes, \(FrenchNumber.format(blank.reduce(0) { $0 + $1.population })) habitants (les 100 plus peuplées)")),
                .thead(.tr(.th(.attr("scope", "col"), "Commune"), .th(.attr("scope", "col"), "Population"), .th(.attr("scope", "col"), "Lieu le plus proche"),
                           .th(.attr("scope", "col"), "Fabrique la plus proche"))),
                .tbody(.group(blank.prefix(100).map { c in
                    .tr(.td(.text(escaping: "\(c.name) (\(c.code))")), .td(.text(escaping: FrenchNumber.format(c.population))),
                        .td(.text(escaping: c.nearestPlaceKilometres.map { FrenchNumber.format(($0 * 10).rounded() / 10) + " km" } ?? "aucun")),
                        .td(.text(escaping: c.nearestFabriqueKilometres.map { FrenchNumber.format(($0 * 10).rounded() / 10) + " km" } ?? "aucune")))
                })))
        )
    }

    static func isNational(_ scope: Scope) -> Bool { if case .national = scope { true } else { false } }

    static func classNamed(_ share: CoverageShare) -> CoverageShare {
        let names = ["rural": "Communes rurales", "urban": "Communes urbaines", "with_qpv": "Communes avec un QPV", "without_qpv": "Communes sans QPV"]
        return CoverageShare(code: share.code, name: names[share.code] ?? share.name, communeCount: share.communeCount,
                             coveredCommuneCount: share.coveredCommuneCount, population: share.population, coveredPopulation: share.coveredPopulation)
    }

    static func legend() -> BodyNode {
        .element(named: "ul", nodes: [.class("legend"), .attr("aria-label", "Légende : part de la population couverte"),
            .group(CoverageScale.classes.map { item in
                .li(.span(.class("swatch"), .attr("style", "background:\(item.colour)"), .attr("aria-hidden", "true")), .text(escaping: item.label))
            }),
            .li(.span(.class("swatch dot"), .attr("aria-hidden", "true")), "commune au-delà du rayon")])
    }

    static func table(_ caption: String, _ rows: [CoverageShare], link: ((String) -> String)?) -> BodyNode {
        .table(.class("data-table"),
            .caption(.text(escaping: caption)),
            .thead(.tr(.th(.attr("scope", "col"), "Territoire"), .th(.attr("scope", "col"), "Population"), .th(.attr("scope", "col"), "Couverte"),
                       .th(.attr("scope", "col"), "Part"), .th(.attr("scope", "col"), "Communes couvertes"))),
            .tbody(.group(rows.sorted { ($0.coveredShare, $0.code) < ($1.coveredShare, $1.code) }.map { row in
                .tr(.th(.attr("scope", "row"), link.map { .a(.href($0(row.code)), .text(escaping: "\(row.name) (\(row.code))")) } ?? .text(escaping: row.name)),
                    .td(.text(escaping: FrenchNumber.format(row.population))), .td(.text(escaping: FrenchNumber.format(row.coveredPopulation))),
                    .td(.text(escaping: percent(row.coveredShare))), .td(.text(escaping: "\(FrenchNumber.format(row.coveredCommuneCount)) / \(FrenchNumber.format(row.communeCount))")))
            })))
    }

    static func suggestions(_ model: Model) -> BodyNode {
        guard isNational(model.scope) else { return .empty }
        guard let s = model.suggestion else {
            return .section(.h2("Où ajouter des lieux"),
                .p(.text(escaping: "Le calcul des communes où un lieu couvrirait le plus d'habitants est en cours ; il s'affichera ici au prochain chargement, ou "),
                   .a(.href("/couverture/suggestions?\(model.parameters.query)&nombre=10"), "sur sa page (10, 50 ou 100 communes)"), "."))
        }
        return suggestionSection(s, parameters: model.parameters)
    }

    static func suggestionPage(_ s: CoverageSuggestion, parameters: CoverageParameters, layout: Layout.Model) -> String {
        Layout.render(layout,
            .p(.a(.href("/couverture?\(parameters.query)"), "← Couverture nationale")),
            .h1(.text(escaping: "Où ajouter \(s.requestedCount) lieux (rayon \(Int(s.radiusKilometres)) km)")),
            .p(.a(.href("/couverture/suggestions?\(parameters.query)&nombre=10"), "10"), " · ",
               .a(.href("/couverture/suggestions?\(parameters.query)&nombre=50"), "50"), " · ",
               .a(.href("/couverture/suggestions?\(parameters.query)&nombre=100"), "100 communes")),
            suggestionSection(s, parameters: parameters))
    }

    static func suggestionSection(_ s: CoverageSuggestion, parameters: CoverageParameters) -> BodyNode {
        .section(.attr("aria-labelledby", "titre-suggestions"),
            .h2(.id("titre-suggestions"), .text(escaping: "Où ajouter \(s.requestedCount) lieux")),
            .p(.text(escaping: "Les communes qui couvriraient le plus d'habitants encore au-delà de \(Int(s.radiusKilometres)) km : ensemble \(FrenchNumber.format(s.addedPopulation)) habitants de plus. Aucun choix de \(s.requestedCount) communes ne peut dépasser \(FrenchNumber.format(s.upperBound)) : cette proposition atteint au moins \(percent(s.guaranteedRatio)) du meilleur possible.")),
            .ol(.group(s.sites.map { site in
                .li(.text(escaping: "\(site.name) (\(site.code), département \(site.departmentCode)) : +\(FrenchNumber.format(site.addedPopulation)) habitants"))
            })))
    }
}
