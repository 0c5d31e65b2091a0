/// The words of a query folded to bytes: each word, the phrase (the words end to end, as the texts
/// drop spaces) and the byte pairs every place containing them has.
struct SearchTerms {
    let words: [SearchNeedle]
    let phrase: SearchNeedle
    /// Pairs every place containing the words has (the phrase contains each word, so the words' pairs).
    let pairs: PairSignature

    init(_ text: String?, byteCounts: [Int]) {
        let words = PlaceSearchIndex.words(text)
        self.words = words.map { SearchNeedle($0, byteCounts: byteCounts) }
        phrase = SearchNeedle(Array(words.joined()), byteCounts: byteCounts)
        var pairs = PairSignature([UInt8]())
        for word in words {
            pairs.formUnion(PairSignature(word))
        }
        self.pairs = pairs
    }
}
