import Directory
import Foundation
import Hummingbird
import Territory

extension PlaceQuery {
    /// Reads the same parameters for the page and the API: q, type, service, public, label,
    /// departement, region, qpv, rural, commune (code or name) or lat+lon, rayon (km), page, par_page.
    static func parse(_ parameters: [String: String], territory: TerritoryReference) throws(AppError) -> (PlaceQuery, Commune?) {
        try parse(SearchParameters(parameters), territory: territory)
    }

    static func parse(_ parameters: SearchParameters, territory: TerritoryReference) throws(AppError) -> (PlaceQuery, Commune?) {
        func value(_ name: SearchParameters.Name) -> String? {
            guard let raw = parameters[name]?.trimmedOfWhitespace(), !raw.isEmpty else { return nil }
            return raw
        }
        func bad(_ message: String) -> AppError { AppError.badRequest(message) }
        var query = PlaceQuery(text: value(.text))
        if let kind = value(.kind) {
            guard let parsed = PlaceKind(rawValue: kind) else { throw bad("type inconnu : \(kind). Valeurs : \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", ")).") }
            query.kind = parsed
        }
        if let service = value(.service) {
            guard MediationVocabulary.services.contains(service) else { throw bad("service inconnu : \(service) (liste du standard national).") }
            query.service = service
        }
        if let group = value(.publicGroup) {
            guard MediationVocabulary.publics.contains(group) else { throw bad("public inconnu : \(group).") }
            query.publicGroup = group
        }
        if let label = value(.label) {
            guard let parsed = DirectoryPlace.Label(rawValue: label) else { throw bad("label inconnu : \(label) (fabrique ou fabrique_numerique).") }
            query.label = parsed
        }
        if let code = value(.department)?.uppercased() {
            guard territory.department(code: code) != nil else { throw bad("département inconnu : \(code).") }
            query.departmentCode = code
        }
        if let code = value(.region) {
            guard territory.region(code: code) != nil else { throw bad("région inconnue : \(code).") }
            query.regionCode = code
        }
        func flag(_ name: SearchParameters.Name) throws(AppError) -> Bool? {
            guard let raw = value(name) else { return nil }
            switch raw { case "oui", "true", "1": return true; case "non", "false", "0": return false
            default: throw bad("\(name.field) attend oui ou non.") }
        }
        query.priorityNeighbourhood = try flag(.priorityNeighbourhood)
        query.rural = try flag(.rural)
        if let radius = value(.radius) {
            // Whole kilometres are the usual case, and parsing an integer skips strtod.
            guard let km = Int(radius).map(Double.init) ?? Double(radius), km > 0, km <= 200 else { throw bad("rayon attend un nombre de kilomètres entre 1 et 200.") }
            query.radiusKilometres = km
        }
        var commune: Commune?
        if let typed = value(.commune) {
            commune = territory.commune(code: typed.uppercased()) ?? territory.searchCommunes(typed, limit: 1).first
            guard let commune else { throw bad("commune introuvable : \(typed).") }
            query.near = commune.position
        } else if let lat = value(.latitude), let lon = value(.longitude) {
            guard let latitude = Double(lat), let longitude = Double(lon), GeoPoint(latitude: latitude, longitude: longitude).isValid else {
                throw bad("lat et lon attendent des degrés décimaux.")
            }
            query.near = GeoPoint(latitude: latitude, longitude: longitude)
        }
        if let page = value(.page) {
            guard let number = Int(page), number >= 1 else { throw bad("page attend un entier à partir de 1.") }
            query.page = number
        }
        if let size = value(.perPage) {
            guard let number = Int(size), (1...200).contains(number) else { throw bad("par_page attend un entier entre 1 et 200.") }
            query.perPage = number
        }
        return (query, commune)
    }
}

extension Request {
    /// The query string's parameters as the search form sends them (`+` for spaces), the last value
    /// of a repeated name winning.
    var queryDictionary: [String: String] {
        // Room for a search's usual parameters at once: growing from empty rehashed them three times.
        var result: [String: String] = Dictionary(minimumCapacity: 8)
        FormData.forEachField(in: uri.query ?? "") { result[$0] = $1 }
        return result
    }
}
