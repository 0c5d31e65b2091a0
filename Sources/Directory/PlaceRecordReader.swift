import Foundation
import Territory

/// Reads places from the formats real data arrive in: the national standard's CSV, JSON exports of its
/// earlier version, GeoJSON, and any CSV through a column mapping. Each row is tied to its INSEE commune
/// (from the code, else the postal code and name, else the coordinates) and checked field by field;
/// nothing here touches the database.
public struct PlaceRecordReader: Sendable {
    public static let knownFields: Set<String> = [
        "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude", "longitude",
        "typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail", "source",
        "itinerance", "structure_parente", "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
        "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
        "modalites_accompagnement", "fiche_acces_libre", "prise_rdv", "types_tiers_lieu", "label",
    ]
    /// Keys of the 2023 exports and their name in v1.0.2 of the standard.
    static let earlierNames = ["labels_nationaux": "dispositif_programmes_nationaux", "labels_autres": "autres_formations_labels",
                               "accessibilite": "fiche_acces_libre", "courriel": "courriels"]

    let territory: TerritoryReference
    let today: String

    public init(territory: TerritoryReference, today: String) {
        self.territory = territory
        self.today = today
    }

    public func read(_ data: Data, format: ImportFormat, mapping: ColumnMapping = ColumnMapping()) throws(ImportError) -> ImportReading {
        var reading = ImportReading(places: [], issues: [])
        // Each row becomes a place as soon as it is read: only the places are held, not every row's text.
        try Self.forEachRecord(data, format: format, mapping: mapping) { line, record in
            var issues: [ImportIssue] = []
            if let place = PlaceRecord(fields: record, line: line, territory: territory, today: today).place(issues: &issues) {
                reading.places.append((line, place))
            }
            reading.issues += issues
        }
        return reading
    }

    /// One record typed in a form, keyed by the standard's field names, checked like an imported row.
    public func place(from fields: [String: String]) -> (place: DirectoryPlace?, issues: [ImportIssue]) {
        var issues: [ImportIssue] = []
        let place = PlaceRecord(fields: fields, line: 1, territory: territory, today: today).place(issues: &issues)
        return (place, issues)
    }

    /// Rows as dictionaries keyed by the standard's field names, with the line or object number, in order.
    static func forEachRecord(_ data: Data, format: ImportFormat, mapping: ColumnMapping,
                              _ body: (Int, [String: String]) -> Void) throws(ImportError) {
        switch format {
        case .csv:
            let empty: Bool = data.withUnsafeBytes { bytes in
                let encoding = CSVReader.Encoding.detect(bytes)
                let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
                let separator = firstLine.filter { $0 == UInt8(ascii: ";") }.count > firstLine.filter { $0 == UInt8(ascii: ",") }.count
                    ? UInt8(ascii: ";") : UInt8(ascii: ",")
                var fields: [String]? = nil
                var number = 1
                CSVReader.forEachRow(in: bytes, separator: separator, encoding: encoding) { row in
                    guard let header = fields else {
                        fields = row.map { mapping.field(for: $0.trimmedOfWhitespace()) }
                        return
                    }
                    number += 1
                    if row.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return }
                    var record: [String: String] = [:]
                    for (index, value) in row.enumerated() where index < header.count { record[header[index]] = value }
                    body(number, record)
                }
                return fields == nil
            }
            if empty { throw .unreadable("fichier vide") }
        case .json, .geojson:
            let object: Any
            do { object = try JSONSerialization.jsonObject(with: data) } catch { throw .unreadable("JSON invalide") }
            var items: [(Int, [String: Any])] = []
            if let array = object as? [[String: Any]] {
                items = array.enumerated().map { ($0.offset + 1, $0.element) }
            } else if let collection = object as? [String: Any], let features = collection["features"] as? [[String: Any]] {
                items = features.enumerated().map { offset, feature in
                    var properties = feature["properties"] as? [String: Any] ?? [:]
                    if let geometry = feature["geometry"] as? [String: Any], geometry["type"] as? String == "Point",
                       let coordinates = geometry["coordinates"] as? [Double], coordinates.count >= 2 {
                        properties["longitude"] = coordinates[0]
                        properties["latitude"] = coordinates[1]
                    }
                    return (offset + 1, properties)
                }
            } else { throw .unreadable("un tableau d'objets ou une FeatureCollection GeoJSON est attendu") }
            for (number, item) in items {
                var record: [String: String] = [:]
                for (key, value) in item {
                    let field = earlierNames[key] ?? mapping.field(for: key)
                    switch value {
                    case let text as String: record[field] = key == "labels_nationaux" ? text.replacingOccurrences(of: ";", with: "|") : text
                    case let number as NSNumber: record[field] = number.stringValue
                    case let list as [Any]: record[field] = list.map { "\($0)" }.joined(separator: "|")
                    default: break
                    }
                }
                body(number, record)
            }
        }
    }
}
