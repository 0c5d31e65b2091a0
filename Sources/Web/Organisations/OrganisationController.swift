import Accounts
import Hummingbird
import Programme
import Storage

/// A porteur keeps its organisation here; instructeurs and the comité read those of their scope.
struct OrganisationController {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.myOrganisation.path), use: edit)
        router.post(RouterPath(SiteURL.myOrganisation.path), use: save)
        router.get(RouterPath(SiteURL.organisations.path), use: list)
        router.get(SiteURL.Pattern.organisation, use: show)
    }

    private func ownOrganisation(_ viewer: Viewer) async throws -> Organisation? {
        try await services.organisations.owned(by: viewer.userID)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require { $0.has(.applicant) }
        let existing = try await ownOrganisation(viewer)
        let input = existing.map { OrganisationInput(name: $0.name, legalForm: $0.legalForm, siret: $0.siret ?? "", commune: $0.communeCode) }
            ?? OrganisationInput(name: "", legalForm: "", siret: "", commune: "")
        let model = OrganisationFormPage.Model(isNew: existing == nil, input: input, errors: [:], csrfToken: context.csrfToken())
        return .html(OrganisationFormPage.render(model, layout: .init(context: context, title: "Mon organisation", current: .myOrganisation)))
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require { $0.has(.applicant) }
        let input = OrganisationInput(name: context.form["name"] ?? "", legalForm: context.form["legal_form"] ?? "",
                                      siret: context.form["siret"] ?? "", commune: context.form["commune"] ?? "")
        let existing = try await ownOrganisation(viewer)
        switch input.validate(territory: services.territory) {
        case .failure(let errors):
            let model = OrganisationFormPage.Model(isNew: existing == nil, input: input, errors: errors.messages, csrfToken: context.csrfToken())
            return .html(OrganisationFormPage.render(model, layout: .init(context: context, title: "Erreur : mon organisation", current: .myOrganisation)),
                         status: .unprocessableContent)
        case .success(let valid):
            let draft = OrganisationDraft(name: valid.name, legalForm: valid.legalForm.rawValue, siret: valid.siret?.digits,
                                          communeCode: valid.commune.code, departmentCode: valid.commune.departmentCode,
                                          regionCode: valid.commune.regionCode)
            if let existing {
                try await services.organisations.update(id: existing.id, with: draft, at: services.now)
            } else {
                _ = try await services.organisations.create(draft, owner: viewer.userID, at: services.now)
            }
            context.setFlash("Organisation enregistrée.")
            return .seeOther(.myOrganisation)
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require { $0.has(.reviewer) || $0.seesWholeProgramme }
        let organisations = try await services.organisations.visible(to: viewer)
        let scope = viewer.seesWholeProgramme ? "Toutes les organisations du programme."
            : "Organisations de votre territoire d'instruction : " + viewer.reviewedTerritories.compactMap { ScopeNames.describe($0, territory: services.territory) }.joined(separator: ", ") + "."
        let model = OrganisationListPage.Model(organisations: organisations, territory: services.territory, scopeDescription: scope)
        return .html(OrganisationListPage.render(model, layout: .init(context: context, title: "Organisations", current: .organisations)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        guard let id = context.parameters.get("id", as: Int64.self),
              let organisation = try await services.organisations.find(id: id) else { throw AppError.notFound }
        guard AccessPolicy.canRead(organisation.accessSubject, viewer: viewer) else { throw AppError.forbidden }
        return .html(OrganisationPage.render(organisation, territory: services.territory,
                                             layout: .init(context: context, title: organisation.name, current: .organisations)))
    }
}
