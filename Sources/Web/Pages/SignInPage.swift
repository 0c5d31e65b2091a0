import Plot

enum SignInPage {
    struct Model {
        var email: String
        var returnTo: String?
        var error: String?
        var csrfToken: String
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Connexion"),
            .p(.class("lead"), "Porteurs de projet, instructeurs, comité national et animateurs de lieux : connectez-vous avec votre adresse électronique."),
            model.error.map { .div(.class("error-summary"), .attr("role", "alert"), .p(.text(escaping: $0))) } ?? .empty,
            Form.post(.signIn(), csrf: model.csrfToken, label: "Connexion",
                .input(.type(.hidden), .name("retour"), .attr("value", model.returnTo ?? "")),
                Form.field("Adresse électronique", name: "email", value: model.email, type: .email, required: true, autocomplete: "email"),
                Form.field("Mot de passe", name: "password", type: .password, required: true, autocomplete: "current-password"),
                Form.submit("Se connecter")
            )
        )
    }
}
