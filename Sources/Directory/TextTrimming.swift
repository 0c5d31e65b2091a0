// Small text checks of imported rows and query parameters, without Foundation: on Linux its
// `trimmingCharacters` goes through `NSString`, and was half of an import.

extension UInt8 {
    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}

extension Substring {
    /// Without leading and trailing white space (Unicode's, line breaks and no-break spaces included).
    public func trimmedOfWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}

extension String {
    /// Without leading and trailing white space; most values start and end with a visible ASCII byte,
    /// and are returned as they are.
    public func trimmedOfWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        return self[...].trimmedOfWhitespace()
    }
}
