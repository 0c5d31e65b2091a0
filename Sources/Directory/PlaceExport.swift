import Foundation

/// Writes places in the national standard's CSV (columns of schema.json v1.0.2, in order), in GeoJSON
/// (RFC 7946) and in JSON, one place at a time so that callers can stream.
public enum PlaceExport {
    public static let standardColumns = [
        "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude", "longitude",
        "typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail", "source",
        "itinerance", "structure_parente", "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
        "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
        "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
    ]

    /// The standard requires an address; a place without one cannot be published in its CSV.
    public static func isPublishable(_ place: DirectoryPlace) -> Bool { !place.address.isEmpty && place.postalCode.count == 5 }

    public static var csvHeader: String { standardColumns.joined(separator: ",") + "\r\n" }

    public static func csvRow(_ place: DirectoryPlace) -> String {
        var typology = place.structureTypes
        if !place.kinds.isEmpty && !typology.contains("TIERS_LIEUX") && place.kinds != [.digitalMediation] { typology.append("TIERS_LIEUX") }
        let values: [String] = [
            place.externalID ?? "fabriques-\(place.id ?? 0)", place.pivot ?? "00000000000000", place.name, place.communeName,
            place.postalCode, place.communeCode, place.address, place.addressComplement ?? "",
            String(format: "%.6f", place.position.latitude), String(format: "%.6f", place.position.longitude),
            typology.joined(separator: "|"), place.phone ?? "", place.emails.joined(separator: "|"), place.websites.joined(separator: "|"),
            place.openingHours ?? "", place.summary ?? "", place.details ?? "", place.source ?? "", "", "",
            place.updatedOn, place.services.joined(separator: "|"), place.publics.joined(separator: "|"), "",
            place.fees.joined(separator: "|"), place.nationalProgrammes.joined(separator: "|"), "", "",
            place.accessModes.joined(separator: "|"), place.supportModes.joined(separator: "|"),
            place.accessibilityURL ?? "", place.bookingURL ?? "",
        ]
        return values.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The JSON object of a place: the standard's field names plus `types_tiers_lieu` and `label`.
    public static func jsonObject(_ place: DirectoryPlace) -> [String: Any] {
        var object: [String: Any] = [
            "id": place.externalID ?? "fabriques-\(place.id ?? 0)", "nom": place.name, "commune": place.communeName,
            "code_postal": place.postalCode, "code_insee": place.communeCode, "code_departement": place.departmentCode,
            "code_region": place.regionCode, "adresse": place.address, "latitude": place.position.latitude,
            "longitude": place.position.longitude, "date_maj": place.updatedOn,
            "types_tiers_lieu": place.kinds.map(\.rawValue), "services": place.services,
            "publics_specifiquement_adresses": place.publics, "typologie": place.structureTypes,
            "frais_a_charge": place.fees, "modalites_acces": place.accessModes, "modalites_accompagnement": place.supportModes,
            "dispositif_programmes_nationaux": place.nationalProgrammes, "courriels": place.emails, "site_web": place.websites,
        ]
        let optional: [(String, String?)] = [
            ("pivot", place.pivot), ("complement_adresse", place.addressComplement), ("telephone", place.phone),
            ("horaires", place.openingHours), ("presentation_resume", place.summary), ("presentation_detail", place.details),
            ("source", place.source), ("fiche_acces_libre", place.accessibilityURL), ("prise_rdv", place.bookingURL),
            ("label", place.label?.rawValue),
        ]
        for (key, value) in optional { if let value { object[key] = value } }
        if let id = place.id { object["identifiant_fabriques"] = id }
        return object
    }

    public static func json(_ place: DirectoryPlace) -> Data {
        (try? JSONSerialization.data(withJSONObject: jsonObject(place), options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    /// A GeoJSON Feature: Point geometry in [longitude, latitude] order, as RFC 7946 requires.
    public static func geoJSONFeature(_ place: DirectoryPlace) -> Data {
        var properties = jsonObject(place)
        properties.removeValue(forKey: "latitude")
        properties.removeValue(forKey: "longitude")
        let feature: [String: Any] = [
            "type": "Feature",
            "geometry": ["type": "Point", "coordinates": [place.position.longitude, place.position.latitude]],
            "properties": properties,
        ]
        return (try? JSONSerialization.data(withJSONObject: feature, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    public static let geoJSONPrefix = #"{"type":"FeatureCollection","features":["#
    public static let geoJSONSuffix = "]}\n"

    /// What opens a file of `format`, before any place.
    public static func opening(_ format: ImportFormat) -> String {
        switch format {
        case .csv: csvHeader
        case .geojson: geoJSONPrefix
        case .json: "[\n"
        }
    }

    /// What closes a file of `format`.
    public static func closing(_ format: ImportFormat) -> String {
        switch format {
        case .csv: ""
        case .geojson: geoJSONSuffix
        case .json: "\n]\n"
        }
    }

    /// One place in `format`, with the separator it needs unless it is the first written; nil when the
    /// standard's CSV cannot carry it (no address).
    public static func entry(_ place: DirectoryPlace, format: ImportFormat, first: Bool) -> String? {
        switch format {
        case .csv: isPublishable(place) ? csvRow(place) : nil
        case .geojson: (first ? "" : ",") + String(decoding: geoJSONFeature(place), as: UTF8.self)
        case .json: (first ? "" : ",\n") + String(decoding: json(place), as: UTF8.self)
        }
    }
}
