import Territory

/// An immutable in-memory index of the directory: searches are pure functions of the index and the
/// query, so the page, the API and the tests give the same answers.
public struct PlaceSearchIndex: Sendable {
    struct Entry: Sendable {
        let place: DirectoryPlace
        /// Folded name, commune and kinds without spaces: "fab lab" and "FabLab" both become "fablab".
        let compactText: String
        let rural: Bool
        let priorityNeighbourhood: Bool
    }

    let entries: [Entry]
    /// Hot data of the scan in flat arrays, so the loop touches no place record until one matches.
    let latitudes: [Double]
    let compactBytes: [[UInt8]]
    public var count: Int { entries.count }
    public var places: [DirectoryPlace] { entries.map(\.place) }

    public init(places: [DirectoryPlace], territory: TerritoryReference) {
        // Sorted by latitude, so that a "near" search only scans the band around its centre.
        let sorted = places.sorted { $0.position.latitude < $1.position.latitude }
        entries = sorted.map { place in
            let commune = territory.commune(code: place.communeCode)
            let parent = commune?.parentCode.flatMap { territory.commune(code: $0) }
            let text = [place.name, place.communeName, place.address] + place.kinds.map(\.label)
            return Entry(
                place: place,
                compactText: FrenchText.fold(text.joined(separator: " ")).replacingOccurrences(of: " ", with: ""),
                rural: commune?.isRural ?? false,
                priorityNeighbourhood: (commune?.hasPriorityNeighbourhood ?? false) || (parent?.hasPriorityNeighbourhood ?? false))
        }
        latitudes = entries.map(\.place.position.latitude)
        compactBytes = entries.map { Array($0.compactText.utf8) }
    }

    /// Binary search in ascending values.
    static func firstIndex(in values: [Double], notBelow bound: Double) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether `needle` occurs in `haystack` (bytes of folded text).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    public func search(_ query: PlaceQuery) -> PlaceSearchResult {
        let textTokens = Self.tokens(query.text)
        let compactQuery = textTokens.joined()
        let centre = query.near
        var distances: [Int: Double] = [:]
        // Filters that do not depend on a facet: text and distance.
        var base: [Int] = []
        base.reserveCapacity(entries.count)
        let latitudeSpan = query.radiusKilometres / 111.0
        let compactQueryBytes = Array(compactQuery.utf8)
        let tokenBytes = textTokens.map { Array($0.utf8) }
        var range = 0..<entries.count
        if let centre {
            range = Self.firstIndex(in: latitudes, notBelow: centre.latitude - latitudeSpan)
                ..< Self.firstIndex(in: latitudes, notBelow: centre.latitude + latitudeSpan + 1e-9)
        }
        for index in range {
            // Cheapest test first: a latitude band, then the exact distance, then the words.
            var distance: Double?
            if let centre {
                guard abs(latitudes[index] - centre.latitude) <= latitudeSpan else { continue }
                let d = entries[index].place.position.distanceKilometres(to: centre)
                guard d <= query.radiusKilometres else { continue }
                distance = d
            }
            if !compactQueryBytes.isEmpty, !Self.contains(compactBytes[index], compactQueryBytes),
               !tokenBytes.allSatisfy({ Self.contains(compactBytes[index], $0) }) { continue }
            if let distance { distances[index] = distance }
            base.append(index)
        }
        var facets: [Facet: [String: Int]] = [:]
        for facet in Facet.allCases {
            var counts: [String: Int] = [:]
            for index in base where matches(entries[index], query, except: facet) {
                for value in values(of: entries[index], for: facet) { counts[value, default: 0] += 1 }
            }
            facets[facet] = counts
        }
        var matching = base.filter { matches(entries[$0], query, except: nil) }
        if centre != nil {
            matching.sort { (distances[$0]!, entries[$0].place.name) < (distances[$1]!, entries[$1].place.name) }
        } else {
            matching.sort { (entries[$0].place.label == nil ? 1 : 0, entries[$0].place.name) < (entries[$1].place.label == nil ? 1 : 0, entries[$1].place.name) }
        }
        let perPage = max(query.perPage, 1)
        let page = max(query.page, 1)
        let slice = matching.dropFirst((page - 1) * perPage).prefix(perPage)
        return PlaceSearchResult(
            hits: slice.map { PlaceSearchResult.Hit(place: entries[$0].place, distanceKilometres: distances[$0]) },
            total: matching.count, page: page, perPage: perPage, facets: facets)
    }

    static func tokens(_ text: String?) -> [String] {
        guard let text else { return [] }
        return FrenchText.fold(text).split(separator: " ").map(String.init)
    }

    private func matches(_ entry: Entry, _ query: PlaceQuery, except skipped: Facet?) -> Bool {
        let place = entry.place
        if skipped != .kind, let kind = query.kind, !place.kinds.contains(kind) { return false }
        if skipped != .service, let service = query.service, !place.services.contains(service) { return false }
        if skipped != .publicGroup, let group = query.publicGroup, !place.publics.contains(group) { return false }
        if skipped != .label, let label = query.label, place.label != label { return false }
        if skipped != .department, let code = query.departmentCode, place.departmentCode != code { return false }
        if let code = query.regionCode, place.regionCode != code { return false }
        if skipped != .priorityNeighbourhood, let qpv = query.priorityNeighbourhood, entry.priorityNeighbourhood != qpv { return false }
        if skipped != .rural, let rural = query.rural, entry.rural != rural { return false }
        return true
    }

    private func values(of entry: Entry, for facet: Facet) -> [String] {
        switch facet {
        case .kind: entry.place.kinds.map(\.rawValue)
        case .service: entry.place.services
        case .publicGroup: entry.place.publics
        case .label: entry.place.label.map { [$0.rawValue] } ?? []
        case .department: [entry.place.departmentCode]
        case .priorityNeighbourhood: [entry.priorityNeighbourhood ? "oui" : "non"]
        case .rural: [entry.rural ? "oui" : "non"]
        }
    }
}
