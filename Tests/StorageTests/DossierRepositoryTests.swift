import Accounts
import Foundation
import Programme
import Storage
import TestSupport
import XCTest

/// The dossier SQL on the real database (SQLite here, PostgreSQL in CI): the deadline and the state are
/// checked by the statement that changes them, so no race can slip between check and write.
final class DossierRepositoryTests: XCTestCase {
    let now = Instant(milliseconds: 1_780_000_000_000)

    struct Fixture {
        let database: Database
        let calls: SQLCallRepository
        let dossiers: SQLDossierRepository
        let callID: Int64
        let wave: Wave
        let formID: Int64
        let owners: [Int64]
    }

    func fixture(applicants: Int = 2) async throws -> Fixture {
        let database = try await TestDatabase.make()
        let users = SQLUserRepository(database)
        let calls = SQLCallRepository(database)
        let callID = try await calls.create(StandardCall.settings, form: StandardCall.form, by: nil, at: now)
        try await calls.publishFormDraft(callID: callID, at: now)
        let opens = now.date.addingTimeInterval(-86_400), closes = now.date.addingTimeInterval(3_600)
        let waveID = try await calls.addWave(callID: callID, name: "Vague 1", opensAt: opens, closesAt: closes)
        var owners: [Int64] = []
        for index in 0..<applicants {
            owners.append(try await users.create(email: "p\(index)@example.fr", displayName: "P\(index)", passwordHash: "h", at: now))
        }
        let call = try await calls.find(id: callID)
        return Fixture(database: database, calls: calls, dossiers: SQLDossierRepository(database), callID: callID,
                       wave: try XCTUnwrap(call?.wave(waveID)), formID: try XCTUnwrap(call?.currentForm?.id), owners: owners)
    }

    func newDossier(_ f: Fixture, owner: Int64, department: String = "16", region: String = "75") async throws -> Int64 {
        try await f.dossiers.create(NewDossier(
            callID: f.callID, waveID: f.wave.id, formVersionID: f.formID, ownerUserID: owner, organisationID: nil,
            summary: DossierSummary(title: "Lieu", territory: DossierTerritory(communeCode: "16015", departmentCode: department, regionCode: region,
                                                                              isQPV: true, isRural: false, isDigital: false), amountCents: 10_000_000),
            answers: ["lieu_nom": .text("Lieu"), "budget_lignes": .rows([["poste": "Loyer", "annee1": "1 000"]])]), at: now)
    }

    func submit(_ f: Fixture, _ id: Int64, at: Date) async throws -> Bool {
        try await f.dossiers.apply(DossierChange(action: .submit, from: .draft, actorUserID: nil, reason: nil, at: Instant(at)), to: id)
    }

    func testTheStatementThatSubmitsChecksTheClosingInstant() async throws {
        let f = try await fixture()
        let early = try await newDossier(f, owner: f.owners[0]), late = try await newDossier(f, owner: f.owners[1])
        let accepted = try await submit(f, early, at: f.wave.closesAt.addingTimeInterval(-0.001))
        let refused = try await submit(f, late, at: f.wave.closesAt)
        XCTAssertTrue(accepted)
        XCTAssertFalse(refused)
        let tooSoon = try await submit(f, late, at: f.wave.opensAt.addingTimeInterval(-1))
        XCTAssertFalse(tooSoon)
        let lateDossier = try await f.dossiers.find(id: late)
        XCTAssertEqual(lateDossier?.state, .draft)
        XCTAssertEqual(lateDossier?.answers["budget_lignes"], .rows([["poste": "Loyer", "annee1": "1 000"]]), "answers survive the round trip")
        let events = try await f.dossiers.events(dossierID: early)
        XCTAssertEqual(events.map(\.action), ["creer", "deposer"])
        try await f.database.close()
    }

