import Accounts
import XCTest

final class AccessPolicyTests: XCTestCase {
    let charente = AccessPolicy.Subject(ownerUserID: 1, departmentCode: "16", regionCode: "75")

    func viewer(_ id: Int64, _ grants: RoleGrant...) -> Viewer {
        Viewer(userID: id, email: "u\(id)@x.fr", displayName: "U\(id)", grants: grants)
    }

    func testAnonymousReadsNothingPrivate() {
        XCTAssertFalse(AccessPolicy.canRead(charente, viewer: nil))
    }

    func testApplicantReadsOnlyItsOwn() {
        XCTAssertTrue(AccessPolicy.canRead(charente, viewer: viewer(1, RoleGrant(role: .applicant, scope: .national))))
        XCTAssertFalse(AccessPolicy.canRead(charente, viewer: viewer(2, RoleGrant(role: .applicant, scope: .national))))
        XCTAssertTrue(AccessPolicy.canEdit(charente, viewer: viewer(1)))
        XCTAssertFalse(AccessPolicy.canEdit(charente, viewer: viewer(2, RoleGrant(role: .committee, scope: .national))))
    }

    func testReviewerReadsItsDepartmentOrRegionOnly() {
        XCTAssertTrue(AccessPolicy.canRead(charente, viewer: viewer(5, RoleGrant(role: .reviewer, scope: .department("16")))))
        XCTAssertTrue(AccessPolicy.canRead(charente, viewer: viewer(5, RoleGrant(role: .reviewer, scope: .region("75")))))
        XCTAssertFalse(AccessPolicy.canRead(charente, viewer: viewer(5, RoleGrant(role: .reviewer, scope: .department("17")))))
        XCTAssertFalse(AccessPolicy.canRead(charente, viewer: viewer(5, RoleGrant(role: .reviewer, scope: .region("84")))))
        XCTAssertFalse(AccessPolicy.canRead(charente, viewer: viewer(5, RoleGrant(role: .placeManager, scope: .place(3)))))
    }

    func testCommitteeAndAdminReadEverything() {
        XCTAssertTrue(AccessPolicy.canRead(charente, viewer: viewer(7, RoleGrant(role: .committee, scope: .national))))
        XCTAssertTrue(AccessPolicy.canRead(charente, viewer: viewer(8, RoleGrant(role: .admin, scope: .national))))
        XCTAssertTrue(AccessPolicy.canManageAccounts(viewer(8, RoleGrant(role: .admin, scope: .national))))
        XCTAssertFalse(AccessPolicy.canManageAccounts(viewer(7, RoleGrant(role: .committee, scope: .national))))
    }

    func testPlacesAreEditedByTheirAnimateursAndTheCommittee() {
        XCTAssertTrue(AccessPolicy.canEditPlace(3, viewer: viewer(1, RoleGrant(role: .placeManager, scope: .place(3)))))
        XCTAssertFalse(AccessPolicy.canEditPlace(4, viewer: viewer(1, RoleGrant(role: .placeManager, scope: .place(3)))))
        XCTAssertTrue(AccessPolicy.canEditPlace(4, viewer: viewer(2, RoleGrant(role: .committee, scope: .national))))
        XCTAssertFalse(AccessPolicy.canEditPlace(4, viewer: viewer(5, RoleGrant(role: .reviewer, scope: .department("16")))))
        XCTAssertFalse(AccessPolicy.canEditPlace(4, viewer: nil))
    }

    func testGrantsMustFitTheRole() {
        XCTAssertNil(RoleGrant.validated(role: .reviewer, scope: .national))
        XCTAssertNil(RoleGrant.validated(role: .placeManager, scope: .department("16")))
        XCTAssertNil(RoleGrant.validated(role: .admin, scope: .region("75")))
        XCTAssertNotNil(RoleGrant.validated(role: .reviewer, scope: .region("75")))
        XCTAssertEqual(Scope(kind: .place, code: "12"), .place(12))
        XCTAssertNil(Scope(kind: .place, code: "x"))
        XCTAssertNil(Scope(kind: .department, code: ""))
    }

    func testCredentialRules() {
        XCTAssertEqual(Credentials.normalisedEmail("  Marie.Curie@Exemple.FR "), "marie.curie@exemple.fr")
        XCTAssertNil(Credentials.normalisedEmail("marie@"))
        XCTAssertNil(Credentials.normalisedEmail("marie curie@exemple.fr"))
        XCTAssertNotNil(Credentials.passwordProblem("court"))
        XCTAssertNil(Credentials.passwordProblem("un mot de passe assez long"))
    }
}
