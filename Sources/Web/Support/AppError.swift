import Hummingbird

/// Failures a person can understand. Rendered as a French page for the site and as RFC 9457 problem
/// details under /api.
public struct AppError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let title: String
    public let detail: String

    public init(_ status: HTTPResponse.Status, title: String, detail: String) {
        self.status = status
        self.title = title
        self.detail = detail
    }

    public static let notFound = AppError(.notFound, title: "Page introuvable",
        detail: "L'adresse demandée n'existe pas ou plus. Vérifiez-la, ou repartez de l'accueil.")
    public static let signInRequired = AppError(.unauthorized, title: "Connexion requise",
        detail: "Cette page est réservée aux personnes connectées. Votre session a peut-être expiré : connectez-vous pour continuer.")
    public static let forbidden = AppError(.forbidden, title: "Accès refusé",
        detail: "Votre compte n'a pas les droits nécessaires pour cette page.")
    public static let csrf = AppError(.forbidden, title: "Formulaire expiré",
        detail: "Ce formulaire n'a pas pu être vérifié (jeton de sécurité absent ou périmé). Rechargez la page et envoyez-le à nouveau.")
    public static let tooLarge = AppError(.contentTooLarge, title: "Envoi trop volumineux",
        detail: "Le contenu envoyé dépasse la taille autorisée.")
    public static func badRequest(_ detail: String) -> AppError {
        AppError(.badRequest, title: "Requête invalide", detail: detail)
    }
}
