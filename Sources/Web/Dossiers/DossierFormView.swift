import Plot
import Programme
import Storage
import Territory

/// A call's form drawn for one dossier: editable inputs for the applicant, or the answers as text for
/// everyone else. Field ids are `champ-KEY` so the error summary links land on them.
enum DossierFormView {
    static func editable(_ form: FormDefinition, answers: DossierAnswers, errors: [String: String], files: [StoredFile]) -> [BodyNode] {
        form.sections.map { section in
            .element(named: "fieldset", nodes: [
                .class("form-section"),
                .element(named: "legend", nodes: [.text(escaping: section.title)]),
                section.help.map { .p(.class("hint"), .text(escaping: $0)) } ?? .empty,
                .group(section.fields.map { field in input(field, form: form, answers: answers, errors: errors, files: files) }),
            ])
        }
    }

    static func conditionHint(_ field: FormField, form: FormDefinition) -> String? {
        guard let condition = field.showIf, let source = form.field(condition.field) else { return nil }
        return "À remplir si vous avez répondu « \(condition.equals.joined(separator: " » ou « ")) » à « \(source.label) »."
    }

    static func input(_ field: FormField, form: FormDefinition, answers: DossierAnswers, errors: [String: String], files: [StoredFile]) -> BodyNode {
        let id = "champ-\(field.key)", name = "f_\(field.key)"
        let error = errors[field.key]
        let hint = [field.help, conditionHint(field, form: form), limits(field)].compactMap { $0 }.joined(separator: " ").nilIfEmpty
        let value = answers[field.key]
        let text: String = if case .text(let t)? = value { t } else { "" }
        let wrapperClass = error == nil ? "field" : "field field-error"
        let condition: BodyNode = field.showIf.map { .group([.attr("data-show-if", $0.field), .attr("data-show-values", $0.equals.joined(separator: "|"))]) } ?? .empty
        let described = [hint.map { _ in "\(id)-aide" }, error.map { _ in "\(id)-erreur" }].compactMap { $0 }.joined(separator: " ")
        var common: [BodyNode] = [.attr("id", id), .attr("name", name)]
        if !described.isEmpty { common.append(.attr("aria-describedby", described)) }
        if error != nil { common.append(.attr("aria-invalid", "true")) }
        switch field.type {
        case .singleChoice, .multipleChoice, .yesNo:
            let options = field.type == .yesNo ? ["oui", "non"] : field.options ?? []
            let chosen: Set<String> = switch value { case .choices(let c)?: Set(c); case .text(let t)?: [t]; default: [] }
            let multiple = field.type == .multipleChoice
            return .element(named: "fieldset", nodes: [
                .attr("class", wrapperClass), .attr("id", id), condition,
                .element(named: "legend", nodes: [.text(escaping: field.label), field.required ? .span(.class("required"), " (obligatoire)") : .empty]),
                Form.hintNode(hint, id: id), Form.errorNode(error, id: id),
                multiple ? .input(.type(.hidden), .name("present_\(field.key)"), .value("1")) : .empty,
                .group(options.enumerated().map { index, option in
                    .div(.class("check"),
                         .element(named: "input", nodes: [.attr("type", multiple ? "checkbox" : "radio"), .attr("id", "\(id)-\(index)"), .attr("name", name),
                                                          .attr("value", option), chosen.contains(option) ? .attribute(named: "checked", value: nil, ignoreIfValueIsEmpty: false) : .empty]),
                         .element(named: "label", nodes: [.attr("for", "\(id)-\(index)"), .text(escaping: field.type == .yesNo ? option.capitalized : option)]))
                }),
            ])
        case .group:
            return group(field, value: value, errors: errors, hint: hint, condition: condition)
        case .file:
            let current = files.last { String($0.id) == text }
            return .div(.attr("class", wrapperClass), condition,
                Form.labelNode(field.label, id: id, required: field.required), Form.hintNode(hint, id: id), Form.errorNode(error, id: id),
                current.map { .p(.text(escaping: "Fichier joint : \($0.filename) (\(FileRule.megabytes($0.size)))")) } ?? .empty,
                .element(named: "input", nodes: [.attr("type", "file"), .attr("id", id), .attr("name", "file_\(field.key)"),
                                                 .attr("accept", (field.allowedTypes ?? FileRule.defaultTypes).map { "." + $0 }.joined(separator: ","))]
                                                 + common.dropFirst(2)))
        case .longText:
            return .div(.attr("class", wrapperClass), condition,
                Form.labelNode(field.label, id: id, required: field.required), Form.hintNode(hint, id: id), Form.errorNode(error, id: id),
                .element(named: "textarea", nodes: common + [.attr("rows", "6"), .text(escaping: text)]))
        default:
            let type: String = switch field.type { case .email: "email"; case .phone: "tel"; case .url: "url"; case .date: "date"; default: "text" }
            let inputMode: BodyNode = [.number, .amount, .siret].contains(field.type) ? .attr("inputmode", "decimal") : .empty
            return .div(.attr("class", wrapperClass), condition,
                Form.labelNode(field.label, id: id, required: field.required), Form.hintNode(hint, id: id), Form.errorNode(error, id: id),
                .element(named: "input", nodes: common + [.attr("type", type), .attr("value", text), inputMode]))
        }
    }

