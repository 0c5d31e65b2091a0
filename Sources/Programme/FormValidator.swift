import Territory

/// Checks a dossier's answers against its form version. Errors are keyed by field path: "key" for a
/// field, "key.2.column" for a cell of a group's third row (0-based index 2).
public enum FormValidator {
    public enum Mode: Sendable { case draft, submission }

    /// In `.draft` mode only what was typed is checked (a draft may be incomplete); `.submission` also
    /// requires every visible required field.
    public static func errors(_ answers: DossierAnswers, form: FormDefinition, mode: Mode, territory: TerritoryReference,
                              storedFiles: Set<String> = []) -> [String: String] {
        var errors: [String: String] = [:]
        for field in form.fields where form.isVisible(field, answers: answers) {
            let value = answers[field.key]
            let blank = value?.isBlank ?? true
            if blank {
                if mode == .submission && field.required { errors[field.key] = requiredMessage(field) }
                continue
            }
            switch (field.type, value!) {
            case (.group, .rows(let rows)):
                errors.merge(groupErrors(field, rows: rows, mode: mode, territory: territory)) { first, _ in first }
            case (.group, _):
                errors[field.key] = "Réponse illisible pour ce tableau."
            case (.multipleChoice, .choices(let choices)):
                let options = field.options ?? []
                if let unknown = choices.first(where: { !options.contains($0) }) { errors[field.key] = "« \(unknown) » ne fait pas partie des choix proposés." }
                else if let max = field.max, Double(choices.count) > max { errors[field.key] = "Au plus \(Int(max)) choix." }
                else if let min = field.min, Double(choices.count) < min, mode == .submission { errors[field.key] = "Au moins \(Int(min)) choix." }
            case (.multipleChoice, .text(let one)):
                if !(field.options ?? []).contains(one) { errors[field.key] = "« \(one) » ne fait pas partie des choix proposés." }
            case (.file, .text(let fileID)):
                if !storedFiles.isEmpty || mode == .submission, !storedFiles.contains(fileID) { errors[field.key] = "Le fichier joint est introuvable : joignez-le à nouveau." }
            case (_, .text(let text)):
                if let message = AnswerCheck.message(for: field, text: text, territory: territory) { errors[field.key] = message }
            default:
                errors[field.key] = "Réponse illisible pour ce champ."
            }
        }
        return errors
    }

    static func groupErrors(_ field: FormField, rows: [[String: String]], mode: Mode, territory: TerritoryReference) -> [String: String] {
        var errors: [String: String] = [:]
        let filled = rows.filter { row in row.values.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
        if filled.count > field.effectiveMaxRows { errors[field.key] = "Au plus \(field.effectiveMaxRows) lignes." }
        if mode == .submission, let min = field.minRows, filled.count < min { errors[field.key] = "Au moins \(min) ligne(s) à remplir." }
        for (index, row) in rows.enumerated() where filled.contains(row) {
            for column in field.fields ?? [] {
                let text = row[column.key]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                let path = "\(field.key).\(index).\(column.key)"
                if text.isEmpty {
                    if mode == .submission && column.required { errors[path] = requiredMessage(column) }
                } else if let message = AnswerCheck.message(for: column, text: text, territory: territory) {
                    errors[path] = message
                }
            }
        }
        return errors
    }

    static func requiredMessage(_ field: FormField) -> String {
        switch field.type {
        case .file: "Joignez ce document : il est obligatoire."
        case .singleChoice, .multipleChoice, .yesNo: "Choisissez une réponse : ce champ est obligatoire."
        case .group: "Remplissez au moins une ligne : ce tableau est obligatoire."
        default: "Ce champ est obligatoire."
        }
    }
}
