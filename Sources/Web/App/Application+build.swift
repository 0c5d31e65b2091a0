import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import ServiceLifecycle

/// Builds the application from a configuration and its services; `serve` and the tests use this same
/// function, so what is tested is what runs.
public func buildApplication(_ configuration: AppConfiguration, services: AppServices) throws -> some ApplicationProtocol {
    var logger = Logger(label: "fabriques")
    logger.logLevel = configuration.logLevel
    var app = Application(
        router: try buildRouter(configuration, services: services),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Fabriques"),
        logger: logger)
    app.addServices(SessionPurgeService(services: services))
    return app
}

public func buildRouter(_ configuration: AppConfiguration, services: AppServices) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    let hasher = PasswordHasher(cost: configuration.bcryptCost)
    router.add(middleware: RequestLogMiddleware(registry: services.metrics))
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: SessionMiddleware<AppRequestContext>(
        storage: DatabasePersistDriver(store: services.keyValues, clock: services.clock),
        configuration: .init(
            sessionCookieParameters: .init(name: "fabriques_session", path: "/", secure: configuration.secureCookies, sameSite: .lax),
            keyPrefix: "fabriques.session.", defaultSessionExpiration: configuration.sessionLifetime)))
    router.add(middleware: ViewerMiddleware(services: services))
    router.add(middleware: FormMiddleware(drafts: AnswerStash(store: services.keyValues, clock: services.clock)))

    let stylesheet = try StaticResource.load("site.css")
    router.get(RouterPath(SiteURL.stylesheet.path)) { _, _ in
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: stylesheet))
    }
    router.get(RouterPath(SiteURL.healthz.path)) { _, _ in
        do {
            _ = try await services.database.sql.raw("SELECT 1 AS ok").all()
            return try JSONResponse.make(ApiModels.Health(status: "ok", database: services.database.dialect.rawValue))
        } catch {
            return try JSONResponse.make(ApiModels.Health(status: "indisponible", database: services.database.dialect.rawValue), status: .serviceUnavailable)
        }
    }
    router.get(RouterPath(SiteURL.metrics.path)) { _, _ in
        var buffer: [UInt8] = []
        services.metrics.emit(into: &buffer)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
    router.get(RouterPath(SiteURL.home.path)) { _, context in
        let counts = try await services.places.countsByDepartment()
        let model = HomePage.Model(viewer: context.viewer, placeCount: counts.values.reduce(0) { $0 + $1.places },
                                   fabriqueCount: counts.values.reduce(0) { $0 + $1.fabriques },
                                   departmentCount: counts.values.filter { $0.places > 0 }.count)
        return Response.html(HomePage.render(model, layout: .init(context: context, title: "Accueil", current: .home)))
    }
    SessionController(services: services,
                      signIn: SignInService(users: services.users, failures: services.loginFailures, hasher: hasher,
                                            limit: configuration.loginAttemptsPerAddress, window: configuration.loginWindow),
                      sessionLifetime: configuration.sessionLifetime).register(on: router)
    AccountController(services: services, hasher: hasher).register(on: router)
    AdminController(services: services, hasher: hasher).register(on: router)
    OrganisationController(services: services).register(on: router)
    let index = DirectoryIndexCache(repository: services.directory, territory: services.territory)
    TerritoryController(services: services, index: index).register(on: router)
    PlaceController(services: services, index: index).register(on: router)
    PlaceEditController(services: services, index: index).register(on: router)
    ImportController(services: services, index: index).register(on: router)
    CallController(services: services).register(on: router)
    DossierController(services: services).register(on: router)
    ReviewController(services: services).register(on: router)
    SelectionController(services: services, index: index).register(on: router)
    let coverage = CoverageService(territory: services.territory, index: index)
    CoverageController(services: services, coverage: coverage).register(on: router)
    let searchResponses = configuration.searchCacheCapacity > 0 ? SearchResponseCache(capacity: configuration.searchCacheCapacity) : nil
    ApiController(services: services, openAPIDocument: try StaticResource.load("openapi.json"), index: index, coverage: coverage,
                  searchResponses: searchResponses).register(on: router)
    if let query = configuration.benchCeilingQuery {
        let ceiling = PrecomputedResponse(compute: {
            try await PlacesAPI(services: services, index: index).listBody(SearchParameters(query: query)).0
        })
        router.get("/bench/ceiling") { _, _ in
            PlacesAPI.response(try await ceiling.bytes())
        }
    }
    return router
}

/// The bytes of one response, computed on first use and then served from memory (benchmark ceiling).
/// A lock rather than an actor, so the ceiling pays no hop the real route does not pay.
final class PrecomputedResponse: @unchecked Sendable {
    private let compute: @Sendable () async throws -> ByteBuffer
    private let lock = NSLock()
    private var cached: ByteBuffer?
    init(compute: @escaping @Sendable () async throws -> ByteBuffer) { self.compute = compute }
    func bytes() async throws -> ByteBuffer {
        if let cached = lock.withLock({ cached }) { return cached }
        let computed = try await compute()
        lock.withLock { cached = computed }
        return computed
    }
}

enum StaticResource {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "Ressource absente du paquet : \(name)" }
    }

    static func load(_ name: String) throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: nil),
            let data = try? Data(contentsOf: url)
        else { throw Missing(name: name) }
        return ByteBuffer(bytes: data)
    }
}

/// Removes expired sessions every hour so the table does not grow with anonymous visits.
struct SessionPurgeService: Service {
    let services: AppServices

    func run() async throws {
        let services = services
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await services.keyValues.purgeExpired(now: services.now)
                try? await Task.sleep(for: .seconds(3600))
            }
        }
    }
}
