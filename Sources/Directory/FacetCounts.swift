/// What a search's facets show: for each value of each facet, how many results choosing it would give.
/// Kept as one count per vocabulary value, in the index's numbering: a search only adds integers, and
/// the texts, their order and their JSON keys were prepared once when the index was built.
public struct FacetCounts: Sendable {
    let vocabulary: SearchVocabulary
    let counts: [Int]

    /// The values of `facet` that some result has, with their counts.
    public subscript(facet: Facet) -> [String: Int] {
        var values: [String: Int] = [:]
        forEachValue(of: facet) { values[$0] = $1 }
        return values
    }

    /// Every facet, even those without values.
    public var all: [Facet: [String: Int]] {
        Dictionary(uniqueKeysWithValues: Facet.allCases.map { ($0, self[$0]) })
    }

    /// The values of `facet` with a count, in the order of their texts.
    public func forEachValue(of facet: Facet, _ body: (String, Int) -> Void) {
        guard !vocabulary.sortedValues.isEmpty else { return }
        for value in vocabulary.sortedValues[SearchVocabulary.Dimension(facet).rawValue] where counts[Int(value)] > 0 {
            body(vocabulary.texts[Int(value)], counts[Int(value)])
        }
    }

    /// `{"departement":{"42":3,...},"label":{},...}`: facets by name, values by text, as the API's
    /// encoder would sort them.
    public func write(into json: inout JSONWriter) {
        json.beginObject()
        vocabulary.quotedKeys.withUnsafeBufferPointer { keys in
            counts.withUnsafeBufferPointer { counts in
                for facet in Self.facetsByName {
                    json.key(text: facet.rawValue)
                    json.beginObject()
                    if !vocabulary.sortedValues.isEmpty {
                        for value in vocabulary.sortedValues[SearchVocabulary.Dimension(facet).rawValue] where counts[Int(value)] > 0 {
                            let key = vocabulary.quotedKeyStarts[Int(value)]..<vocabulary.quotedKeyStarts[Int(value) + 1]
                            json.key(quoted: UnsafeBufferPointer(rebasing: keys[key]))
                            json.value(counts[Int(value)])
                        }
                    }
                    json.endObject()
                }
            }
        }
        json.endObject()
    }

    private static let facetsByName = Facet.allCases.sorted { $0.rawValue < $1.rawValue }
}
