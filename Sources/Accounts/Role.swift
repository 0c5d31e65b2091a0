/// What a person does in the programme. One account may hold several roles (a porteur may also be the
/// animateur of its place); each grant carries the territory or place it applies to.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    case applicant = "porteur"
    case reviewer = "instructeur"
    case committee = "comite"
    case placeManager = "animateur"
    case admin = "admin"

    public var label: String {
        switch self {
        case .applicant: "Porteur de projet"
        case .reviewer: "Instructeur"
        case .committee: "Comité national"
        case .placeManager: "Animateur de lieu"
        case .admin: "Administrateur"
        }
    }

    /// The kinds of scope a grant of this role may carry.
    public var allowedScopes: Set<ScopeKind> {
        switch self {
        case .applicant, .committee, .admin: [.national]
        case .reviewer: [.department, .region]
        case .placeManager: [.place]
        }
    }
}

public enum ScopeKind: String, Sendable, Codable, CaseIterable, Hashable {
    case national, department = "departement", region, place = "lieu"
}

/// Where a role applies: the whole country, one département, one région or one place.
public enum Scope: Sendable, Hashable, Codable {
    case national
    case department(String)
    case region(String)
    case place(Int64)

    public var kind: ScopeKind {
        switch self {
        case .national: .national
        case .department: .department
        case .region: .region
        case .place: .place
        }
    }

    /// The code stored beside the kind: a département or région code, a place id, or "" for national.
    public var code: String {
        switch self {
        case .national: ""
        case .department(let code), .region(let code): code
        case .place(let id): String(id)
        }
    }

    public init?(kind: ScopeKind, code: String) {
        switch kind {
        case .national: self = .national
        case .department: guard !code.isEmpty else { return nil }; self = .department(code)
        case .region: guard !code.isEmpty else { return nil }; self = .region(code)
        case .place: guard let id = Int64(code) else { return nil }; self = .place(id)
        }
    }
}

public struct RoleGrant: Sendable, Hashable, Codable {
    public let role: Role
    public let scope: Scope

    public init(role: Role, scope: Scope) {
        self.role = role
        self.scope = scope
    }

    /// Nil when the scope does not fit the role (an instructeur needs a territory, an animateur a place).
    public static func validated(role: Role, scope: Scope) -> RoleGrant? {
        role.allowedScopes.contains(scope.kind) ? RoleGrant(role: role, scope: scope) : nil
    }
}
