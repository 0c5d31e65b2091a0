import Accounts
import Plot
import Storage
import Territory

enum AdminUsersPage {
    struct Row { var user: StoredUser; var grants: [RoleGrant] }
    struct Model {
        var rows: [Row]
        var form: FormData
        var errors: [String: String]
        var csrfToken: String
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Comptes et rôles"),
            .table(
                .caption("\(model.rows.count) comptes"),
                .thead(.tr(.th(.attr("scope", "col"), "Nom"), .th(.attr("scope", "col"), "Adresse"), .th(.attr("scope", "col"), "Rôles"))),
                .tbody(.group(model.rows.map { row in
                    .tr(.td(.a(.href(SiteURL.adminUser(row.user.id).path), .text(escaping: row.user.displayName))),
                        .td(.text(escaping: row.user.email)),
                        .td(.text(escaping: row.grants.map(\.role.label).joined(separator: ", "))))
                }))
            ),
            .h2(.id("nouveau-compte"), "Créer un compte"),
            Form.errorSummary(model.errors, order: ["email", "display_name", "password"]),
            Form.post(.adminUsers, csrf: model.csrfToken, label: "Créer un compte",
                Form.field("Adresse électronique", name: "email", value: model.form["email"] ?? "", type: .email, error: model.errors["email"], required: true),
                Form.field("Nom affiché", name: "display_name", value: model.form["display_name"] ?? "", error: model.errors["display_name"], required: true),
                Form.field("Mot de passe initial", name: "password", type: .password, error: model.errors["password"],
                           hint: "12 caractères au moins ; à transmettre à la personne, qui pourra le changer.", required: true, autocomplete: "new-password"),
                Form.submit("Créer le compte")
            )
        )
    }
}

enum AdminUserPage {
    struct Model {
        var user: StoredUser
        var grants: [RoleGrant]
        var history: [AuditEvent]
        var territory: TerritoryReference
        var form: FormData
        var error: String?
        var csrfToken: String
    }

    static func scopeOptions(_ territory: TerritoryReference) -> [(value: String, label: String)] {
        [("national", "National (porteur, comité, administrateur)")]
            + territory.regions.map { ("region:\($0.code)", "Région \($0.name)") }
            + territory.departments.map { ("departement:\($0.code)", "\($0.code) · \($0.name)") }
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .p(.a(.href(SiteURL.adminUsers.path), "← Tous les comptes")),
            .h1(.text(escaping: model.user.displayName)),
            .p(.text(escaping: model.user.email)),
            .h2("Rôles"),
            model.grants.isEmpty ? .p("Aucun rôle.") : .ul(.group(model.grants.map { grant in
                .li(.class("grant"),
                    .strong(.text(escaping: grant.role.label)),
                    .text(escaping: ScopeNames.describe(grant.scope, territory: model.territory).map { " : \($0)" } ?? ""),
                    Form.post(.adminRevoke(model.user.id), csrf: model.csrfToken, label: "Retirer le rôle \(grant.role.label)",
                        .input(.type(.hidden), .name("role"), .attr("value", grant.role.rawValue)),
                        .input(.type(.hidden), .name("scope"), .attr("value", "\(grant.scope.kind.rawValue):\(grant.scope.code)")),
                        Form.submit("Retirer", secondary: true)))
            })),
            .h2("Accorder un rôle"),
            model.error.map { .div(.class("error-summary"), .attr("role", "alert"), .p(.text(escaping: $0))) } ?? .empty,
            Form.post(.adminGrant(model.user.id), csrf: model.csrfToken, label: "Accorder un rôle",
                Form.select("Rôle", name: "role", options: Role.allCases.map { ($0.rawValue, $0.label) }, selected: model.form["role"], required: true),
                Form.select("Territoire", name: "scope", options: scopeOptions(model.territory), selected: model.form["scope"]),
                Form.field("Lieu (pour un animateur)", name: "place_id", value: model.form["place_id"] ?? "", type: .number,
                           hint: "Numéro du lieu animé ; laissez vide pour les autres rôles."),
                Form.submit("Accorder")
            ),
            .h2("Historique"),
            model.history.isEmpty ? .p("Aucune modification enregistrée.") : .ol(.class("timeline"), .group(model.history.map { event in
                .li(.text(escaping: "\(ParisTime.format(event.at)) : \(event.action == "role.granted" ? "rôle accordé" : "rôle retiré") (\(event.detail)) par le compte n° \(event.actorUserID.map(String.init) ?? "système")"))
            }))
        )
    }
}
