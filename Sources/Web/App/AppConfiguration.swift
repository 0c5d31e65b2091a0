import Foundation
import Logging

/// Every setting of the server, read once at start (from flags and the environment) into one value.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Holds the SQLite file (when no `databaseURL`) and, later, uploaded files.
    public var dataDirectory: String
    /// `postgres://user:password@host:5432/db`; SQLite in `dataDirectory` when nil.
    public var databaseURL: String?
    public var logLevel: Logger.Level
    /// Marks cookies `Secure`; on when the site is served over HTTPS (behind a proxy).
    public var secureCookies: Bool
    /// bcrypt work factor; 12 in production, lower only in tests.
    public var bcryptCost: UInt8
    public var sessionLifetime: Duration
    /// Failed sign-ins allowed per address (and ten times that per client) within `loginWindow`.
    public var loginAttemptsPerAddress: Int
    public var loginWindow: Duration
    /// For benchmarks only: the query string of a places search whose response `/bench/ceiling` serves
    /// precomputed, to measure the HTTP stack's ceiling against the real search.
    public var benchCeilingQuery: String?
    /// How many encoded directory searches are kept (`FABRIQUES_SEARCH_CACHE`); 0 turns the cache off,
    /// which the benchmark does to measure the search itself.
    public var searchCacheCapacity = 2_048

    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "fabriques-data",
        databaseURL: String? = nil, logLevel: Logger.Level = .info, secureCookies: Bool = false,
        bcryptCost: UInt8 = 12, sessionLifetime: Duration = .seconds(8 * 3600),
        loginAttemptsPerAddress: Int = 5, loginWindow: Duration = .seconds(15 * 60)
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.logLevel = logLevel
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.loginAttemptsPerAddress = loginAttemptsPerAddress
        self.loginWindow = loginWindow
    }

    /// The environment variables documented in the README; flags given on the command line win.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> AppConfiguration {
        var configuration = AppConfiguration()
        if let host = environment["FABRIQUES_HOST"], !host.isEmpty { configuration.host = host }
        if let port = environment["FABRIQUES_PORT"].flatMap(Int.init) { configuration.port = port }
        if let directory = environment["FABRIQUES_DATA_DIR"], !directory.isEmpty { configuration.dataDirectory = directory }
        if let url = environment["DATABASE_URL"], !url.isEmpty { configuration.databaseURL = url }
        if let level = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) { configuration.logLevel = level }
        if let query = environment["FABRIQUES_BENCH_CEILING_QUERY"], !query.isEmpty { configuration.benchCeilingQuery = query }
        if let capacity = environment["FABRIQUES_SEARCH_CACHE"].flatMap(Int.init), capacity >= 0 { configuration.searchCacheCapacity = capacity }
        if environment["FABRIQUES_SECURE_COOKIES"] == "1" || environment["FABRIQUES_SECURE_COOKIES"] == "true" {
            configuration.secureCookies = true
        }
        return configuration
    }
}
