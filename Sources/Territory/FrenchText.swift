import Foundation

/// Folding of French text for matching: "Saint-Étienne", "saint etienne" and "SAINT ETIENNE" compare equal.
public enum FrenchText {
    /// Lower-cases, strips diacritics, turns hyphens, apostrophes and punctuation into single spaces,
    /// and expands the ligatures œ and æ.
    public static func fold(_ text: String) -> String {
        quickFold(text) ?? foundationFold(text)
    }

    /// The folded text's UTF-8 bytes, without making a `String` of them when the quick path applies
    /// (a search folds its words on every request).
    public static func foldedUTF8(_ text: String) -> [UInt8] {
        quickFoldedUTF8(text) ?? Array(foundationFold(text).utf8)
    }

    /// The same folding for ASCII and the letters and punctuation of French, without Foundation (ten
    /// times faster: imports and the search index fold every place); nil when another character appears.
    static func quickFold(_ text: String) -> String? {
        quickFoldedUTF8(text).map { String(decoding: $0, as: UTF8.self) }
    }

    static func quickFoldedUTF8(_ text: String) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // One or two ASCII letters: every folded letter of French is at most "oe".
            var first: UInt8, second: UInt8 = 0
            switch value {
            case 0x30...0x39, 0x61...0x7A: first = UInt8(truncatingIfNeeded: value)
            case 0x41...0x5A: first = UInt8(truncatingIfNeeded: value + 32)
            case 0..<0x80: pendingSpace = true; continue
            default:
                if separators.contains(value) { pendingSpace = true; continue }
                guard let mapped = latinLetters[value] else { return nil }
                first = mapped.first
                second = mapped.second
            }
            if pendingSpace && !result.isEmpty { result.append(UInt8(ascii: " ")) }
            pendingSpace = false
            result.append(first)
            if second != 0 { result.append(second) }
        }
        return result
    }

    /// No-break spaces, French quotes, apostrophes, dashes, ellipsis, degree sign.
    static let separators: Set<UInt32> = [0xA0, 0x202F, 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0xB0]

    static let latinLetters: [UInt32: (first: UInt8, second: UInt8)] = {
        var table: [UInt32: (first: UInt8, second: UInt8)] = [:]
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäå", "a"), ("Çç", "c"), ("ÈÉÊËèéêë", "e"), ("ÌÍÎÏìíîï", "i"), ("Ññ", "n"),
            ("ÒÓÔÕÖòóôõö", "o"), ("ÙÚÛÜùúûü", "u"), ("ÝýÿŸ", "y"), ("Œœ", "oe"), ("Ææ", "ae"),
        ]
        for (accented, plain) in groups {
            let letters = Array(plain.utf8)
            for scalar in accented.unicodeScalars { table[scalar.value] = (letters[0], letters.count > 1 ? letters[1] : 0) }
        }
        return table
    }()

    static func foundationFold(_ text: String) -> String {
        let lowered = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae")
        var result = ""
        result.reserveCapacity(lowered.utf8.count)
        var pendingSpace = false
        for scalar in lowered.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }
}
