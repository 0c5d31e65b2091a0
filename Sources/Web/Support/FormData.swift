import Foundation

/// An `application/x-www-form-urlencoded` body: every value of every field, in order.
public struct FormData: Sendable, Equatable {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}

    public init(fields: [(name: String, value: String)]) { self.fields = fields }

    public init(encoded: String) {
        var fields: [(name: String, value: String)] = []
        Self.forEachField(in: encoded) { fields.append(($0, $1)) }
        self.fields = fields
    }

    /// The fields of an encoded form or query string, in order: `+` is a space and `%XX` a byte; an
    /// escape that is not one is kept as typed. Read byte by byte: the directory search parses its
    /// query string on every request.
    static func forEachField(in encoded: String, _ body: (String, String) -> Void) {
        var encoded = encoded
        encoded.withUTF8 { bytes in
            forEachEncodedField(in: bytes[...]) { name, value in body(decode(name), value.map(decode) ?? "") }
        }
    }

    /// The same fields still encoded, name and value (nil without `=`), for readers that decode only
    /// the fields they want.
    static func forEachEncodedField(in bytes: Slice<UnsafeBufferPointer<UInt8>>,
                                    _ body: (Slice<UnsafeBufferPointer<UInt8>>, Slice<UnsafeBufferPointer<UInt8>>?) -> Void) {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            var end = start, equals: Int?
            while end < bytes.endIndex, bytes[end] != UInt8(ascii: "&") {
                if equals == nil, bytes[end] == UInt8(ascii: "=") { equals = end }
                end += 1
            }
            if end > start { body(bytes[start..<(equals ?? end)], equals.map { bytes[($0 + 1)..<end] }) }
            start = end + 1
        }
    }

    public subscript(name: String) -> String? { fields.first { $0.name == name }?.value }
    public func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
    /// A trimmed value, nil when absent or blank.
    public func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    static func decode(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard raw.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(decoding: raw, as: UTF8.self) }
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var position = raw.startIndex
        while position < raw.endIndex {
            let byte = raw[position]
            if byte == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), position + 2 < raw.endIndex, let high = hex(raw[position + 1]), let low = hex(raw[position + 2]) {
                decoded.append(high << 4 | low)
                position += 2
            } else {
                decoded.append(byte)
            }
            position += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    public static func == (lhs: FormData, rhs: FormData) -> Bool {
        lhs.fields.map { "\($0.name)=\($0.value)" } == rhs.fields.map { "\($0.name)=\($0.value)" }
    }
}
