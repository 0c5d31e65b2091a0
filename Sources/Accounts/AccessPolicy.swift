/// Who may read what. Pure rules, so that the web layer and the API ask the same questions and tests
/// can prove the scoping without a server.
public enum AccessPolicy {
    /// Something that belongs to a territory and, possibly, to one applicant account.
    public struct Subject: Sendable {
        public let ownerUserID: Int64?
        public let departmentCode: String
        public let regionCode: String

        public init(ownerUserID: Int64?, departmentCode: String, regionCode: String) {
            self.ownerUserID = ownerUserID
            self.departmentCode = departmentCode
            self.regionCode = regionCode
        }
    }

    /// An applicant's own data (organisation, dossiers): its owner, the instructeurs of its territory,
    /// the comité and admins. Anonymous visitors never.
    public static func canRead(_ subject: Subject, viewer: Viewer?) -> Bool {
        guard let viewer else { return false }
        if viewer.seesWholeProgramme { return true }
        if let owner = subject.ownerUserID, owner == viewer.userID { return true }
        return covers(viewer, departmentCode: subject.departmentCode, regionCode: subject.regionCode)
    }

    /// Only the owner edits an applicant's data; reviewers and the comité read it.
    public static func canEdit(_ subject: Subject, viewer: Viewer?) -> Bool {
        guard let viewer, let owner = subject.ownerUserID else { return false }
        return owner == viewer.userID
    }

    public static func covers(_ viewer: Viewer, departmentCode: String, regionCode: String) -> Bool {
        viewer.reviewedTerritories.contains { scope in
            switch scope {
            case .department(let code): code == departmentCode
            case .region(let code): code == regionCode
            case .national, .place: false
            }
        }
    }

    /// A directory place: its animateurs and the comité (and admins) edit it and handle its error reports.
    public static func canEditPlace(_ placeID: Int64, viewer: Viewer?) -> Bool {
        guard let viewer else { return false }
        return viewer.seesWholeProgramme || viewer.managedPlaceIDs.contains(placeID)
    }

    /// The admin page that grants roles.
    public static func canManageAccounts(_ viewer: Viewer?) -> Bool { viewer?.has(.admin) ?? false }
}
