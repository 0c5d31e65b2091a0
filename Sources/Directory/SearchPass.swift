import Foundation
import Territory

/// The running state of one search: text and filters compiled to bytes and value numbers, read through
/// `ScanColumns` so the loop over candidates pays no reference counting.
struct SearchPass {
    struct Match {
        let place: Int
        /// NaN when the search has no centre.
        let distance: Double
        /// Breaks distance ties by name without comparing strings.
        let nameRank: Int32

        @inline(__always) static func closer(_ a: Match, _ b: Match) -> Bool {
            a.distance < b.distance || (a.distance == b.distance && a.nameRank < b.nameRank)
        }

        /// By distance, then name. A few dozen matches are the usual case: sorted in place, they skip
        /// the merge buffer and the closure calls of the standard sort (0.8 µs for 39 matches).
        static func sortByDistance(_ matches: inout [Match]) {
            guard matches.count > 64 else {
                matches.withUnsafeMutableBufferPointer { matches in
                    for end in matches.indices.dropFirst() {
                        let moving = matches[end]
                        var slot = end
                        while slot > 0, closer(moving, matches[slot - 1]) {
                            matches[slot] = matches[slot - 1]
                            slot -= 1
                        }
                        matches[slot] = moving
                    }
                }
                return
            }
            matches.sort(by: closer)
        }
    }

    let columns: ScanColumns
    let radiusKilometres: Double
    let terms: SearchTerms
    let phrase: UnsafeBufferPointer<UInt8>
    let severalWords: Bool
    /// The query's filters, at most one per dimension: value numbers (-1 when no place has the value)
    /// and dimension bits, in vectors rather than an array the loop would retain for each place.
    let filterValues: SIMD8<Int32>
    let filterBits: SIMD8<UInt32>
    let filterCount: Int
    let centreCosLatitude: Double
    let counts: UnsafeMutableBufferPointer<Int>
    /// Set when every candidate is known to have the words' pairs.
    var signatureChecked = false
    var matching: [Match] = []

    /// `phrase`: the bytes of `terms.phrase`; `counts`: one zero per vocabulary value.
    init(columns: ScanColumns, vocabulary: SearchVocabulary, query: PlaceQuery, terms: SearchTerms,
         phrase: UnsafeBufferPointer<UInt8>, counts: UnsafeMutableBufferPointer<Int>) {
        self.columns = columns
        radiusKilometres = query.radiusKilometres
        self.terms = terms
        self.phrase = phrase
        severalWords = terms.words.count >= 2
        var values = SIMD8<Int32>(repeating: -1), bits = SIMD8<UInt32>(repeating: 0), count = 0
        func add(_ value: String?, _ dimension: SearchVocabulary.Dimension) {
            guard let value else { return }
            values[count] = vocabulary.lookup(value, in: dimension) ?? -1
            bits[count] = dimension.bit
            count += 1
        }
        add(query.kind?.rawValue, .kind)
        add(query.service, .service)
        add(query.publicGroup, .publicGroup)
        add(query.label?.rawValue, .label)
        add(query.departmentCode, .department)
        add(query.regionCode, .region)
        add(query.priorityNeighbourhood.map { $0 ? "oui" : "non" }, .priorityNeighbourhood)
        add(query.rural.map { $0 ? "oui" : "non" }, .rural)
        filterValues = values
        filterBits = bits
        filterCount = count
        centreCosLatitude = cos((query.near?.latitude ?? 0) * (Double.pi / 180))
        self.counts = counts
        // A page's worth of matches is the usual case: no regrowth while they come.
        matching.reserveCapacity(64)
    }

    /// `surelyInside`: the place is inside the radius whatever the exact distance's rounding (see
    /// `forEachCandidate`); only the other places need that distance to be counted.
    @inline(__always) mutating func consider(_ place: Int, centre: GeoPoint?, surelyInside: Bool) {
        // Cheapest tests first: the words, then the distance, then the filters.
        if !phrase.isEmpty, !hasEveryCommonWord(place) {
            // A match of the phrase or of every word has every word's pairs.
            guard signatureChecked || columns.pairSignatures[place].covers(terms.pairs) else { return }
            if !columns.text(of: place, contains: phrase, anchor: terms.phrase.anchor), !severalWords || !containsEveryWord(place) { return }
        }
        var distance = Double.nan
        if let centre, !surelyInside {
            distance = self.distance(of: place, to: centre)
            guard distance <= radiusKilometres else { return }
        }
        var failed: UInt32 = 0
        for filter in 0..<filterCount {
            let value = filterValues[filter]
            if value < 0 || !columns.has(value, place) { failed |= filterBits[filter] }
        }
        let values = columns.valueStarts[place]..<columns.valueStarts[place + 1]
        if failed == 0 {
            if let centre, distance.isNaN { distance = self.distance(of: place, to: centre) }
            matching.append(Match(place: place, distance: distance, nameRank: columns.nameRanks[place]))
            for value in values { counts[Int(columns.valueNumbers[value])] += 1 }
        } else if failed & (failed - 1) == 0, failed != SearchVocabulary.Dimension.region.bit {
            // Fails one facet's filter only: counts for the other values of that facet. A place's values
            // come in dimension order, so the loop ends at the first value past that facet.
            for value in values {
                let number = Int(columns.valueNumbers[value])
                let bit = columns.dimensions[number].bit
                if bit == failed { counts[number] += 1 } else if bit > failed { break }
            }
        }
    }

    /// Whether the text of `place` surely has every word of the query, from the common words' bitsets.
    @inline(__always) private func hasEveryCommonWord(_ place: Int) -> Bool {
        guard terms.commonWordCount > 0 else { return false }
        for word in 0..<terms.commonWordCount where !columns.has(commonWord: terms.commonWordSlots[word], place) { return false }
        return true
    }

    /// Every word, apart: "ruche saint" finds "Saint-Étienne ... La Ruche".
    private func containsEveryWord(_ place: Int) -> Bool {
        terms.words.allSatisfy { word in
            word.bytes.withUnsafeBufferPointer { columns.text(of: place, contains: $0, anchor: word.anchor) }
        }
    }

    private func distance(of place: Int, to centre: GeoPoint) -> Double {
        GeoPoint(latitude: columns.latitudes[place], longitude: columns.longitudes[place])
            .distanceKilometres(cosLatitude: columns.directions[place].cosLatitude, to: centre, cosLatitude: centreCosLatitude)
    }
}
