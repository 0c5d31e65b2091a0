import Foundation
import Programme

/// The call settings as an HTML form: plain fields for the text, eligibility, envelope and targets,
/// and the criteria grid as one line per criterion ("key | label | weight | scale").
struct CallSettingsForm {
    let form: FormData

    init(_ settings: CallSettings) {
        var fields: [(name: String, value: String)] = [
            ("titre", settings.title), ("resume", settings.summary), ("territoire", settings.eligibility.territory.rawValue),
            ("exclure_fabriques", settings.eligibility.excludeCommunesWithFabrique ? "1" : ""),
            ("enveloppe", FrenchNumber.format(Double(settings.envelopeCents) / 100)),
            ("cible_laureats", settings.targets.laureates.map(String.init) ?? ""), ("cible_qpv", settings.targets.minimumQPV.map(String.init) ?? ""),
            ("cible_rural", settings.targets.minimumRural.map(String.init) ?? ""), ("cible_numerique", settings.targets.minimumDigital.map(String.init) ?? ""),
            ("max_vague", settings.targets.maximumPerWave.map(String.init) ?? ""), ("max_departement", settings.targets.maximumPerDepartment.map(String.init) ?? ""),
            ("grille", settings.grid.criteria.map { "\($0.key) | \($0.label) | \(FrenchNumber.format($0.weight)) | \($0.scale)" }.joined(separator: "\n")),
        ]
        fields += settings.eligibility.legalForms.map { ("formes", $0.rawValue) }
        form = FormData(fields: fields)
    }

    static let fieldOrder = ["titre", "resume", "formes", "territoire", "enveloppe", "cible_laureats", "cible_qpv", "cible_rural", "cible_numerique", "max_vague", "max_departement", "grille"]

    static func read(_ form: FormData, current: CallSettings) -> Result<CallSettings, FieldErrors> {
        var errors: [String: String] = [:]
        var settings = current
        settings.title = form.text("titre") ?? ""
        if settings.title.isEmpty || settings.title.count > 200 { errors["titre"] = "Donnez un titre (200 caractères au plus)." }
        settings.summary = form.text("resume") ?? ""
        if settings.summary.count > 20_000 { errors["resume"] = "Le texte ne peut dépasser 20 000 caractères." }
        let forms = form.values("formes").compactMap(LegalForm.init(rawValue:))
        if forms.isEmpty { errors["formes"] = "Choisissez au moins une forme juridique éligible." }
        settings.eligibility.legalForms = forms
        if let territory = EligibilityRules.TerritoryKind(rawValue: form["territoire"] ?? "") { settings.eligibility.territory = territory }
        else { errors["territoire"] = "Choisissez un territoire éligible dans la liste." }
        settings.eligibility.excludeCommunesWithFabrique = form["exclure_fabriques"] == "1"
        if let cents = FrenchNumber.cents(form["enveloppe"] ?? ""), cents >= 0 { settings.envelopeCents = cents }
        else { errors["enveloppe"] = "Indiquez l'enveloppe en euros, par exemple 45 000 000." }
        func count(_ name: String) -> Int? {
            guard let text = form.text(name) else { return nil }
            guard let value = Int(text), value >= 0 else { errors[name] = "Un nombre entier positif, ou vide."; return nil }
            return value
        }
        settings.targets = DiversityTargets(laureates: count("cible_laureats"), minimumQPV: count("cible_qpv"), minimumRural: count("cible_rural"),
                                            minimumDigital: count("cible_numerique"), maximumPerWave: count("max_vague"), maximumPerDepartment: count("max_departement"))
        var criteria: [Criterion] = []
        for (index, line) in (form["grille"] ?? "").split(whereSeparator: \.isNewline).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 4, !parts[0].isEmpty, let weight = FrenchNumber.parse(parts[2]), let scale = Int(parts[3]) else {
                errors["grille"] = "Ligne \(index + 1) illisible : écrivez « clé | libellé | poids | échelle », par exemple « ancrage | Ancrage territorial | 2 | 5 »."
                break
            }
            criteria.append(Criterion(key: parts[0], label: parts[1], weight: weight, scale: scale))
        }
        settings.grid = CriteriaGrid(criteria: criteria)
        if errors["grille"] == nil, let problem = settings.grid.problems().first { errors["grille"] = problem }
        return errors.isEmpty ? .success(settings) : .failure(FieldErrors(errors))
    }
}
