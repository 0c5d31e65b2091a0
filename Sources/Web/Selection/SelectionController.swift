import Accounts
import Directory
import Foundation
import Hummingbird
import Programme
import Selection
import Spreadsheet
import Storage

/// The comité's selection scenarios: computed from the reviewed dossiers, saved with their exact input,
/// explained, compared, exported, and turned into decisions through the review workflow.
struct SelectionController: Sendable {
    let services: AppServices
    let index: DirectoryIndexCache

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.selection().path), use: list)
        router.post(RouterPath(SiteURL.selection().path), use: create)
        router.get(RouterPath("/selection/comparer"), use: compare)
        router.get(SiteURL.Pattern.scenario, use: show)
        router.get(SiteURL.Pattern.scenarioExport, use: export)
        router.post(SiteURL.Pattern.applyScenario, use: apply)
    }

    func call(_ id: Int64?) async throws -> StoredCall {
        let calls = try await services.calls.all()
        guard let call = id.flatMap({ id in calls.first { $0.id == id } }) ?? calls.first else {
            throw AppError(.notFound, title: "Aucun appel", detail: "Créez d'abord un appel à manifestation d'intérêt.")
        }
        return call
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(\.seesWholeProgramme)
        let call = try await call(request.uri.queryParameters.get("appel").flatMap { Int64($0) })
        return try await listPage(call, form: ScenarioForm.defaults(call.settings), errors: [:], context: context, status: .ok)
    }

    func listPage(_ call: StoredCall, form: FormData, errors: [String: String], context: AppRequestContext, status: HTTPResponse.Status) async throws -> Response {
        let scenarios = try await services.scenarios.all(callID: call.id)
        let summaries = scenarios.map { stored in (stored, try? JSONDecoder.snake.decode(SelectionResult.self, from: Data(stored.result.utf8))) }
        let model = SelectionPages.ListModel(call: call, calls: try await services.calls.all(), scenarios: summaries, form: form, errors: errors, csrfToken: context.csrfToken())
        return .html(SelectionPages.list(model, layout: .init(context: context, title: "Sélection des lauréats", current: .selection())), status: status)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        let call = try await call(context.form.text("appel").flatMap { Int64($0) })
        let form: ScenarioForm
        switch ScenarioForm.read(context.form) {
        case .success(let read): form = read
        case .failure(let errors): return try await listPage(call, form: context.form, errors: errors.messages, context: context, status: .unprocessableContent)
        }
        let scenario = try await buildScenario(form, call: call, viewer: viewer)
        let options = SelectionOptions(timeLimit: form.timeLimitSeconds, explain: true)
        // The solver is pure CPU work: run it off the request's executor.
        let outcome: Result<SelectionResult, Error> = await Task.detached { Result { try Selector.solve(scenario, options: options) } }.value
        let result: SelectionResult
        do { result = try outcome.get() } catch {
            return try await listPage(call, form: context.form, errors: ["nom": "Scénario impossible à calculer : \(error)"], context: context, status: .unprocessableContent)
        }
        let id = try await services.scenarios.create(callID: call.id, name: form.name, input: String(decoding: try scenario.encoded(), as: UTF8.self),
                                                     result: String(decoding: try result.jsonData(), as: UTF8.self), by: viewer.userID, at: services.now)
        try await services.audit.record(actor: viewer.userID, action: "selection.computed", subject: "call:\(call.id)",
                                        detail: "scénario \(id) « \(form.name) » : \(result.status.rawValue), \(result.selected.count) retenus", at: services.now)
        return .seeOther(.scenario(id))
    }

    func buildScenario(_ form: ScenarioForm, call: StoredCall, viewer: Viewer) async throws -> SelectionScenario {
        var filter = DossierFilter()
        filter.callID = call.id
        filter.states = [.inReview]
        var dossiers: [Dossier] = []
        var after: Int64 = 0
        while true {
            let batch = try await services.dossierListing.batch(filter, viewer: viewer, after: after, limit: 1_000)
            guard let last = batch.last else { break }
            dossiers += batch
            after = last.id
        }
        let searchIndex = try await index.current()
        let labelled = searchIndex.search(PlaceQuery(perPage: 1_000_000)).hits.map(\.place).filter { $0.label != nil }
        return PoolBuilder(territory: services.territory).scenario(
            form, dossiers: dossiers, waveNames: Dictionary(uniqueKeysWithValues: call.waves.map { ($0.id, $0.name) }),
            unfavourable: try await services.dossierReviews.dossierIDs(withOpinion: .unfavourable), labelled: labelled, index: searchIndex)
    }

    func load(_ context: AppRequestContext, id: Int64? = nil) async throws -> (StoredScenario, SelectionScenario, SelectionResult) {
        guard let id = id ?? context.parameters.get("id", as: Int64.self), let stored = try await services.scenarios.find(id: id) else { throw AppError.notFound }
        return (stored, try SelectionScenario.decode(Data(stored.input.utf8)), try JSONDecoder.snake.decode(SelectionResult.self, from: Data(stored.result.utf8)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(\.seesWholeProgramme)
        let (stored, scenario, result) = try await load(context)
        let model = SelectionPages.ResultModel(stored: stored, scenario: scenario, result: result, territory: services.territory,
                                               others: try await services.scenarios.all(callID: stored.callID).filter { $0.id != stored.id },
                                               csrfToken: context.csrfToken())
        return .html(SelectionPages.result(model, layout: .init(context: context, title: "Scénario \(stored.name)", current: .selection())))
    }

    @Sendable func compare(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(\.seesWholeProgramme)
        let parameters = request.uri.queryParameters
        guard let a = parameters.get("a").flatMap({ Int64($0) }), let b = parameters.get("b").flatMap({ Int64($0) }) else {
            throw AppError.badRequest("Choisissez deux scénarios à comparer.")
        }
        let left = try await load(context, id: a), right = try await load(context, id: b)
        return .html(SelectionPages.comparison(left, right, territory: services.territory,
                                               layout: .init(context: context, title: "Comparer deux scénarios", current: .selection())))
    }

    @Sendable func export(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(\.seesWholeProgramme)
        let (stored, scenario, result) = try await load(context)
        let csv = CSVTableWriter(columns: ["Dossier", "Retenu", "Note", "Bonus", "Montant (€)", "Commune", "Département", "Région", "Catégories", "Vague",
                                           "Raison", "Contraintes liantes", "Note nécessaire pour entrer", "Marge pour rester"])
        var bytes = csv.header()
        let chosen = Set(result.selected)
        for dossier in scenario.pool {
            let explanation = result.explanations?[dossier.id]
            bytes += csv.row([.text(dossier.id), .text(chosen.contains(dossier.id) ? "oui" : "non"), .number(dossier.score), .number(dossier.bonus),
                              .number(dossier.amount), .text(dossier.commune), .text(dossier.department ?? ""), .text(dossier.region ?? ""),
                              .text(dossier.categories.joined(separator: " ")), .text(dossier.wave ?? ""), .text(explanation?.reason ?? ""),
                              .text(explanation?.binding.joined(separator: " ; ") ?? ""),
                              explanation?.scoreNeeded.map { .number($0) } ?? .empty, explanation?.canLose.map { .number($0) } ?? .empty])
        }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"scenario-\(stored.id).csv\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Accepts the selected dossiers and refuses the others of the pool, each through the workflow, with
    /// the scenario named in the reason so that every dossier's history says where its decision came from.
    @Sendable func apply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        let (stored, scenario, result) = try await load(context)
        guard result.status == .optimal else {
            context.setFlash("Seul un scénario optimal et prouvé peut devenir une décision.")
            return .seeOther(.scenario(stored.id))
        }
        guard try await services.scenarios.markApplied(id: stored.id, by: viewer.userID, at: services.now) else {
            context.setFlash("Ce scénario a déjà été appliqué.")
            return .seeOther(.scenario(stored.id))
        }
        let service = DossierService(services: services)
        let chosen = Set(result.selected)
        var accepted = 0, refused = 0, skipped: [String] = []
        for entry in scenario.pool {
            guard let id = Int64(entry.id.dropFirst(4)), let access = try? await service.access(id, viewer: viewer), access.dossier.state == .inReview else {
                skipped.append(entry.id)
                continue
            }
            let explanation = result.explanations?[entry.id]?.reason
            let selected = chosen.contains(entry.id)
            let reason = "Scénario de sélection n°\(stored.id) « \(stored.name) » : " + (explanation ?? (selected ? "retenu." : "non retenu."))
            switch try await service.perform(selected ? .accept : .refuse, on: access, reason: reason) {
            case .success: if selected { accepted += 1 } else { refused += 1 }
            case .failure: skipped.append(entry.id)
            }
        }
        try await services.audit.record(actor: viewer.userID, action: "selection.applied", subject: "call:\(stored.callID)",
                                        detail: "scénario \(stored.id) : \(accepted) acceptés, \(refused) refusés", at: services.now)
        context.setFlash("Décisions enregistrées : \(accepted) dossier(s) accepté(s), \(refused) refusé(s)." + (skipped.isEmpty ? "" : " Non traités (état changé depuis) : " + skipped.joined(separator: ", ")))
        return .seeOther(.scenario(stored.id))
    }
}

extension JSONDecoder {
    static var snake: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
