/// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a byte-order mark ignored.
///
/// Read from the file's bytes one row at a time: the national file runs to hundreds of thousands of rows,
/// and holding every row's strings before the first place was checked took gigabytes.
public enum CSVReader {
    public static func parse(_ text: String, separator: Character = ",") -> [[String]] {
        var rows: [[String]] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { forEachRow(in: $0, separator: separator.asciiValue ?? UInt8(ascii: ","), encoding: .utf8) { rows.append($0) } }
        return rows
    }

    public enum Encoding: Sendable {
        case utf8, latin1

        /// UTF-8 when every byte sequence is valid UTF-8, else Latin-1 (spreadsheets still save it).
        public static func detect(_ bytes: UnsafeRawBufferPointer) -> Encoding {
            UTF8Check.isValid(bytes) ? .utf8 : .latin1
        }

        func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            switch self {
            case .utf8: String(decoding: bytes, as: UTF8.self)
            case .latin1: String(String.UnicodeScalarView(bytes.lazy.map { Unicode.Scalar($0) }))
            }
        }
    }

    /// Calls `body` with each row's fields, in order; `bytes` must be valid in `encoding`.
    public static func forEachRow(in bytes: UnsafeRawBufferPointer, separator: UInt8, encoding: Encoding,
                                  _ body: ([String]) throws -> Void) rethrows {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var row: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(256)
        var quoted = false
        func endField() {
            row.append(field.withUnsafeBufferPointer { encoding.string($0) })
            field.removeAll(keepingCapacity: true)
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == quote {
                    if position < bytes.count, bytes[position] == quote { field.append(quote); position += 1 } else { quoted = false }
                } else { field.append(byte) }
            } else if byte == quote && field.isEmpty {
                quoted = true
            } else if byte == separator {
                endField()
            } else if byte == newline {
                endField()
                try body(row)
                row.removeAll(keepingCapacity: true)
            } else if byte != carriageReturn {
                field.append(byte)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            try body(row)
        }
    }
}

/// Whether bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF), with a
/// fast path over ASCII, which most of a French CSV is.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int, low: UInt8, high: UInt8
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            default: return false
            }
            guard index + length <= count, (low...high).contains(bytes[index + 1]) else { return false }
            for offset in 2..<max(length, 2) where !(0x80...0xBF).contains(bytes[index + offset]) { return false }
            index += length
        }
        return true
    }
}
