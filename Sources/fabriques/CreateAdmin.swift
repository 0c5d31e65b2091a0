import Accounts
import ArgumentParser
import Foundation
import Storage
import Web

/// The way to the first administrator of a real installation: no default password exists.
struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin",
        abstract: "Crée un compte administrateur ; le mot de passe est lu sur l'entrée standard (ou FABRIQUES_ADMIN_PASSWORD).")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Adresse électronique du compte.")
    var email: String

    @Option(name: .long, help: "Nom affiché.")
    var name: String = "Administrateur"

    func run() async throws {
        let configuration = common.configuration()
        guard let address = Credentials.normalisedEmail(email) else { throw ValidationError("Adresse électronique invalide : \(email)") }
        let password = ProcessInfo.processInfo.environment["FABRIQUES_ADMIN_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
        if let problem = Credentials.passwordProblem(password) { throw ValidationError(problem) }
        do {
            let database = try await common.openDatabase(configuration, logger: makeLogger(configuration))
            let services = AppServices(database: database, territory: try loadTerritory())
            let id = try await AccountCreation(services: services, bcryptCost: configuration.bcryptCost)
                .create(email: address, displayName: name, password: password, roles: [RoleGrant(role: .admin, scope: .national)])
            print("Compte administrateur n° \(id) créé : \(address)")
            try await database.close()
        } catch let failure as StartupFailure {
            throw failure.reported()
        } catch let error as RepositoryError {
            FileHandle.standardError.write(Data("Erreur : \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
