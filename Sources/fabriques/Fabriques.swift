import ArgumentParser
import Directory

@main
struct Fabriques: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fabriques",
        abstract: "Le système d'information du programme Fabriques de territoire.",
        subcommands: [Serve.self, Migrate.self, CreateAdmin.self, Import.self, Export.self, Select.self, CoverageCommand.self],
        defaultSubcommand: Serve.self)
}
