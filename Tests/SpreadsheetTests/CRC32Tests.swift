import Spreadsheet
import XCTest

final class CRC32Tests: XCTestCase {
    func testMatchesTheStandardCheckValue() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([]), 0)
    }

    func testIncrementalEqualsOneShot() {
        let bytes = Array("Saint-Étienne, <&>, 12.5\n".utf8) + (0..<1_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var crc = CRC32()
        var start = 0
        for length in [0, 1, 3, 17, 250, bytes.count] {
            let stop = min(start + length, bytes.count)
            crc.update(bytes[start..<stop])
            start = stop
            XCTAssertEqual(crc.value, CRC32.checksum(bytes[..<stop]), "after \(stop) bytes")
        }
        XCTAssertEqual(crc.value, CRC32.checksum(bytes))
    }
}
