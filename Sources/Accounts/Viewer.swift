/// The person behind a request, with the grants loaded for it. Every access decision takes a viewer.
public struct Viewer: Sendable, Hashable {
    public let userID: Int64
    public let email: String
    public let displayName: String
    public let grants: [RoleGrant]

    public init(userID: Int64, email: String, displayName: String, grants: [RoleGrant]) {
        self.userID = userID
        self.email = email
        self.displayName = displayName
        self.grants = grants
    }

    public func has(_ role: Role) -> Bool { grants.contains { $0.role == role } }
    public var roles: [Role] { Role.allCases.filter(has) }

    /// Comité and admins see every dossier and organisation of the programme.
    public var seesWholeProgramme: Bool { has(.committee) || has(.admin) }

    /// Départements and régions an instructeur covers.
    public var reviewedTerritories: [Scope] {
        grants.filter { $0.role == .reviewer }.map(\.scope)
    }

    /// Places this person runs as animateur.
    public var managedPlaceIDs: [Int64] {
        grants.compactMap { grant in
            if grant.role == .placeManager, case .place(let id) = grant.scope { return id }
            return nil
        }
    }
}
