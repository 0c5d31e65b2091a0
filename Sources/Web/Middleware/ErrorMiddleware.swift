import Foundation
import Hummingbird

/// Turns every failure into an answer a person can read: a French page for the site, problem details
/// (RFC 9457) under /api. Unknown errors are logged and shown as a 500 without internals.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AppError {
            return render(error, request: request, context: context)
        } catch let error as HTTPError {
            return render(Self.appError(for: error), request: request, context: context)
        } catch {
            context.logger.error("internal error", metadata: ["error": .string(String(reflecting: error))])
            let failure = AppError(.internalServerError, title: "Erreur interne",
                detail: "Une erreur inattendue s'est produite. Elle a été enregistrée (référence \(context.requestID)). Réessayez dans un instant.")
            return render(failure, request: request, context: context)
        }
    }

    static func appError(for error: HTTPError) -> AppError {
        switch error.status {
        case .notFound: .notFound
        case .unauthorized: .signInRequired
        case .forbidden: .forbidden
        case .contentTooLarge: .tooLarge
        case .methodNotAllowed: AppError(.methodNotAllowed, title: "Méthode non autorisée", detail: "Cette adresse n'accepte pas cette méthode.")
        default: AppError(error.status, title: "Requête invalide", detail: error.body ?? "La requête n'a pas pu être traitée.")
        }
    }

    private func render(_ error: AppError, request: Request, context: Context) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return Problem(error, instance: request.uri.path).response()
        }
        let page: String
        if error.status == .unauthorized {
            page = SignInPage.render(.init(email: "", returnTo: request.uri.description, error: "\(error.title). \(error.detail)",
                                           csrfToken: context.csrfToken()), layout: Layout.Model(context: context, title: "Connexion"))
        } else {
            page = ErrorPage.render(error, layout: Layout.Model(context: context, title: error.title))
        }
        return Response.html(page, status: error.status)
    }
}
