import Directory
import Foundation
import Territory
@testable import Web
import XCTest

/// The directory search writes its JSON by hand for speed: it must stay the exact bytes the documented
/// `PlacePage` gives through the API's encoder, including for names that need escaping.
final class SearchJSONTests: XCTestCase {
    func testHandWrittenSearchJSONIsTheEncodersBytes() throws {
        let territory = try TerritoryReference.loadBundled()
        let awkward = ["Le \"Hangar\" \\ atelier", "Tab\there\nnewline\u{1}\u{8}\u{c}\r", "Café / Bar 🐝 œuvre", "Ünïcödé ÉCOLE", "2A fablab"]
        var places: [DirectoryPlace] = []
        for (number, name) in awkward.enumerated() {
            let commune = territory.commune(code: ["42218", "16015", "2A004", "97411", "69123"][number])!
            var place = DirectoryPlace(
                id: Int64(number + 1), externalID: "x\(number)", name: name, address: "1 rue", postalCode: "00000", commune: commune,
                kinds: number.isMultiple(of: 2) ? [.fablab, .coworking] : [], label: number == 1 ? .fabrique : nil,
                services: number == 3 ? [] : ["Aide aux démarches administratives", "Échanger \"librement\""], updatedOn: "2024-01-01")
            place.publics = ["Jeunes"]
            places.append(place)
        }
        let index = PlaceSearchIndex(places: places, territory: territory)
        let queries = [
            PlaceQuery(),
            PlaceQuery(near: territory.commune(code: "42218")!.position, radiusKilometres: 1_000),
            PlaceQuery(text: "zzz"),
            PlaceQuery(service: "Aide aux démarches administratives", page: 2, perPage: 2),
        ]
        for query in queries {
            let result = index.search(query)
            let written = PlacesAPI.encode(result)
            let encoded = try JSONResponse.encoder.encode(PlacesAPI.page(result))
            XCTAssertEqual(String(buffer: written), String(decoding: encoded, as: UTF8.self), "\(query)")
        }
    }

    func testAPageLargerThanTheResponseBufferIsWrittenWhole() throws {
        // 200 places with long names make more than the 16 KB written in place: the rest must follow.
        let territory = try TerritoryReference.loadBundled()
        let commune = territory.commune(code: "16015")!
        let places = (1...200).map { number in
            DirectoryPlace(id: Int64(number), externalID: "l\(number)", name: "Tiers-lieu numéro \(number) " + String(repeating: "é", count: 80),
                           address: "\(number) rue Longue", postalCode: "16000", commune: commune, kinds: [.coworking], label: nil,
                           services: ["Aide aux démarches administratives"], updatedOn: "2024-01-01")
        }
        let result = PlaceSearchIndex(places: places, territory: territory).search(PlaceQuery(perPage: 200))
        let written = PlacesAPI.encode(result)
        XCTAssertGreaterThan(written.readableBytes, 16_384)
        XCTAssertEqual(String(buffer: written), String(decoding: try JSONResponse.encoder.encode(PlacesAPI.page(result)), as: UTF8.self))
    }
}
