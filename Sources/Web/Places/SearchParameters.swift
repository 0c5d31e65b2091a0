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

        /// A name as it appears in a query string; an escaped one is decoded first.
        init?(encoded bytes: Slice<UnsafeBufferPointer<UInt8>>) {
            if bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
                self.init(field: FormData.decode(bytes))
                return
            }
            // Lengths first, then raw bytes: no string is made of the name.
            guard let name = Name.allCases.first(where: { name in
                name.field.utf8.count == bytes.count && name.field.utf8.withContiguousStorageIfAvailable { field in
                    memcmp(field.baseAddress!, bytes.base.baseAddress! + bytes.startIndex, bytes.count) == 0 } == true
            }) else { return nil }
            self = name
        }

        init?(field: String) {
            guard let name = Name.allCases.first(where: { $0.field == field }) else { return nil }
            self = name
        }
    }

    private var values = InlineArray<15, String?>(repeating: nil)

    /// A query string as the search form sends it (`+` for spaces).
    init(query: String) {
        var query = query
        query.withUTF8 { read($0[...]) }
    }

    /// The query of a request target (`/api/v1/places?q=ruche`), read in place: only the values of
    /// known names become strings.
    init(target: String) {
        var target = target
        target.withUTF8 { bytes in
            guard let mark = bytes.firstIndex(of: UInt8(ascii: "?")) else { return }
            var end = bytes.endIndex
            if let fragment = bytes[mark...].firstIndex(of: UInt8(ascii: "#")) { end = fragment }
            read(bytes[(mark + 1)..<end])
        }
    }

    private mutating func read(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        FormData.forEachEncodedField(in: bytes) { name, value in
            if !name.isEmpty, let name = Name(encoded: name) { values[name.rawValue] = value.map(FormData.decode) ?? "" }
        }
    }

    init(_ dictionary: [String: String]) {
        for (field, value) in dictionary {
            if let name = Name(field: field) { values[name.rawValue] = value }
        }
    }

    /// The value as typed, even blank.
    subscript(name: Name) -> String? { values[name.rawValue] }

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
    var searchParameters: SearchParameters { SearchParameters(target: uri.string) }
}
