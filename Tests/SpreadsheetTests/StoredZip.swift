import Spreadsheet
import XCTest

/// A reader for the stored-only ZIP archives `ODSTableWriter` produces. It walks the archive the
/// way strict readers do, from the end record through the central directory to each local header,
/// and fails the test on any field that disagrees, so the writer is checked against the format,
/// not against itself.
struct StoredZip {
    struct Entry {
        let name: String
        let flags: UInt16
        let localHeaderOffset: Int
        let data: [UInt8]
        let extraFieldLength: Int
    }

    let entries: [Entry]

    init(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }

        let end = bytes.count - 22  // no archive comment
        XCTAssertEqual(u32(end), 0x0605_4B50, "end of central directory", file: file, line: line)
        let count = u16(end + 10)
        let directorySize = Int(u32(end + 12))
        var cursor = Int(u32(end + 16))
        XCTAssertEqual(cursor + directorySize, end, "directory ends where the end record starts", file: file, line: line)

        var entries: [Entry] = []
        var expectedLocalOffset = 0
        for _ in 0..<count {
            XCTAssertEqual(u32(cursor), 0x0201_4B50, "central header", file: file, line: line)
            let flags = UInt16(u16(cursor + 8))
            XCTAssertEqual(u16(cursor + 10), 0, "stored", file: file, line: line)
            let crc = u32(cursor + 16)
            let size = Int(u32(cursor + 20))
            XCTAssertEqual(Int(u32(cursor + 24)), size, "stored sizes agree", file: file, line: line)
            let nameLength = u16(cursor + 28)
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            let local = Int(u32(cursor + 42))
            XCTAssertEqual(local, expectedLocalOffset, "\(name) follows the previous entry", file: file, line: line)

            XCTAssertEqual(u32(local), 0x0403_4B50, "local header of \(name)", file: file, line: line)
            XCTAssertEqual(UInt16(u16(local + 6)), flags, "flags of \(name)", file: file, line: line)
            XCTAssertEqual(u16(local + 8), 0, "\(name) stored", file: file, line: line)
            let localName = String(decoding: bytes[(local + 30)..<(local + 30 + u16(local + 26))], as: UTF8.self)
            XCTAssertEqual(localName, name, file: file, line: line)
            let extraLength = u16(local + 28)
            let dataStart = local + 30 + u16(local + 26) + extraLength
            let data = Array(bytes[dataStart..<(dataStart + size)])
            XCTAssertEqual(CRC32.checksum(data), crc, "CRC-32 of \(name)", file: file, line: line)
            if flags & 0x8 != 0 {
                XCTAssertEqual(u32(local + 14), 0, "\(name) defers its CRC", file: file, line: line)
                XCTAssertEqual(u32(local + 18), 0, "\(name) defers its size", file: file, line: line)
                let descriptor = dataStart + size
                XCTAssertEqual(u32(descriptor), 0x0807_4B50, "descriptor of \(name)", file: file, line: line)
                XCTAssertEqual(u32(descriptor + 4), crc, "descriptor CRC of \(name)", file: file, line: line)
                XCTAssertEqual(Int(u32(descriptor + 8)), size, file: file, line: line)
                XCTAssertEqual(Int(u32(descriptor + 12)), size, file: file, line: line)
                expectedLocalOffset = descriptor + 16
            } else {
                XCTAssertEqual(u32(local + 14), crc, "local CRC of \(name)", file: file, line: line)
                XCTAssertEqual(Int(u32(local + 18)), size, "local size of \(name)", file: file, line: line)
                expectedLocalOffset = dataStart + size
            }
            entries.append(Entry(name: name, flags: flags, localHeaderOffset: local, data: data,
                                 extraFieldLength: extraLength))
            cursor += 46 + nameLength + u16(cursor + 30) + u16(cursor + 32)
        }
        XCTAssertEqual(expectedLocalOffset, Int(u32(end + 16)), "directory follows the last entry", file: file, line: line)
        self.entries = entries
    }

    func text(of name: String) throws -> String {
        let entry = try XCTUnwrap(entries.first { $0.name == name }, "no entry \(name)")
        return String(decoding: entry.data, as: UTF8.self)
    }
}
