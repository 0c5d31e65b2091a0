import ArgumentParser
import Foundation
import Selection
import Territory

/// `fabriques select SCENARIO.json`: the optimal selection of a scenario file, as JSON on standard
/// output. No database: the file holds the pool and the targets (docs/SELECTION.md); départements and
/// régions left out of it are read from each commune's INSEE code.
struct Select: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select", abstract: "Choisit les lauréats d'un scénario (sélection optimale prouvée, ou conflit de cibles expliqué).")

    @Argument(help: "Fichier JSON du scénario (voir docs/SELECTION.md).")
    var scenario: String

    @Option(name: .customLong("time-limit"), help: "Limite de temps en secondes.")
    var timeLimit: Double?

    @Flag(name: .customLong("explain"), help: "Explique chaque dossier : pourquoi il est retenu ou non, et la note qu'il lui aurait fallu.")
    var explain = false

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: scenario) else {
            throw ValidationError("Impossible de lire le scénario \(scenario).")
        }
        var parsed: SelectionScenario
        do { parsed = try SelectionScenario.decode(data) } catch {
            throw ValidationError("Scénario illisible (\(scenario)) : \(error)")
        }
        let territory = try loadTerritory()
        var unknown: [String] = []
        func locate(_ commune: String, department: String?, region: String?) -> (String?, String?) {
            guard department == nil || region == nil else { return (department, region) }
            guard let found = territory.commune(code: commune) else { unknown.append(commune); return (department, region) }
            return (department ?? found.departmentCode, region ?? found.regionCode)
        }
        for index in parsed.pool.indices {
            let d = parsed.pool[index]
            (parsed.pool[index].department, parsed.pool[index].region) = locate(d.commune, department: d.department, region: d.region)
        }
        for index in parsed.labelled.indices {
            let l = parsed.labelled[index]
            (parsed.labelled[index].department, parsed.labelled[index].region) = locate(l.commune, department: l.department, region: l.region)
        }
        guard unknown.isEmpty else {
            throw ValidationError("Communes inconnues (code INSEE) sans département ni région : " + unknown.prefix(10).joined(separator: ", "))
        }
        do {
            let result = try Selector.solve(parsed, options: SelectionOptions(timeLimit: timeLimit, explain: explain))
            FileHandle.standardOutput.write(try result.jsonData())
            FileHandle.standardOutput.write(Data("\n".utf8))
        } catch let error as SelectionError {
            throw ValidationError("Scénario invalide : \(error.description)")
        }
    }
}
