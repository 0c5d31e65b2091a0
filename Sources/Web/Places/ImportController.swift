import Directory
import Foundation
import Hummingbird
import Storage

/// Directory imports by the comité through the browser: same reader and same transaction as the
/// command line.
struct ImportController: Sendable {
    let services: AppServices
    let index: DirectoryIndexCache

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.importPlaces.path), use: show)
        router.post(RouterPath(SiteURL.importPlaces.path), use: upload)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(\.seesWholeProgramme)
        let model = ImportPage.Model(format: "", mapping: "", dryRun: false, csrfToken: context.csrfToken())
        return .html(ImportPage.render(model, layout: .init(context: context, title: "Importer des lieux", current: .importPlaces)))
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = try context.require(\.seesWholeProgramme)
        var model = ImportPage.Model(format: context.form["format"] ?? "", mapping: context.form["map"] ?? "",
                                     dryRun: context.form["verifier"] == "1", csrfToken: context.csrfToken())
        func failure(_ message: String) -> Response {
            model.error = message
            return .html(ImportPage.render(model, layout: .init(context: context, title: "Erreur : importer des lieux", current: .importPlaces)),
                         status: .unprocessableContent)
        }
        guard let file = context.files["fichier"], !file.data.isEmpty else { return failure("Choisissez un fichier à importer.") }
        model.fileName = file.fileName
        guard let format = ImportFormat(rawValue: model.format) ?? ImportFormat(fileName: file.fileName) else {
            return failure("Format non reconnu : choisissez CSV, JSON ou GeoJSON.")
        }
        let reading: ImportReading
        do {
            let mapping = model.mapping.isEmpty ? ColumnMapping() : try ColumnMapping(parsing: model.mapping)
            reading = try PlaceRecordReader(territory: services.territory, today: ParisTime.isoDay(services.now)).read(file.data, format: format, mapping: mapping)
        } catch {
            return failure(error.description)
        }
        model.report = reading
        if !model.dryRun {
            model.outcome = try await services.directory.importPlaces(reading.places.map(\.place), actor: viewer.userID, at: services.now)
            try await services.audit.record(actor: viewer.userID, action: "places.imported", subject: "directory",
                                            detail: "\(file.fileName): \(model.outcome!.created) créés, \(model.outcome!.updated) mis à jour", at: services.now)
            await index.invalidate()
        }
        return .html(ImportPage.render(model, layout: .init(context: context, title: "Rapport d'import", current: .importPlaces)))
    }
}
