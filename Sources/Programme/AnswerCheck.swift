import Foundation
import Territory

/// Checks one typed value against its field. Returns a French message, or nil when the value is fine.
/// Emptiness is the caller's business (required flags depend on visibility).
enum AnswerCheck {
    static func message(for field: FormField, text raw: String, territory: TerritoryReference) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        switch field.type {
        case .shortText, .longText:
            if text.count > field.effectiveMaxLength { return "Au plus \(field.effectiveMaxLength) caractères (actuellement \(text.count))." }
            if field.type == .shortText, text.contains("\n") { return "Une seule ligne est attendue." }
            if let min = field.minLength, text.count < min { return "Au moins \(min) caractères (actuellement \(text.count))." }
        case .number:
            guard let value = FrenchNumber.parse(text) else { return "Indiquez un nombre, par exemple 12 ou 12,5." }
            return bounds(value, field, unit: "")
        case .amount:
            guard let cents = FrenchNumber.cents(text) else { return "Indiquez un montant en euros, par exemple 12 500 ou 12 500,50." }
            if cents < 0 { return "Le montant ne peut pas être négatif." }
            return bounds(Double(cents) / 100, field, unit: " €")
        case .date:
            if IsoDay.parse(text) == nil { return "Indiquez une date valide (JJ/MM/AAAA)." }
        case .singleChoice, .yesNo:
            let options = field.type == .yesNo ? ["oui", "non"] : field.options ?? []
            if !options.contains(text) { return "Choisissez une des réponses proposées." }
        case .multipleChoice:
            return nil
        case .siret:
            if Siret(text) == nil { return "Ce SIRET n'est pas valide : 14 chiffres dont la clé de contrôle doit être juste." }
        case .commune:
            switch CommuneResolver.resolve(text, in: territory) {
            case .found: return nil
            case .ambiguous(let candidates):
                return "Plusieurs communes correspondent : " + candidates.prefix(4).map { "\($0.name) (\($0.code))" }.joined(separator: ", ") + ". Indiquez le code INSEE."
            case .notFound: return "Commune introuvable : indiquez son nom, son code postal ou son code INSEE."
            }
        case .email:
            if !ContactCheck.isEmail(text) { return "Adresse e-mail invalide, par exemple prenom.nom@exemple.fr." }
        case .phone:
            if !ContactCheck.isPhone(text) { return "Numéro invalide : 10 chiffres (01 23 45 67 89) ou format international (+33 1 23 45 67 89)." }
        case .url:
            if !ContactCheck.isWebAddress(text) { return "Adresse web invalide : elle doit commencer par https:// ou http://." }
        case .file, .group:
            return nil
        }
        return nil
    }

    static func bounds(_ value: Double, _ field: FormField, unit: String) -> String? {
        if let min = field.min, value < min { return "La valeur doit être au moins \(FrenchNumber.format(min))\(unit)." }
        if let max = field.max, value > max { return "La valeur doit être au plus \(FrenchNumber.format(max))\(unit)." }
        return nil
    }
}

enum ContactCheck {
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, text.count <= 254, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    static func isPhone(_ text: String) -> Bool {
        let kept = text.filter { !" .-()".contains($0) }
        let digits = kept.filter(\.isNumber)
        guard digits.count == kept.count - (kept.hasPrefix("+") ? 1 : 0) else { return false }
        if kept.hasPrefix("+") { return (8...15).contains(digits.count) }
        return digits.count == 10 && digits.hasPrefix("0")
    }

    static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, host.contains(".") else { return false }
        return true
    }
}
