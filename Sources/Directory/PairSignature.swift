/// A 256-bit summary of the byte pairs of a text. Around Saint-Étienne in the 500,000-place benchmark
/// directory, texts set 17 % of the bits (31 % of 128 before): the places lacking "ruche" that its four
/// bits let through fell from 73 to 32 of 3,974, each a byte scan of its text saved.
struct PairSignature: Sendable {
    static let width = 256

    var words = SIMD4<UInt64>(repeating: 0)

    init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var previous: UInt8?
        for byte in bytes {
            if let previous {
                let bit = Int((UInt32(previous) &* 31 &+ UInt32(byte)) & 255)
                words[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            previous = byte
        }
    }

    /// Whether every pair of `other` may be in this text.
    func covers(_ other: PairSignature) -> Bool { words & other.words == other.words }

    mutating func formUnion(_ other: PairSignature) { words |= other.words }

    var bitCount: Int { words[0].nonzeroBitCount + words[1].nonzeroBitCount + words[2].nonzeroBitCount + words[3].nonzeroBitCount }

    /// The numbers (0 ..< 256) of the bits set.
    var bits: [Int] {
        var bits: [Int] = []
        bits.reserveCapacity(bitCount)
        forEachBit { bits.append($0) }
        return bits
    }

    /// Each bit set, in increasing order, without an array.
    @inline(__always) func forEachBit(_ body: (Int) -> Void) {
        for word in 0..<4 {
            var remaining = words[word]
            while remaining != 0 { body(word << 6 + remaining.trailingZeroBitCount); remaining &= remaining &- 1 }
        }
    }
}

/// The places' signatures turned sideways: for each of the 256 bits, one bit per place. A scan ANDs
/// the bitsets of a few of the query's bits, 64 places at a time, and looks only at the places left,
/// instead of loading every place's signature.
struct PairPostings: Sendable {
    /// `words[bit * wordsPerBit + place / 64]`.
    let words: [UInt64]
    let wordsPerBit: Int
    /// How many places have each bit: the rarest bits rule out the most places.
    let placeCounts: [Int]

    init(_ signatures: [PairSignature]) {
        wordsPerBit = (signatures.count + 63) / 64
        var words = [UInt64](repeating: 0, count: wordsPerBit * PairSignature.width)
        var counts = [Int](repeating: 0, count: PairSignature.width)
        for (place, signature) in signatures.enumerated() {
            for bit in signature.bits {
                words[bit * wordsPerBit + place >> 6] |= 1 << UInt64(place & 63)
                counts[bit] += 1
            }
        }
        self.words = words
        placeCounts = counts
    }

    /// The bits of `signature` worth testing in a scan: the rarest few (the caller checks the whole
    /// signature of each place left, so a subset only lets a few more through).
    func scanBits(of signature: PairSignature, limit: Int = 4) -> [Int] {
        // Each bit slides into a short sorted list: no array of every bit, no sort (once per search).
        var chosen: [Int] = []
        chosen.reserveCapacity(limit + 1)
        placeCounts.withUnsafeBufferPointer { counts in
            signature.forEachBit { bit in
                var slot = chosen.count
                while slot > 0, (counts[bit], bit) < (counts[chosen[slot - 1]], chosen[slot - 1]) { slot -= 1 }
                guard slot < limit else { return }
                chosen.insert(bit, at: slot)
                if chosen.count > limit { chosen.removeLast() }
            }
        }
        return chosen
    }

    /// Calls `body` with each place of `places` that has every bit of `bits`, in order.
    @inline(__always)
    func forEachPlace(in places: Range<Int>, having bits: [Int], _ body: (Int) -> Void) {
        guard !places.isEmpty else { return }
        let firstWord = places.lowerBound >> 6, lastWord = (places.upperBound - 1) >> 6
        words.withUnsafeBufferPointer { words in
            for word in firstWord...lastWord {
                var mask = ~UInt64(0)
                if word == firstWord { mask &= ~UInt64(0) << UInt64(places.lowerBound & 63) }
                if word == lastWord, places.upperBound & 63 != 0 { mask &= (1 << UInt64(places.upperBound & 63)) &- 1 }
                for bit in bits where mask != 0 { mask &= words[bit * wordsPerBit + word] }
                while mask != 0 {
                    body(word << 6 | mask.trailingZeroBitCount)
                    mask &= mask &- 1
                }
            }
        }
    }
}
