import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import Storage
import Web

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Démarre le serveur web (migre la base au démarrage).")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Adresse d'écoute. Variable : FABRIQUES_HOST. Défaut : 127.0.0.1")
    var host: String?

    @Option(name: .long, help: "Port d'écoute. Variable : FABRIQUES_PORT. Défaut : 8080")
    var port: Int?

    @Flag(name: .long, help: "Sur une base vide, installe les données et comptes de démonstration.")
    var demo = false

    func run() async throws {
        var configuration = common.configuration()
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        let logger = makeLogger(configuration)
        do {
            let territory = try loadTerritory()
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            let database = try await common.openDatabase(configuration, logger: logger)
            let services = AppServices(database: database, territory: territory, metrics: registry)
            if demo { try await seedDemo(services, configuration: configuration) }
            let app = try buildApplication(configuration, services: services)
            print("Fabriques : http://\(configuration.host):\(configuration.port) (\(DatabaseLocation.resolve(databaseURL: configuration.databaseURL, dataDirectory: configuration.dataDirectory)))")
            fflush(nil)
            try await app.runService()
            try await database.close()
        } catch let failure as StartupFailure {
            throw failure.reported()
        }
    }

    private func seedDemo(_ services: AppServices, configuration: AppConfiguration) async throws {
        let seeded = try await DemoSeeder(services: services, bcryptCost: configuration.bcryptCost).seedIfEmpty()
        print(seeded ? "Données de démonstration installées. Comptes :" : "Base déjà remplie : données de démonstration inchangées. Comptes de démonstration :")
        for account in DemoSeeder.accounts {
            print("  \(account.email.padding(toLength: 42, withPad: " ", startingAt: 0)) \(account.password.padding(toLength: 26, withPad: " ", startingAt: 0)) \(account.description)")
        }
    }
}
