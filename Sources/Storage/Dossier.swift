import Accounts
import Programme

/// An application to one wave of a call, on the form version it was started with.
public struct Dossier: Sendable, Hashable {
    public let id: Int64
    public let callID: Int64
    public let waveID: Int64
    public let formVersionID: Int64
    public let ownerUserID: Int64
    public let organisationID: Int64?
    public let title: String
    public let territory: DossierTerritory
    public let amountCents: Int64?
    public let state: DossierState
    public let answers: DossierAnswers
    public let score: Double?
    public let scoreSpread: Double?
    public let assigneeUserID: Int64?
    public let createdAt: Instant
    public let updatedAt: Instant
    public let submittedAt: Instant?
    public let decidedAt: Instant?
    public let decisionReason: String?

    /// The number printed on receipts and exports, derived from the id so it can never collide.
    public var number: String { Self.number(id) }
    public static func number(_ id: Int64) -> String { "FDT-" + String(repeating: "0", count: max(0, 6 - String(id).count)) + String(id) }

    public var accessSubject: AccessPolicy.Subject {
        AccessPolicy.Subject(ownerUserID: ownerUserID, departmentCode: territory.departmentCode, regionCode: territory.regionCode)
    }
}

/// Where a dossier's place is, and the categories the selection balances.
public struct DossierTerritory: Sendable, Hashable {
    public var communeCode: String
    public var departmentCode: String
    public var regionCode: String
    public var isQPV: Bool
    public var isRural: Bool
    public var isDigital: Bool

    public init(communeCode: String, departmentCode: String, regionCode: String, isQPV: Bool, isRural: Bool, isDigital: Bool) {
        self.communeCode = communeCode
        self.departmentCode = departmentCode
        self.regionCode = regionCode
        self.isQPV = isQPV
        self.isRural = isRural
        self.isDigital = isDigital
    }
}

/// What a save writes besides the answers: the columns lists filter and sort on.
public struct DossierSummary: Sendable, Hashable {
    public var title: String
    public var territory: DossierTerritory
    public var amountCents: Int64?

    public init(title: String, territory: DossierTerritory, amountCents: Int64?) {
        self.title = title
        self.territory = territory
        self.amountCents = amountCents
    }
}

public struct DossierEvent: Sendable, Hashable {
    public let action: String
    public let from: String
    public let to: String
    public let actorUserID: Int64?
    public let actorName: String?
    public let reason: String?
    public let at: Instant
}

public struct StoredFile: Sendable, Hashable {
    public let id: Int64
    public let dossierID: Int64
    public let fieldKey: String
    public let filename: String
    public let contentType: String
    public let size: Int
    public let sha256: String
    public let at: Instant
}
