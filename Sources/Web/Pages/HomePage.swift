import Programme
import Accounts
import Plot

enum HomePage {
    struct Model {
        var viewer: Viewer?
        var placeCount: Int
        var fabriqueCount: Int
        var departmentCount: Int
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Fabriques de territoire"),
            .p(.class("lead"), "Le programme national qui identifie, soutient et relie les tiers-lieux ressources de leur territoire : lieux de coopération, de formation par le faire et de médiation numérique."),
            .ul(.class("figures"),
                .li(.strong(.text(escaping: FrenchNumber.format(model.fabriqueCount))), " Fabriques de territoire labellisées"),
                .li(.strong(.text(escaping: FrenchNumber.format(model.placeCount))), " lieux recensés"),
                .li(.strong(.text(escaping: String(model.departmentCount))), " départements couverts")
            ),
            .h2("Pour commencer"),
            .ul(.class("cards"), .group(cards(for: model.viewer).map { link, title, text in
                .li(.class("card"), .h3(.a(.href(link.path), .text(escaping: title))), .p(.text(escaping: text)))
            }))
        )
    }

    static func cards(for viewer: Viewer?) -> [(SiteURL, String, String)] {
        var cards: [(SiteURL, String, String)] = [(.territories, "Explorer les territoires", "Régions, départements et lieux recensés.")]
        guard let viewer else {
            cards.append((.signIn(), "Se connecter", "Porteurs, instructeurs, comité national, animateurs : accédez à votre espace."))
            return cards
        }
        if viewer.has(.applicant) { cards.append((.myOrganisation, "Mon organisation", "La structure qui porte vos candidatures.")) }
        if viewer.has(.reviewer) { cards.append((.organisations, "Organisations de mon territoire", "Les porteurs des départements et régions que vous instruisez.")) }
        if viewer.seesWholeProgramme { cards.append((.organisations, "Toutes les organisations", "Vue nationale des porteurs du programme.")) }
        if viewer.has(.admin) { cards.append((.adminUsers, "Comptes et rôles", "Créer des comptes, accorder et retirer des rôles.")) }
        cards.append((.account, "Mon compte", "Vos rôles et vos jetons d'API."))
        return cards
    }
}
