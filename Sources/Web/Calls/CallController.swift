import Accounts
import Foundation
import Hummingbird
import Programme
import Storage

/// Calls for applications: the public list and page, and the comité's configuration (settings, waves,
/// form versions, publication).
struct CallController: Sendable {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.calls.path), use: list)
        router.post(RouterPath(SiteURL.calls.path), use: create)
        router.get(SiteURL.Pattern.call, use: show)
        router.get(SiteURL.Pattern.editCall, use: edit)
        router.post(SiteURL.Pattern.editCall, use: update)
        router.post(SiteURL.Pattern.publishCall, use: publish)
        router.post(SiteURL.Pattern.addWave, use: addWave)
        router.get(SiteURL.Pattern.editWave, use: editWave)
        router.post(SiteURL.Pattern.editWave, use: updateWave)
        router.get(SiteURL.Pattern.callForm, use: editForm)
        router.post(SiteURL.Pattern.callForm, use: saveForm)
        router.post(SiteURL.Pattern.publishCallForm, use: publishForm)
    }

    func call(_ context: AppRequestContext) async throws -> StoredCall {
        guard let id = context.parameters.get("id", as: Int64.self), let call = try await services.calls.find(id: id) else { throw AppError.notFound }
        // An unpublished call is the comité's draft.
        guard call.publishedAt != nil || context.viewer?.seesWholeProgramme == true else { throw AppError.notFound }
        return call
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let committee = context.viewer?.seesWholeProgramme == true
        let calls = try await services.calls.all().filter { committee || $0.publishedAt != nil }
        return .html(CallPages.list(calls, now: services.clock(), canCreate: committee, csrfToken: committee ? context.csrfToken() : "",
                                    layout: .init(context: context, title: "Appels à manifestation d'intérêt", current: .calls)))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        let id = try await services.calls.create(StandardCall.settings, form: StandardCall.form, by: viewer.userID, at: services.now)
        try await services.audit.record(actor: viewer.userID, action: "call.created", subject: "call:\(id)", detail: StandardCall.settings.title, at: services.now)
        context.setFlash("Appel créé à partir du modèle de l'AMI. Adaptez-le, ajoutez une vague, puis publiez-le.")
        return .seeOther(.editCall(id))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let call = try await call(context)
        let viewer = context.viewer
        return .html(CallPages.detail(call, now: services.clock(), viewer: viewer, csrfToken: viewer == nil ? "" : context.csrfToken(),
                                      layout: .init(context: context, title: call.settings.title, current: .calls)))
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(\.seesWholeProgramme)
        let call = try await call(context)
        return .html(CallPages.settings(call, form: CallSettingsForm(call.settings).form, errors: [:], csrfToken: context.csrfToken(),
                                        layout: .init(context: context, title: "Configurer l'appel", current: .calls)))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        let call = try await call(context)
        switch CallSettingsForm.read(context.form, current: call.settings) {
        case .success(let settings):
            try await services.calls.update(id: call.id, settings: settings, at: services.now)
            try await services.audit.record(actor: viewer.userID, action: "call.updated", subject: "call:\(call.id)", detail: settings.title, at: services.now)
            context.setFlash("Configuration enregistrée.")
            return .seeOther(.call(call.id))
        case .failure(let errors):
            return .html(CallPages.settings(call, form: context.form, errors: errors.messages, csrfToken: context.csrfToken(),
                                            layout: .init(context: context, title: "Erreur : configurer l'appel", current: .calls)), status: .unprocessableContent)
        }
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        let call = try await call(context)
        guard call.currentForm != nil, !call.waves.isEmpty else {
            context.setFlash("Publication impossible : l'appel doit avoir au moins une vague et un formulaire publié.")
            return .seeOther(.call(call.id))
        }
        try await services.calls.publish(id: call.id, at: services.now)
        try await services.audit.record(actor: viewer.userID, action: "call.published", subject: "call:\(call.id)", detail: call.settings.title, at: services.now)
        context.setFlash("Appel publié.")
        return .seeOther(.call(call.id))
    }

    /// Reads the wave form: a name and two Paris local times, closing after opening.
    static func readWave(_ form: FormData) -> (name: String, opens: Date?, closes: Date?, errors: [String: String]) {
        var errors: [String: String] = [:]
        let name = form.text("nom") ?? ""
        if name.isEmpty || name.count > 100 { errors["nom"] = "Donnez un nom à la vague (100 caractères au plus), par exemple « Vague 4 »." }
        var opens: Date?, closes: Date?
        switch ParisCalendar.instant(local: form["ouverture"] ?? "") { case .success(let d): opens = d; case .failure(let e): errors["ouverture"] = e.message }
        switch ParisCalendar.instant(local: form["cloture"] ?? "") { case .success(let d): closes = d; case .failure(let e): errors["cloture"] = e.message }
        if let opens, let closes, closes <= opens { errors["cloture"] = "La clôture doit suivre l'ouverture." }
        return (name, opens, closes, errors)
    }

    @Sendable func addWave(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        let call = try await call(context)
        let (name, opens, closes, errors) = Self.readWave(context.form)
        guard errors.isEmpty, let opens, let closes else {
            return .html(CallPages.detail(call, now: services.clock(), viewer: viewer, csrfToken: context.csrfToken(), waveForm: context.form, waveErrors: errors,
                                          layout: .init(context: context, title: "Erreur : \(call.settings.title)", current: .calls)), status: .unprocessableContent)
        }
        let id = try await services.calls.addWave(callID: call.id, name: name, opensAt: opens, closesAt: closes)
        try await services.audit.record(actor: viewer.userID, action: "wave.created", subject: "call:\(call.id)",
                                        detail: "vague \(id) « \(name) » du \(ParisCalendar.format(opens)) au \(ParisCalendar.format(closes))", at: services.now)
        context.setFlash("Vague « \(name) » ajoutée.")
        return .seeOther(.call(call.id))
    }

    @Sendable func editWave(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(\.seesWholeProgramme)
        let call = try await call(context)
        guard let wave = context.parameters.get("wave", as: Int64.self).flatMap(call.wave) else { throw AppError.notFound }
        let form = FormData(fields: [("nom", wave.name), ("ouverture", ParisCalendar.inputValue(wave.opensAt)), ("cloture", ParisCalendar.inputValue(wave.closesAt))])
        return .html(CallPages.waveEditor(call, wave: wave, form: form, errors: [:], csrfToken: context.csrfToken(),
                                          layout: .init(context: context, title: "Modifier \(wave.name)", current: .calls)))
    }

    /// Moving a deadline is recorded with the old and new instants: applicants may ask why.
    @Sendable func updateWave(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        let call = try await call(context)
        guard let wave = context.parameters.get("wave", as: Int64.self).flatMap(call.wave) else { throw AppError.notFound }
        let (name, opens, closes, errors) = Self.readWave(context.form)
        guard errors.isEmpty, let opens, let closes else {
            return .html(CallPages.waveEditor(call, wave: wave, form: context.form, errors: errors, csrfToken: context.csrfToken(),
                                              layout: .init(context: context, title: "Erreur : modifier \(wave.name)", current: .calls)), status: .unprocessableContent)
        }
        try await services.calls.updateWave(Wave(id: wave.id, name: name, opensAt: opens, closesAt: closes))
        try await services.audit.record(actor: viewer.userID, action: "wave.updated", subject: "call:\(call.id)",
                                        detail: "vague \(wave.id) : clôture \(ParisCalendar.format(wave.closesAt)) → \(ParisCalendar.format(closes)), ouverture \(ParisCalendar.format(wave.opensAt)) → \(ParisCalendar.format(opens))",
                                        at: services.now)
        context.setFlash("Vague « \(name) » modifiée.")
        return .seeOther(.call(call.id))
    }

    @Sendable func editForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(\.seesWholeProgramme)
        let call = try await call(context)
        let json = try Self.prettyJSON((call.draftForm ?? call.currentForm)?.definition ?? StandardCall.form)
        return .html(CallPages.formEditor(call, json: json, error: nil, csrfToken: context.csrfToken(),
                                          layout: .init(context: context, title: "Formulaire de l'appel", current: .calls)))
    }

    @Sendable func saveForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        let call = try await call(context)
        let json = context.form["formulaire"] ?? ""
        switch FormDefinition.parse(json: json) {
        case .success(let definition):
            try await services.calls.saveFormDraft(callID: call.id, definition: definition, at: services.now)
            try await services.audit.record(actor: viewer.userID, action: "form.draft_saved", subject: "call:\(call.id)", detail: "\(definition.fields.count) champs", at: services.now)
            context.setFlash("Brouillon du formulaire enregistré. Publiez-le pour que les nouveaux dossiers l'utilisent ; les dossiers en cours gardent leur version.")
            return .seeOther(.callForm(call.id))
        case .failure(let errors):
            return .html(CallPages.formEditor(call, json: json, error: errors.messages["form"], csrfToken: context.csrfToken(),
                                              layout: .init(context: context, title: "Erreur : formulaire de l'appel", current: .calls)), status: .unprocessableContent)
        }
    }

    @Sendable func publishForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        let call = try await call(context)
        guard let draft = call.draftForm else {
            context.setFlash("Aucun brouillon de formulaire à publier.")
            return .seeOther(.callForm(call.id))
        }
        try await services.calls.publishFormDraft(callID: call.id, at: services.now)
        try await services.audit.record(actor: viewer.userID, action: "form.published", subject: "call:\(call.id)", detail: "version \(draft.version)", at: services.now)
        context.setFlash("Version \(draft.version) du formulaire publiée.")
        return .seeOther(.call(call.id))
    }

    static func prettyJSON(_ form: FormDefinition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(form), as: UTF8.self)
    }
}
