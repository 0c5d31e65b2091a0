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
    case calls
    case call(Int64)
    case editCall(Int64)
    case publishCall(Int64)
    case addWave(Int64)
    case editWave(Int64, Int64)
    case callForm(Int64)
    case publishCallForm(Int64)
    case startDossier(Int64)
    case dossiers
    case dossier(Int64)
    case dossierTransition(Int64)
    case dossierNote(Int64)
    case dossierReview(Int64)
    case dossierExpert(Int64)
    case dossierFile(Int64, Int64)
    case printDossier(Int64)
    case review(query: String = "")
    case reviewBulk
    case reviewExportCSV(query: String = "")
    case reviewExportODS(query: String = "")
    case notifications
    case outbox
    case coverage
    case selection(call: Int64? = nil)
    case scenario(Int64)
    case scenarioExport(Int64)
    case applyScenario(Int64)
    case compareScenarios(Int64, Int64)
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
        case .calls: "/appels"
        case .call(let id): "/appels/\(id)"
        case .editCall(let id): "/appels/\(id)/modifier"
        case .publishCall(let id): "/appels/\(id)/publier"
        case .addWave(let id): "/appels/\(id)/vagues"
        case .editWave(let id, let wave): "/appels/\(id)/vagues/\(wave)"
        case .callForm(let id): "/appels/\(id)/formulaire"
        case .publishCallForm(let id): "/appels/\(id)/formulaire/publier"
        case .startDossier(let id): "/appels/\(id)/dossiers"
        case .dossiers: "/dossiers"
        case .dossier(let id): "/dossiers/\(id)"
        case .dossierTransition(let id): "/dossiers/\(id)/transitions"
        case .dossierNote(let id): "/dossiers/\(id)/notes"
        case .dossierReview(let id): "/dossiers/\(id)/evaluation"
        case .dossierExpert(let id): "/dossiers/\(id)/experts"
        case .dossierFile(let id, let file): "/dossiers/\(id)/fichiers/\(file)"
        case .printDossier(let id): "/dossiers/\(id)/impression"
        case .review(let query): "/instruction" + (query.isEmpty ? "" : "?" + query)
        case .reviewBulk: "/instruction/actions"
        case .reviewExportCSV(let query): "/instruction/export.csv" + (query.isEmpty ? "" : "?" + query)
        case .reviewExportODS(let query): "/instruction/export.ods" + (query.isEmpty ? "" : "?" + query)
        case .notifications: "/notifications"
        case .outbox: "/admin/courriels"
        case .coverage: "/couverture"
        case .selection(let call): "/selection" + (call.map { "?appel=\($0)" } ?? "")
        case .scenario(let id): "/selection/\(id)"
        case .scenarioExport(let id): "/selection/\(id)/export.csv"
        case .applyScenario(let id): "/selection/\(id)/appliquer"
        case .compareScenarios(let a, let b): "/selection/comparer?a=\(a)&b=\(b)"
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
        static let call: RouterPath = "/appels/:id"
        static let editCall: RouterPath = "/appels/:id/modifier"
        static let publishCall: RouterPath = "/appels/:id/publier"
        static let addWave: RouterPath = "/appels/:id/vagues"
        static let editWave: RouterPath = "/appels/:id/vagues/:wave"
        static let scenario: RouterPath = "/selection/:id"
        static let scenarioExport: RouterPath = "/selection/:id/export.csv"
        static let applyScenario: RouterPath = "/selection/:id/appliquer"
        static let callForm: RouterPath = "/appels/:id/formulaire"
        static let publishCallForm: RouterPath = "/appels/:id/formulaire/publier"
        static let startDossier: RouterPath = "/appels/:id/dossiers"
        static let dossier: RouterPath = "/dossiers/:id"
        static let dossierTransition: RouterPath = "/dossiers/:id/transitions"
        static let dossierNote: RouterPath = "/dossiers/:id/notes"
        static let dossierReview: RouterPath = "/dossiers/:id/evaluation"
        static let dossierExpert: RouterPath = "/dossiers/:id/experts"
        static let dossierFile: RouterPath = "/dossiers/:id/fichiers/:file"
        static let printDossier: RouterPath = "/dossiers/:id/impression"
    }
}

import Foundation
import Hummingbird
