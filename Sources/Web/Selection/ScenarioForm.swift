import Foundation
import Programme
import Selection
import Storage

/// What the comité asks of a selection, as typed in the scenario form; checked field by field.
struct ScenarioForm {
    var name: String
    var waveIDs: Set<Int64>
    var targets: SelectionTargets
    var countLabelled: Bool
    var bonusPoints: Double
    var bonusRadiusKm: Double
    var timeLimitSeconds: Double

    static let fieldOrder = ["nom", "nombre", "budget", "min_qpv", "max_qpv", "min_rural", "max_rural", "min_numerique", "max_numerique",
                             "min_region", "max_region", "max_vague", "max_departement", "max_commune",
                             "note_min", "imposes", "exclus", "bonus", "rayon", "limite"]

    /// The form prefilled from the call's diversity targets.
    static func defaults(_ settings: CallSettings) -> FormData {
        let t = settings.targets
        return FormData(fields: [
            ("nom", "Scénario"), ("mode", "au_plus"), ("nombre", t.maximumPerWave.map(String.init) ?? "30"),
            ("budget", FrenchNumber.format(Double(settings.envelopeCents) / 100)), ("min_qpv", ""), ("min_rural", ""), ("min_numerique", ""),
            ("max_vague", t.maximumPerWave.map(String.init) ?? ""), ("max_departement", t.maximumPerDepartment.map(String.init) ?? ""),
            ("max_commune", "1"), ("note_min", "10"), ("exclure_defavorables", "1"), ("bonus", "0"), ("rayon", "20"), ("limite", "20"),
        ])
    }

    static func read(_ form: FormData) -> Result<ScenarioForm, FieldErrors> {
        var errors: [String: String] = [:]
        func count(_ name: String) -> Int? {
            guard let text = form.text(name) else { return nil }
            guard let value = Int(text.filter { !$0.isWhitespace }), value >= 0, value <= 1_000_000 else { errors[name] = "Un nombre entier positif, ou vide."; return nil }
            return value
        }
        func number(_ name: String, default value: Double, range: ClosedRange<Double>) -> Double {
            guard let text = form.text(name) else { return value }
            guard let parsed = FrenchNumber.parse(text), range.contains(parsed) else {
                errors[name] = "Un nombre entre \(FrenchNumber.format(range.lowerBound)) et \(FrenchNumber.format(range.upperBound))."
                return value
            }
            return parsed
        }
        let name = form.text("nom") ?? ""
        if name.isEmpty || name.count > 120 { errors["nom"] = "Donnez un nom au scénario (120 caractères au plus)." }
        var targets = SelectionTargets()
        if let n = count("nombre") { targets.select = form["mode"] == "exactement" ? SelectCount(exactly: n) : SelectCount(atMost: n) }
        else if errors["nombre"] == nil { errors["nombre"] = "Indiquez le nombre de lauréats à retenir." }
        if let text = form.text("budget") {
            if let euros = FrenchNumber.parse(text), euros >= 0 { targets.budget = euros } else { errors["budget"] = "Indiquez l'enveloppe en euros, ou laissez vide." }
        }
        for category in ["qpv", "rural", "numerique"] {
            let minimum = count("min_\(category)"), maximum = count("max_\(category)")
            if let minimum, let maximum, minimum > maximum { errors["max_\(category)"] = "Le maximum doit être au moins égal au minimum." }
            if minimum != nil || maximum != nil { targets.categories[category] = CountBounds(min: minimum, max: maximum) }
        }
        let regionMinimum = count("min_region"), regionMaximum = count("max_region")
        if regionMinimum != nil || regionMaximum != nil { targets.perRegion = CountBounds(min: regionMinimum, max: regionMaximum) }
        if let max = count("max_vague") { targets.perWave = CountBounds(max: max) }
        if let max = count("max_departement") { targets.perDepartment = CountBounds(max: max) }
        if let max = count("max_commune") { targets.perCommune = CountBounds(max: max) }
        targets.eligibility = Eligibility(minScore: form.text("note_min").map { _ in number("note_min", default: 0, range: 0...20) },
                                          excludeUnfavourable: form["exclure_defavorables"] == "1")
        targets.forcedIn = numbers(form["imposes"] ?? "", field: "imposes", errors: &errors)
        targets.forcedOut = numbers(form["exclus"] ?? "", field: "exclus", errors: &errors)
        let scenario = ScenarioForm(
            name: name, waveIDs: Set(form.values("vagues").compactMap(Int64.init)), targets: targets, countLabelled: form["compter_labellisees"] == "1",
            bonusPoints: number("bonus", default: 0, range: 0...20), bonusRadiusKm: number("rayon", default: 20, range: 1...100),
            timeLimitSeconds: number("limite", default: 20, range: 1...120))
        return errors.isEmpty ? .success(scenario) : .failure(FieldErrors(errors))
    }

    /// "FDT-000012, 15" → the dossier numbers, as the pool names them.
    static func numbers(_ text: String, field: String, errors: inout [String: String]) -> [String] {
        var found: [String] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }) {
            let digits = piece.uppercased().hasPrefix("FDT-") ? piece.dropFirst(4) : piece[...]
            guard let id = Int64(digits), id > 0 else {
                errors[field] = "« \(piece) » n'est pas un numéro de dossier (par exemple FDT-000012 ou 12)."
                continue
            }
            found.append(Dossier.number(id))
        }
        return found
    }
}

