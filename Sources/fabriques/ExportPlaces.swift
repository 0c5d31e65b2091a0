import ArgumentParser
import Directory
import Foundation
import Storage

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Exporte des données.", subcommands: [ExportPlaces.self])
}

/// Writes the directory to standard output (or --output) in batches: the table is never held in memory.
struct ExportPlaces: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "places", abstract: "Exporte les lieux : csv (standard national), geojson ou json.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "csv, geojson ou json.")
    var format: String = "csv"

    @Option(name: .long, help: "Fichier de sortie (sortie standard par défaut).")
    var output: String?

    func run() async throws {
        guard let kind = ImportFormat(rawValue: format) else { throw ValidationError("Format inconnu : \(format) (csv, geojson ou json).") }
        let configuration = common.configuration()
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let opened = FileHandle(forWritingAtPath: output) else {
                throw ValidationError("Impossible d'écrire \(output).")
            }
            handle = opened
        } else { handle = FileHandle.standardOutput }
        do {
            let database = try await common.openDatabase(configuration, logger: makeLogger(configuration))
            let repository = SQLDirectoryRepository(database, territory: try loadTerritory())
            handle.write(Data(PlaceExport.opening(kind).utf8))
            var after: Int64 = 0, first = true, skipped = 0
            while true {
                let batch = try await repository.batch(after: after, limit: 1_000)
                guard let last = batch.last?.id else { break }
                var chunk = ""
                for place in batch {
                    guard let text = PlaceExport.entry(place, format: kind, first: first) else { skipped += 1; continue }
                    chunk += text
                    first = false
                }
                handle.write(Data(chunk.utf8))
                after = last
            }
            handle.write(Data(PlaceExport.closing(kind).utf8))
            if skipped > 0 {
                FileHandle.standardError.write(Data("\(skipped) lieu(x) sans adresse non exporté(s) en CSV : le standard national exige l'adresse.\n".utf8))
            }
            try await database.close()
        } catch let failure as StartupFailure {
            throw failure.reported()
        }
    }
}
