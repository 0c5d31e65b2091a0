import Foundation

extension FormDefinition {
    /// Reads the comité's JSON and lists, in French, what makes it unusable; nothing is saved otherwise.
    public static func parse(json: String) -> Result<FormDefinition, FieldErrors> {
        let definition: FormDefinition
        do {
            definition = try JSONDecoder().decode(FormDefinition.self, from: Data(json.utf8))
        } catch let DecodingError.dataCorrupted(context) {
            if context.codingPath.last?.stringValue == "type" {
                let types = FieldType.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(FieldErrors(["form": "Type de champ inconnu à \(Self.path(context.codingPath)) : les types possibles sont \(types)."]))
            }
            if !context.codingPath.isEmpty {
                return .failure(FieldErrors(["form": "Valeur invalide à \(Self.path(context.codingPath))."]))
            }
            return .failure(FieldErrors(["form": "JSON invalide : vérifiez les guillemets, virgules et accolades (\(context.debugDescription))."]))
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(FieldErrors(["form": "Propriété « \(key.stringValue) » manquante (\(Self.path(context.codingPath)))."]))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            return .failure(FieldErrors(["form": "Valeur inattendue à \(Self.path(context.codingPath)) : \(context.debugDescription)"]))
        } catch {
            return .failure(FieldErrors(["form": "Formulaire illisible."]))
        }
        let problems = definition.problems()
        return problems.isEmpty ? .success(definition) : .failure(FieldErrors(["form": problems.joined(separator: " ")]))
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
        }
    }

    /// Structural mistakes: duplicate or malformed keys, choices without options, conditions on unknown
    /// or later fields, nested groups.
    public func problems() -> [String] {
        var problems: [String] = []
        var seen: [String: FormField] = [:]
        if sections.isEmpty { problems.append("Le formulaire doit avoir au moins une section.") }
        for section in sections {
            if section.title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Chaque section doit avoir un titre.") }
            for field in section.fields {
                problems += Self.check(field, inGroup: false)
                if seen[field.key] != nil { problems.append("La clé « \(field.key) » est utilisée deux fois.") }
                if let condition = field.showIf {
                    if let target = seen[condition.field] {
                        if target.type == .group || target.type == .file { problems.append("« \(field.key) » dépend d'un champ qui ne peut servir de condition.") }
                    } else {
                        problems.append("« \(field.key) » dépend de « \(condition.field) », qui doit être un champ placé avant lui.")
                    }
                }
                seen[field.key] = field
            }
        }
        return problems
    }

    static func check(_ field: FormField, inGroup: Bool) -> [String] {
        var problems: [String] = []
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789_")
        if field.key.isEmpty || field.key.unicodeScalars.contains(where: { !allowed.contains($0) }) {
            problems.append("La clé « \(field.key) » doit être faite de minuscules, chiffres et _.")
        }
        if field.label.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Le champ « \(field.key) » n'a pas de libellé.") }
        if [.singleChoice, .multipleChoice].contains(field.type), (field.options ?? []).isEmpty {
            problems.append("Le champ « \(field.key) » propose un choix sans options.")
        }
        if let min = field.min, let max = field.max, min > max { problems.append("Le champ « \(field.key) » a un minimum supérieur au maximum.") }
        switch field.type {
        case .group:
            if inGroup { problems.append("Le groupe « \(field.key) » ne peut pas contenir un autre groupe.") }
            let columns = field.fields ?? []
            if columns.isEmpty { problems.append("Le groupe « \(field.key) » n'a pas de colonnes.") }
            var keys = Set<String>()
            for column in columns {
                if column.type == .file || column.type == .group { problems.append("Le groupe « \(field.key) » ne peut contenir ni fichier ni groupe.") }
                if !keys.insert(column.key).inserted { problems.append("Le groupe « \(field.key) » répète la colonne « \(column.key) ».") }
                problems += check(column, inGroup: true)
            }
        case .file:
            if inGroup { problems.append("Un fichier ne peut pas être dans un groupe.") }
        default: break
        }
        return problems
    }
}
