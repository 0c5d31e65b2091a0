/// Writes a one-sheet OpenDocument spreadsheet (.ods) as a stream of byte chunks: `opening()`,
/// then `row(_:)` per row, then `closing()`. The archive is a ZIP whose `content.xml` is stored
/// with its CRC-32 and size in a trailing data descriptor, so nothing has to be known in advance
/// and memory stays flat: the writer keeps counters and a CRC state, never the rows.
///
/// Calls out of order cannot corrupt the stream: a `row(_:)` or `closing()` before `opening()`
/// includes the opening bytes, and anything after `closing()` returns no bytes. The archive has no
/// ZIP64 records, so it must stay under 4 GiB (see `ZipRecord`); stream CSV for anything larger.
public struct ODSTableWriter: Sendable {
    public let sheetName: String
    public let columns: [String]
    private let modified: DOSTimestamp
    private var phase = Phase.notOpened
    /// Bytes emitted so far: the next local header's offset, and at the end the directory's.
    private var offset: UInt64 = 0
    /// The four fixed parts plus `content.xml`, whatever the number of rows.
    private var entries: [ZipEntry] = []
    private var contentCRC = CRC32()
    private var contentSize: UInt64 = 0

    private enum Phase { case notOpened, streaming, closed }

    /// `modified` is the date stamped on every archive entry; the 1980 default (the first DOS date)
    /// keeps output byte-for-byte reproducible.
    public init(sheetName: String, columns: [String], modified: CalendarDate = CalendarDate(year: 1980, month: 1, day: 1)) {
        self.sheetName = sheetName
        self.columns = columns
        self.modified = DOSTimestamp(modified)
    }

    /// The fixed parts, then the start of `content.xml` up to and including the header row.
    public mutating func opening() -> [UInt8] {
        guard phase == .notOpened else { return [] }
        phase = .streaming
        var chunk: [UInt8] = []
        for part in ODSDocument.fixedParts {
            let data = Array(part.text.utf8)
            let entry = ZipEntry(name: part.name, crc32: CRC32.checksum(data), size: UInt64(data.count),
                                 localHeaderOffset: offset, hasDataDescriptor: false)
            chunk += emit(ZipRecord.localHeader(entry, modified: modified) + data, for: entry)
        }
        let content = ZipEntry(name: ODSDocument.contentName, crc32: 0, size: 0, localHeaderOffset: offset,
                               hasDataDescriptor: true)
        chunk += emit(ZipRecord.localHeader(content, modified: modified), for: content)
        chunk += emitContent(
            ODSDocument.contentOpening(sheetName: sheetName, columnCount: columns.count)
                + ODSDocument.headerRow(columns))
        return chunk
    }

    public mutating func row(_ cells: [Cell]) -> [UInt8] {
        switch phase {
        case .notOpened: opening() + row(cells)
        case .streaming: emitContent(ODSDocument.row(cells))
        case .closed: []
        }
    }

    /// The end of `content.xml`, its data descriptor, the central directory and its end record.
    public mutating func closing() -> [UInt8] {
        switch phase {
        case .notOpened: return opening() + closing()
        case .closed: return []
        case .streaming: break
        }
        phase = .closed
        var chunk = emitContent(ODSDocument.contentClosing)
        entries[entries.count - 1].crc32 = contentCRC.value
        entries[entries.count - 1].size = contentSize
        chunk += emit(ZipRecord.dataDescriptor(entries[entries.count - 1]))
        chunk += emit(ZipRecord.centralDirectory(entries, at: offset, modified: modified))
        return chunk
    }

    private mutating func emit(_ bytes: [UInt8], for entry: ZipEntry? = nil) -> [UInt8] {
        if let entry { entries.append(entry) }
        offset += UInt64(bytes.count)
        return bytes
    }

    private mutating func emitContent(_ xml: String) -> [UInt8] {
        let bytes = Array(xml.utf8)
        contentCRC.update(bytes)
        contentSize += UInt64(bytes.count)
        return emit(bytes)
    }
}
