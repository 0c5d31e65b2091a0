/// What a browser session holds: who is signed in (nil for a visitor who only opened a form) and the
/// token every state-changing form must send back.
public struct WebSession: Codable, Sendable, Equatable {
    public var userID: Int64?
    public var csrfToken: String
    /// A message shown once on the next page ("Rôle accordé.").
    public var flash: String?
    /// When the person signed in (milliseconds since the epoch), to honour revocations.
    public var signedInAt: Int64?

    public init(userID: Int64?, csrfToken: String, flash: String? = nil, signedInAt: Int64? = nil) {
        self.userID = userID
        self.csrfToken = csrfToken
        self.flash = flash
        self.signedInAt = signedInAt
    }
}
