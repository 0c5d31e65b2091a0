import ArgumentParser
import Coverage
import Directory
import Foundation
import Storage
import Territory

/// `fabriques coverage --radius KM`: who lives within KM of a place, from the database's directory or
/// from a places file read like an import (`--places FILE [--format] [--map]`).
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Couverture du territoire : part de la population à moins de R km d'un lieu, zones blanches, suggestions.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Rayon en kilomètres (par exemple 5, 10, 20 ou 30).")
    var radius: Double = 20

    @Option(name: .long, help: "Lieux comptés : all (tous), fabriques, ou service:NOM (un service du standard national).")
    var target: String = "all"

    @Option(name: .long, help: "Fichier de lieux (CSV du standard, JSON, GeoJSON ou CSV avec --map) au lieu de la base.")
    var places: String?

    @Option(name: .long, help: "Format du fichier : csv, json ou geojson (deviné par l'extension sinon).")
    var format: String?

    @Option(name: .long, help: "Correspondance de colonnes pour un autre CSV : \"Colonne=champ,…\".")
    var map: String?

    @Option(name: .long, help: "Nombre de communes où ajouter un lieu (suggestions).")
    var suggest: Int = 0

    @Flag(name: .long, help: "Sortie JSON (national.covered_share, départements, régions, classes de communes, zones blanches).")
    var json = false

    func run() async throws {
        guard radius > 0, radius <= 500 else { throw ValidationError("Le rayon doit être un nombre de kilomètres entre 0 et 500.") }
        let coverageTarget: CoverageTarget
        switch target {
        case "all", "tous": coverageTarget = .allPlaces
        case "fabriques": coverageTarget = .fabriques
        case let value where value.hasPrefix("service:"): coverageTarget = .service(String(value.dropFirst(8)))
        default: throw ValidationError("Cible inconnue : all, fabriques ou service:NOM.")
        }
        let territory = try loadTerritory()
        let directory = try await loadPlaces(territory: territory)
        let analysis = CoverageAnalysis(territory: territory, places: directory.map {
            CoveragePlace(id: $0.id.map(String.init) ?? $0.externalID ?? $0.name, position: $0.position, isFabrique: $0.label != nil, services: Set($0.services))
        })
        let report = analysis.report(radiusKilometres: radius, target: coverageTarget)
        let suggestion = suggest > 0 ? analysis.suggest(count: suggest, radiusKilometres: radius, target: coverageTarget) : nil
        if json {
            struct Output: Encodable { let report: CoverageReport; let suggestion: CoverageSuggestion? }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            // The report's keys at the top level (national.covered_share...), suggestions beside them.
            var object = try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any] ?? [:]
            if let suggestion { object["suggestions"] = try JSONSerialization.jsonObject(with: encoder.encode(suggestion)) }
            FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            FileHandle.standardOutput.write(Data("\n".utf8))
            return
        }
        func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
        var lines = ["Couverture à \(radius) km (\(report.placeCount) lieux, cible \(report.target))",
                     "France : \(percent(report.national.coveredShare)) de la population (\(report.national.coveredPopulation) sur \(report.national.population) habitants)"]
        lines += report.classes.map { "  \($0.name) : \(percent($0.coveredShare))" }
        lines.append("Régions :")
        lines += report.regions.sorted { $0.coveredShare < $1.coveredShare }.map { "  \($0.code) \($0.name) : \(percent($0.coveredShare))" }
        lines.append("Zones blanches : \(report.zonesBlanches.count) communes, \(report.zonesBlanches.reduce(0) { $0 + $1.population }) habitants")
        if let suggestion {
            lines.append("Suggestions (\(suggestion.sites.count)) : +\(suggestion.addedPopulation) habitants, au moins \(percent(suggestion.guaranteedRatio)) du meilleur possible")
            lines += suggestion.sites.map { "  \($0.rank). \($0.name) (\($0.code)) +\($0.addedPopulation)" }
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    func loadPlaces(territory: TerritoryReference) async throws -> [DirectoryPlace] {
        if let places {
            guard let data = FileManager.default.contents(atPath: places) else { throw ValidationError("Impossible de lire \(places).") }
            guard let kind = format.flatMap(ImportFormat.init(rawValue:)) ?? ImportFormat(fileName: places) else {
                throw ValidationError("Format non reconnu : précisez --format csv, json ou geojson.")
            }
            do {
                let mapping = try map.map { try ColumnMapping(parsing: $0) } ?? ColumnMapping()
                let reading = try PlaceRecordReader(territory: territory, today: "2026-01-01").read(data, format: kind, mapping: mapping)
                return reading.places.map(\.place)
            } catch let error as CustomStringConvertible {
                throw ValidationError(error.description)
            }
        }
        let configuration = common.configuration()
        let database = try await common.openDatabase(configuration, logger: makeLogger(configuration))
        let collected = PlaceBatchBox()
        try await SQLDirectoryRepository(database, territory: territory).forEachBatch(size: 2_000) { collected.append($0) }
        try? await database.close()
        return collected.places
    }
}

final class PlaceBatchBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [DirectoryPlace] = []
    func append(_ batch: [DirectoryPlace]) { lock.withLock { items += batch } }
    var places: [DirectoryPlace] { lock.withLock { items } }
}
