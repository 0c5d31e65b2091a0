import ArgumentParser
import Directory
import Foundation
import Storage

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Importe des données.", subcommands: [ImportPlaces.self])
}

/// `fabriques import places FILE [--map COLUMN=field,...]`: reads the file, ties each row to its commune,
/// stores everything in one transaction and prints a per-row report in French.
struct ImportPlaces: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "Importe des lieux : CSV du standard « Lieux de médiation numérique », JSON (version antérieure), GeoJSON, ou tout CSV avec --map.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "Fichier à importer (.csv, .json ou .geojson).")
    var file: String

    @Option(name: .long, help: "Format si l'extension ne le dit pas : csv, json, geojson.")
    var format: String?

    @Option(name: .long, help: "Correspondance de colonnes : \"Nom du lieu=nom,CP=code_postal,Ville=commune\".")
    var map: String?

    @Flag(name: .long, help: "Lit et vérifie sans rien enregistrer.")
    var dryRun = false

    func run() async throws {
        let configuration = common.configuration()
        // Mapped, not read: the rows are parsed from the file's pages, which the system can drop again.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else {
            throw ValidationError("Fichier illisible : \(file)")
        }
        guard let kind = format.flatMap(ImportFormat.init(rawValue:)) ?? ImportFormat(fileName: file) else {
            throw ValidationError("Format inconnu : précisez --format csv, json ou geojson.")
        }
        do {
            let territory = try loadTerritory()
            let mapping = try map.map { try ColumnMapping(parsing: $0) } ?? ColumnMapping()
            let reader = PlaceRecordReader(territory: territory, today: ISO8601DateFormatter.day.string(from: Date()))
            let reading = try reader.read(data, format: kind, mapping: mapping)
            for issue in reading.issues {
                print("ligne \(issue.line) · \(issue.field) · \(issue.severity.rawValue) : \(issue.reason)")
            }
            print("\(reading.places.count) lieu(x) lu(s), \(reading.rejectedCount) ligne(s) rejetée(s).")
            if dryRun { return }
            let database = try await common.openDatabase(configuration, logger: makeLogger(configuration))
            let repository = SQLDirectoryRepository(database, territory: territory)
            let progress = ProgressBar(total: reading.places.count)
            // One transaction for the whole file: a failure leaves the directory as it was.
            let outcome = try await repository.importPlaces(reading.places.map(\.place), actor: nil, at: Instant(Date()),
                                                            progress: { progress.update($0) })
            progress.update(reading.places.count)
            progress.finish()
            print("Import terminé : \(outcome.created) créé(s), \(outcome.updated) mis à jour, \(outcome.unchanged) inchangé(s).")
            try await database.close()
        } catch let error as ImportError {
            throw ValidationError(error.description)
        } catch let failure as StartupFailure {
            throw failure.reported()
        }
    }
}

extension ISO8601DateFormatter {
    static var day: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        return formatter
    }
}
