import ArgumentParser
import Foundation
import Logging
import Storage
import Territory
import Web

/// Options every subcommand shares, so that they all work on the same data.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Répertoire des données (base SQLite, fichiers). Variable : FABRIQUES_DATA_DIR. Défaut : ./fabriques-data")
    var dataDir: String?

    @Option(name: .long, help: "Niveau de journalisation : trace, debug, info, notice, warning, error. Variable : LOG_LEVEL")
    var logLevel: String?

    func configuration() -> AppConfiguration {
        var configuration = AppConfiguration.fromEnvironment()
        if let dataDir { configuration.dataDirectory = dataDir }
        if let level = logLevel.flatMap(Logger.Level.init(rawValue:)) { configuration.logLevel = level }
        return configuration
    }

    /// Opens (and migrates) the configured database, or stops with one clear message.
    func openDatabase(_ configuration: AppConfiguration, logger: Logger) async throws -> Database {
        let location = DatabaseLocation.resolve(databaseURL: configuration.databaseURL, dataDirectory: configuration.dataDirectory)
        do {
            if case .sqlite = location { try DataDirectory.prepare(configuration.dataDirectory) }
            let database = try await Database.open(location, logger: logger)
            do {
                let applied = try await Migrator().migrate(database)
                if !applied.isEmpty { logger.info("migrations appliquées", metadata: ["versions": .string(applied.map(String.init).joined(separator: ","))]) }
            } catch {
                try? await database.close()
                throw StartupFailure("Migration de la base impossible (\(location)) : \(error)")
            }
            return database
        } catch let error as DatabaseOpenError {
            throw StartupFailure(error.description)
        }
    }
}

struct StartupFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }

    /// Prints the one French message on standard error and gives the exit code 1.
    func reported() -> ExitCode {
        FileHandle.standardError.write(Data("Erreur : \(description)\n".utf8))
        return ExitCode(1)
    }
}

/// Logs go to standard error, so that `export` can write data on standard output.
private let loggingBootstrapped: Bool = {
    LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    return true
}()

func makeLogger(_ configuration: AppConfiguration) -> Logger {
    _ = loggingBootstrapped
    var logger = Logger(label: "fabriques")
    logger.logLevel = configuration.logLevel
    return logger
}

func loadTerritory() throws -> TerritoryReference {
    do { return try TerritoryReference.loadBundled() } catch { throw StartupFailure(error.description) }
}
