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

    func testAGrowingBufferKeepsEverything() {
        var json = JSONWriter(capacity: 1)
        json.beginArray()
        for number in 0..<1_000 { json.value("élément \(number)") }
        json.endArray()
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
        XCTAssertEqual(decoded, (0..<1_000).map { "élément \($0)" })
    }
}
