import Accounts
import Hummingbird
import Storage

/// Establishes who is asking: from the browser session, or from a `Bearer` API token under /api.
/// A session whose account was disabled or deleted, or opened before a password change, is ended here.
struct ViewerMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path.hasPrefix("/api/"), let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer "),
                  let userID = try await services.apiTokens.userID(
                      tokenHash: RandomToken.sha256(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)),
                      at: services.now),
                  let viewer = try await services.users.viewer(userID: userID, sessionStartedAt: nil)
            else {
                throw AppError(.unauthorized, title: "Jeton invalide", detail: "Le jeton d'API est inconnu, révoqué, ou mal formé (attendu : Authorization: Bearer <jeton>).")
            }
            context.viewer = viewer
        } else if let session = context.sessions.session, let userID = session.userID {
            if let viewer = try await services.users.viewer(
                userID: userID, sessionStartedAt: Instant(milliseconds: session.signedInAt ?? 0)) {
                context.viewer = viewer
            } else {
                context.sessions.clearSession()
            }
        }
        return try await next(request, context)
    }
}
