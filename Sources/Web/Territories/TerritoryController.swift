import Directory
import Hummingbird
import Storage

/// Public pages of the territory reference.
struct TerritoryController {
    let services: AppServices
    let index: DirectoryIndexCache

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.territories.path), use: index)
        router.get(SiteURL.Pattern.department, use: department)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let counts = try await services.places.countsByDepartment().mapValues(\.places)
        let model = TerritoriesPage.Model(territory: services.territory, placeCounts: counts)
        return .html(TerritoriesPage.render(model, layout: .init(context: context, title: "Territoires", current: .territories)))
    }

    @Sendable func department(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let code = context.parameters.get("code"), let department = services.territory.department(code: code.uppercased()) else {
            throw AppError.notFound
        }
        let communes = services.territory.communes.filter { $0.departmentCode == department.code && $0.kind == .commune }
        let model = DepartmentPage.Model(
            department: department, region: services.territory.region(code: department.regionCode), communeCount: communes.count,
            ruralShare: communes.isEmpty ? 0 : Double(communes.filter(\.isRural).count) / Double(communes.count),
            priorityNeighbourhoods: services.territory.priorityNeighbourhoods.filter { $0.departmentCode == department.code }.count,
            places: try await services.places.list(departmentCode: department.code, limit: 5_000, offset: 0),
            mapPlaces: try await index.current().search(PlaceQuery(departmentCode: department.code, perPage: 100_000)).hits.map(\.place),
            territory: services.territory)
        return .html(DepartmentPage.render(model, layout: .init(context: context, title: department.name, current: .territories)))
    }
}
