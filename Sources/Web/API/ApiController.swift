import Accounts
import Foundation
import Hummingbird
import Storage

/// `/api/v1`: the same rules as the pages, in JSON. Every route here is described in
/// Resources/openapi.json; a test compares the document with the routes the router really holds.
/// A class for the same reason as `PlacesAPI`: its handler is an async method.
public final class ApiController: Sendable {
    let services: AppServices
    let openAPIDocument: ByteBuffer
    let coverage: CoverageService
    let places: PlacesAPI
    let dossiers: DossiersAPI

    init(services: AppServices, openAPIDocument: ByteBuffer, index: DirectoryIndexCache, coverage: CoverageService,
         searchResponses: SearchResponseCache?) {
        self.services = services
        self.openAPIDocument = openAPIDocument
        self.coverage = coverage
        places = PlacesAPI(services: services, index: index, responses: searchResponses)
        dossiers = DossiersAPI(services: services)
    }

    /// Every operation of the API, named by its OpenAPI operationId. The router is built from this
    /// list and a test compares it with openapi.json, so the document cannot drift from the code.
    public enum Operation: String, CaseIterable, Sendable {
        case getOpenAPIDocument, getMe, listRegions, listDepartements, getDepartement, searchCommunes, getCommune
        case listOrganisations, getOrganisation
        case listPlaces, getPlace, exportPlacesCSV, exportPlacesGeoJSON, exportPlacesJSON
        case listDossiers, getDossier, transitionDossier
        case getCoverage

        public var method: HTTPRequest.Method { self == .transitionDossier ? .post : .get }

        /// The path in OpenAPI syntax (`{code}`).
        public var path: String {
            switch self {
            case .getOpenAPIDocument: "/api/v1/openapi.json"
            case .getMe: "/api/v1/me"
            case .listRegions: "/api/v1/regions"
            case .listDepartements: "/api/v1/departements"
            case .getDepartement: "/api/v1/departements/{code}"
            case .searchCommunes: "/api/v1/communes"
            case .getCommune: "/api/v1/communes/{code}"
            case .listOrganisations: "/api/v1/organisations"
            case .getOrganisation: "/api/v1/organisations/{id}"
            case .listPlaces: "/api/v1/places"
            case .getPlace: "/api/v1/places/{id}"
            case .exportPlacesCSV: "/api/v1/places/export.csv"
            case .exportPlacesGeoJSON: "/api/v1/places/export.geojson"
            case .exportPlacesJSON: "/api/v1/places/export.json"
            case .listDossiers: "/api/v1/dossiers"
            case .getDossier: "/api/v1/dossiers/{id}"
            case .transitionDossier: "/api/v1/dossiers/{id}/transitions"
            case .getCoverage: "/api/v1/coverage"
            }
        }

        var routerPath: RouterPath {
            RouterPath(path.split(separator: "/").map { $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : String($0) }.joined(separator: "/"))
        }
    }

    func register(on router: Router<AppRequestContext>) {
        for operation in Operation.allCases {
            router.on(operation.routerPath, method: operation.method) { request, context in
                try await self.handle(operation, request: request, context: context)
            }
        }
    }

    func handle(_ operation: Operation, request: Request, context: AppRequestContext) async throws -> Response {
        switch operation {
        case .getOpenAPIDocument:
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*"],
                            body: .init(byteBuffer: openAPIDocument))
        case .getMe: return try await me(request, context: context)
        case .listRegions: return try JSONResponse.make(services.territory.regions.map(ApiModels.RegionItem.init))
        case .listDepartements: return try JSONResponse.make(services.territory.departments.map(ApiModels.DepartmentItem.init))
        case .getDepartement:
            guard let department = context.parameters.get("code").flatMap({ services.territory.department(code: $0.uppercased()) }) else {
                throw AppError(.notFound, title: "Département inconnu", detail: "Aucun département n'a ce code (exemples : 01, 2A, 974).")
            }
            return try JSONResponse.make(ApiModels.DepartmentItem(department))
        case .searchCommunes: return try await communes(request, context: context)
        case .getCommune:
            guard let commune = context.parameters.get("code").flatMap({ services.territory.commune(code: $0.uppercased()) }) else {
                throw AppError(.notFound, title: "Commune inconnue", detail: "Aucune commune n'a ce code INSEE (5 caractères, par exemple 16015 ou 2A004).")
            }
            return try JSONResponse.make(ApiModels.CommuneItem(commune))
        case .listOrganisations: return try await organisations(request, context: context)
        case .getOrganisation: return try await organisation(request, context: context)
        case .listPlaces: return try await places.list(request)
        case .getPlace: return try await places.show(context)
        case .exportPlacesCSV: return try await places.export(request, format: .csv)
        case .exportPlacesGeoJSON: return try await places.export(request, format: .geojson)
        case .exportPlacesJSON: return try await places.export(request, format: .json)
        case .listDossiers: return try await dossiers.list(request, context: context)
        case .getDossier: return try await dossiers.show(context)
        case .transitionDossier: return try await dossiers.transition(request, context: context)
        case .getCoverage:
            let query = request.queryDictionary
            let parameters = try CoverageParameters(query)
            let report = try await coverage.report(radius: parameters.radius, target: parameters.target)
            return try CoverageJSON.response(report, includeCommunes: query["include_communes"] == "1")
        }
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        return try JSONResponse.make(ApiModels.Me(id: viewer.userID, email: viewer.email, displayName: viewer.displayName,
                                                  roles: viewer.grants.map(ApiModels.Grant.init)))
    }

    @Sendable func communes(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let limitText = query.get("limit") ?? "20"
        guard let limit = Int(limitText), (1...100).contains(limit) else {
            throw AppError.badRequest("Le paramètre limit doit être un entier entre 1 et 100.")
        }
        let found: [ApiModels.CommuneItem]
        if let postalCode = query.get("code_postal") {
            guard postalCode.count == 5, postalCode.allSatisfy(\.isNumber) else {
                throw AppError.badRequest("Le paramètre code_postal doit compter 5 chiffres.")
            }
            found = services.territory.communes(postalCode: postalCode).prefix(limit).map(ApiModels.CommuneItem.init)
        } else if let q = query.get("q"), !q.trimmingCharacters(in: .whitespaces).isEmpty {
            found = services.territory.searchCommunes(q, limit: limit).map(ApiModels.CommuneItem.init)
        } else {
            throw AppError.badRequest("Indiquez q (nom de commune) ou code_postal.")
        }
        return try JSONResponse.make(ApiModels.Page(items: found, total: found.count))
    }

    @Sendable func organisations(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        let visible = try await services.organisations.visible(to: viewer)
        return try JSONResponse.make(ApiModels.Page(items: visible.map(ApiModels.OrganisationItem.init), total: visible.count))
    }

    @Sendable func organisation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.requireViewer()
        guard let id = context.parameters.get("id", as: Int64.self), let organisation = try await services.organisations.find(id: id) else {
            throw AppError(.notFound, title: "Organisation introuvable", detail: "Aucune organisation n'a cet identifiant.")
        }
        guard AccessPolicy.canRead(organisation.accessSubject, viewer: viewer) else {
            throw AppError(.forbidden, title: "Accès refusé", detail: "Cette organisation n'est pas dans votre périmètre.")
        }
        return try JSONResponse.make(ApiModels.OrganisationItem(organisation))
    }
}
