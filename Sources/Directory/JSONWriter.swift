/// A JSON text written byte by byte, for the directory's hot paths (the search response, the snapshot
/// of every imported place), where `JSONEncoder` and `JSONSerialization` cost more than the work itself.
/// Writes what the API's encoder writes: keys in the order given (callers give them sorted), slashes
/// unescaped, numbers as `Double.description` without a trailing ".0"; tests compare the two.
///
/// Noncopyable, over its own buffer: the search response writes a hundred small pieces, and each append
/// to an array paid a uniqueness check and a generic copy. Inlinable, so the API's writer (in `Web`) is
/// specialised like local code.
public struct JSONWriter: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    @usableFromInline var needsComma = false
    /// False while writing into memory the caller lent (`init(into:)`).
    @usableFromInline var ownsBase = true

    @inlinable public init(capacity: Int = 512) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Writes into `buffer` (a response's own storage) while it has room, then into memory of its own:
    /// the bytes are written once, not written and then copied.
    @inlinable public init(into buffer: UnsafeMutableRawBufferPointer) {
        if let start = buffer.baseAddress, buffer.count >= 16 {
            base = start.bindMemory(to: UInt8.self, capacity: buffer.count)
            capacity = buffer.count
            ownsBase = false
        } else {
            capacity = 512
            base = .allocate(capacity: capacity)
        }
    }

    deinit { if ownsBase { base.deallocate() } }

    /// How many bytes were written.
    public var byteCount: Int { count }
    /// Whether everything written is in the buffer given to `init(into:)`.
    public var isInLentBuffer: Bool { !ownsBase }

    /// What was written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// What was written so far, without copying it out.
    @inlinable public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    @inlinable mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inlinable mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @usableFromInline mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        if ownsBase { base.deallocate() }
        ownsBase = true
        base = moved
        capacity = larger
    }

    @inlinable public mutating func beginObject() { separate(); append(UInt8(ascii: "{")); needsComma = false }
    @inlinable public mutating func endObject() { append(UInt8(ascii: "}")); needsComma = true }
    @inlinable public mutating func beginArray() { separate(); append(UInt8(ascii: "[")); needsComma = false }
    @inlinable public mutating func endArray() { append(UInt8(ascii: "]")); needsComma = true }

    /// A key known when compiling: the API's field names, which need no escaping.
    @inlinable public mutating func key(_ name: StaticString) {
        separate()
        append(UInt8(ascii: "\""))
        name.withUTF8Buffer { append($0) }
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key from data (a facet value), escaped like any string.
    @inlinable public mutating func key(text name: String) {
        separate()
        writeQuoted(name)
        append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Bytes already written by a `JSONWriter`, spliced in after a comma when one is due.
    mutating func raw(_ written: UnsafeBufferPointer<UInt8>) {
        separate()
        append(written)
        needsComma = true
    }

    /// Forgets that a comma is due: the next piece starts a fragment of its own.
    mutating func restart() { needsComma = false }

    /// A key already quoted and followed by its colon (see `SearchVocabulary.quotedKeys`).
    mutating func key(quoted: UnsafeBufferPointer<UInt8>) {
        separate()
        append(quoted)
        needsComma = false
    }

    @inlinable public mutating func value(_ text: String) { separate(); writeQuoted(text); needsComma = true }
    @inlinable public mutating func value(_ number: Int64) { separate(); writeDigits(number); needsComma = true }
    @inlinable public mutating func value(_ number: Int) { value(Int64(number)) }

    @inlinable public mutating func value(_ number: Double) {
        separate()
        // `description` of a coordinate is a small string (no allocation); only its ".0" is dropped.
        var text = number.description
        text.withUTF8 { append($0) }
        if count >= 2, base[count - 1] == UInt8(ascii: "0"), base[count - 2] == UInt8(ascii: ".") { count -= 2 }
        needsComma = true
    }

    /// `(number * 100).rounded() / 100` as `value(_: Double)` writes it ("12.34", "12.3", "12"), without
    /// formatting a double: a distance in kilometres, to the nearest 10 m.
    public mutating func value(hundredths number: Double) {
        let cents = (number * 100).rounded()
        guard cents >= 0, cents < 1e15, cents.sign == .plus else { return value(cents / 100) }
        separate()
        let whole = Int64(cents) / 100, fraction = Int(Int64(cents) % 100)
        writeDigits(whole)
        if fraction != 0 {
            append(UInt8(ascii: "."))
            append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
        needsComma = true
    }

    @inlinable public mutating func value(_ list: [String]) {
        beginArray()
        for item in list { value(item) }
        endArray()
    }

    @inlinable public mutating func value<Values: Sequence>(_ list: Values) where Values.Element: RawRepresentable, Values.Element.RawValue == String {
        beginArray()
        for item in list { value(item.rawValue) }
        endArray()
    }

    @inlinable public mutating func field(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        key(name)
        value(text)
    }

    @inlinable mutating func separate() {
        if needsComma { append(UInt8(ascii: ",")) }
    }

    @inlinable mutating func writeDigits(_ number: Int64) {
        if number < 0 { append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude, digits = 1
        while magnitude >= 10 { magnitude /= 10; digits += 1 }
        if count + digits > capacity { grow(to: count + digits) }
        magnitude = number.magnitude
        for position in stride(from: count + digits - 1, through: count, by: -1) {
            base[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    @inlinable mutating func writeQuoted(_ text: String) {
        append(UInt8(ascii: "\""))
        var text = text
        let clean = text.withUTF8 { utf8 in
            guard !Self.needsEscape(utf8) else { return false }
            append(utf8)
            return true
        }
        if !clean { writeEscaped(text) }
        append(UInt8(ascii: "\""))
    }

    /// Whether a text has a control character, a quote or a backslash, tested eight bytes at a time
    /// (a byte below n sets its high bit in `(w - n·ones) & ~w & highs`; equality is "below 1" of a xor).
    @inlinable static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = utf8.baseAddress else { return false }
        let raw = UnsafeRawPointer(start)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var offset = 0
        while offset + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let found = ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            if found & highs != 0 { return true }
            offset += 8
        }
        while offset < utf8.count {
            let byte = utf8[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            offset += 1
        }
        return false
    }

    /// The bytes of a text that needs escapes, without its quotes.
    @usableFromInline mutating func writeEscaped(_ text: String) {
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            let escape: UInt8? = switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
            case 0x08: UInt8(ascii: "b")
            case 0x0C: UInt8(ascii: "f")
            case 0x0A: UInt8(ascii: "n")
            case 0x0D: UInt8(ascii: "r")
            case 0x09: UInt8(ascii: "t")
            case ..<0x20: UInt8(ascii: "u")
            default: nil
            }
            guard let escape else { append(byte); continue }
            append(UInt8(ascii: "\\"))
            append(escape)
            if escape == UInt8(ascii: "u"), byte < 0x20 {
                append(UInt8(ascii: "0")); append(UInt8(ascii: "0"))
                append(hex[Int(byte >> 4)]); append(hex[Int(byte & 15)])
            }
        }
    }
}
