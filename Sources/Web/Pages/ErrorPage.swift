import Plot

enum ErrorPage {
    static func render(_ error: AppError, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1(.text(escaping: error.title)),
            .p(.class("lead"), .text(escaping: error.detail)),
            .p(.span("Code : \(error.status.code). "), .a(.href(SiteURL.home.path), "Retour à l'accueil"))
        )
    }
}
