/// The words of a query folded to bytes: each word, the phrase (the words end to end, as the texts
/// drop spaces) and the byte pairs every place containing them has.
struct SearchTerms {
    let words: [SearchNeedle]
    let phrase: SearchNeedle
    /// Pairs every place containing the words has (the phrase contains each word, so the words' pairs).
    let pairs: PairSignature

    /// The common words' slots when every word is one (see `CommonWordPostings`), at most four.
    let commonWordSlots: SIMD4<Int>
    let commonWordCount: Int

    init(_ text: String?, byteCounts: [Int], commonWords: CommonWordPostings) {
        let words = PlaceSearchIndex.words(text)
        var slots = SIMD4<Int>(repeating: 0), count = 0
        if words.count <= 4, let found = commonWords.slots(of: words) {
            for (position, slot) in found.enumerated() { slots[position] = slot }
            count = found.count
        }
        commonWordSlots = slots
        commonWordCount = count
        self.words = words.map { SearchNeedle($0, byteCounts: byteCounts) }
        phrase = self.words.count == 1 ? self.words[0] : SearchNeedle(Array(words.joined()), byteCounts: byteCounts)
        var pairs = PairSignature([UInt8]())
        for word in words {
            pairs.formUnion(PairSignature(word))
        }
        self.pairs = pairs
    }
}
