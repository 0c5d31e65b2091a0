import Foundation
import Logging
import Storage
import TestSupport
import XCTest

/// A bad data directory or database stops the server at start with one clear French message.
final class StartupFailureTests: XCTestCase {
    func testADataDirectoryThatIsAFileIsRefused() throws {
        let file = TestDatabase.temporaryDirectory().appendingPathComponent("not-a-directory")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8))
        XCTAssertThrowsError(try DataDirectory.prepare(file.path)) { error in
            XCTAssertTrue(String(describing: error).contains("ce chemin est un fichier, pas un répertoire"), "\(error)")
        }
    }

    func testAMissingDataDirectoryIsCreated() throws {
        let directory = TestDatabase.temporaryDirectory().appendingPathComponent("a/b/c")
        try DataDirectory.prepare(directory.path)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    func testACorruptSQLiteFileIsReportedNotCrashedOn() async throws {
        let directory = TestDatabase.temporaryDirectory()
        let path = directory.appendingPathComponent("fabriques.sqlite").path
        _ = FileManager.default.createFile(atPath: path, contents: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7919) }))
        do {
            _ = try await Database.open(.sqlite(path: path), logger: Logger(label: "test"))
            XCTFail("a corrupt file opened")
        } catch {
            XCTAssertTrue(error.description.hasPrefix("Base de données inutilisable"), error.description)
        }
    }

    func testAMalformedDatabaseURLIsExplained() async throws {
        do {
            _ = try await Database.open(.postgres(url: "pas une url"), logger: Logger(label: "test"))
            XCTFail("accepted")
        } catch {
            XCTAssertTrue(error.description.contains("DATABASE_URL n'est pas une adresse PostgreSQL valide"), error.description)
        }
    }

    func testThePasswordOfADatabaseURLIsNeverPrinted() {
        let location = DatabaseLocation.resolve(databaseURL: "postgres://fab:secret@db:5432/prod", dataDirectory: "x")
        XCTAssertFalse(location.description.contains("secret"))
        XCTAssertEqual(DatabaseLocation.resolve(databaseURL: nil, dataDirectory: "/data"), .sqlite(path: "/data/fabriques.sqlite"))
    }
}
