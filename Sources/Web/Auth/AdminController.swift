import Accounts
import Foundation
import Hummingbird
import Storage

/// Accounts and role grants, for administrators. Every grant and revocation is written to the audit log.
struct AdminController {
    let services: AppServices
    let hasher: PasswordHasher

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.adminUsers.path), use: list)
        router.post(RouterPath(SiteURL.adminUsers.path), use: create)
        router.get(SiteURL.Pattern.adminUser, use: show)
        router.post(SiteURL.Pattern.adminGrant, use: grant)
        router.post(SiteURL.Pattern.adminRevoke, use: revoke)
    }

    func listModel(_ context: AppRequestContext, form: FormData = FormData(), errors: [String: String] = [:]) async throws -> AdminUsersPage.Model {
        var rows: [AdminUsersPage.Row] = []
        for user in try await services.users.all() {
            rows.append(.init(user: user, grants: try await services.users.grants(userID: user.id)))
        }
        return .init(rows: rows, form: form, errors: errors, csrfToken: context.csrfToken())
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(AccessPolicy.canManageAccounts)
        return .html(AdminUsersPage.render(try await listModel(context), layout: .init(context: context, title: "Comptes et rôles", current: .adminUsers)))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.require(AccessPolicy.canManageAccounts)
        let form = context.form
        var errors: [String: String] = [:]
        let email = Credentials.normalisedEmail(form["email"] ?? "")
        if email == nil { errors["email"] = "Saisissez une adresse électronique valide, par exemple nom@exemple.fr." }
        let name = form.text("display_name") ?? ""
        if name.isEmpty || name.count > 120 { errors["display_name"] = "Saisissez le nom de la personne (120 caractères au plus)." }
        let password = form["password"] ?? ""
        if let problem = Credentials.passwordProblem(password) { errors["password"] = problem }
        if let email, errors.isEmpty, try await services.users.find(email: email) != nil {
            errors["email"] = "Un compte existe déjà avec cette adresse."
        }
        guard errors.isEmpty, let email else {
            return .html(AdminUsersPage.render(try await listModel(context, form: form, errors: errors),
                                               layout: .init(context: context, title: "Erreur : comptes et rôles", current: .adminUsers)), status: .badRequest)
        }
        let id = try await services.users.create(email: email, displayName: name, passwordHash: try await hasher.hash(password), at: services.now)
        try await services.audit.record(actor: admin.userID, action: "user.created", subject: "user:\(id)", detail: email, at: services.now)
        context.setFlash("Compte créé pour \(email).")
        return .seeOther(.adminUser(id))
    }

    func userModel(_ id: Int64, context: AppRequestContext, form: FormData = FormData(), error: String? = nil) async throws -> AdminUserPage.Model {
        guard let user = try await services.users.find(id: id) else { throw AppError.notFound }
        return .init(user: user, grants: try await services.users.grants(userID: id),
                     history: try await services.audit.events(subject: "user:\(id)").filter { $0.action.hasPrefix("role.") },
                     territory: services.territory, form: form, error: error, csrfToken: context.csrfToken())
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(AccessPolicy.canManageAccounts)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw AppError.notFound }
        let model = try await userModel(id, context: context)
        return .html(AdminUserPage.render(model, layout: .init(context: context, title: model.user.displayName, current: .adminUsers)))
    }

    /// Reads role + scope from the form ("departement:16", "region:75", "national", or a place id).
    func requestedGrant(_ form: FormData) -> RoleGrant? {
        guard let role = Role(rawValue: form["role"] ?? "") else { return nil }
        let scope: Scope?
        if role == .placeManager {
            scope = (form.text("place_id")).flatMap(Int64.init).map(Scope.place)
        } else {
            let parts = (form["scope"] ?? "national").split(separator: ":", maxSplits: 1).map(String.init)
            scope = ScopeKind(rawValue: parts[0]).flatMap { Scope(kind: $0, code: parts.count > 1 ? parts[1] : "") }
        }
        return scope.flatMap { RoleGrant.validated(role: role, scope: $0) }
    }

    @Sendable func grant(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.require(AccessPolicy.canManageAccounts)
        guard let id = context.parameters.get("id", as: Int64.self), try await services.users.find(id: id) != nil else { throw AppError.notFound }
        guard let grant = requestedGrant(context.form), try await isKnown(grant.scope) else {
            let message = "Ce rôle ne va pas avec ce territoire : un instructeur se voit accorder un département ou une région, un animateur un numéro de lieu existant, les autres rôles le niveau national."
            let model = try await userModel(id, context: context, form: context.form, error: message)
            return .html(AdminUserPage.render(model, layout: .init(context: context, title: "Erreur : \(model.user.displayName)", current: .adminUsers)), status: .badRequest)
        }
        try await services.users.grant(grant, to: id, by: admin.userID, at: services.now)
        try await services.audit.record(actor: admin.userID, action: "role.granted", subject: "user:\(id)",
                                        detail: describe(grant), at: services.now)
        context.setFlash("Rôle accordé : \(grant.role.label).")
        return .seeOther(.adminUser(id))
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.require(AccessPolicy.canManageAccounts)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw AppError.notFound }
        let form = context.form
        guard let role = Role(rawValue: form["role"] ?? ""),
              case let parts = (form["scope"] ?? "").split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init),
              let kind = ScopeKind(rawValue: parts[0]), let scope = Scope(kind: kind, code: parts.count > 1 ? parts[1] : "")
        else { throw AppError.badRequest("Rôle à retirer non reconnu.") }
        let grant = RoleGrant(role: role, scope: scope)
        if admin.userID == id && role == .admin {
            throw AppError(.conflict, title: "Action impossible", detail: "Vous ne pouvez pas retirer votre propre rôle d'administrateur.")
        }
        try await services.users.revoke(grant, from: id)
        try await services.audit.record(actor: admin.userID, action: "role.revoked", subject: "user:\(id)", detail: describe(grant), at: services.now)
        context.setFlash("Rôle retiré : \(role.label).")
        return .seeOther(.adminUser(id))
    }

    private func isKnown(_ scope: Scope) async throws -> Bool {
        switch scope {
        case .national: true
        case .department(let code): services.territory.department(code: code) != nil
        case .region(let code): services.territory.region(code: code) != nil
        case .place(let id): try await services.places.find(id: id) != nil
        }
    }

    private func describe(_ grant: RoleGrant) -> String {
        [grant.role.label, ScopeNames.describe(grant.scope, territory: services.territory)].compactMap { $0 }.joined(separator: ", ")
    }
}
