import Accounts
import Foundation
import Hummingbird
import Programme
import Spreadsheet
import Storage

/// The instructeurs' and comité's list of dossiers: filters, sort, bulk actions, exports.
struct ReviewController: Sendable {
    let services: AppServices
    static let pageSize = 50

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.review().path), use: list)
        router.post(RouterPath(SiteURL.reviewBulk.path), use: bulk)
        router.get(RouterPath(SiteURL.reviewExportCSV().path), use: exportCSV)
        router.get(RouterPath(SiteURL.reviewExportODS().path), use: exportODS)
    }

    func reviewer(_ context: AppRequestContext) throws -> Viewer {
        try context.require { $0.has(.reviewer) || $0.seesWholeProgramme }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try reviewer(context)
        let parameters = DossierFilter.parameters(request.uri.query)
        let filter = DossierFilter(query: parameters)
        let pageNumber = max(1, parameters["page"]?.first.flatMap(Int.init) ?? 1)
        let page = try await services.dossierListing.page(filter, viewer: viewer, limit: Self.pageSize, offset: (pageNumber - 1) * Self.pageSize)
        let calls = try await services.calls.all()
        let model = ReviewListPage.Model(filter: filter, query: request.uri.query ?? "", page: page, pageNumber: pageNumber, pageSize: Self.pageSize,
                                         calls: calls, viewer: viewer, territory: services.territory, csrfToken: context.csrfToken())
        return .html(ReviewListPage.render(model, layout: .init(context: context, title: "Instruction des dossiers", current: .review())))
    }

    /// Bulk actions run one dossier at a time through the same rules as a single click, and report
    /// what each one did.
    @Sendable func bulk(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try reviewer(context)
        let ids = context.form.values("dossier").compactMap(Int64.init)
        guard !ids.isEmpty else {
            context.setFlash("Cochez au moins un dossier.")
            return .seeOther(SiteURL.review(query: context.form["retour"] ?? "").path)
        }
        let service = DossierService(services: services)
        var done = 0, refused: [String] = []
        for id in ids {
            let access: DossierAccess
            do { access = try await service.access(id, viewer: viewer) } catch let error as AppError where error.status == .forbidden || error.status == .notFound {
                refused.append("\(Dossier.number(id)) (hors de votre périmètre)")
                continue
            }
            guard access.isReviewer else { refused.append("\(access.dossier.number) (hors de votre périmètre)"); continue }
            switch context.form["operation"] {
            case "m_assigner":
                try await services.dossiers.assign(ids: [id], to: viewer.userID, at: services.now)
                done += 1
            case let raw?:
                guard let action = DossierAction(rawValue: raw) else { throw AppError.badRequest("Action inconnue.") }
                switch try await service.perform(action, on: access, reason: context.form["motif"]) {
                case .success: done += 1
                case .failure(let failure): refused.append("\(access.dossier.number) (\(failure.message))")
                }
            case nil: throw AppError.badRequest("Action manquante.")
            }
        }
        context.setFlash("\(done) dossier\(done > 1 ? "s" : "") traité\(done > 1 ? "s" : "")." + (refused.isEmpty ? "" : " Non traités : " + refused.joined(separator: " ; ")))
        return .seeOther(SiteURL.review(query: context.form["retour"] ?? "").path)
    }

    static let exportColumns = ["Numéro", "Titre", "État", "Vague", "Commune (INSEE)", "Département", "Région", "QPV", "Rural", "Numérique",
                                "Montant demandé (€)", "Note /20", "Écart-type", "Déposé le", "Décidé le", "Motif de la décision"]

    static func cells(_ d: Dossier, waves: [Int64: String]) -> [Cell] {
        [.text(d.number), .text(d.title), .text(d.state.label), .text(waves[d.waveID] ?? ""), .text(d.territory.communeCode),
         .text(d.territory.departmentCode), .text(d.territory.regionCode), .text(d.territory.isQPV ? "oui" : "non"),
         .text(d.territory.isRural ? "oui" : "non"), .text(d.territory.isDigital ? "oui" : "non"),
         d.amountCents.map { .number(Double($0) / 100) } ?? .empty, d.score.map { .number(($0 * 100).rounded() / 100) } ?? .empty,
         d.scoreSpread.map { .number(($0 * 100).rounded() / 100) } ?? .empty,
         d.submittedAt.map { .text(ParisCalendar.format($0.date, seconds: true)) } ?? .empty,
         d.decidedAt.map { .text(ParisCalendar.format($0.date)) } ?? .empty, .text(d.decisionReason ?? "")]
    }

    enum ExportFormat: Sendable { case csv, ods }

    /// Streams the filtered list: dossiers are read 500 at a time and written as they come.
    func export(_ request: Request, context: AppRequestContext, format: ExportFormat) async throws -> Response {
        let viewer = try reviewer(context)
        let filter = DossierFilter(query: DossierFilter.parameters(request.uri.query))
        let waves = Dictionary(try await services.calls.all().flatMap(\.waves).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let listing = services.dossierListing
        let body = ResponseBody { output in
            var ods = ODSTableWriter(sheetName: "Dossiers", columns: Self.exportColumns)
            let csv = CSVTableWriter(columns: Self.exportColumns)
            try await output.write(ByteBuffer(bytes: format == .csv ? csv.header() : ods.opening()))
            var after: Int64 = 0
            while true {
                let batch = try await listing.batch(filter, viewer: viewer, after: after, limit: 500)
                guard let last = batch.last else { break }
                var bytes: [UInt8] = []
                for dossier in batch {
                    let cells = Self.cells(dossier, waves: waves)
                    bytes += format == .csv ? csv.row(cells) : ods.row(cells)
                }
                try await output.write(ByteBuffer(bytes: bytes))
                after = last.id
            }
            if format == .ods { try await output.write(ByteBuffer(bytes: ods.closing())) }
            try await output.finish(nil)
        }
        let (type, name) = format == .csv ? ("text/csv; charset=utf-8", "dossiers.csv") : ("application/vnd.oasis.opendocument.spreadsheet", "dossiers.ods")
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""], body: body)
    }

    @Sendable func exportCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await export(request, context: context, format: .csv)
    }

    @Sendable func exportODS(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await export(request, context: context, format: .ods)
    }
}
