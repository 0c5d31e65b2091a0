import Foundation
import Territory

extension PlaceSearchIndex {
    /// The results of `query` and, for each facet, what each of its values would give with the other
    /// filters kept. One pass: a place failing exactly one facet's filter still counts for that facet.
    public func search(_ query: PlaceQuery) -> PlaceSearchResult {
        var pass = SearchPass(index: self, query: query)
        if let centre = query.near {
            forEachCandidate(near: centre, radiusKilometres: query.radiusKilometres, containing: pass.wordPairs) { pass.consider($0, centre: centre) }
            pass.matching.sort { ($0.distance, nameRanks[$0.place]) < ($1.distance, nameRanks[$1.place]) }
        } else {
            for place in defaultOrder { pass.consider(Int(place), centre: nil) }
        }
        let perPage = max(query.perPage, 1)
        let page = max(query.page, 1)
        let slice = pass.matching.dropFirst((page - 1) * perPage).prefix(perPage)
        return PlaceSearchResult(
            total: pass.matching.count, page: page, perPage: perPage, facets: FacetCounts(vocabulary: vocabulary, counts: pass.counts),
            matches: slice.map { ($0.place, $0.distance.isNaN ? nil : $0.distance) }, index: self)
    }

    /// The places whose direction is within the radius, give or take a few metres (the caller decides
    /// with the exact distance): the rows crossing the circle, and in each the span of longitudes.
    /// `pairs`: byte pairs a candidate's text must have (the query's words'); testing them first skips
    /// most places of a search with words before any arithmetic.
    func forEachCandidate(near centre: GeoPoint, radiusKilometres: Double, containing pairs: PairSignature = PairSignature([UInt8]()),
                          _ body: (Int) -> Void) {
        guard !records.isEmpty, radiusKilometres >= 0 else { return }
        let radians = Double.pi / 180
        // A few metres of slack so rounding never drops a place the exact distance would keep.
        let angle = min(Double.pi, radiusKilometres / GeoPoint.earthRadiusKilometres + 1e-6)
        let minimumDot = cos(angle)
        let cx = cos(centre.latitude * radians) * cos(centre.longitude * radians)
        let cy = cos(centre.latitude * radians) * sin(centre.longitude * radians)
        let cz = sin(centre.latitude * radians)
        let latitudeSpan = angle / radians
        let lowRow = max(Int(((centre.latitude - latitudeSpan) / Self.rowHeight).rounded(.down)) - firstRow, 0)
        let highRow = min(Int(((centre.latitude + latitudeSpan) / Self.rowHeight).rounded(.down)) - firstRow, rowStarts.count - 2)
        guard lowRow <= highRow else { return }
        // Longitudes of the cap; the whole row near a pole or when the cap is wider than a hemisphere.
        var spans: [ClosedRange<Double>] = [-180...180]
        let sinRatio = sin(angle) / cos(centre.latitude * radians)
        if angle < Double.pi / 2, abs(centre.latitude) + latitudeSpan < 89, sinRatio < 1 {
            let half = asin(sinRatio) / radians + 1e-9
            let west = centre.longitude - half, east = centre.longitude + half
            if west < -180 { spans = [(west + 360)...180, -180...east] }
            else if east > 180 { spans = [west...180, -180...(east - 360)] }
            else { spans = [west...east] }
        }
        for row in lowRow...highRow {
            for span in spans {
                var place = firstIndex(from: rowStarts[row], to: rowStarts[row + 1], longitudeNotBelow: span.lowerBound)
                while place < rowStarts[row + 1], longitudes[place] <= span.upperBound {
                    if pairSignatures[place].covers(pairs), unitX[place] * cx + unitY[place] * cy + unitZ[place] * cz >= minimumDot {
                        body(place)
                    }
                    place += 1
                }
            }
        }
    }

    private func firstIndex(from low: Int, to high: Int, longitudeNotBelow bound: Double) -> Int {
        var low = low, high = high
        while low < high {
            let middle = (low + high) / 2
            if longitudes[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The running state of one search: text and filters compiled to bytes and value numbers.
struct SearchPass {
    struct Match {
        let place: Int
        /// NaN when the search has no centre.
        let distance: Double
    }

    let index: PlaceSearchIndex
    let query: PlaceQuery
    let phrase: [UInt8]
    let words: [[UInt8]]
    /// Pairs every place containing the words has (the phrase contains each word, so the words' pairs).
    let wordPairs: PairSignature
    /// (dimension, value number or nil when no place has the value) for every filter of the query.
    let filters: [(SearchVocabulary.Dimension, Int32?)]
    var counts: [Int]
    var matching: [Match] = []

    init(index: PlaceSearchIndex, query: PlaceQuery) {
        self.index = index
        self.query = query
        words = PlaceSearchIndex.words(query.text)
        phrase = Array(words.joined())
        var pairs = PairSignature([UInt8]())
        for word in words {
            let signature = PairSignature(word)
            pairs.low |= signature.low
            pairs.high |= signature.high
        }
        wordPairs = pairs
        var filters: [(SearchVocabulary.Dimension, Int32?)] = []
        func add(_ value: String?, _ dimension: SearchVocabulary.Dimension) {
            if let value { filters.append((dimension, index.vocabulary.lookup(value, in: dimension))) }
        }
        add(query.kind?.rawValue, .kind)
        add(query.service, .service)
        add(query.publicGroup, .publicGroup)
        add(query.label?.rawValue, .label)
        add(query.departmentCode, .department)
        add(query.regionCode, .region)
        add(query.priorityNeighbourhood.map { $0 ? "oui" : "non" }, .priorityNeighbourhood)
        add(query.rural.map { $0 ? "oui" : "non" }, .rural)
        self.filters = filters
        counts = Array(repeating: 0, count: index.vocabulary.count)
    }

    @inline(__always) mutating func consider(_ place: Int, centre: GeoPoint?) {
        // Cheapest tests first: the words, then the exact distance, then the filters.
        if !phrase.isEmpty {
            // A match of the phrase or of every word has every word's pairs.
            guard index.pairSignatures[place].covers(wordPairs) else { return }
            if !index.text(of: place, contains: phrase), !words.allSatisfy({ index.text(of: place, contains: $0) }) { return }
        }
        var distance = Double.nan
        if let centre {
            distance = GeoPoint(latitude: index.latitudes[place], longitude: index.longitudes[place]).distanceKilometres(to: centre)
            guard distance <= query.radiusKilometres else { return }
        }
        var failed: UInt32 = 0
        for (dimension, value) in filters where value.map({ !index.has($0, place) }) ?? true { failed |= dimension.bit }
        let values = index.valueNumbers[index.valueStarts[place]..<index.valueStarts[place + 1]]
        if failed == 0 {
            matching.append(Match(place: place, distance: distance))
            for value in values { counts[Int(value)] += 1 }
        } else if failed & (failed - 1) == 0, failed != SearchVocabulary.Dimension.region.bit {
            // Fails one facet's filter only: counts for the other values of that facet.
            for value in values where index.vocabulary.dimensions[Int(value)].bit == failed { counts[Int(value)] += 1 }
        }
    }
}
