import Accounts
import Foundation
import Hummingbird
import Storage

/// The signed-in person's own page: identity, roles, API tokens.
struct AccountController {
    let services: AppServices
    let hasher: PasswordHasher

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.account.path), use: show)
        router.post(RouterPath(SiteURL.apiTokens.path), use: createToken)
        router.post(RouterPath(SiteURL.password.path), use: changePassword)
        router.post(SiteURL.Pattern.revokeApiToken, use: revokeToken)
    }

    func model(_ viewer: Viewer, context: AppRequestContext, newToken: String? = nil, tokenName: String = "", error: String? = nil) async throws -> AccountPage.Model {
        let tokens = try await services.apiTokens.list(userID: viewer.userID)
        let names = Dictionary(viewer.grants.map { ($0, ScopeNames.describe($0.scope, territory: services.territory)) }, uniquingKeysWith: { a, _ in a })
        return AccountPage.Model(viewer: viewer, scopeNames: names.compactMapValues { $0 }, tokens: tokens, newToken: newToken,
                                 tokenNameError: error, tokenName: tokenName, csrfToken: context.csrfToken())
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        return .html(AccountPage.render(try await model(viewer, context: context),
                                        layout: Layout.Model(context: context, title: "Mon compte", current: .account)))
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let name = context.form.text("name") ?? ""
        guard !name.isEmpty, name.count <= 100 else {
            let page = AccountPage.render(
                try await model(viewer, context: context, tokenName: name, error: "Donnez un nom au jeton (100 caractères au plus)."),
                layout: Layout.Model(context: context, title: "Mon compte", current: .account))
            return .html(page, status: .badRequest)
        }
        let token = "fab_" + RandomToken.make()
        _ = try await services.apiTokens.create(userID: viewer.userID, name: name, tokenHash: RandomToken.sha256(token), at: services.now)
        try await services.audit.record(actor: viewer.userID, action: "api_token.created", subject: "user:\(viewer.userID)", detail: name, at: services.now)
        return .html(AccountPage.render(try await model(viewer, context: context, newToken: token),
                                        layout: Layout.Model(context: context, title: "Mon compte", current: .account)), status: .created)
    }

    /// Checks the current password, stores the new one, ends every session of the account opened before
    /// (other browsers, a stolen cookie) and gives this browser a fresh one.
    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        var errors: [String: String] = [:]
        let current = context.form["current_password"] ?? ""
        let new = context.form["new_password"] ?? ""
        let stored = try await services.users.find(id: viewer.userID)
        if let stored, !(try await hasher.verify(current, hash: stored.passwordHash)) {
            errors["current_password"] = "Le mot de passe actuel est incorrect."
        }
        if let problem = Credentials.passwordProblem(new) { errors["new_password"] = problem }
        guard errors.isEmpty else {
            var page = try await model(viewer, context: context)
            page.passwordErrors = errors
            return .html(AccountPage.render(page, layout: Layout.Model(context: context, title: "Erreur : mon compte", current: .account)),
                         status: .unprocessableContent)
        }
        let now = services.now
        try await services.users.setPasswordHash(try await hasher.hash(new), userID: viewer.userID, at: now)
        try await services.audit.record(actor: viewer.userID, action: "user.password_changed", subject: "user:\(viewer.userID)", detail: "", at: services.now)
        context.sessions.createSession(WebSession(userID: viewer.userID, csrfToken: RandomToken.make(), flash: "Mot de passe changé.",
                                                  signedInAt: now.milliseconds + 1))
        return .seeOther(.account)
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        guard let id = context.parameters.get("id", as: Int64.self) else { throw AppError.notFound }
        try await services.apiTokens.revoke(id: id, userID: viewer.userID, at: services.now)
        context.setFlash("Jeton révoqué.")
        return .seeOther(.account)
    }
}

extension AppRequestContext {
    func requireViewer() throws -> Viewer {
        guard let viewer else { throw AppError.signInRequired }
        return viewer
    }

    func require(_ allowed: (Viewer) -> Bool) throws -> Viewer {
        let viewer = try requireViewer()
        guard allowed(viewer) else { throw AppError.forbidden }
        return viewer
    }
}
