/// For the directory's most common words, one bit per place whose text has the word whole. A place
/// with every word of a query in this sense surely matches it: its text needs no byte scan. Around
/// Saint-Étienne in the 500,000-place benchmark directory, "ruche" is such a word, and the scan read
/// the texts of the 104 places having it, most of the 1.85 µs the text checks took per search.
/// Other places still go through the pair signatures and the byte scan: a word may also sit inside a
/// longer one, or across two ("laruche").
struct CommonWordPostings: Sendable {
    /// At most this many words, so the bitsets take at most 16 bytes per place.
    static let capacity = 128
    /// Rarer words gain little: their few places are scanned quickly.
    static let minimumPlaces = 16

    private let slots: [[UInt8]: Int]
    /// `words[slot * wordsPerSlot + place / 64]`.
    let words: [UInt64]
    let wordsPerSlot: Int

    /// `text[starts[i] ..< starts[i + 1]]`: the folded text of place `i`, words separated by one space
    /// (as `FrenchText` folds).
    init(text: [UInt8], starts: [Int]) {
        let placeCount = starts.count - 1
        // Counted by hash, then checked against the words' bytes: a hash shared by two words is dropped.
        var counts: [UInt64: Int] = [:]
        for place in 0..<placeCount { Self.forEachWord(of: text[starts[place]..<starts[place + 1]]) { hash, _ in counts[hash, default: 0] += 1 } }
        let chosen = counts.filter { $0.value >= Self.minimumPlaces }
            .sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(Self.capacity).map(\.key)
        var slotOfHash: [UInt64: Int] = [:]
        for (slot, hash) in chosen.enumerated() { slotOfHash[hash] = slot }
        let wordsPerSlot = (placeCount + 63) / 64
        var words = [UInt64](repeating: 0, count: wordsPerSlot * chosen.count)
        var bytesOfSlot = [[UInt8]?](repeating: nil, count: chosen.count), collided = Set<Int>()
        for place in 0..<placeCount {
            Self.forEachWord(of: text[starts[place]..<starts[place + 1]]) { hash, word in
                guard let slot = slotOfHash[hash] else { return }
                if let known = bytesOfSlot[slot] { if !known.elementsEqual(word) { collided.insert(slot) } } else { bytesOfSlot[slot] = Array(word) }
                words[slot * wordsPerSlot + place >> 6] |= 1 << UInt64(place & 63)
            }
        }
        var slots: [[UInt8]: Int] = [:]
        for (slot, bytes) in bytesOfSlot.enumerated() where !collided.contains(slot) { if let bytes { slots[bytes] = slot } }
        self.slots = slots
        self.words = words
        self.wordsPerSlot = wordsPerSlot
    }

    /// The slots of `words`, nil unless every one is a common word.
    func slots(of words: [[UInt8]]) -> [Int]? {
        guard !words.isEmpty else { return nil }
        var found: [Int] = []
        for word in words {
            guard let slot = slots[word] else { return nil }
            found.append(slot)
        }
        return found
    }

    /// FNV-1a of each word of a folded text.
    private static func forEachWord(of text: ArraySlice<UInt8>, _ body: (UInt64, ArraySlice<UInt8>) -> Void) {
        var start = text.startIndex
        while start < text.endIndex {
            var end = start, hash: UInt64 = 0xcbf2_9ce4_8422_2325
            while end < text.endIndex, text[end] != UInt8(ascii: " ") {
                hash = (hash ^ UInt64(text[end])) &* 0x100_0000_01b3
                end += 1
            }
            if end > start { body(hash, text[start..<end]) }
            start = end + 1
        }
    }
}
