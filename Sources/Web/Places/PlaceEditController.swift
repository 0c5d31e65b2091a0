import Accounts
import Directory
import Foundation
import Hummingbird
import Storage

/// Editing a place (its animateurs and the comité), keeping every version, and the error reports
/// anyone can send from a place page.
struct PlaceEditController: Sendable {
    let services: AppServices
    let index: DirectoryIndexCache

    func register(on router: Router<AppRequestContext>) {
        router.get(SiteURL.Pattern.editPlace, use: edit)
        router.post(SiteURL.Pattern.editPlace, use: save)
        router.post(SiteURL.Pattern.reportPlace, use: report)
        router.get(RouterPath(SiteURL.reports.path), use: reports)
        router.post(SiteURL.Pattern.resolveReport, use: resolve)
    }

    private func editablePlace(_ context: AppRequestContext) async throws -> DirectoryPlace {
        let viewer = try context.requireViewer()
        guard let id = context.parameters.get("id", as: Int64.self), let place = try await services.directory.find(id: id) else { throw AppError.notFound }
        guard AccessPolicy.canEditPlace(id, viewer: viewer) else { throw AppError.forbidden }
        return place
    }

    static func form(_ place: DirectoryPlace) -> FormData {
        var fields: [(name: String, value: String)] = [
            ("nom", place.name), ("adresse", place.address), ("complement_adresse", place.addressComplement ?? ""),
            ("code_postal", place.postalCode), ("code_insee", place.communeCode),
            ("latitude", String(place.position.latitude)), ("longitude", String(place.position.longitude)),
            ("horaires", place.openingHours ?? ""), ("telephone", place.phone ?? ""), ("courriels", place.emails.joined(separator: "|")),
            ("site_web", place.websites.joined(separator: "|")), ("presentation_resume", place.summary ?? ""),
            ("presentation_detail", place.details ?? ""), ("reseau", place.networkPlaceID.map(String.init) ?? ""),
        ]
        fields += place.kinds.map { ("types_tiers_lieu", $0.rawValue) }
        fields += place.services.map { ("services", $0) }
        fields += place.publics.map { ("publics_specifiquement_adresses", $0) }
        return FormData(fields: fields)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let place = try await editablePlace(context)
        let model = PlaceEditPage.Model(placeID: place.id ?? 0, name: place.name, form: Self.form(place), errors: [:], csrfToken: context.csrfToken())
        return .html(PlaceEditPage.render(model, layout: .init(context: context, title: "Modifier \(place.name)", current: .places)))
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let existing = try await editablePlace(context)
        let viewer = try context.requireViewer()
        let form = context.form
        var fields: [String: String] = [:]
        for name in PlaceEditPage.fieldOrder { fields[name] = form.values(name).joined(separator: "|") }
        fields["date_maj"] = ParisTime.isoDay(services.now)
        let reader = PlaceRecordReader(territory: services.territory, today: ParisTime.isoDay(services.now))
        let (candidate, issues) = reader.place(from: fields)
        // In a form every doubt is the person's to settle: no silent correction, each issue is an error.
        var errors: [String: String] = [:]
        let noPositionTyped = (fields["latitude"] ?? "").isEmpty && (fields["longitude"] ?? "").isEmpty
        for issue in issues where errors[issue.field] == nil {
            // Leaving the position empty is allowed: the commune's centre is used, as the hint says.
            if noPositionTyped && issue.field == "latitude" { continue }
            errors[issue.field] = Self.message(issue)
        }
        if fields["adresse"]?.isEmpty ?? true { errors["adresse"] = "L'adresse est obligatoire (le standard national l'exige)." }
        var network: Int64?
        if let typed = form.text("reseau") {
            if let id = Int64(typed), id != existing.id, let fabrique = try await services.directory.find(id: id), fabrique.label != nil {
                network = id
            } else {
                errors["reseau"] = "Indiquez le numéro d'une autre fiche labellisée Fabrique de territoire, ou laissez vide."
            }
        }
        guard errors.isEmpty, var updated = candidate else {
            let model = PlaceEditPage.Model(placeID: existing.id ?? 0, name: existing.name, form: form, errors: errors, csrfToken: context.csrfToken())
            return .html(PlaceEditPage.render(model, layout: .init(context: context, title: "Erreur : modifier \(existing.name)", current: .places)),
                         status: .unprocessableContent)
        }
        // What the form does not show is kept.
        updated.id = existing.id
        updated.externalID = existing.externalID
        updated.pivot = existing.pivot
        updated.label = existing.label
        updated.structureTypes = existing.structureTypes
        updated.fees = existing.fees
        updated.accessModes = existing.accessModes
        updated.supportModes = existing.supportModes
        updated.nationalProgrammes = existing.nationalProgrammes
        updated.accessibilityURL = existing.accessibilityURL
        updated.bookingURL = existing.bookingURL
        updated.source = existing.source
        updated.networkPlaceID = network
        try await services.directory.update(updated, actor: viewer.userID, at: services.now)
        await index.invalidate()
        context.setFlash("Fiche enregistrée.")
        return .seeOther(.place(existing.id ?? 0))
    }

    static func message(_ issue: ImportIssue) -> String {
        let text = issue.reason
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let place = try await services.directory.find(id: id) else { throw AppError.notFound }
        let message = context.form.text("message") ?? ""
        let contact = context.form.text("contact")
        guard (5...4000).contains(message.count) else {
            let page = PlacePage.render(
                .init(place: place, canEdit: false, reportMessage: message, reportContact: contact ?? "",
                      reportError: "Décrivez l'erreur en quelques mots (5 à 4 000 caractères).", csrfToken: context.csrfToken()),
                layout: .init(context: context, title: place.name, current: .places))
            return .html(page, status: .unprocessableContent)
        }
        try await services.placeReports.create(placeID: id, message: message, contact: contact, at: services.now)
        context.setFlash("Merci : votre signalement a été transmis aux animateurs du lieu et au comité national.")
        return .seeOther(.place(id))
    }

    @Sendable func reports(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require { $0.seesWholeProgramme || !$0.managedPlaceIDs.isEmpty }
        let open = try await services.placeReports.open(placeIDs: viewer.seesWholeProgramme ? nil : viewer.managedPlaceIDs)
        return .html(ReportsPage.render(.init(reports: open, csrfToken: context.csrfToken()),
                                        layout: .init(context: context, title: "Signalements", current: .reports)))
    }

    @Sendable func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        guard let id = context.parameters.get("id", as: Int64.self), let report = try await services.placeReports.find(id: id) else { throw AppError.notFound }
        guard AccessPolicy.canEditPlace(report.placeID, viewer: viewer) else { throw AppError.forbidden }
        try await services.placeReports.resolve(id: id, by: viewer.userID, at: services.now)
        context.setFlash("Signalement marqué comme traité.")
        return .seeOther(.reports)
    }
}
