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

    /// The JSON object of a place: the standard's field names plus `types_tiers_lieu` and `label`, keys
    /// sorted. Written by hand: an import stores one as the first revision of every place it creates.
    public static func json(_ place: DirectoryPlace) -> Data {
        var json = JSONWriter(capacity: 1_024)
        writeObject(place, position: true, into: &json)
        return json.withBytes { Data($0) }
    }

    /// A GeoJSON Feature: Point geometry in [longitude, latitude] order, as RFC 7946 requires.
    public static func geoJSONFeature(_ place: DirectoryPlace) -> Data {
        var json = JSONWriter(capacity: 1_024)
        json.beginObject()
        json.key("geometry")
        json.beginObject()
        json.key("coordinates"); json.beginArray(); json.value(place.position.longitude); json.value(place.position.latitude); json.endArray()
        json.key("type"); json.value("Point")
        json.endObject()
        json.key("properties")
        writeObject(place, position: false, into: &json)
        json.key("type"); json.value("Feature")
        json.endObject()
        return json.withBytes { Data($0) }
    }

    private static func writeObject(_ place: DirectoryPlace, position: Bool, into json: inout JSONWriter) {
        json.beginObject()
        json.field("adresse", place.address)
        json.field("code_departement", place.departmentCode)
        json.field("code_insee", place.communeCode)
        json.field("code_postal", place.postalCode)
        json.field("code_region", place.regionCode)
        json.field("commune", place.communeName)
        json.field("complement_adresse", place.addressComplement)
        json.key("courriels"); json.value(place.emails)
        json.field("date_maj", place.updatedOn)
        json.key("dispositif_programmes_nationaux"); json.value(place.nationalProgrammes)
        json.field("fiche_acces_libre", place.accessibilityURL)
        json.key("frais_a_charge"); json.value(place.fees)
        json.field("horaires", place.openingHours)
        json.field("id", place.externalID ?? "fabriques-\(place.id ?? 0)")
        if let id = place.id { json.key("identifiant_fabriques"); json.value(id) }
        json.field("label", place.label?.rawValue)
        if position {
            json.key("latitude"); json.value(place.position.latitude)
            json.key("longitude"); json.value(place.position.longitude)
        }
        json.key("modalites_acces"); json.value(place.accessModes)
        json.key("modalites_accompagnement"); json.value(place.supportModes)
        json.field("nom", place.name)
        json.field("pivot", place.pivot)
        json.field("presentation_detail", place.details)
        json.field("presentation_resume", place.summary)
        json.field("prise_rdv", place.bookingURL)
        json.key("publics_specifiquement_adresses"); json.value(place.publics)
        json.key("services"); json.value(place.services)
        json.key("site_web"); json.value(place.websites)
        json.field("source", place.source)
        json.field("telephone", place.phone)
        json.key("types_tiers_lieu"); json.value(place.kinds)
        json.key("typologie"); json.value(place.structureTypes)
        json.endObject()
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
