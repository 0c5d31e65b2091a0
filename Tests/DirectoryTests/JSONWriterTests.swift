import Directory
import Foundation
import XCTest

/// `JSONWriter` tests strings eight bytes at a time and writes digits itself: both must agree with
/// Foundation's encoder wherever the special byte falls in a word.
final class JSONWriterTests: XCTestCase {
    func testStringsAreEscapedLikeFoundationAtEveryPosition() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let specials: [Character] = ["\"", "\\", "\n", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{8}", "\u{C}", "\r"]
        let plain: [Character] = [" ", "!", "#", "/", "~", "é", "\u{7F}", "ÿ", "🐝", "ŀ"]
        var checked = 0
        for length in 0..<20 {
            let filler = String(repeating: "aé", count: length).prefix(length)
            for position in 0...filler.count {
                for character in specials + plain {
                    var text = String(filler)
                    text.insert(character, at: text.index(text.startIndex, offsetBy: position))
                    var json = JSONWriter()
                    json.value(text)
                    XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), String(decoding: try encoder.encode(text), as: UTF8.self),
                                   "\(text.debugDescription)")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 3_000)
    }

    func testIntegersAreWrittenInFull() {
        for number: Int64 in [0, 7, -7, 10, 99, 100, 1_234_567_890, -1_000_000_000_000, .max, .min] {
            var json = JSONWriter(capacity: 1)
            json.value(number)
            XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), String(number))
        }
    }

    func testDistancesInHundredthsAreWrittenLikeTheRoundedDouble() {
        var random = SystemRandomNumberGenerator()
        let edges: [Double] = [0, -0.0, 0.004, 0.005, 0.01, 0.1, 0.995, 1, 9.99, 10, 19.999, 20, 1_234.5, 99_999.994, -3.456, 1e17]
        for number in edges + (0..<5_000).map({ _ in Double.random(in: 0..<500, using: &random) }) {
            var fast = JSONWriter(), plain = JSONWriter()
            fast.value(hundredths: number)
            plain.value((number * 100).rounded() / 100)
            XCTAssertEqual(String(decoding: fast.bytes, as: UTF8.self), String(decoding: plain.bytes, as: UTF8.self), "\(number)")
        }
    }

    func testAGrowingBufferKeepsEverything() {
        var json = JSONWriter(capacity: 1)
        json.beginArray()
        for number in 0..<1_000 { json.value("élément \(number)") }
        json.endArray()
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
        XCTAssertEqual(decoded, (0..<1_000).map { "élément \($0)" })
    }

    func testALentBufferHoldsWhatFitsAndTheRestMovesOut() {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 1)
        defer { storage.deallocate() }
        for count in [1, 3, 200] {
            var json = JSONWriter(into: storage)
            json.beginArray()
            for number in 0..<count { json.value("élément \(number)") }
            json.endArray()
            let decoded = try? JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
            XCTAssertEqual(decoded, (0..<count).map { "élément \($0)" })
            // Three short items fit in 64 bytes and are read from there; 200 do not.
            XCTAssertEqual(json.isInLentBuffer, count < 200)
            if json.isInLentBuffer { XCTAssertEqual(Array(storage.prefix(json.byteCount)), json.bytes) }
        }
    }
}
