import Coverage
import Foundation
import Hummingbird
import Spreadsheet
import Territory

/// Public coverage pages (national, région, département), the per-commune CSV and the API figures.
struct CoverageController: Sendable {
    let services: AppServices
    let coverage: CoverageService

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.coverage.path), use: national)
        router.get("/couverture/regions/:code", use: region)
        router.get("/couverture/departements/:code", use: department)
        router.get("/couverture/communes.csv", use: communes)
        router.get("/couverture/suggestions", use: suggestions)
    }

    func page(_ scope: CoveragePages.Scope, name: String, request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = try CoverageParameters(request.queryDictionary)
        let report = try await coverage.report(radius: parameters.radius, target: parameters.target)
        let suggestion = CoveragePages.isNational(scope) ? try await coverage.suggestionIfReady(count: 10, radius: parameters.radius, target: parameters.target) : nil
        let model = CoveragePages.Model(scope: scope, parameters: parameters, report: report, suggestion: suggestion, territory: services.territory)
        return .html(CoveragePages.render(model, layout: .init(context: context, title: "Couverture : \(name)", current: .coverage)))
    }

    @Sendable func national(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await page(.national, name: "France", request: request, context: context)
    }

    @Sendable func region(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let region = context.parameters.get("code").flatMap({ services.territory.region(code: $0) }) else { throw AppError.notFound }
        return try await page(.region(region), name: region.name, request: request, context: context)
    }

    @Sendable func department(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let department = context.parameters.get("code").flatMap({ services.territory.department(code: $0.uppercased()) }) else { throw AppError.notFound }
        return try await page(.department(department), name: department.name, request: request, context: context)
    }

    /// Where to add places, computed on demand (k = 10, 50 or 100): the one figure worth waiting for.
    @Sendable func suggestions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.queryDictionary
        let parameters = try CoverageParameters(query)
        let count = Int(query["nombre"] ?? "10") ?? 0
        guard [10, 50, 100].contains(count) else { throw AppError.badRequest("Le nombre de suggestions est 10, 50 ou 100.") }
        let suggestion = try await coverage.suggest(count: count, radius: parameters.radius, target: parameters.target)
        return .html(CoveragePages.suggestionPage(suggestion, parameters: parameters,
                                                  layout: .init(context: context, title: "Où ajouter des lieux", current: .coverage)))
    }

    @Sendable func communes(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = try CoverageParameters(request.queryDictionary)
        let report = try await coverage.report(radius: parameters.radius, target: parameters.target)
        let csv = CSVTableWriter(columns: ["code_insee", "commune", "departement", "population", "lieu_le_plus_proche_km", "fabrique_la_plus_proche_km",
                                           "service_le_plus_proche_km", "couverte_\(Int(parameters.radius))_km"])
        var bytes = csv.header()
        for c in report.communes {
            bytes += csv.row([.text(c.code), .text(c.name), .text(c.departmentCode), .integer(Int64(c.population)),
                              c.nearestPlaceKilometres.map { .number(($0 * 1000).rounded() / 1000) } ?? .empty,
                              c.nearestFabriqueKilometres.map { .number(($0 * 1000).rounded() / 1000) } ?? .empty,
                              c.nearestServiceKilometres.map { .number(($0 * 1000).rounded() / 1000) } ?? .empty, .text(c.covered ? "oui" : "non")])
        }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"couverture-\(Int(parameters.radius))km.csv\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
