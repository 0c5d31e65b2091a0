import Accounts
import Foundation
import Hummingbird
import Programme
import Storage

/// The applicant's and the reviewers' pages of one dossier.
struct DossierController: Sendable {
    let services: AppServices
    var dossiers: DossierService { DossierService(services: services) }

    func register(on router: Router<AppRequestContext>) {
        router.post(SiteURL.Pattern.startDossier, use: start)
        router.get(RouterPath(SiteURL.dossiers.path), use: mine)
        router.get(SiteURL.Pattern.dossier, use: show)
        router.post(SiteURL.Pattern.dossier, use: save)
        router.post(SiteURL.Pattern.dossierTransition, use: transition)
        router.post(SiteURL.Pattern.dossierNote, use: note)
        router.post(SiteURL.Pattern.dossierReview, use: review)
        router.post(SiteURL.Pattern.dossierExpert, use: inviteExpert)
        router.get(SiteURL.Pattern.dossierFile, use: file)
        router.get(SiteURL.Pattern.printDossier, use: printable)
        router.get(RouterPath(SiteURL.notifications.path), use: notifications)
        router.get(RouterPath(SiteURL.outbox.path), use: outbox)
    }

    func access(_ context: AppRequestContext) async throws -> DossierAccess {
        let viewer = try context.requireViewer()
        guard let id = context.parameters.get("id", as: Int64.self) else { throw AppError.notFound }
        return try await dossiers.access(id, viewer: viewer)
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require { $0.has(.applicant) }
        guard let callID = context.parameters.get("id", as: Int64.self) else { throw AppError.notFound }
        let id = try await dossiers.start(callID: callID, viewer: viewer)
        context.setFlash("Brouillon créé et prérempli avec ce que nous savons déjà de vous. Vérifiez chaque réponse.")
        return .seeOther(.dossier(id))
    }

    @Sendable func mine(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let owned = try await services.dossiers.owned(by: viewer.userID)
        var invited: [Dossier] = []
        for id in try await services.dossierReviews.expertDossierIDs(userID: viewer.userID) {
            if let dossier = try await services.dossiers.find(id: id) { invited.append(dossier) }
        }
        let calls = try await services.calls.all().filter { $0.publishedAt != nil }
        return .html(MyDossiersPage.render(.init(owned: owned, invited: invited, calls: calls, now: services.clock(), canApply: viewer.has(.applicant), csrfToken: context.csrfToken()),
                                           layout: .init(context: context, title: "Mes dossiers", current: .dossiers)))
    }

    func page(_ access: DossierAccess, context: AppRequestContext, answers: DossierAnswers? = nil, errors: [String: String] = [:], actionError: String? = nil) async throws -> DossierPage.Model {
        let (call, form) = try await dossiers.context(access.dossier)
        let id = access.dossier.id
        let notes = try await services.dossierReviews.notes(dossierID: id, kinds: access.isReviewer ? [.message, .annotation] : [.message])
        let reviews = try await services.dossierReviews.reviews(dossierID: id)
        let eligibility = access.canEditAnswers && access.dossier.state == .draft
            ? try await dossiers.eligibilityRefusals(access.dossier, rules: call.settings.eligibility) : []
        return DossierPage.Model(
            access: access, call: call, form: form, answers: answers ?? access.dossier.answers, errors: errors, actionError: actionError,
            files: try await services.dossierFiles.metadata(dossierID: id), events: try await services.dossiers.events(dossierID: id),
            messages: notes.filter { $0.kind == .message }, annotations: notes.filter { $0.kind == .annotation },
            // The applicant reads reviewers' shared comments only once the decision is taken.
            reviews: access.isOwner && !access.isReviewer && !access.dossier.state.isFinal ? [] : reviews,
            now: services.clock(), csrfToken: context.csrfToken(), territory: services.territory, eligibility: eligibility)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        var model = try await page(access, context: context)
        if let key = request.uri.queryParameters.get("reprise"), access.canEditAnswers,
           let recovered = try await AnswerStash(store: services.keyValues, clock: services.clock).take(key, dossierID: access.dossier.id) {
            model.answers = DossierFormReader.answers(recovered, definition: model.form, existing: access.dossier.answers)
            model.recovered = true
        }
        return .html(DossierPage.render(model, layout: .init(context: context, title: "Dossier \(access.dossier.number)", current: .dossiers)))
    }

