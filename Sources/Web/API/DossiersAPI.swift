import Foundation
import Hummingbird
import Programme
import Storage

/// Dossiers in JSON: the same scoping, filters and workflow rules as the review pages.
struct DossiersAPI: Sendable {
    let services: AppServices

    struct Item: Encodable {
        let id: Int64, number: String, title: String, state: String, stateLabel: String, callId: Int64, waveId: Int64
        let communeCode: String, departmentCode: String, regionCode: String, qpv: Bool, rural: Bool, digital: Bool
        let amountCents: Int64?, score: Double?, scoreSpread: Double?, submittedAt: String?, decidedAt: String?, decisionReason: String?

        init(_ d: Dossier) {
            id = d.id; number = d.number; title = d.title; state = d.state.rawValue; stateLabel = d.state.label; callId = d.callID; waveId = d.waveID
            communeCode = d.territory.communeCode; departmentCode = d.territory.departmentCode; regionCode = d.territory.regionCode
            qpv = d.territory.isQPV; rural = d.territory.isRural; digital = d.territory.isDigital
            amountCents = d.amountCents; score = d.score; scoreSpread = d.scoreSpread
            submittedAt = d.submittedAt.map { ISO8601DateFormatter().string(from: $0.date) }
            decidedAt = d.decidedAt.map { ISO8601DateFormatter().string(from: $0.date) }
            decisionReason = d.decisionReason
        }
    }

    struct Event: Encodable { let action: String, from: String, to: String, actor: String?, reason: String?, at: String }

    struct Detail: Encodable {
        let dossier: Item
        let answers: DossierAnswers
        let events: [Event]
        let availableActions: [String]
    }

    struct TransitionRequest: Decodable { let action: String; let reason: String? }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let parameters = DossierFilter.parameters(request.uri.query)
        let limit = parameters["limit"]?.first.flatMap(Int.init) ?? 50
        let offset = parameters["offset"]?.first.flatMap(Int.init) ?? 0
        guard (1...500).contains(limit), offset >= 0 else { throw AppError.badRequest("limit doit aller de 1 à 500 et offset être positif.") }
        var filter = DossierFilter(query: parameters)
        // Applicants list their own drafts too; reviewers never see drafts.
        filter.includeDrafts = !viewer.has(.reviewer) && !viewer.seesWholeProgramme
        let page = try await services.dossierListing.page(filter, viewer: viewer, limit: limit, offset: offset)
        let visible = page.dossiers.filter { $0.state != .draft || $0.ownerUserID == viewer.userID }
        return try JSONResponse.make(ApiModels.Page(items: visible.map(Item.init), total: page.total))
    }

    func access(_ context: AppRequestContext) async throws -> DossierAccess {
        let viewer = try context.requireViewer()
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Self.notFound }
        do { return try await DossierService(services: services).access(id, viewer: viewer) } catch let error as AppError where error.status == .notFound {
            throw Self.notFound
        }
    }

    static let notFound = AppError(.notFound, title: "Dossier introuvable", detail: "Aucun dossier n'a cet identifiant.")

    func show(_ context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        let events = try await services.dossiers.events(dossierID: access.dossier.id).map {
            Event(action: $0.action, from: $0.from, to: $0.to, actor: $0.actorName, reason: $0.reason, at: ISO8601DateFormatter().string(from: $0.at.date))
        }
        var actions = access.availableActions.map(\.rawValue)
        if access.isOwner { actions += DossierWorkflow.available(from: access.dossier.state, to: .applicant).map(\.rawValue) }
        return try JSONResponse.make(Detail(dossier: Item(access.dossier), answers: access.dossier.answers, events: events, availableActions: actions))
    }

    func transition(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await access(context)
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        guard let asked = try? JSONDecoder().decode(TransitionRequest.self, from: Data(buffer: body)) else {
            throw AppError.badRequest("Corps attendu : {\"action\": \"instruire\", \"reason\": \"...\"}.")
        }
        guard let action = DossierAction(rawValue: asked.action) else {
            throw AppError(.unprocessableContent, title: "Action inconnue",
                           detail: "Actions possibles : " + DossierAction.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        switch try await DossierService(services: services).perform(action, on: access, reason: asked.reason) {
        case .success:
            guard let updated = try await services.dossiers.find(id: access.dossier.id) else { throw Self.notFound }
            return try JSONResponse.make(Item(updated))
        case .failure(let failure):
            let status: HTTPResponse.Status = switch failure {
            case .refused(.notAllowed): .forbidden
            case .refused(.reasonMissing), .incomplete, .ineligible: .unprocessableContent
            case .refused(.illegal), .closed, .changedMeanwhile: .conflict
            }
            throw AppError(status, title: "Action refusée", detail: failure.message)
        }
    }
}
