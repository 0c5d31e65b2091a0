import Accounts
import Foundation
import Plot

/// The shell of every page: skip link, banner with navigation by role, main landmark, footer.
enum Layout {
    struct Model {
        var title: String
        var viewer: Viewer?
        var flash: String?
        var csrfToken: String?
        var current: SiteURL?

        init(title: String, viewer: Viewer? = nil, flash: String? = nil, csrfToken: String? = nil, current: SiteURL? = nil) {
            self.title = title
            self.viewer = viewer
            self.flash = flash
            self.csrfToken = csrfToken
            self.current = current
        }

        init(context: AppRequestContext, title: String, current: SiteURL? = nil) {
            self.init(title: title, viewer: context.viewer, flash: context.takeFlash(),
                      csrfToken: context.viewer == nil ? nil : context.csrfToken(), current: current)
        }
    }

    static func navigation(for viewer: Viewer?) -> [(SiteURL, String)] {
        var links: [(SiteURL, String)] = [(.home, "Accueil"), (.places, "Trouver un lieu"), (.territories, "Territoires"), (.coverage, "Couverture"), (.calls, "Appels")]
        guard let viewer else { return links }
        if viewer.has(.applicant) { links.append((.myOrganisation, "Mon organisation")) }
        if viewer.has(.applicant) || viewer.roles.isEmpty { links.append((.dossiers, "Mes dossiers")) }
        if viewer.has(.reviewer) || viewer.seesWholeProgramme { links.append((.review(), "Instruction")) }
        if viewer.has(.reviewer) || viewer.seesWholeProgramme { links.append((.organisations, "Organisations")) }
        if viewer.seesWholeProgramme || !viewer.managedPlaceIDs.isEmpty { links.append((.reports, "Signalements")) }
        if viewer.seesWholeProgramme { links.append((.selection(), "Sélection")) }
        if viewer.seesWholeProgramme { links.append((.importPlaces, "Importer des lieux")) }
        if viewer.has(.admin) { links.append((.adminUsers, "Comptes et rôles")) }
        links.append((.notifications, "Notifications"))
        links.append((.account, "Mon compte"))
        return links
    }

    static func render(_ model: Model, _ content: BodyNode...) -> String {
        let html = HTML(
            .lang(.french),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(model.title) · Fabriques de territoire"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
            ),
            .body(
                .a(.class("skip-link"), .href("#contenu"), "Aller au contenu"),
                .header(.class("banner"),
                    .div(.class("banner-inner"),
                        .a(.class("brand"), .href(SiteURL.home.path), .span(.class("brand-mark"), .attr("aria-hidden", "true"), "FT"), "Fabriques de territoire"),
                        .nav(.attr("aria-label", "Navigation principale"),
                            .ul(.group(navigation(for: model.viewer).map { link, label in
                                .li(.a(.href(link.path), link == model.current ? .attr("aria-current", "page") : .empty, .text(escaping: label)))
                            }))
                        ),
                        userBox(model)
                    )
                ),
                .main(.id("contenu"), .attr("tabindex", "-1"),
                    model.flash.map { .div(.class("flash"), .attr("role", "status"), .text(escaping: $0)) } ?? .empty,
                    .group(content)
                ),
                .footer(.class("site-footer"),
                    .p("Fabriques de territoire : logiciel libre du programme national. Données territoriales : INSEE, ANCT, IGN, La Poste (Licence Ouverte)."),
                    .p(.a(.href(SiteURL.openAPI.path), "API ouverte (OpenAPI)"))
                )
            )
        )
        return html.render()
    }

    private static func userBox(_ model: Model) -> BodyNode {
        guard let viewer = model.viewer, let csrf = model.csrfToken else {
            return .div(.class("user-box"), .a(.class("button secondary"), .href(SiteURL.signIn().path), "Se connecter"))
        }
        return .div(.class("user-box"),
            .span(.class("user-name"), .text(escaping: viewer.displayName)),
            Form.post(.signOut, csrf: csrf, label: "Déconnexion", Form.submit("Se déconnecter", secondary: true))
        )
    }
}

extension Response {
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// After a successful form: 303 so that reloading does not post again.
    static func seeOther(_ url: SiteURL) -> Response { seeOther(url.path) }
    static func seeOther(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }
}

import Hummingbird
