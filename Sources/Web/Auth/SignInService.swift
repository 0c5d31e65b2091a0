import Accounts
import Foundation
import Storage

/// Checks credentials with throttling: after `limit` failures for one address, or ten times that from
/// one client, within the window, sign-in is refused until the window passes.
struct SignInService: Sendable {
    let users: any UserRepository
    let failures: any LoginFailureLog
    let hasher: PasswordHasher
    let limit: Int
    let window: Duration

    enum Outcome: Equatable {
        case signedIn(userID: Int64)
        case rejected
        case throttled
    }

    func signIn(email rawEmail: String, password: String, client: String, at now: Instant) async throws -> Outcome {
        let email = Credentials.normalisedEmail(rawEmail) ?? rawEmail.lowercased()
        let since = Instant(milliseconds: now.milliseconds - window.components.seconds * 1000)
        let byAddress = try await failures.count(email: email, since: since)
        let byClient = try await failures.count(client: client, since: since)
        if byAddress >= limit || byClient >= limit * 10 { return .throttled }
        let user = try await users.find(email: email)
        let matches = try await hasher.verify(password, hash: user?.passwordHash ?? PasswordHasher.decoyHash)
        guard let user, matches, user.disabledAt == nil else {
            try await failures.record(email: email, client: client, at: now)
            return .rejected
        }
        try await failures.clear(email: email)
        return .signedIn(userID: user.id)
    }
}
