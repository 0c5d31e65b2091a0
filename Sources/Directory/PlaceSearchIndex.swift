import Foundation
import Territory

/// An immutable in-memory index of the directory: searches are pure functions of the index and the
/// query, so the page, the API and the tests give the same answers.
///
/// Laid out for the scan, not for the records: places are stored in rows of `rowHeight` degrees of
/// latitude, each row sorted by longitude, so a "near" search reads only the cells around its centre;
/// positions, folded text and filter values sit in flat arrays, so the loop touches no place record
/// until one matches.
///
/// A class: a search keeps a reference to it, and a struct of twenty arrays cost twenty retains and
/// releases at each copy.
public final class PlaceSearchIndex: Sendable {
    static let rowHeight = 0.1

    /// The places, in grid order (the order of every per-place array below).
    let records: [DirectoryPlace]
    let latitudes: [Double]
    let longitudes: [Double]
    /// Unit vectors of the positions: a dot product rules most candidates out before any trigonometry.
    let directions: [Direction]
    /// `rowStarts[r] ..< rowStarts[r + 1]` are the places of row `firstRow + r`.
    let firstRow: Int
    let rowStarts: [Int]
    /// Folded name, commune, address and kinds without spaces ("fab lab" and "FabLab" both become
    /// "fablab"), all places' bytes end to end.
    let textBytes: [UInt8]
    let textStarts: [Int]
    /// How often each byte occurs in the texts: a needle is looked for by its rarest byte.
    let byteCounts: [Int]
    /// 256 bits per place, one set for each pair of adjacent bytes of its text (hashed): a text lacking
    /// one of the query's pairs cannot contain it, so most places are ruled out without a byte scan.
    let pairSignatures: [PairSignature]
    let pairPostings: PairPostings
    let commonWords: CommonWordPostings
    let vocabulary: SearchVocabulary
    /// The values of each place: `valueNumbers[valueStarts[i] ..< valueStarts[i + 1]]`.
    let valueNumbers: [Int32]
    let valueStarts: [Int]
    /// One bit per place for each value: `postings[value * wordsPerValue + place / 64]`.
    let postings: [UInt64]
    let wordsPerValue: Int
    /// Positions in the order of a search without a centre (labelled places first, then by name).
    let defaultOrder: [Int32]
    /// Rank of each place's name, to break distance ties without comparing strings.
    let nameRanks: [Int32]
    let hitJSON: SearchHitJSON

    public var count: Int { records.count }
    public var places: [DirectoryPlace] { records }

    public init(places: [DirectoryPlace], territory: TerritoryReference) {
        let height = Self.rowHeight
        let row = { (place: DirectoryPlace) in Int((place.position.latitude / height).rounded(.down)) }
        let sorted = places.sorted { (row($0), $0.position.longitude) < (row($1), $1.position.longitude) }
        records = sorted
        latitudes = sorted.map(\.position.latitude)
        longitudes = sorted.map(\.position.longitude)
        directions = sorted.map { Direction($0.position) }

        firstRow = sorted.first.map(row) ?? 0
        let rowCount = (sorted.last.map(row) ?? -1) - firstRow + 1
        var starts = [Int](repeating: 0, count: rowCount + 1)
        for place in sorted { starts[row(place) - firstRow + 1] += 1 }
        for r in 0..<rowCount { starts[r + 1] += starts[r] }
        rowStarts = starts

        var bytes: [UInt8] = [], textStarts: [Int] = [0], spaced: [UInt8] = [], spacedStarts: [Int] = [0]
        var vocabulary = SearchVocabulary()
        var numbers: [Int32] = [], valueStarts: [Int] = [0]
        for place in sorted {
            let commune = territory.commune(code: place.communeCode)
            let parent = commune?.parentCode.flatMap { territory.commune(code: $0) }
            let text = [place.name, place.communeName, place.address] + place.kinds.map(\.label)
            let folded = FrenchText.foldedUTF8(text.joined(separator: " "))
            bytes += folded.filter { $0 != UInt8(ascii: " ") }
            textStarts.append(bytes.count)
            spaced += folded
            spacedStarts.append(spaced.count)
            let values = SearchVocabulary.values(
                of: place, rural: commune?.isRural ?? false,
                priorityNeighbourhood: (commune?.hasPriorityNeighbourhood ?? false) || (parent?.hasPriorityNeighbourhood ?? false))
            for (dimension, value) in values { numbers.append(vocabulary.number(value, in: dimension)) }
            valueStarts.append(numbers.count)
        }
        vocabulary.seal()
        textBytes = bytes
        var byteCounts = [Int](repeating: 0, count: 256)
        for byte in bytes { byteCounts[Int(byte)] += 1 }
        self.byteCounts = byteCounts
        self.textStarts = textStarts
        pairSignatures = (0..<sorted.count).map { PairSignature(bytes[textStarts[$0]..<textStarts[$0 + 1]]) }
        pairPostings = PairPostings(pairSignatures)
        commonWords = CommonWordPostings(text: spaced, starts: spacedStarts)
        self.vocabulary = vocabulary
        valueNumbers = numbers
        self.valueStarts = valueStarts

        let words = (sorted.count + 63) / 64
        var postings = [UInt64](repeating: 0, count: words * vocabulary.count)
        for place in 0..<sorted.count {
            for value in numbers[valueStarts[place]..<valueStarts[place + 1]] {
                postings[Int(value) * words + place / 64] |= 1 << UInt64(place % 64)
            }
        }
        self.postings = postings
        wordsPerValue = words

        let byName = sorted.indices.sorted { (sorted[$0].name, $0) < (sorted[$1].name, $1) }
        var ranks = [Int32](repeating: 0, count: sorted.count)
        for (rank, place) in byName.enumerated() { ranks[place] = Int32(rank) }
        nameRanks = ranks
        hitJSON = SearchHitJSON(places: sorted)
        defaultOrder = byName.sorted { (sorted[$0].label == nil ? 1 : 0, ranks[$0]) < (sorted[$1].label == nil ? 1 : 0, ranks[$1]) }
            .map { Int32($0) }
    }

    /// Whether `needle` occurs in the folded text of `place` (see `ScanColumns`).
    func text(of place: Int, contains needle: SearchNeedle) -> Bool {
        withScanColumns { columns in needle.bytes.withUnsafeBufferPointer { columns.text(of: place, contains: $0, anchor: needle.anchor) } }
    }

    /// The folded words of a query, as bytes.
    static func words(_ text: String?) -> [[UInt8]] {
        guard let text else { return [] }
        let folded = FrenchText.foldedUTF8(text)
        if folded.isEmpty { return [] }
        // Most searches are one word: no splitting, no copy.
        if !folded.contains(UInt8(ascii: " ")) { return [folded] }
        return folded.split(separator: UInt8(ascii: " ")).map(Array.init)
    }
}

/// A place's direction from the Earth's centre, and the cosine of its latitude for the exact distance:
/// one cache line holds what a candidate needs.
struct Direction: Sendable {
    let x: Double, y: Double, z: Double
    let cosLatitude: Double

    init(_ position: GeoPoint) {
        let radians = Double.pi / 180
        cosLatitude = cos(position.latitude * radians)
        x = cosLatitude * cos(position.longitude * radians)
        y = cosLatitude * sin(position.longitude * radians)
        z = sin(position.latitude * radians)
    }

    func dot(_ other: Direction) -> Double { x * other.x + y * other.y + z * other.z }
}
