import Foundation
import Territory

/// The running state of one search: text and filters compiled to bytes and value numbers.
struct SearchPass {
    struct Match {
        let place: Int
        /// NaN when the search has no centre.
        let distance: Double
        /// Breaks distance ties by name without comparing strings.
        let nameRank: Int32
    }

    let index: PlaceSearchIndex
    let query: PlaceQuery
    let phrase: SearchNeedle
    let words: [SearchNeedle]
    /// Pairs every place containing the words has (the phrase contains each word, so the words' pairs).
    let wordPairs: PairSignature
    /// (dimension, value number or nil when no place has the value) for every filter of the query.
    let filters: [(SearchVocabulary.Dimension, Int32?)]
    let centreCosLatitude: Double
    var counts: [Int]
    var matching: [Match] = []

    init(index: PlaceSearchIndex, query: PlaceQuery) {
        self.index = index
        self.query = query
        let words = PlaceSearchIndex.words(query.text)
        self.words = words.map { SearchNeedle($0, byteCounts: index.byteCounts) }
        phrase = SearchNeedle(Array(words.joined()), byteCounts: index.byteCounts)
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
        centreCosLatitude = cos((query.near?.latitude ?? 0) * (Double.pi / 180))
        counts = Array(repeating: 0, count: index.vocabulary.count)
    }

    /// `surelyInside`: the place is inside the radius whatever the exact distance's rounding (see
    /// `forEachCandidate`); only the other places need that distance to be counted.
    @inline(__always) mutating func consider(_ place: Int, centre: GeoPoint?, surelyInside: Bool) {
        // Cheapest tests first: the words, then the distance, then the filters.
        if !phrase.bytes.isEmpty {
            // A match of the phrase or of every word has every word's pairs.
            guard index.pairSignatures[place].covers(wordPairs) else { return }
            if !index.text(of: place, contains: phrase), words.count < 2 || !words.allSatisfy({ index.text(of: place, contains: $0) }) { return }
        }
        var distance = Double.nan
        if let centre, !surelyInside {
            distance = self.distance(of: place, to: centre)
            guard distance <= query.radiusKilometres else { return }
        }
        var failed: UInt32 = 0
        for (dimension, value) in filters where value.map({ !index.has($0, place) }) ?? true { failed |= dimension.bit }
        let values = index.valueNumbers[index.valueStarts[place]..<index.valueStarts[place + 1]]
        if failed == 0 {
            if let centre, distance.isNaN { distance = self.distance(of: place, to: centre) }
            matching.append(Match(place: place, distance: distance, nameRank: index.nameRanks[place]))
            counts.withUnsafeMutableBufferPointer { counts in
                for value in values { counts[Int(value)] += 1 }
            }
        } else if failed & (failed - 1) == 0, failed != SearchVocabulary.Dimension.region.bit {
            // Fails one facet's filter only: counts for the other values of that facet.
            let dimensions = index.vocabulary.dimensions
            counts.withUnsafeMutableBufferPointer { counts in
                for value in values where dimensions[Int(value)].bit == failed { counts[Int(value)] += 1 }
            }
        }
    }

    private func distance(of place: Int, to centre: GeoPoint) -> Double {
        GeoPoint(latitude: index.latitudes[place], longitude: index.longitudes[place])
            .distanceKilometres(cosLatitude: index.directions[place].cosLatitude, to: centre, cosLatitude: centreCosLatitude)
    }
}
