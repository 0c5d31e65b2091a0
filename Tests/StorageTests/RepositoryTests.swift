import Accounts
import Storage
import TestSupport
import XCTest

final class RepositoryTests: XCTestCase {
    let now = Instant(milliseconds: 1_764_000_000_000)

    func testUsersAreUniqueByEmailAndCarryTheirGrants() async throws {
        let database = try await TestDatabase.make()
        let users = SQLUserRepository(database)
        let id = try await users.create(email: "a@example.fr", displayName: "A", passwordHash: "h", at: now)
        do {
            _ = try await users.create(email: "a@example.fr", displayName: "B", passwordHash: "h", at: now)
            XCTFail("duplicate e-mail accepted")
        } catch let error as RepositoryError {
            XCTAssertEqual(error, .duplicate("Un compte avec l'adresse a@example.fr"))
        }
        let reviewer = RoleGrant(role: .reviewer, scope: .department("16"))
        try await users.grant(reviewer, to: id, by: nil, at: now)
        try await users.grant(reviewer, to: id, by: nil, at: now)
        try await users.grant(RoleGrant(role: .applicant, scope: .national), to: id, by: nil, at: now)
        let viewer = try await users.viewer(userID: id, sessionStartedAt: nil)
        XCTAssertEqual(viewer?.grants, [reviewer, RoleGrant(role: .applicant, scope: .national)])
        try await users.revoke(reviewer, from: id)
        let after = try await users.grants(userID: id)
        XCTAssertEqual(after, [RoleGrant(role: .applicant, scope: .national)])
        try await database.close()
    }

    func testOrganisationsVisibleToAReviewerAreThoseOfItsTerritoryOnly() async throws {
        let database = try await TestDatabase.make()
        let users = SQLUserRepository(database)
        let organisations = SQLOrganisationRepository(database)
        let owner1 = try await users.create(email: "p1@example.fr", displayName: "P1", passwordHash: "h", at: now)
        let owner2 = try await users.create(email: "p2@example.fr", displayName: "P2", passwordHash: "h", at: now)
        _ = try await organisations.create(
            OrganisationDraft(name: "Charente", legalForm: "association", siret: nil, communeCode: "16015", departmentCode: "16", regionCode: "75"),
            owner: owner1, at: now)
        _ = try await organisations.create(
            OrganisationDraft(name: "Rhône", legalForm: "scic", siret: nil, communeCode: "69123", departmentCode: "69", regionCode: "84"),
            owner: owner2, at: now)
        let reviewer16 = Viewer(userID: 99, email: "i@x.fr", displayName: "I", grants: [RoleGrant(role: .reviewer, scope: .department("16"))])
        let reviewer84 = Viewer(userID: 98, email: "j@x.fr", displayName: "J", grants: [RoleGrant(role: .reviewer, scope: .region("84"))])
        let committee = Viewer(userID: 97, email: "c@x.fr", displayName: "C", grants: [RoleGrant(role: .committee, scope: .national)])
        let applicant1 = Viewer(userID: owner1, email: "p1@example.fr", displayName: "P1", grants: [RoleGrant(role: .applicant, scope: .national)])
        let names16 = try await organisations.visible(to: reviewer16).map(\.name)
        let names84 = try await organisations.visible(to: reviewer84).map(\.name)
        let namesAll = try await organisations.visible(to: committee).map(\.name)
        let namesOwn = try await organisations.visible(to: applicant1).map(\.name)
        XCTAssertEqual(names16, ["Charente"])
        XCTAssertEqual(names84, ["Rhône"])
        XCTAssertEqual(namesAll, ["Charente", "Rhône"])
        XCTAssertEqual(namesOwn, ["Charente"])
        try await database.close()
    }

    func testKeyValueEntriesExpireAndCreateRefusesALiveKey() async throws {
        let database = try await TestDatabase.make()
        let store = SQLKeyValueStore(database)
        let created = try await store.create(key: "k", value: "v1", expiresAt: Instant(milliseconds: now.milliseconds + 1000), now: now)
        XCTAssertTrue(created)
        let again = try await store.create(key: "k", value: "v2", expiresAt: nil, now: now)
        XCTAssertFalse(again)
        try await store.set(key: "k", value: "v3", expiresAt: Instant(milliseconds: now.milliseconds + 1000))
        let live = try await store.get(key: "k", now: now)
        XCTAssertEqual(live, "v3")
        let expired = try await store.get(key: "k", now: Instant(milliseconds: now.milliseconds + 1000))
        XCTAssertNil(expired)
        let reused = try await store.create(key: "k", value: "v4", expiresAt: nil, now: Instant(milliseconds: now.milliseconds + 2000))
        XCTAssertTrue(reused, "an expired key can be created again")
        try await database.close()
    }

    func testLoginFailuresAreCountedInTheirWindow() async throws {
        let database = try await TestDatabase.make()
        let log = SQLLoginFailureLog(database)
        for offset in [0, 1000, 2000] {
            try await log.record(email: "a@x.fr", client: "127.0.0.1", at: Instant(milliseconds: now.milliseconds + Int64(offset)))
        }
        let recent = try await log.count(email: "a@x.fr", since: Instant(milliseconds: now.milliseconds + 500))
        XCTAssertEqual(recent, 2)
        let byClient = try await log.count(client: "127.0.0.1", since: now)
        XCTAssertEqual(byClient, 3)
        try await log.clear(email: "a@x.fr")
        let cleared = try await log.count(email: "a@x.fr", since: now)
        XCTAssertEqual(cleared, 0)
        try await database.close()
    }
}
