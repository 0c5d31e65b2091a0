import Foundation

/// Rules for what people type when they create an account, with messages in French.
public enum Credentials {
    public static let minimumPasswordLength = 12

    /// A normalised address, or nil if it cannot be an e-mail address.
    public static func normalisedEmail(_ raw: String) -> String? {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace })
        else { return nil }
        return email
    }

    /// Nil when acceptable, else why not.
    public static func passwordProblem(_ password: String) -> String? {
        if password.count < minimumPasswordLength {
            return "Le mot de passe doit compter au moins \(minimumPasswordLength) caractères."
        }
        if password.utf8.count > 72 {
            return "Le mot de passe ne peut dépasser 72 octets."
        }
        return nil
    }
}
