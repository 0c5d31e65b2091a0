import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's thread pool so a slow hash never blocks an event loop.
struct PasswordHasher: Sendable {
    let cost: UInt8
    /// Verified against when the account does not exist, so that timing does not reveal which
    /// addresses have an account.
    static let decoyHash = Bcrypt.hash("decoy password never used", cost: 4)

    func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
