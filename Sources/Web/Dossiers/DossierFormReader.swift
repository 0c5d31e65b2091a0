import Foundation
import Programme

/// Reads a dossier's answers back from its HTML form. Names: `f_KEY` for a field (repeated for multiple
/// choices), `g_KEY_ROW_COLUMN` for a cell of a repeatable group. Files are handled by the controller.
enum DossierFormReader {
    static func answers(_ form: FormData, definition: FormDefinition, existing: DossierAnswers) -> DossierAnswers {
        var answers = existing
        for field in definition.fields {
            let name = "f_\(field.key)"
            switch field.type {
            case .file:
                continue
            case .multipleChoice:
                // An unchecked box sends nothing: the marker field says the question was on the page.
                guard form["present_\(field.key)"] != nil || !form.values(name).isEmpty else { continue }
                answers[field.key] = .choices(form.values(name))
            case .group:
                let prefix = "g_\(field.key)_"
                var rows: [Int: [String: String]] = [:]
                var seen = false
                for (fieldName, value) in form.fields where fieldName.hasPrefix(prefix) {
                    seen = true
                    let rest = fieldName.dropFirst(prefix.count)
                    guard let separator = rest.firstIndex(of: "_"), let row = Int(rest[..<separator]), row >= 0, row < 200 else { continue }
                    rows[row, default: [:]][String(rest[rest.index(after: separator)...])] = value
                }
                guard seen else { continue }
                let ordered = rows.keys.sorted().compactMap { rows[$0] }
                    .filter { row in row.values.contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
                answers[field.key] = .rows(ordered)
            default:
                guard let value = form[name] else { continue }
                answers[field.key] = .text(value)
            }
        }
        return answers
    }
}
