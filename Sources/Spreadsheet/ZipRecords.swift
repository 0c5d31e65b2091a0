/// The few ZIP records (PKWARE APPNOTE 6.3) an ODF package needs, all for stored entries: no zlib
/// is available, and export XML is small enough per row that compression is a nicety.
///
/// No ZIP64: every size and offset is a 32-bit field, so an archive must stay under 4 GiB. At
/// roughly 100 bytes an ODS row that is some 40 million rows, far past what a spreadsheet opens;
/// beyond it the fields wrap and readers reject the file. Exports that large should be CSV.
struct ZipEntry: Sendable {
    let name: String
    var crc32: UInt32
    /// Stored, so compressed and uncompressed sizes are the same.
    var size: UInt64
    let localHeaderOffset: UInt64
    /// General-purpose bit 3: sizes and CRC follow the data in a data descriptor, because the
    /// local header is sent before the data exists.
    let hasDataDescriptor: Bool
}

/// An MS-DOS date and time, the only timestamp the base ZIP format has.
struct DOSTimestamp: Sendable {
    let date: UInt16
    let time: UInt16

    /// Midnight of `day`; DOS dates run from 1980 to 2107, so other years are clamped.
    init(_ day: CalendarDate) {
        let year = UInt16(min(max(day.year, 1980), 2107) - 1980)
        date = year << 9 | UInt16(min(max(day.month, 1), 12)) << 5 | UInt16(min(max(day.day, 1), 31))
        time = 0
    }
}

enum ZipRecord {
    private static let versionNeeded: UInt16 = 20  // 2.0: plain stored entries with descriptors
    private static let storedMethod: UInt16 = 0

    static func localHeader(_ entry: ZipEntry, modified: DOSTimestamp) -> [UInt8] {
        var record = LittleEndianBytes()
        record.u32(0x0403_4B50)
        record.u16(versionNeeded)
        record.u16(entry.hasDataDescriptor ? 0x0008 : 0)
        record.u16(storedMethod)
        record.u16(modified.time)
        record.u16(modified.date)
        // With bit 3 set these must be zero; the descriptor carries the real values.
        let (crc, size) = entry.hasDataDescriptor ? (0, 0) : (entry.crc32, UInt32(truncatingIfNeeded: entry.size))
        record.u32(crc)
        record.u32(size)
        record.u32(size)
        record.u16(UInt16(entry.name.utf8.count))
        record.u16(0)  // no extra field: ODF forbids one on `mimetype`, and none is needed elsewhere
        record.bytes += entry.name.utf8
        return record.bytes
    }

    /// The signed form, which ODF readers and `zipfile` both expect after a streamed entry.
    static func dataDescriptor(_ entry: ZipEntry) -> [UInt8] {
        var record = LittleEndianBytes()
        record.u32(0x0807_4B50)
        record.u32(entry.crc32)
        record.u32(UInt32(truncatingIfNeeded: entry.size))
        record.u32(UInt32(truncatingIfNeeded: entry.size))
        return record.bytes
    }

    /// The central directory followed by its end record, written once every entry is known.
    static func centralDirectory(_ entries: [ZipEntry], at offset: UInt64, modified: DOSTimestamp) -> [UInt8] {
        var record = LittleEndianBytes()
        for entry in entries {
            record.u32(0x0201_4B50)
            record.u16(versionNeeded)  // "made by" MS-DOS: no Unix permissions to carry
            record.u16(versionNeeded)
            record.u16(entry.hasDataDescriptor ? 0x0008 : 0)
            record.u16(storedMethod)
            record.u16(modified.time)
            record.u16(modified.date)
            record.u32(entry.crc32)
            record.u32(UInt32(truncatingIfNeeded: entry.size))
            record.u32(UInt32(truncatingIfNeeded: entry.size))
            record.u16(UInt16(entry.name.utf8.count))
            record.u16(0)  // extra field
            record.u16(0)  // comment
            record.u16(0)  // disk number
            record.u16(0)  // internal attributes
            record.u32(0)  // external attributes
            record.u32(UInt32(truncatingIfNeeded: entry.localHeaderOffset))
            record.bytes += entry.name.utf8
        }
        let directorySize = UInt32(truncatingIfNeeded: record.bytes.count)
        record.u32(0x0605_4B50)
        record.u16(0)  // this disk
        record.u16(0)  // disk holding the directory
        record.u16(UInt16(entries.count))
        record.u16(UInt16(entries.count))
        record.u32(directorySize)
        record.u32(UInt32(truncatingIfNeeded: offset))
        record.u16(0)  // comment
        return record.bytes
    }
}

/// ZIP stores every integer little-endian, whatever the host.
private struct LittleEndianBytes {
    var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes += [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
    }

    mutating func u32(_ value: UInt32) {
        u16(UInt16(truncatingIfNeeded: value))
        u16(UInt16(truncatingIfNeeded: value >> 16))
    }
}
