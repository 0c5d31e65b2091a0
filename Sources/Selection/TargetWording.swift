import Foundation

/// French number formatting without locale data (deterministic everywhere):
/// thousands separated by a space, decimal comma.
enum FrenchFormat {
    static func number(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        let negative = rounded < 0
        let whole = Int64(abs(rounded).rounded(.down))
        let cents = Int64((abs(rounded) * 100).rounded()) - whole * 100
        var digits = String(whole), grouped = ""
        while digits.count > 3 {
            grouped = " " + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if cents != 0 {
            grouped += "," + (cents % 10 == 0 ? String(cents / 10) : String(format: "%02lld", cents))
        }
        return (negative ? "-" : "") + grouped
    }

    static func euros(_ v: Double) -> String { number(v) + " €" }
}

/// The committee's words for each target: "au moins 150 dossiers en QPV".
enum TargetWording {
    static func describe(_ item: TargetItem, model: SelectionModel) -> String {
        switch item {
        case .forcedIn(let v): return "dossier \(model.dossiers[model.varDossier[v]].id) imposé"
        case .forcedOut(let v): return "dossier \(model.dossiers[model.varDossier[v]].id) écarté"
        case .rowMin(let r): return bound(model.rows[r], min: true)
        case .rowMax(let r): return bound(model.rows[r], min: false)
        }
    }

    static func bound(_ row: ModelRow, min: Bool) -> String {
        if case .budget = row.kind { return "budget de \(FrenchFormat.euros(row.statedMax ?? 0))" }
        let stated = Int(((min ? row.statedMin : row.statedMax) ?? 0).rounded())
        if case .select = row.kind {
            if row.statedMin == row.statedMax { return "exactement \(stated) lauréats" }
            return "\(min ? "au moins" : "au plus") \(stated) lauréats"
        }
        let prefix = min ? "au moins" : "au plus"
        let plural = stated > 1 ? "s" : ""
        var text: String
        switch row.kind {
        case .category(let c): text = "\(prefix) \(stated) Fabrique\(plural) \(categoryLabel(c))"
        case .placeType(let t): text = "\(prefix) \(stated) lieu\(stated > 1 ? "x" : "") de type « \(t) »"
        case .region(let r): text = "\(prefix) \(stated) Fabrique\(plural) dans la région \(r)"
        case .department(let d): text = "\(prefix) \(stated) Fabrique\(plural) dans le département \(d)"
        case .wave(let w): text = "\(prefix) \(stated) lauréat\(plural) pour la vague \(w)"
        case .commune(let c): text = "\(prefix) \(stated) Fabrique\(plural) dans la commune \(c)"
        case .select, .budget: text = ""
        }
        if row.labelled > 0 {
            text += " (dont \(row.labelled) déjà labellisée\(row.labelled > 1 ? "s" : ""))"
        }
        return text
    }

    static func categoryLabel(_ code: String) -> String {
        switch code.lowercased() {
        case "qpv": return "en QPV"
        case "rural": return "en territoire rural"
        case "numerique", "numérique": return "« Fabrique numérique »"
        default: return "de la catégorie « \(code) »"
        }
    }
}
