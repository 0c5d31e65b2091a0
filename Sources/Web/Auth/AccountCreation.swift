import Accounts
import Storage

/// Creates an account with hashed password and initial roles (used by `create-admin`).
public struct AccountCreation: Sendable {
    let services: AppServices
    let hasher: PasswordHasher

    public init(services: AppServices, bcryptCost: UInt8) {
        self.services = services
        self.hasher = PasswordHasher(cost: bcryptCost)
    }

    public func create(email: String, displayName: String, password: String, roles: [RoleGrant]) async throws -> Int64 {
        let id = try await services.users.create(email: email, displayName: displayName, passwordHash: try await hasher.hash(password), at: services.now)
        for grant in roles {
            try await services.users.grant(grant, to: id, by: nil, at: services.now)
            try await services.audit.record(actor: nil, action: "role.granted", subject: "user:\(id)", detail: grant.role.label, at: services.now)
        }
        return id
    }
}
