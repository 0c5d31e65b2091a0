/// The filterable values of the directory (kinds, services, publics, labels, départements, régions,
/// QPV and rural classes), numbered once when the index is built, so that a search tests bits and
/// counts into an array instead of comparing and hashing strings for every place.
struct SearchVocabulary: Sendable {
    /// What a value is about. The first seven are the facets, in `Facet.allCases` order; the région is a
    /// filter without a facet.
    enum Dimension: Int, CaseIterable, Sendable {
        case kind, service, publicGroup, label, department, priorityNeighbourhood, rural, region

        init(_ facet: Facet) {
            switch facet {
            case .kind: self = .kind
            case .service: self = .service
            case .publicGroup: self = .publicGroup
            case .label: self = .label
            case .department: self = .department
            case .priorityNeighbourhood: self = .priorityNeighbourhood
            case .rural: self = .rural
            }
        }

        var bit: UInt32 { 1 << UInt32(rawValue) }
    }

    private var numbers: [[String: Int32]] = Array(repeating: [:], count: Dimension.allCases.count)
    private(set) var texts: [String] = []
    private(set) var dimensions: [Dimension] = []
    /// Filled by `seal()`: each facet's value numbers in the order of their texts, and each value's text
    /// as a quoted JSON key, so a search lists its facet counts without sorting or escaping strings.
    private(set) var sortedValues: [[Int32]] = []
    /// Value `v` as a JSON key is `quotedKeys[quotedKeyStarts[v] ..< quotedKeyStarts[v + 1]]` (one
    /// buffer, so writing the facets reads a few cache lines rather than an array per value).
    private(set) var quotedKeys: [UInt8] = []
    private(set) var quotedKeyStarts: [Int] = [0]

    var count: Int { texts.count }

    /// The number of a value, given one the first time it is seen.
    mutating func number(_ text: String, in dimension: Dimension) -> Int32 {
        if let known = numbers[dimension.rawValue][text] { return known }
        let new = Int32(texts.count)
        numbers[dimension.rawValue][text] = new
        texts.append(text)
        dimensions.append(dimension)
        return new
    }

    /// The number of a value, or nil when no place has it.
    func lookup(_ text: String, in dimension: Dimension) -> Int32? {
        numbers[dimension.rawValue][text]
    }

    /// Orders and quotes the values once all are numbered.
    mutating func seal() {
        sortedValues = Facet.allCases.map { facet in
            let dimension = Dimension(facet)
            return texts.indices.filter { dimensions[$0] == dimension }.sorted { texts[$0] < texts[$1] }.map { Int32($0) }
        }
        var json = JSONWriter(capacity: 32 * texts.count)
        var starts = [0]
        for text in texts {
            json.restart()
            json.key(text: text)
            starts.append(json.count)
        }
        quotedKeys = json.bytes
        quotedKeyStarts = starts
    }

    /// The values of a place, each dimension's values de-duplicated, in the order of `Dimension`: a scan
    /// counting one dimension's values stops at the first value past it.
    static func values(of place: DirectoryPlace, rural: Bool, priorityNeighbourhood: Bool) -> [(Dimension, String)] {
        var result: [(Dimension, String)] = []
        for kind in Set(place.kinds) { result.append((.kind, kind.rawValue)) }
        for service in Set(place.services) { result.append((.service, service)) }
        for group in Set(place.publics) { result.append((.publicGroup, group)) }
        if let label = place.label { result.append((.label, label.rawValue)) }
        result.append((.department, place.departmentCode))
        result.append((.priorityNeighbourhood, priorityNeighbourhood ? "oui" : "non"))
        result.append((.rural, rural ? "oui" : "non"))
        result.append((.region, place.regionCode))
        return result
    }
}
