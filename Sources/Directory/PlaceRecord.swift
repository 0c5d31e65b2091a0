import Foundation
import Territory

/// One row of an import, checked and turned into a place. Blocking problems reject the row; the rest
/// are corrected and reported.
struct PlaceRecord {
    let fields: [String: String]
    let line: Int
    let territory: TerritoryReference
    let today: String

    func value(_ field: String) -> String? {
        guard let raw = fields[field].map({ $0.trimmedOfWhitespace() }), !raw.isEmpty else { return nil }
        return raw
    }

    func list(_ field: String) -> [String] {
        (value(field) ?? "").split(whereSeparator: { $0 == "|" || $0 == ";" }).map { $0.trimmedOfWhitespace() }.filter { !$0.isEmpty }
    }

    func place(issues: inout [ImportIssue]) -> DirectoryPlace? {
        func reject(_ field: String, _ reason: String) -> DirectoryPlace? {
            issues.append(ImportIssue(line: line, field: field, reason: reason, severity: .rejected))
            return nil
        }
        func correct(_ field: String, _ reason: String) {
            issues.append(ImportIssue(line: line, field: field, reason: reason, severity: .corrected))
        }
        guard let name = value("nom") else { return reject("nom", "nom du lieu absent") }
        let latitude = value("latitude").flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) }
        let longitude = value("longitude").flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) }
        var point: GeoPoint? = nil
        if let latitude, let longitude {
            let candidate = GeoPoint(latitude: latitude, longitude: longitude)
            if candidate.isValid { point = candidate } else { correct("latitude", "coordonnées hors limites (\(latitude), \(longitude)) ignorées") }
        }
        guard let commune = resolveCommune(point: point, correct: correct) else {
            return reject("code_insee", "commune introuvable dans le référentiel des communes françaises (code INSEE, code postal et nom, ni coordonnées ne correspondent)")
        }
        if let given = point, given.distanceKilometres(to: commune.position) > 60 {
            correct("latitude", "position à \(Int(given.distanceKilometres(to: commune.position))) km de la commune \(commune.name) : centre de la commune retenu")
            point = nil
        }
        if point == nil && (latitude == nil || longitude == nil) { correct("latitude", "position absente : centre de la commune retenu") }
        var postalCode = value("code_postal") ?? ""
        let knownPostalCodes = territory.postalCodes(communeCode: commune.code) + (commune.parentCode.map { territory.postalCodes(communeCode: $0) } ?? [])
        if postalCode.count == 4, postalCode.allSatisfy(\.isNumber) { postalCode = "0" + postalCode }
        if !knownPostalCodes.contains(postalCode), let first = knownPostalCodes.first {
            correct("code_postal", postalCode.isEmpty ? "code postal absent : \(first) retenu" : "code postal \(postalCode) inconnu pour \(commune.name) : \(first) retenu")
            postalCode = first
        }
        let services = vocabulary("services", MediationVocabulary.services, correct: correct)
        let publics = vocabulary("publics_specifiquement_adresses", MediationVocabulary.publics, correct: correct)
        var kinds = list("types_tiers_lieu").compactMap(PlaceKind.init(rawValue:))
        if kinds.isEmpty {
            if list("typologie").contains("TIERS_LIEUX") { kinds.append(.other) }
            if !services.isEmpty { kinds.append(.digitalMediation) }
        }
        var phone: String? = nil
        if let raw = value("telephone") {
            phone = Self.normalisedPhone(raw)
            if phone == nil { correct("telephone", "numéro « \(raw) » non reconnu : ignoré") }
        }
        var updatedOn = value("date_maj") ?? ""
        if !Self.isISODate(updatedOn) {
            correct("date_maj", updatedOn.isEmpty ? "date de mise à jour absente : \(today) retenue" : "date « \(updatedOn) » invalide : \(today) retenue")
            updatedOn = today
        }
        let address = value("adresse") ?? ""
        if address.isEmpty { correct("adresse", "adresse absente") }
        return DirectoryPlace(
            externalID: value("id"), pivot: value("pivot").flatMap { Self.isPivot($0) ? $0 : nil },
            name: name, address: address, addressComplement: value("complement_adresse"), postalCode: postalCode, commune: commune,
            position: point, kinds: kinds, label: value("label").flatMap(DirectoryPlace.Label.init(rawValue:)),
            structureTypes: list("typologie"), services: services, publics: publics,
            fees: vocabulary("frais_a_charge", MediationVocabulary.fees, correct: correct),
            accessModes: vocabulary("modalites_acces", MediationVocabulary.accessModes, correct: correct),
            supportModes: vocabulary("modalites_accompagnement", MediationVocabulary.supportModes, correct: correct),
            nationalProgrammes: vocabulary("dispositif_programmes_nationaux", MediationVocabulary.nationalProgrammes,
                                           aliases: MediationVocabulary.programmeAliases, correct: correct), openingHours: value("horaires"), phone: phone,
            emails: list("courriels"), websites: list("site_web"), summary: value("presentation_resume"),
            details: value("presentation_detail"), accessibilityURL: value("fiche_acces_libre"), bookingURL: value("prise_rdv"),
            source: value("source"), updatedOn: updatedOn)
    }

    private func resolveCommune(point: GeoPoint?, correct: (String, String) -> Void) -> Commune? {
        if let code = value("code_insee")?.uppercased(), let commune = territory.commune(code: code.count == 4 ? "0" + code : code) {
            return commune
        }
        let given = value("code_insee")
        let name = value("commune").map(FrenchText.fold)
        if let postal = value("code_postal") {
            let candidates = territory.communes(postalCode: postal.count == 4 ? "0" + postal : postal)
            let named = candidates.filter { name == nil || $0.searchName == name || FrenchText.fold($0.name.replacingOccurrences(of: "Arrondissement", with: "")).hasPrefix(name!) }
            let chosen = named.count == 1 ? named[0] : (candidates.count == 1 ? candidates[0] : nil)
            if let chosen {
                correct("code_insee", given == nil ? "code INSEE déduit du code postal et de la commune : \(chosen.code)" : "code INSEE \(given!) inconnu : \(chosen.code) déduit du code postal")
                return chosen
            }
        }
        if let point, let nearest = territory.nearestCommune(to: point), nearest.position.distanceKilometres(to: point) < 20 {
            correct("code_insee", "commune déduite des coordonnées : \(nearest.name) (\(nearest.code))")
            return nearest
        }
        return nil
    }

    private func vocabulary(_ field: String, _ allowed: [String], aliases: [String: String] = [:], correct: (String, String) -> Void) -> [String] {
        var kept: [String] = []
        for value in list(field) {
            let name = aliases[value] ?? value
            // Most files use the standard's exact wording; folding is only for the others.
            let folded = allowed.contains(name) ? nil : FrenchText.fold(name)
            let match = folded == nil ? name : allowed.first { FrenchText.fold($0) == folded }
            if let match {
                if !kept.contains(match) { kept.append(match) }
            } else { correct(field, "valeur « \(value) » hors de la liste du standard : ignorée") }
        }
        return kept
    }

    /// "05 45 93 22 22", "0545932222", "+33 5 45..." → "+33545932222"; nil when not a French number.
    /// French and overseas numbers in the standard's form (+33 and the DROM-COM prefixes, then 6 to 9
    /// digits). Checked by hand: a regular expression compiled per row was a tenth of an import.
    static func normalisedPhone(_ raw: String) -> String? {
        var digits = raw.filter { $0.isNumber || $0 == "+" }
        if digits.count == 10, digits.hasPrefix("0"), digits.allSatisfy(\.isNumber) { digits = "+33" + digits.dropFirst() }
        let prefixes = ["+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681"]
        let valid = prefixes.contains { prefix in
            guard digits.hasPrefix(prefix) else { return false }
            let rest = digits.utf8.dropFirst(prefix.utf8.count)
            return (6...9).contains(rest.count) && rest.allSatisfy(\.isASCIIDigit)
        }
        return valid ? digits : nil
    }

    /// YYYY-MM-DD, and not the epoch some exports write for "unknown".
    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || $0.element.isASCIIDigit } && !text.hasPrefix("1970")
    }

    /// The national "pivot" identifier: 9 to 14 ASCII letters or digits (a SIRET, a RNA number).
    static func isPivot(_ text: String) -> Bool {
        (9...14).contains(text.utf8.count) && text.utf8.allSatisfy { $0.isASCIIDigit || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }
    }
}
