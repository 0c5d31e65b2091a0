import Accounts
import Foundation
import Plot
import Storage

enum AccountPage {
    struct Model {
        var viewer: Viewer
        var scopeNames: [RoleGrant: String]
        var tokens: [StoredApiToken]
        /// Shown once, right after creation.
        var newToken: String?
        var tokenNameError: String?
        var tokenName: String
        var passwordErrors: [String: String] = [:]
        var csrfToken: String
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Mon compte"),
            .dl(.class("summary"),
                .dt("Nom"), .dd(.text(escaping: model.viewer.displayName)),
                .dt("Adresse électronique"), .dd(.text(escaping: model.viewer.email))
            ),
            .h2("Mes rôles"),
            model.viewer.grants.isEmpty
                ? .p("Aucun rôle ne vous est encore attribué. Un administrateur peut vous en accorder.")
                : .ul(.group(model.viewer.grants.map { grant in
                    .li(.strong(.text(escaping: grant.role.label)), .text(escaping: model.scopeNames[grant].map { " : \($0)" } ?? ""))
                })),
            .h2(.id("mot-de-passe"), "Changer de mot de passe"),
            Form.errorSummary(model.passwordErrors, order: ["current_password", "new_password"]),
            Form.post(.password, csrf: model.csrfToken, label: "Changer de mot de passe",
                Form.field("Mot de passe actuel", name: "current_password", type: .password, error: model.passwordErrors["current_password"],
                           required: true, autocomplete: "current-password"),
                Form.field("Nouveau mot de passe", name: "new_password", type: .password, error: model.passwordErrors["new_password"],
                           hint: "12 caractères au moins.", required: true, autocomplete: "new-password"),
                Form.submit("Changer de mot de passe")
            ),
            .h2("Jetons d'API"),
            .p("Un jeton permet à un logiciel d'interroger l'API en votre nom (en-tête Authorization: Bearer). Il n'est affiché qu'une fois."),
            model.newToken.map { token in
                .div(.class("flash"), .attr("role", "status"),
                    .p("Nouveau jeton, à copier maintenant :"), .p(.code(.class("token"), .text(escaping: token))))
            } ?? .empty,
            model.tokens.isEmpty ? .p("Aucun jeton actif.") : .table(
                .caption("Jetons actifs"),
                .thead(.tr(.th(.attr("scope", "col"), "Nom"), .th(.attr("scope", "col"), "Créé le"), .th(.attr("scope", "col"), "Dernier usage"), .th(.attr("scope", "col"), "Action"))),
                .tbody(.group(model.tokens.map { token in
                    .tr(.td(.text(escaping: token.name)), .td(.text(escaping: ParisTime.format(token.createdAt))),
                        .td(.text(escaping: token.lastUsedAt.map(ParisTime.format) ?? "jamais")),
                        .td(Form.post(.revokeApiToken(token.id), csrf: model.csrfToken, label: "Révoquer \(token.name)",
                                      Form.submit("Révoquer", secondary: true))))
                }))
            ),
            Form.post(.apiTokens, csrf: model.csrfToken, label: "Créer un jeton",
                Form.field("Nom du jeton", name: "name", value: model.tokenName, error: model.tokenNameError,
                           hint: "Par exemple : tableau de bord régional", required: true),
                Form.submit("Créer un jeton")
            )
        )
    }
}
