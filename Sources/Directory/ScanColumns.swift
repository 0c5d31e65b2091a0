import Foundation

/// The index's per-place arrays as plain pointers, for one scan. Read through the arrays of the index
/// (a class), the loop retained and released some of them for every candidate: about 3.8 of the 9 µs
/// of a search at 500,000 places in the server. Valid only inside `PlaceSearchIndex.withScanColumns`.
struct ScanColumns {
    let latitudes: UnsafeBufferPointer<Double>
    let longitudes: UnsafeBufferPointer<Double>
    let directions: UnsafeBufferPointer<Direction>
    let pairSignatures: UnsafeBufferPointer<PairSignature>
    let textBytes: UnsafeBufferPointer<UInt8>
    let textStarts: UnsafeBufferPointer<Int>
    let valueNumbers: UnsafeBufferPointer<Int32>
    let valueStarts: UnsafeBufferPointer<Int>
    let postings: UnsafeBufferPointer<UInt64>
    let wordsPerValue: Int
    /// `CommonWordPostings.words`.
    let commonWords: UnsafeBufferPointer<UInt64>
    let wordsPerCommonWord: Int
    let nameRanks: UnsafeBufferPointer<Int32>
    /// The dimension of each vocabulary value.
    let dimensions: UnsafeBufferPointer<SearchVocabulary.Dimension>

    @inline(__always) func has(_ value: Int32, _ place: Int) -> Bool {
        postings[Int(value) * wordsPerValue + place >> 6] & (1 << UInt64(place & 63)) != 0
    }

    /// Whether the text of `place` has the common word of `slot` whole.
    @inline(__always) func has(commonWord slot: Int, _ place: Int) -> Bool {
        commonWords[slot * wordsPerCommonWord + place >> 6] & (1 << UInt64(place & 63)) != 0
    }

    /// Whether `needle` occurs in the folded text of `place`. `memchr` looks for the needle's rarest
    /// byte (at `anchor`) many bytes at a time, and only its occurrences are compared: texts run to a
    /// hundred bytes or more, and a byte loop over them was most of a search with words.
    func text(of place: Int, contains needle: UnsafeBufferPointer<UInt8>, anchor: Int) -> Bool {
        let count = needle.count
        guard count > 0 else { return true }
        let start = textStarts[place], end = textStarts[place + 1]
        guard end - start >= count, let text = textBytes.baseAddress, let bytes = needle.baseAddress else { return false }
        // Where the anchor byte may sit: the needle must fit around it.
        var from = text + start + anchor
        let last = text + end - count + anchor
        while from <= last {
            guard let found = memchr(from, Int32(bytes[anchor]), last - from + 1) else { return false }
            let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - anchor
            var offset = 0
            while offset < count, candidate[offset] == bytes[offset] { offset += 1 }
            if offset == count { return true }
            from = candidate + anchor + 1
        }
        return false
    }
}

extension PlaceSearchIndex {
    func withScanColumns<Result>(_ body: (ScanColumns) -> Result) -> Result {
        latitudes.withUnsafeBufferPointer { latitudes in
            longitudes.withUnsafeBufferPointer { longitudes in
                directions.withUnsafeBufferPointer { directions in
                    pairSignatures.withUnsafeBufferPointer { pairSignatures in
                        textBytes.withUnsafeBufferPointer { textBytes in
                            textStarts.withUnsafeBufferPointer { textStarts in
                                valueNumbers.withUnsafeBufferPointer { valueNumbers in
                                    valueStarts.withUnsafeBufferPointer { valueStarts in
                                        postings.withUnsafeBufferPointer { postings in
                                            nameRanks.withUnsafeBufferPointer { nameRanks in
                                                vocabulary.dimensions.withUnsafeBufferPointer { dimensions in
                                                    commonWords.words.withUnsafeBufferPointer { commonWords in
                                                        body(ScanColumns(
                                                            latitudes: latitudes, longitudes: longitudes, directions: directions,
                                                            pairSignatures: pairSignatures, textBytes: textBytes, textStarts: textStarts,
                                                            valueNumbers: valueNumbers, valueStarts: valueStarts, postings: postings,
                                                            wordsPerValue: wordsPerValue, commonWords: commonWords,
                                                            wordsPerCommonWord: self.commonWords.wordsPerSlot, nameRanks: nameRanks,
                                                            dimensions: dimensions))
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
