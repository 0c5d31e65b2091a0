import Foundation
import Territory

extension PlaceSearchIndex {
    /// The results of `query` and, for each facet, what each of its values would give with the other
    /// filters kept. One pass: a place failing exactly one facet's filter still counts for that facet.
    public func search(_ query: PlaceQuery) -> PlaceSearchResult {
        let terms = SearchTerms(query.text, byteCounts: byteCounts, commonWords: commonWords)
        var counts = [Int](repeating: 0, count: vocabulary.count)
        var matching = withScanColumns { columns in
            counts.withUnsafeMutableBufferPointer { counts in
                terms.phrase.bytes.withUnsafeBufferPointer { phrase in
                    var pass = SearchPass(columns: columns, vocabulary: vocabulary, query: query, terms: terms, phrase: phrase, counts: counts)
                    if let centre = query.near {
                        let scanBits = pairPostings.scanBits(of: terms.pairs)
                        // A short word has few pairs: when the scan required them all, no candidate needs its
                        // signature read again (one more random read per candidate).
                        pass.signatureChecked = scanBits.count == terms.pairs.bitCount
                        forEachCandidate(near: centre, radiusKilometres: query.radiusKilometres, requiring: scanBits, columns: columns) {
                            pass.consider($0, centre: centre, surelyInside: $1)
                        }
                    } else {
                        for place in defaultOrder { pass.consider(Int(place), centre: nil, surelyInside: false) }
                    }
                    return pass.matching
                }
            }
        }
        if query.near != nil { SearchPass.Match.sortByDistance(&matching) }
        let perPage = max(query.perPage, 1)
        let page = max(query.page, 1)
        let slice = matching.dropFirst((page - 1) * perPage).prefix(perPage)
        return PlaceSearchResult(
            total: matching.count, page: page, perPage: perPage, facets: FacetCounts(vocabulary: vocabulary, counts: counts),
            matches: slice.map { ($0.place, $0.distance.isNaN ? nil : $0.distance) }, index: self)
    }

    /// The places whose direction is within the radius, give or take a few metres (the caller decides
    /// with the exact distance), each with whether it is inside for sure (a few metres within the circle,
    /// far above rounding): the rows crossing the circle, and in each the span of longitudes.
    /// `bits`: pair-signature bits a candidate must have (some of the query's words'); with words, the
    /// scan skips most places 64 at a time before any arithmetic.
    func forEachCandidate(near centre: GeoPoint, radiusKilometres: Double, requiring bits: [Int] = [], columns: ScanColumns,
                          _ body: (_ place: Int, _ surelyInside: Bool) -> Void) {
        guard !records.isEmpty, radiusKilometres >= 0 else { return }
        let radians = Double.pi / 180
        // A few metres of slack so rounding never drops a place the exact distance would keep.
        let angle = min(Double.pi, radiusKilometres / GeoPoint.earthRadiusKilometres + 1e-6)
        let minimumDot = cos(angle)
        let innerAngle = radiusKilometres / GeoPoint.earthRadiusKilometres
        let surelyInsideDot = innerAngle > 1e-5 && innerAngle < 3 ? cos(innerAngle - 1e-6) : .infinity
        let towards = Direction(centre)
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
        @inline(__always) func test(_ place: Int) {
            let dot = columns.directions[place].dot(towards)
            if dot >= minimumDot { body(place, dot >= surelyInsideDot) }
        }
        for row in lowRow...highRow {
            for span in spans {
                let start = firstIndex(from: rowStarts[row], to: rowStarts[row + 1], in: columns.longitudes) { $0 < span.lowerBound }
                let end = firstIndex(from: start, to: rowStarts[row + 1], in: columns.longitudes) { $0 <= span.upperBound }
                if bits.isEmpty {
                    for place in start..<end { test(place) }
                } else {
                    pairPostings.forEachPlace(in: start..<end, having: bits) { test($0) }
                }
            }
        }
    }

    /// The first place of `low ..< high` (sorted by longitude) whose longitude is not `before` the bound.
    private func firstIndex(from low: Int, to high: Int, in longitudes: UnsafeBufferPointer<Double>, before: (Double) -> Bool) -> Int {
        var low = low, high = high
        while low < high {
            let middle = (low + high) / 2
            if before(longitudes[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
