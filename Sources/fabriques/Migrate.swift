import ArgumentParser
import Foundation
import Storage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Crée ou met à jour le schéma de la base, puis s'arrête.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let configuration = common.configuration()
        do {
            let database = try await common.openDatabase(configuration, logger: makeLogger(configuration))
            let versions = try await Migrator().appliedVersions(database)
            print("Schéma à jour : versions \(versions.map(String.init).joined(separator: ", ")).")
            try await database.close()
        } catch let failure as StartupFailure {
            throw failure.reported()
        }
    }
}
