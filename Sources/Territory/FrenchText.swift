import Foundation

/// Folding of French text for matching: "Saint-Étienne", "saint etienne" and "SAINT ETIENNE" compare equal.
public enum FrenchText {
    /// Lower-cases, strips diacritics, turns hyphens, apostrophes and punctuation into single spaces,
    /// and expands the ligatures œ and æ.
    public static func fold(_ text: String) -> String {
        quickFold(text) ?? foundationFold(text)
    }

    /// The same folding for ASCII and the letters and punctuation of French, without Foundation (ten
    /// times faster: imports and the search index fold every place); nil when another character appears.
    static func quickFold(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let letters: String
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: letters = String(scalar)
            case 0x41...0x5A: letters = String(UnicodeScalar(scalar.value + 32)!)
            case 0..<0x80: pendingSpace = true; continue
            default:
                if separators.contains(scalar.value) { pendingSpace = true; continue }
                guard let mapped = latinLetters[scalar.value] else { return nil }
                letters = mapped
            }
            if pendingSpace && !result.isEmpty { result.append(UInt8(ascii: " ")) }
            pendingSpace = false
            result += letters.utf8
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// No-break spaces, French quotes, apostrophes, dashes, ellipsis, degree sign.
    static let separators: Set<UInt32> = [0xA0, 0x202F, 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0xB0]

    static let latinLetters: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäå", "a"), ("Çç", "c"), ("ÈÉÊËèéêë", "e"), ("ÌÍÎÏìíîï", "i"), ("Ññ", "n"),
            ("ÒÓÔÕÖòóôõö", "o"), ("ÙÚÛÜùúûü", "u"), ("ÝýÿŸ", "y"), ("Œœ", "oe"), ("Ææ", "ae"),
        ]
        for (accented, plain) in groups { for scalar in accented.unicodeScalars { table[scalar.value] = plain } }
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
