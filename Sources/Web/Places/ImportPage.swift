import Directory
import Plot
import Storage

/// The comité's upload of a directory file, with the per-row report of what was rejected or corrected.
enum ImportPage {
    struct Model {
        var format: String
        var mapping: String
        var dryRun: Bool
        var error: String?
        var report: ImportReading?
        var outcome: ImportOutcome?
        var fileName: String?
        var csrfToken: String
    }

    static func render(_ model: Model, layout: Layout.Model) -> String {
        Layout.render(layout,
            .h1("Importer des lieux"),
            .p(.class("lead"), "CSV du standard « Lieux de médiation numérique », export JSON de sa version antérieure, GeoJSON, ou tout autre CSV en indiquant la correspondance des colonnes. Un lieu déjà connu (même identifiant, ou même nom dans la même commune) est mis à jour, jamais dupliqué ; tout le fichier est enregistré, ou rien."),
            model.error.map { .div(.class("error-summary"), .attr("role", "alert"), .attr("tabindex", "-1"), .attribute(named: "autofocus", value: nil, ignoreIfValueIsEmpty: false), .p(.text(escaping: $0))) } ?? .empty,
            outcomeNode(model),
            .element(named: "form", nodes: [
                .attr("method", "post"), .attr("action", SiteURL.importPlaces.path), .attr("enctype", "multipart/form-data"), .attr("aria-label", "Importer des lieux"),
                .input(.type(.hidden), .name("_csrf"), .attr("value", model.csrfToken)),
                .div(.class("field"),
                     .element(named: "label", nodes: [.attr("for", "champ-fichier"), "Fichier", .span(.class("required"), " (obligatoire)")]),
                     .p(.class("hint"), .id("champ-fichier-aide"), "20 Mo au plus. Encodage UTF-8 ; séparateur virgule ou point-virgule."),
                     .element(named: "input", nodes: [.attr("type", "file"), .attr("id", "champ-fichier"), .attr("name", "fichier"),
                                                      .attr("accept", ".csv,.json,.geojson"), .attr("aria-describedby", "champ-fichier-aide"),
                                                      .attribute(named: "required", value: nil, ignoreIfValueIsEmpty: false)])),
                Form.select("Format", name: "format", options: [("", "D'après l'extension du fichier"), ("csv", "CSV"), ("json", "JSON"), ("geojson", "GeoJSON")], selected: model.format),
                Form.field("Correspondance des colonnes", name: "map", value: model.mapping,
                           hint: "Pour un CSV d'une autre forme : Colonne=champ, séparés par des virgules. Exemple : Nom du lieu=nom,CP=code_postal,Ville=commune"),
                .div(.class("check"),
                     .element(named: "input", nodes: [.attr("type", "checkbox"), .attr("id", "champ-verifier"), .attr("name", "verifier"), .attr("value", "1"),
                                                      model.dryRun ? .attribute(named: "checked", value: nil, ignoreIfValueIsEmpty: false) : .empty]),
                     .element(named: "label", nodes: [.attr("for", "champ-verifier"), "Vérifier seulement, sans rien enregistrer"])),
                Form.submit("Importer"),
            ])
        )
    }

    static func outcomeNode(_ model: Model) -> BodyNode {
        guard let report = model.report else { return .empty }
        let headline: String
        if let outcome = model.outcome {
            headline = "\(model.fileName ?? "Fichier") importé : \(outcome.created) lieu(x) créé(s), \(outcome.updated) mis à jour, \(outcome.unchanged) inchangé(s) ; \(report.rejectedCount) ligne(s) rejetée(s)."
        } else {
            headline = "\(model.fileName ?? "Fichier") vérifié (rien n'a été enregistré) : \(report.places.count) lieu(x) lisible(s), \(report.rejectedCount) ligne(s) rejetée(s)."
        }
        return .section(.class("import-report"), .attr("aria-labelledby", "rapport"),
            .h2(.id("rapport"), "Rapport d'import"),
            .div(.class("flash"), .attr("role", "status"), .text(escaping: headline)),
            report.issues.isEmpty ? .p("Aucune remarque : toutes les lignes ont été lues telles quelles.") : .table(
                .caption("\(report.issues.count) remarque(s), ligne par ligne"),
                .thead(.tr(.th(.attr("scope", "col"), "Ligne"), .th(.attr("scope", "col"), "Champ"), .th(.attr("scope", "col"), "Décision"), .th(.attr("scope", "col"), "Raison"))),
                .tbody(.group(report.issues.prefix(1_000).map { issue in
                    .tr(.td(.text(escaping: String(issue.line))), .td(.text(escaping: issue.field)),
                        .td(.text(escaping: issue.severity.rawValue)), .td(.text(escaping: issue.reason)))
                }))
            )
        )
    }
}
