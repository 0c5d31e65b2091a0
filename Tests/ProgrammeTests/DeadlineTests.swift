import Foundation
import Programme
import XCTest

final class DeadlineTests: XCTestCase {
    func paris(_ text: String) throws -> Date { try ParisCalendar.instant(local: text).get() }

    func testClosingInstantIsExcludedToTheSecond() throws {
        let wave = Wave(id: 1, name: "Vague 1", opensAt: try paris("2026-01-05T09:00"), closesAt: try paris("2026-03-31T12:00"))
        XCTAssertTrue(wave.acceptsSubmission(at: wave.closesAt.addingTimeInterval(-1)))
        XCTAssertTrue(wave.acceptsSubmission(at: wave.closesAt.addingTimeInterval(-0.001)))
        XCTAssertFalse(wave.acceptsSubmission(at: wave.closesAt))
        XCTAssertFalse(wave.acceptsSubmission(at: wave.closesAt.addingTimeInterval(1)))
        XCTAssertEqual(wave.phase(at: wave.opensAt.addingTimeInterval(-1)), .upcoming)
        XCTAssertEqual(wave.phase(at: wave.opensAt), .open)
        XCTAssertEqual(wave.timeLeft(at: wave.closesAt.addingTimeInterval(-90_061)), "1 jour et 1 heure")
        XCTAssertEqual(wave.timeLeft(at: wave.closesAt.addingTimeInterval(-59)), "59 secondes")
        XCTAssertNil(wave.timeLeft(at: wave.closesAt))
    }

    func testParisTimeIsReadInSummerAndWinterTime() throws {
        // 12:00 in Paris is 11:00 UTC in winter, 10:00 UTC in summer.
        XCTAssertEqual(try paris("2026-03-27T12:00").timeIntervalSince1970, 1_774_609_200)
        XCTAssertEqual(try paris("2026-03-30T12:00").timeIntervalSince1970, 1_774_864_800)
        XCTAssertEqual(try paris("30/03/2026 12:00"), try paris("2026-03-30T12:00"))
    }

    func testWaveSpanningTheSpringChangeIsAnHourShorter() throws {
        // Deadline typed in local time keeps its meaning across the change: 28/03 12:00 to 29/03 12:00 is 23 hours.
        let wave = Wave(id: 1, name: "Vague de printemps", opensAt: try paris("2026-03-28T12:00"), closesAt: try paris("2026-03-29T12:00"))
        XCTAssertEqual(wave.closesAt.timeIntervalSince(wave.opensAt), 23 * 3_600)
        XCTAssertTrue(wave.acceptsSubmission(at: try paris("2026-03-29T11:59")))
        XCTAssertFalse(wave.acceptsSubmission(at: try paris("2026-03-29T12:00")))
    }

    func testTheMissingSpringHourIsRefusedAndTheRepeatedAutumnHourMeansItsFirstOccurrence() throws {
        XCTAssertEqual(ParisCalendar.instant(local: "2026-03-29T02:30"), .failure(.nonexistent("2026-03-29T02:30")))
        let autumn = try paris("2026-10-25T02:30")
        XCTAssertEqual(autumn.timeIntervalSince1970, 1_792_888_200, "00:30 UTC, still summer time")
        XCTAssertEqual(ParisCalendar.format(autumn), "25/10/2026 à 02h30")
        XCTAssertEqual(ParisCalendar.format(autumn.addingTimeInterval(3_600)), "25/10/2026 à 02h30")
    }

    func testUnreadableDeadlinesAreRefusedInFrench() {
        for text in ["demain midi", "2026-02-30T12:00", "2026-13-01T10:00", "2026-01-01T24:00", ""] {
            guard case .failure(let error) = ParisCalendar.instant(local: text) else { return XCTFail(text) }
            XCTAssertTrue(error.message.contains("illisible"), text)
        }
    }

    func testRoundTripThroughTheFormInput() throws {
        let date = try paris("2026-07-14T18:05")
        XCTAssertEqual(ParisCalendar.inputValue(date), "2026-07-14T18:05")
    }
}
