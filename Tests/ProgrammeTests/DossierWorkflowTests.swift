import Programme
import XCTest

final class DossierWorkflowTests: XCTestCase {
    /// The complete table the issue describes, written out independently of the implementation.
    static let legal: [DossierAction: (from: Set<DossierState>, to: DossierState, actors: Set<DossierActor>)] = [
        .submit: ([.draft], .submitted, [.applicant]),
        .startReview: ([.submitted], .inReview, [.reviewer, .committee]),
        .requestCorrection: ([.inReview], .correctionRequested, [.reviewer, .committee]),
        .resubmit: ([.correctionRequested], .inReview, [.applicant]),
        .accept: ([.inReview], .accepted, [.committee]),
        .refuse: ([.inReview], .refused, [.committee]),
        .closeWithoutFollowUp: ([.submitted, .inReview, .correctionRequested], .closedWithoutFollowUp, [.reviewer, .committee]),
    ]

    func testEveryActionFromEveryStateByEveryActor() {
        let actors: [DossierActor] = [.applicant, .reviewer, .committee]
        var legalCount = 0
        for action in DossierAction.allCases {
            let rule = Self.legal[action]!
            for state in DossierState.allCases {
                for actor in actors {
                    let result = DossierWorkflow.apply(action, to: state, by: actor, reason: "motif écrit")
                    switch result {
                    case .success(let next):
                        XCTAssertTrue(rule.from.contains(state) && rule.actors.contains(actor), "\(action) from \(state) by \(actor) should be refused")
                        XCTAssertEqual(next, rule.to)
                        legalCount += 1
                    case .failure(let refusal):
                        XCTAssertFalse(rule.from.contains(state) && rule.actors.contains(actor), "\(action) from \(state) by \(actor) refused: \(refusal.message)")
                        if !rule.from.contains(state) { XCTAssertEqual(refusal, .illegal(action: action, from: state)) }
                    }
                }
            }
        }
        XCTAssertEqual(legalCount, 14)
    }

    func testDecidedDossiersNeverMoveAgain() {
        for state in DossierState.allCases where state.isFinal {
            for actor in [DossierActor.applicant, .reviewer, .committee] {
                XCTAssertEqual(DossierWorkflow.available(from: state, to: actor), [])
            }
        }
    }

    func testDecisionsAndRequestsNeedAWrittenReason() {
        for action in [DossierAction.requestCorrection, .accept, .refuse, .closeWithoutFollowUp] {
            let from = action.sources.first!
            let actor = action.actors.contains(.committee) ? DossierActor.committee : .reviewer
            XCTAssertEqual(DossierWorkflow.apply(action, to: from, by: actor, reason: "   \n"), .failure(.reasonMissing(action: action)))
            XCTAssertEqual(DossierWorkflow.apply(action, to: from, by: actor, reason: nil), .failure(.reasonMissing(action: action)))
        }
        XCTAssertEqual(DossierWorkflow.apply(.submit, to: .draft, by: .applicant, reason: nil), .success(.submitted))
    }

    func testReviewersPrepareButOnlyTheComiteDecides() {
        XCTAssertEqual(DossierWorkflow.apply(.accept, to: .inReview, by: .reviewer, reason: "bon projet"), .failure(.notAllowed(action: .accept, actor: .reviewer)))
        XCTAssertEqual(DossierWorkflow.available(from: .inReview, to: .reviewer), [.requestCorrection, .closeWithoutFollowUp])
        XCTAssertEqual(DossierWorkflow.available(from: .inReview, to: .committee), [.requestCorrection, .accept, .refuse, .closeWithoutFollowUp])
        XCTAssertTrue(DossierWorkflow.apply(.refuse, to: .draft, by: .committee, reason: "x").failureMessage!.contains("Brouillon"))
    }
}

extension Result where Failure == WorkflowRefusal {
    var failureMessage: String? { if case .failure(let refusal) = self { refusal.message } else { nil } }
}
