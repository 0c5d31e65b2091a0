@testable import Directory
import XCTest

/// The two shortcuts of the scan, checked against the plain definitions they replace: the sideways
/// signatures must find exactly the places whose signature has the bits, and the anchored byte search
/// exactly the texts containing the needle.
final class SearchScanTests: XCTestCase {
    func testPairPostingsFindExactlyThePlacesWithTheBitsInAnyRange() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghij".utf8)
        let signatures = (0..<300).map { _ in PairSignature((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement()! }) }
        let postings = PairPostings(signatures)
        // Ranges starting and ending on either side of 64-place word edges, and empty ones.
        let bounds = [0, 1, 63, 64, 65, 127, 128, 129, 200, 255, 256, 299, 300]
        for query in ["ab", "abc", "jj", "fag", "a", ""] {
            let wanted = PairSignature(Array(query.utf8))
            for bits in [wanted.bits, postings.scanBits(of: wanted, limit: 1)] {
                for low in bounds {
                    for high in bounds where high >= low {
                        var found: [Int] = []
                        postings.forEachPlace(in: low..<high, having: bits) { found.append($0) }
                        let expected = (low..<high).filter { place in bits.allSatisfy { signatures[place].bits.contains($0) } }
                        XCTAssertEqual(found, expected, "\(query) bits \(bits) in \(low)..<\(high)")
                    }
                }
            }
        }
    }

    func testTheRarestBitsComeFirst() {
        let postings = PairPostings([PairSignature(Array("abab".utf8)), PairSignature(Array("abxy".utf8)), PairSignature(Array("ab".utf8))])
        let query = PairSignature(Array("abxy".utf8))
        // "ab" is in every place, "bx" and "xy" in one: the common pair comes last.
        XCTAssertEqual(postings.scanBits(of: query).last, PairSignature(Array("ab".utf8)).bits.first)
        XCTAssertEqual(postings.scanBits(of: query, limit: 2).count, 2)
    }

    func testAnchoredSearchAgreesWithAPlainSubstringTest() {
        let texts = ["laruchequiditoui", "ruche", "ruchruche", "hhhhruch", "cafedelaruche", "r", "", "uchehruche", "rrrrrrrr"]
        let places = texts.map { Fixtures.place($0, commune: "42218") }
        let index = PlaceSearchIndex(places: places, territory: Fixtures.territory)
        for needle in ["ruche", "h", "che", "rr", "uchehr", "laruchequiditouix", "ruchr", "e", "paix", "xsaint"] {
            for anchorCounts in [index.byteCounts, [Int](repeating: 1, count: 256)] {
                let anchored = SearchNeedle(Array(needle.utf8), byteCounts: anchorCounts)
                for place in 0..<index.count {
                    let text = String(decoding: index.textBytes[index.textStarts[place]..<index.textStarts[place + 1]], as: UTF8.self)
                    XCTAssertEqual(index.text(of: place, contains: anchored), text.contains(needle), "\(needle) (anchor \(anchored.anchor)) in \(text)")
                }
            }
        }
    }

    func testCommonWordsMarkOnlyThePlacesHavingTheWordWhole() throws {
        // "ruche" whole in 20 names, only inside longer words in 20 others: the bitset holds the first 20,
        // and a search, which skips their texts, still finds all 40.
        let whole = (0..<20).map { Fixtures.place("La Ruche \($0)", commune: "42218") }
        let inside = (0..<20).map { Fixtures.place("Laruche des Ruchers \($0)", commune: "42218") }
        let index = PlaceSearchIndex(places: whole + inside, territory: Fixtures.territory)
        let slots = try XCTUnwrap(index.commonWords.slots(of: [Array("ruche".utf8)]))
        let marked = index.withScanColumns { columns in (0..<index.count).filter { columns.has(commonWord: slots[0], $0) } }
        XCTAssertEqual(Set(marked.map { index.records[$0].name }), Set(whole.map(\.name)))
        XCTAssertNil(index.commonWords.slots(of: [Array("ruch".utf8)]), "a part of a word is not a word")
        XCTAssertNil(index.commonWords.slots(of: [Array("7".utf8)]), "two places are too few for a common word")
        XCTAssertNotNil(index.commonWords.slots(of: [Array("la".utf8), Array("ruche".utf8)]))
        let saintEtienne = Fixtures.territory.commune(code: "42218")!.position
        for text in ["ruche", "la ruche", "RUCHE"] {
            XCTAssertEqual(index.search(PlaceQuery(text: text)).total, 40, text)
            XCTAssertEqual(index.search(PlaceQuery(text: text, near: saintEtienne, radiusKilometres: 5)).total, 40, text)
        }
        XCTAssertEqual(index.search(PlaceQuery(text: "ruchers")).total, 20)
    }
}
