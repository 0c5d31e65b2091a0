/// Every page and endpoint of the site. Views build links from it and the router registers the same
/// paths (`SiteURL.Pattern`), so a renamed route cannot leave a dead link behind.
public enum SiteURL: Sendable, Hashable {
    case home
    case signIn(returnTo: String? = nil)
    case signOut
    case account
    case apiTokens
    case password
    case revokeApiToken(Int64)
    case adminUsers
    case adminUser(Int64)
    case adminGrant(Int64)
    case adminRevoke(Int64)
    case myOrganisation
    case organisations
    case organisation(Int64)
    case places
    case importPlaces
    case place(Int64)
    case editPlace(Int64)
    case reportPlace(Int64)
    case reports
    case resolveReport(Int64)
    case territories
    case department(String)
    case healthz
    case metrics
    case openAPI
    case stylesheet

    public var path: String {
        switch self {
        case .home: "/"
        case .signIn(let returnTo):
            if let returnTo, returnTo.hasPrefix("/"), !returnTo.hasPrefix("//") {
                "/connexion?retour=\(returnTo.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")"
            } else { "/connexion" }
        case .signOut: "/deconnexion"
        case .account: "/compte"
        case .apiTokens: "/compte/jetons"
        case .password: "/compte/mot-de-passe"
        case .revokeApiToken(let id): "/compte/jetons/\(id)/revoquer"
        case .adminUsers: "/admin/comptes"
        case .adminUser(let id): "/admin/comptes/\(id)"
        case .adminGrant(let id): "/admin/comptes/\(id)/roles"
        case .adminRevoke(let id): "/admin/comptes/\(id)/roles/retirer"
        case .myOrganisation: "/mon-organisation"
        case .organisations: "/organisations"
        case .organisation(let id): "/organisations/\(id)"
        case .places: "/lieux"
        case .importPlaces: "/lieux/import"
        case .place(let id): "/lieux/\(id)"
        case .editPlace(let id): "/lieux/\(id)/modifier"
        case .reportPlace(let id): "/lieux/\(id)/signaler"
        case .reports: "/signalements"
        case .resolveReport(let id): "/signalements/\(id)/traiter"
        case .territories: "/territoires"
        case .department(let code): "/territoires/departements/\(code)"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .openAPI: "/api/v1/openapi.json"
        case .stylesheet: "/static/site.css"
        }
    }

    /// Router patterns of the routes that take a parameter.
    enum Pattern {
        static let revokeApiToken: RouterPath = "/compte/jetons/:id/revoquer"
        static let adminUser: RouterPath = "/admin/comptes/:id"
        static let adminGrant: RouterPath = "/admin/comptes/:id/roles"
        static let adminRevoke: RouterPath = "/admin/comptes/:id/roles/retirer"
        static let organisation: RouterPath = "/organisations/:id"
        static let department: RouterPath = "/territoires/departements/:code"
        static let place: RouterPath = "/lieux/:id"
        static let editPlace: RouterPath = "/lieux/:id/modifier"
        static let reportPlace: RouterPath = "/lieux/:id/signaler"
        static let resolveReport: RouterPath = "/signalements/:id/traiter"
    }
}

import Foundation
import Hummingbird