    func testConcurrentActionsOnOneDossierApplyOnce() async throws {
        let f = try await fixture()
        let id = try await newDossier(f, owner: f.owners[0])
        _ = try await submit(f, id, at: now.date)
        let dossiers = f.dossiers, at = now
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for reviewer in 1...8 {
                group.addTask {
                    try await dossiers.apply(DossierChange(action: .startReview, from: .submitted, actorUserID: Int64(reviewer), reason: nil, at: at), to: id)
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        XCTAssertEqual(results.filter { $0 }.count, 1)
        let events = try await f.dossiers.events(dossierID: id)
        XCTAssertEqual(events.filter { $0.action == "instruire" }.count, 1)
        try await f.database.close()
    }

    func testARushAroundTheDeadlineLosesNothingAndLetsNothingLateIn() async throws {
        let f = try await fixture(applicants: 40)
        var ids: [Int64] = []
        for owner in f.owners { ids.append(try await newDossier(f, owner: owner)) }
        let dossiers = f.dossiers, closes = f.wave.closesAt
        // Half arrive in the last second, half just after the closing instant, all at once.
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for (index, id) in ids.enumerated() {
                group.addTask {
                    let at = closes.addingTimeInterval(index % 2 == 0 ? -0.5 : 0.2)
                    return (index, try await dossiers.apply(DossierChange(action: .submit, from: .draft, actorUserID: nil, reason: nil, at: Instant(at)), to: id))
                }
            }
            return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        for (index, accepted) in results { XCTAssertEqual(accepted, index % 2 == 0, "applicant \(index)") }
        let viewer = Viewer(userID: 0, email: "c@x.fr", displayName: "C", grants: [RoleGrant(role: .committee, scope: .national)])
        let submitted = try await SQLDossierListing(f.database).page(DossierFilter(), viewer: viewer, limit: 100, offset: 0)
        XCTAssertEqual(submitted.total, 20)
        XCTAssertTrue(submitted.dossiers.allSatisfy { $0.submittedAt! < Instant(closes) })
        try await f.database.close()
    }

    func testListsAreScopedInSQLAndExpertsSeeOnlyTheirDossier() async throws {
        let f = try await fixture(applicants: 3)
        let charente = try await newDossier(f, owner: f.owners[0])
        let lyon = try await newDossier(f, owner: f.owners[1], department: "69", region: "84")
        let draft = try await newDossier(f, owner: f.owners[2])
        for id in [charente, lyon] { _ = try await submit(f, id, at: now.date) }
        let expertID = try await SQLUserRepository(f.database).create(email: "e@example.fr", displayName: "E", passwordHash: "h", at: now)
        try await SQLDossierReviewRepository(f.database).inviteExpert(dossierID: lyon, userID: expertID, by: 1, at: now)
        let listing = SQLDossierListing(f.database)
        func ids(_ viewer: Viewer, _ filter: DossierFilter = DossierFilter()) async throws -> [Int64] {
            try await listing.page(filter, viewer: viewer, limit: 50, offset: 0).dossiers.map(\.id).sorted()
        }
        let reviewer = Viewer(userID: 90, email: "i@x.fr", displayName: "I", grants: [RoleGrant(role: .reviewer, scope: .department("16"))])
        let regional = Viewer(userID: 91, email: "j@x.fr", displayName: "J", grants: [RoleGrant(role: .reviewer, scope: .region("84"))])
        let expert = Viewer(userID: expertID, email: "e@example.fr", displayName: "E", grants: [])
        let charenteOnly = try await ids(reviewer)
        let lyonOnly = try await ids(regional)
        let expertOnly = try await ids(expert)
        XCTAssertEqual(charenteOnly, [charente], "the draft is not listed")
        XCTAssertEqual(lyonOnly, [lyon])
        XCTAssertEqual(expertOnly, [lyon])
        var qpvInLyon = DossierFilter()
        qpvInLyon.departmentCode = "69"
        let none = try await ids(reviewer, qpvInLyon)
        XCTAssertEqual(none, [])
        XCTAssertNotNil(draft)
        try await f.database.close()
    }

    func testFilesKeepEveryByteAndFormVersionsNeverChangeOncePublished() async throws {
        let f = try await fixture()
        let id = try await newDossier(f, owner: f.owners[0])
        let files = SQLDossierFileRepository(f.database)
        let bytes = (0..<1024).map { UInt8($0 % 256) }
        let fileID = try await files.store(dossierID: id, fieldKey: "piece_statuts", filename: "statuts.pdf", contentType: "application/pdf", content: bytes, by: f.owners[0], at: now)
        let stored = try await files.content(fileID: fileID)
        XCTAssertEqual(stored?.1, bytes)
        XCTAssertEqual(stored?.0.sha256.count, 64)

        var changed = StandardCall.form
        changed.sections.removeLast()
        try await f.calls.saveFormDraft(callID: f.callID, definition: changed, at: now)
        try await f.calls.saveFormDraft(callID: f.callID, definition: changed, at: now)
        let call = try await f.calls.find(id: f.callID)
        XCTAssertEqual(call?.forms.map(\.version), [1, 2], "editing a draft does not pile up versions")
        XCTAssertEqual(call?.currentForm?.definition, StandardCall.form, "the published version is untouched")
        try await f.calls.publishFormDraft(callID: f.callID, at: now)
        let published = try await f.calls.find(id: f.callID)
        XCTAssertEqual(published?.currentForm?.version, 2)
        try await f.database.close()
    }
}