    /// Saves whatever was typed (valid or not), stores attached files, then submits if asked. A failed
    /// submission shows the form again with every value and a message per field.
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        guard access.canEditAnswers else {
            if context.form["action"] == DossierAction.submit.rawValue, access.isOwner, let submitted = access.dossier.submittedAt {
                context.setFlash("Ce dossier est déjà déposé depuis le \(ParisCalendar.format(submitted.date, seconds: true)) : rien n'a été modifié.")
                return .seeOther(.dossier(access.dossier.id))
            }
            throw AppError(.conflict, title: "Dossier non modifiable", detail: "Ce dossier n'est plus modifiable : il a été déposé. Vous pourrez le corriger si l'instruction vous le demande.")
        }
        let (_, form) = try await dossiers.context(access.dossier)
        var answers = DossierFormReader.answers(context.form, definition: form, existing: access.dossier.answers)
        var errors: [String: String] = [:]
        for field in form.fields where field.type == .file {
            guard let upload = context.files["file_\(field.key)"], !upload.fileName.isEmpty, !upload.data.isEmpty || upload.fileName != "" else { continue }
            if let problem = FileRule.check(filename: upload.fileName, size: upload.data.count, leadingBytes: Array(upload.data.prefix(16)), field: field) {
                errors[field.key] = problem
                continue
            }
            let fileID = try await services.dossierFiles.store(dossierID: access.dossier.id, fieldKey: field.key, filename: upload.fileName,
                                                               contentType: upload.contentType ?? "application/octet-stream", content: Array(upload.data),
                                                               by: access.viewer.userID, at: services.now)
            answers[field.key] = .text(String(fileID))
            // A submitted dossier sent back for correction keeps the file the reviewers read.
            if access.dossier.state == .draft {
                try await services.dossierFiles.removeSuperseded(dossierID: access.dossier.id, fieldKey: field.key, keeping: fileID)
            }
        }
        _ = try await dossiers.saveAnswers(access, answers: answers)
        if context.form["auto"] == "1" { return Response(status: .noContent) }
        let files = Set(try await services.dossierFiles.metadata(dossierID: access.dossier.id).map { String($0.id) })
        let action = DossierAction(rawValue: context.form["action"] ?? "")
        guard let action, action == .submit || action == .resubmit else {
            errors.merge(FormValidator.errors(answers, form: form, mode: .draft, territory: services.territory, storedFiles: files)) { first, _ in first }
            if errors.isEmpty {
                context.setFlash("Brouillon enregistré à \(ParisCalendar.format(services.clock(), seconds: true)).")
                return .seeOther(.dossier(access.dossier.id))
            }
            return try await failed(access, context: context, answers: answers, errors: errors, message: "Brouillon enregistré, mais certaines réponses sont à corriger avant le dépôt.")
        }
        guard errors.isEmpty else {
            return try await failed(access, context: context, answers: answers, errors: errors, message: "Le dossier n'a pas été déposé : un fichier est refusé.")
        }
        let refreshed = try await dossiers.access(access.dossier.id, viewer: access.viewer)
        switch try await dossiers.perform(action, on: refreshed, reason: nil) {
        case .success:
            context.setFlash(action == .submit ? "Dossier déposé. Votre récépissé est ci-dessous." : "Dossier corrigé renvoyé à l'instruction.")
            return .seeOther(.dossier(access.dossier.id))
        case .failure(.incomplete(let missing)):
            return try await failed(refreshed, context: context, answers: answers, errors: missing, message: DossierService.Failure.incomplete(missing).message)
        case .failure(let failure):
            return try await failed(refreshed, context: context, answers: answers, errors: [:], message: failure.message)
        }
    }

    func failed(_ access: DossierAccess, context: AppRequestContext, answers: DossierAnswers, errors: [String: String], message: String) async throws -> Response {
        let model = try await page(access, context: context, answers: answers, errors: errors, actionError: message)
        return .html(DossierPage.render(model, layout: .init(context: context, title: "Erreur : dossier \(access.dossier.number)", current: .dossiers)),
                     status: .unprocessableContent)
    }

    @Sendable func transition(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        guard let action = DossierAction(rawValue: context.form["action"] ?? "") else { throw AppError.badRequest("Action inconnue.") }
        switch try await dossiers.perform(action, on: access, reason: context.form["motif"]) {
        case .success(let state):
            context.setFlash("Dossier \(access.dossier.number) : \(state.label.lowercased()).")
            return .seeOther(.dossier(access.dossier.id))
        case .failure(let failure):
            return try await failed(access, context: context, answers: access.dossier.answers, errors: [:], message: failure.message)
        }
    }

    @Sendable func note(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        let kind = NoteKind(rawValue: context.form["type"] ?? "") ?? .message
        guard kind == .message ? (access.isOwner || access.isReviewer) : access.isReviewer else { throw AppError.forbidden }
        guard let body = context.form.text("texte"), body.count <= 10_000 else {
            return try await failed(access, context: context, answers: access.dossier.answers, errors: [:], message: "Le message est vide ou trop long (10 000 caractères au plus).")
        }
        try await services.dossierReviews.addNote(dossierID: access.dossier.id, kind: kind, author: access.viewer.userID, body: body, at: services.now)
        if kind == .message {
            let recipient = access.isOwner ? access.dossier.assigneeUserID : access.dossier.ownerUserID
            if let recipient, recipient != access.viewer.userID {
                let email = access.isOwner ? nil : try await services.users.find(id: recipient).map { ($0.email, "[Fabriques de territoire] Message sur le dossier \(access.dossier.number)") }
                try await services.notifications.notify(userID: recipient, dossierID: access.dossier.id,
                                                        text: "Nouveau message de \(access.viewer.displayName) sur le dossier \(access.dossier.number).", email: email, at: services.now)
            }
        }
        context.setFlash(kind == .message ? "Message envoyé." : "Annotation ajoutée.")
        return .seeOther(.dossier(access.dossier.id))
    }

    @Sendable func review(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        guard access.canScore else { throw AppError.forbidden }
        let (call, _) = try await dossiers.context(access.dossier)
        var marks: [String: Int] = [:], comments: [String: String] = [:]
        for criterion in call.settings.grid.criteria {
            if let comment = context.form.text("commentaire_\(criterion.key)") { comments[criterion.key] = String(comment.prefix(5_000)) }
            guard let text = context.form.text("note_\(criterion.key)") else { continue }
            guard let mark = Int(text), (0...criterion.scale).contains(mark) else {
                return try await failed(access, context: context, answers: access.dossier.answers, errors: [:], message: "La note de « \(criterion.label) » doit aller de 0 à \(criterion.scale).")
            }
            marks[criterion.key] = mark
        }
        let opinion = context.form.text("avis").flatMap(Opinion.init(rawValue:))
        try await dossiers.saveReview(access, marks: marks, comments: comments, opinion: opinion, comment: context.form.text("commentaire"))
        context.setFlash("Grille enregistrée.")
        return .seeOther(.dossier(access.dossier.id))
    }

    @Sendable func inviteExpert(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        guard access.isReviewer else { throw AppError.forbidden }
        let email = (context.form.text("email") ?? "").lowercased()
        guard let expert = try await services.users.find(email: email) else {
            return try await failed(access, context: context, answers: access.dossier.answers, errors: [:],
                                    message: "Aucun compte n'a l'adresse « \(email) » : demandez à un administrateur de le créer, puis invitez-le.")
        }
        try await services.dossierReviews.inviteExpert(dossierID: access.dossier.id, userID: expert.id, by: access.viewer.userID, at: services.now)
        try await services.notifications.notify(userID: expert.id, dossierID: access.dossier.id,
                                                text: "\(access.viewer.displayName) vous demande un avis d'expert sur le dossier \(access.dossier.number).",
                                                email: (expert.email, "[Fabriques de territoire] Demande d'avis d'expert"), at: services.now)
        try await services.audit.record(actor: access.viewer.userID, action: "dossier.expert_invited", subject: "dossier:\(access.dossier.id)", detail: expert.email, at: services.now)
        context.setFlash("\(expert.displayName) est invité à donner son avis sur ce dossier.")
        return .seeOther(.dossier(access.dossier.id))
    }

    @Sendable func file(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        guard let fileID = context.parameters.get("file", as: Int64.self), let (file, content) = try await services.dossierFiles.content(fileID: fileID),
              file.dossierID == access.dossier.id else { throw AppError.notFound }
        let safeName = file.filename.filter { $0.isLetter || $0.isNumber || ".-_ ".contains($0) }
        return Response(status: .ok, headers: [.contentType: file.contentType == "application/pdf" ? "application/pdf" : "application/octet-stream",
                                               .contentDisposition: "attachment; filename=\"\(safeName)\"",
                                               .init("X-Content-Type-Options")!: "nosniff"],
                        body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }

    @Sendable func printable(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        return .html(DossierPrintPage.render(try await page(access, context: context)))
    }

    /// What the mailer has to send: the comité and admins check here that applicants were told.
    @Sendable func outbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(\.seesWholeProgramme)
        let emails = try await services.notifications.outbox(limit: 200)
        return .html(NotificationsPage.outbox(emails, layout: .init(context: context, title: "Courriels à envoyer", current: .outbox)))
    }

    @Sendable func notifications(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let recent = try await services.notifications.recent(userID: viewer.userID, limit: 100)
        try await services.notifications.markAllRead(userID: viewer.userID, at: services.now)
        return .html(NotificationsPage.render(recent, layout: .init(context: context, title: "Notifications", current: .notifications)))
    }
}
