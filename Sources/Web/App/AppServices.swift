import Foundation
import Prometheus
import Storage
import Territory

/// What the application is built from. Tests build it around a temporary database; `serve` around the
/// configured one.
public struct AppServices: Sendable {
    public let database: Database
    public let territory: TerritoryReference
    public let users: any UserRepository
    public let organisations: any OrganisationRepository
    public let places: any PlaceRepository
    public let directory: any DirectoryRepository
    public let placeReports: any PlaceReportRepository
    public let apiTokens: any ApiTokenRepository
    public let loginFailures: any LoginFailureLog
    public let keyValues: any KeyValueStore
    public let audit: any AuditLog
    public let calls: any CallRepository
    public let dossiers: any DossierRepository
    public let dossierListing: any DossierListing
    public let dossierReviews: any DossierReviewRepository
    public let dossierFiles: any DossierFileRepository
    public let notifications: any NotificationRepository
    public let scenarios: any ScenarioRepository
    public let metrics: PrometheusCollectorRegistry
    public let clock: @Sendable () -> Date

    public init(database: Database, territory: TerritoryReference, metrics: PrometheusCollectorRegistry = .init(),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.territory = territory
        self.users = SQLUserRepository(database)
        self.organisations = SQLOrganisationRepository(database)
        self.places = SQLPlaceRepository(database)
        self.directory = SQLDirectoryRepository(database, territory: territory)
        self.placeReports = SQLPlaceReportRepository(database)
        self.apiTokens = SQLApiTokenRepository(database)
        self.loginFailures = SQLLoginFailureLog(database)
        self.keyValues = SQLKeyValueStore(database)
        self.audit = SQLAuditLog(database)
        self.calls = SQLCallRepository(database)
        self.dossiers = SQLDossierRepository(database)
        self.dossierListing = SQLDossierListing(database)
        self.dossierReviews = SQLDossierReviewRepository(database)
        self.dossierFiles = SQLDossierFileRepository(database)
        self.notifications = SQLNotificationRepository(database)
        self.scenarios = SQLScenarioRepository(database)
        self.metrics = metrics
        self.clock = clock
    }

    public var now: Instant { Instant(clock()) }
}
