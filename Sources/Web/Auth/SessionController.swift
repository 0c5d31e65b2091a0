import Foundation
import Hummingbird
import Storage

/// Sign-in and sign-out pages.
struct SessionController {
    let services: AppServices
    let signIn: SignInService
    let sessionLifetime: Duration

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.signIn().path), use: showForm)
        router.post(RouterPath(SiteURL.signIn().path), use: submit)
        router.post(RouterPath(SiteURL.signOut.path), use: signOut)
    }

    @Sendable func showForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.viewer != nil { return .seeOther(.account) }
        let model = SignInPage.Model(email: "", returnTo: request.uri.queryParameters.get("retour"), error: nil, csrfToken: context.csrfToken())
        return .html(SignInPage.render(model, layout: Layout.Model(context: context, title: "Connexion", current: .signIn())))
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let email = context.form.text("email") ?? ""
        let password = context.form["password"] ?? ""
        let returnTo = context.form.text("retour")
        func failure(_ message: String, status: HTTPResponse.Status) -> Response {
            let model = SignInPage.Model(email: email, returnTo: returnTo, error: message, csrfToken: context.csrfToken())
            return .html(SignInPage.render(model, layout: Layout.Model(context: context, title: "Connexion")), status: status)
        }
        guard !email.isEmpty, !password.isEmpty else {
            return failure("Saisissez votre adresse électronique et votre mot de passe.", status: .badRequest)
        }
        switch try await signIn.signIn(email: email, password: password, client: context.clientAddress, at: services.now) {
        case .throttled:
            return failure("Trop de tentatives de connexion échouées. Patientez 15 minutes avant de réessayer.", status: .tooManyRequests)
        case .rejected:
            return failure("Adresse électronique ou mot de passe incorrect.", status: .unauthorized)
        case .signedIn(let userID):
            // A fresh session (new identifier and CSRF token) so that an identifier known before sign-in is worthless.
            if context.sessions.session != nil, let oldKey = request.cookies["fabriques_session"]?.value {
                try? await services.keyValues.remove(key: "fabriques.session.\(oldKey)")
            }
            context.sessions.createSession(
                WebSession(userID: userID, csrfToken: RandomToken.make(), signedInAt: services.now.milliseconds), expiresIn: sessionLifetime)
            let destination = returnTo.flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? SiteURL.home.path
            return .seeOther(destination)
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        context.sessions.clearSession()
        return .seeOther(.home)
    }
}
