import NIOCore
@testable import Web
import XCTest

/// The cache of encoded searches: its capacity counts searches, raw query strings follow their search
/// out, and a newer index empties it.
final class SearchResponseCacheTests: XCTestCase {
    func testCapacityCountsSearchesAndRawStringsFollowTheirSearch() {
        let cache = SearchResponseCache(capacity: 2)
        let answers = ["a=1": ByteBuffer(string: "un"), "a=2": ByteBuffer(string: "deux"), "a=3": ByteBuffer(string: "trois")]
        for key in ["a=1", "a=2"] {
            cache.store(answers[key]!, key: key, generation: 7)
            cache.alias(key, to: key, generation: 7)
            cache.alias(key + "&b=", to: key, generation: 7)
        }
        XCTAssertEqual(cache.count, 2, "two searches, four raw strings, two entries")
        XCTAssertEqual(cache.bytes(rawQuery: "a=1&b=", generation: 7), answers["a=1"])
        cache.store(answers["a=3"]!, key: "a=3", generation: 7)
        XCTAssertEqual(cache.count, 2)
        XCTAssertNil(cache.bytes("a=1", generation: 7), "the oldest search is evicted")
        XCTAssertNil(cache.bytes(rawQuery: "a=1&b=", generation: 7), "and its raw strings with it")
        XCTAssertEqual(cache.bytes(rawQuery: "a=2&b=", generation: 7), answers["a=2"])
        XCTAssertNil(cache.bytes(rawQuery: "a=2&b=", generation: 8), "another index, another answer")
    }

    func testANewerIndexEmptiesItAndAnOlderOneCannotWrite() {
        let cache = SearchResponseCache(capacity: 10)
        cache.store(ByteBuffer(string: "vieux"), key: "q=x", generation: 1)
        cache.store(ByteBuffer(string: "neuf"), key: "q=y", generation: 2)
        XCTAssertNil(cache.bytes("q=x", generation: 1))
        XCTAssertEqual(cache.count, 1)
        cache.store(ByteBuffer(string: "périmé"), key: "q=z", generation: 1)
        XCTAssertNil(cache.bytes("q=z", generation: 1))
        XCTAssertEqual(cache.bytes("q=y", generation: 2), ByteBuffer(string: "neuf"))
    }

    func testRawStringsAreBounded() {
        let cache = SearchResponseCache(capacity: 1)
        cache.store(ByteBuffer(string: "r"), key: "q=x", generation: 1)
        for padding in 0..<100 { cache.alias("q=x" + String(repeating: "&", count: padding), to: "q=x", generation: 1) }
        let kept = (0..<100).filter { cache.bytes(rawQuery: "q=x" + String(repeating: "&", count: $0), generation: 1) != nil }
        XCTAssertEqual(kept.count, 4, "four raw strings per search at most")
    }
}
