import Foundation

/// Folding of French text for matching: "Saint-Étienne", "saint etienne" and "SAINT ETIENNE" compare equal.
public enum FrenchText {
    /// Lower-cases, strips diacritics, turns hyphens, apostrophes and punctuation into single spaces,
    /// and expands the ligatures œ and æ.
    public static func fold(_ text: String) -> String {
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
