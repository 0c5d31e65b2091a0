import Foundation
import Hummingbird

/// The fifteen parameters a directory search reads, each in its slot: the page, the API, the cache key
/// and the error messages name them from this one list. Other names are ignored, as they always were;
/// a repeated name keeps its last value.
struct SearchParameters: Sendable {
    enum Name: Int, CaseIterable, Sendable {
        case text, kind, service, publicGroup, label, department, region, priorityNeighbourhood, rural
        case commune, latitude, longitude, radius, page, perPage

        /// The name in the URL and the search form.
        var field: String {
            switch self {
            case .text: "q"
            case .kind: "type"
            case .service: "service"
            case .publicGroup: "public"
            case .label: "label"
            case .department: "departement"
            case .region: "region"
            case .priorityNeighbourhood: "qpv"
            case .rural: "rural"
            case .commune: "commune"
            case .latitude: "lat"
            case .longitude: "lon"
            case .radius: "rayon"
            case .page: "page"
            case .perPage: "par_page"
            }
        }

        init?(field: String) {
            // Small strings compare as two machine words: cheaper than a hash.
            switch field {
            case "q": self = .text
            case "type": self = .kind
            case "service": self = .service
            case "public": self = .publicGroup
            case "label": self = .label
            case "departement": self = .department
            case "region": self = .region
            case "qpv": self = .priorityNeighbourhood
            case "rural": self = .rural
            case "commune": self = .commune
            case "lat": self = .latitude
            case "lon": self = .longitude
            case "rayon": self = .radius
            case "page": self = .page
            case "par_page": self = .perPage
            default: return nil
            }
        }
    }

    private var values = InlineArray<15, String?>(repeating: nil)

    init() {}

    /// A query string as the search form sends it (`+` for spaces).
    init(query: String) {
        FormData.forEachField(in: query) { name, value in
            if let name = Name(field: name) { values[name.rawValue] = value }
        }
    }

    init(_ dictionary: [String: String]) {
        for (field, value) in dictionary {
            if let name = Name(field: field) { values[name.rawValue] = value }
        }
    }

    /// The value as typed, even blank.
    subscript(name: Name) -> String? {
        get { values[name.rawValue] }
        set { values[name.rawValue] = newValue }
    }

    /// The non-blank parameters in a fixed order, `name=value&...`: two spellings of one search
    /// (other order, extra blank or unknown parameters) give the same key.
    var canonicalKey: String {
        var key = ""
        for name in Name.allCases {
            guard let value = values[name.rawValue], !value.isEmpty else { continue }
            if !key.isEmpty { key += "&" }
            key += name.field + "=" + value
        }
        return key
    }
}

extension Request {
    var searchParameters: SearchParameters { SearchParameters(query: uri.query ?? "") }
}