    static func limits(_ field: FormField) -> String? {
        switch field.type {
        case .shortText, .longText: "\(field.effectiveMaxLength) caractères au plus."
        case .amount: [field.min.map { "Au moins \(FrenchNumber.format($0)) €." }, field.max.map { "Au plus \(FrenchNumber.format($0)) €." }].compactMap { $0 }.joined(separator: " ").nilIfEmpty
        case .file: "Formats : \((field.allowedTypes ?? FileRule.defaultTypes).joined(separator: ", ")) ; \(FileRule.megabytes(field.effectiveMaxBytes)) au plus."
        default: nil
        }
    }

    static func group(_ field: FormField, value: AnswerValue?, errors: [String: String], hint: String?, condition: BodyNode) -> BodyNode {
        let columns = field.fields ?? []
        let rows: [[String: String]] = if case .rows(let r)? = value { r } else { [] }
        // Without JavaScript there is no "add a row" button: blank rows wait below the filled ones.
        let shown = min(field.effectiveMaxRows, rows.count + 3)
        let id = "champ-\(field.key)"
        return .element(named: "fieldset", nodes: [
            .attr("class", errors[field.key] == nil ? "field group" : "field group field-error"), .attr("id", id), condition,
            .element(named: "legend", nodes: [.text(escaping: field.label), field.required ? .span(.class("required"), " (obligatoire)") : .empty]),
            Form.hintNode(hint, id: id), Form.errorNode(errors[field.key], id: id),
            .table(.class("group-table"),
                .thead(.tr(.th(.attr("scope", "col"), "Ligne"), .group(columns.map { .th(.attr("scope", "col"), .text(escaping: $0.label)) }))),
                .tbody(.group((0..<shown).map { row in
                    .tr(.td(.text(escaping: String(row + 1))), .group(columns.map { column in
                        let cellID = "champ-\(field.key).\(row).\(column.key)"
                        let error = errors["\(field.key).\(row).\(column.key)"]
                        return .td(
                            .element(named: "input", nodes: [
                                .attr("type", "text"), .attr("id", cellID), .attr("name", "g_\(field.key)_\(row)_\(column.key)"),
                                .attr("value", row < rows.count ? rows[row][column.key] ?? "" : ""),
                                .attr("aria-label", "\(column.label), ligne \(row + 1)"),
                                error.map { _ in .group([.attr("aria-invalid", "true"), .attr("aria-describedby", "\(cellID)-erreur")]) } ?? .empty,
                            ]),
                            Form.errorNode(error, id: cellID))
                    }))
                }))
            ),
        ])
    }

    /// The answers as a reviewer or a printout reads them.
    static func readOnly(_ form: FormDefinition, answers: DossierAnswers, files: [StoredFile], dossierID: Int64, territory: TerritoryReference) -> [BodyNode] {
        form.sections.map { section in
            .section(.class("answers"),
                .h3(.text(escaping: section.title)),
                .element(named: "dl", nodes: section.fields.filter { form.isVisible($0, answers: answers) }.map { field in
                    .group([.element(named: "dt", nodes: [.text(escaping: field.label)]), .element(named: "dd", nodes: [answer(field, answers[field.key], files: files, dossierID: dossierID, territory: territory)])])
                }))
        }
    }

    static func answer(_ field: FormField, _ value: AnswerValue?, files: [StoredFile], dossierID: Int64, territory: TerritoryReference) -> BodyNode {
        guard let value, !value.isBlank else { return .span(.class("muted"), "Non renseigné") }
        switch (field.type, value) {
        case (.file, .text(let id)):
            guard let file = files.first(where: { String($0.id) == id }) else { return .text("Fichier introuvable") }
            return .a(.href(SiteURL.dossierFile(dossierID, file.id).path), .text(escaping: "\(file.filename) (\(FileRule.megabytes(file.size)))"))
        case (.group, .rows(let rows)):
            let columns = field.fields ?? []
            return .table(.class("group-table"),
                .thead(.tr(.group(columns.map { .th(.attr("scope", "col"), .text(escaping: $0.label)) }))),
                .tbody(.group(rows.map { row in .tr(.group(columns.map { .td(.text(escaping: row[$0.key] ?? "")) })) })))
        case (.commune, .text(let text)):
            guard case .found(let commune) = CommuneResolver.resolve(text, in: territory) else { return .text(escaping: text) }
            return .text(escaping: "\(commune.name) (\(commune.code))")
        case (.amount, .text(let text)):
            return .text(escaping: FrenchNumber.cents(text).map { FrenchNumber.euros(cents: $0) } ?? text)
        case (.date, .text(let text)):
            guard let day = IsoDay.parse(text) else { return .text(escaping: text) }
            let parts = day.split(separator: "-")
            return .text(escaping: "\(parts[2])/\(parts[1])/\(parts[0])")
        case (.yesNo, .text(let text)):
            return .text(escaping: text == "oui" ? "Oui" : text == "non" ? "Non" : text)
        case (.longText, .text(let text)):
            return .group(text.split(separator: "\n", omittingEmptySubsequences: false).map { .p(.text(escaping: String($0))) })
        default:
            return .text(escaping: value.text)
        }
    }
}
