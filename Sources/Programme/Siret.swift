/// A SIRET: 14 digits whose Luhn checksum holds, except La Poste's establishments (SIREN 356000000),
/// which INSEE numbers with a digit sum divisible by 5 instead.
public struct Siret: Sendable, Hashable, Codable, CustomStringConvertible {
    public let digits: String

    /// Accepts spaces and dots as people type them ("123 456 789 00012").
    public init?(_ raw: String) {
        let digits = raw.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        guard digits.count == 14, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let values = digits.compactMap(\.wholeNumberValue)
        if digits.hasPrefix("356000000") {
            guard values.reduce(0, +) % 5 == 0 else { return nil }
        } else {
            let sum = values.reversed().enumerated().reduce(0) { total, item in
                let doubled = item.offset % 2 == 1 ? item.element * 2 : item.element
                return total + (doubled > 9 ? doubled - 9 : doubled)
            }
            guard sum % 10 == 0 else { return nil }
        }
        self.digits = digits
    }

    public var siren: String { String(digits.prefix(9)) }
    public var description: String { digits }
}
