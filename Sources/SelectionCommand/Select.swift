import ArgumentParser
import Foundation
import Selection

/// `fabriques select SCENARIO.json`: the optimal selection as JSON on stdout.
/// Needs no database. Départements and régions are read from the file; the
/// `fabriques` executable fills missing ones from the commune code before
/// calling `Selector.solve`.
public struct Select: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Choisit les lauréats d'un scénario de sélection (sélection optimale et prouvée)."
    )

    @Argument(help: "Fichier JSON du scénario (voir docs/SELECTION.md).")
    public var scenario: String

    @Option(name: .customLong("time-limit"), help: "Limite de temps en secondes.")
    public var timeLimit: Double?

    @Flag(name: .customLong("explain"), help: "Explique chaque dossier (retenu ou non, et pourquoi).")
    public var explain = false

    public init() {}

    public func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: scenario))
        } catch {
            FileHandle.standardError.write(Data("Impossible de lire le scénario \(scenario).\n".utf8))
            throw ExitCode(1)
        }
        let parsed: SelectionScenario
        do {
            parsed = try SelectionScenario.decode(data)
        } catch {
            FileHandle.standardError.write(Data("Scénario illisible (\(scenario)) : \(error)\n".utf8))
            throw ExitCode(1)
        }
        do {
            let result = try Selector.solve(parsed, options: SelectionOptions(timeLimit: timeLimit, explain: explain))
            FileHandle.standardOutput.write(try result.jsonData())
            FileHandle.standardOutput.write(Data("\n".utf8))
        } catch let error as SelectionError {
            FileHandle.standardError.write(Data("Scénario invalide : \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
