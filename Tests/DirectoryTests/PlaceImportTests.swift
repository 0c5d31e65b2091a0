import Directory
import Foundation
import Territory
import XCTest

final class PlaceImportTests: XCTestCase {
    let reader = PlaceRecordReader(territory: Fixtures.territory, today: "2026-11-24")

    func testTheStandardsValidExampleIsReadWithItsTerritory() throws {
        let reading = try reader.read(Fixtures.data("exemple-valide.csv"), format: .csv)
        XCTAssertEqual(reading.places.count, 1)
        let place = reading.places[0].place
        XCTAssertEqual(place.name, "Anonymal")
        XCTAssertEqual(place.communeCode, "51454")
        XCTAssertEqual(place.departmentCode, "51")
        XCTAssertEqual(place.services, ["Maîtrise des outils numériques du quotidien", "Insertion professionnelle via le numérique", "Loisirs et créations numériques"])
        XCTAssertEqual(place.phone, "+33180059880")
        // The example's coordinates (43.5, 5.4) are near Aix, not Reims: reported and replaced.
        XCTAssertTrue(reading.issues.contains { $0.field == "latitude" && $0.severity == .corrected }, "\(reading.issues)")
        XCTAssertEqual(place.position, Fixtures.territory.commune(code: "51454")!.position)
    }

    func testTheCharenteExportInTheEarlierStandardIsReadWholly() throws {
        let reading = try reader.read(Fixtures.data("20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json"), format: .json)
        XCTAssertEqual(reading.places.count, 188, "\(reading.issues.filter { $0.severity == .rejected })")
        XCTAssertEqual(reading.rejectedCount, 0)
        XCTAssertTrue(reading.places.allSatisfy { $0.place.departmentCode == "16" || $0.place.departmentCode == "17" || $0.place.departmentCode == "24" || $0.place.departmentCode == "86" || $0.place.departmentCode == "87" || $0.place.departmentCode == "79" })
        let first = reading.places[0].place
        XCTAssertEqual(first.communeCode, "16089", "CHÂTEAUBERNARD with postal code 16100")
        XCTAssertTrue(first.nationalProgrammes.contains("France Services"), "labels_nationaux renamed")
        XCTAssertTrue(reading.issues.contains { $0.field == "code_insee" && $0.reason.contains("déduit") })
    }

    func testAnyCsvThroughAColumnMappingWithAPerRowReport() throws {
        let csv = """
        Nom du lieu;CP;Ville;Lat;Lon;Tel;Rue
        Le Garage;16000;Angoulême;45,6484;0,1562;05 45 00 00 00;2 rue Hergé
        ;16000;Angoulême;;;;
        Lieu fantôme;99999;Atlantide;;;;1 quai
        Tiers-lieu du Lac;74000;Annecy;;;pas un numéro;3 avenue du Lac
        """
        let mapping = try ColumnMapping(parsing: "Nom du lieu=nom,CP=code_postal,Ville=commune,Lat=latitude,Lon=longitude,Tel=telephone,Rue=adresse")
        let reading = try reader.read(Data(csv.utf8), format: .csv, mapping: mapping)
        XCTAssertEqual(reading.places.map(\.place.name), ["Le Garage", "Tiers-lieu du Lac"])
        XCTAssertEqual(reading.places[0].place.communeCode, "16015")
        XCTAssertEqual(reading.places[0].place.phone, "+33545000000")
        XCTAssertEqual(reading.places[0].place.position.latitude, 45.6484, accuracy: 1e-9, "decimal commas read")
        let rejected = reading.issues.filter { $0.severity == .rejected }
        XCTAssertEqual(rejected.map(\.line), [3, 4])
        XCTAssertEqual(rejected[0].field, "nom")
        XCTAssertTrue(rejected[1].reason.contains("commune introuvable"))
        XCTAssertTrue(reading.issues.contains { $0.line == 5 && $0.field == "telephone" && $0.severity == .corrected })
        XCTAssertThrowsError(try ColumnMapping(parsing: "Nom=pas_un_champ"))
    }

    func testGeoJSONPointsGiveTheCoordinates() throws {
        let geojson = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-0.3312,45.6813]},"properties":{"id":"g1","nom":"Médiathèque","adresse":"allée des Justes","commune":"Châteaubernard"}}]}"#
        let reading = try reader.read(Data(geojson.utf8), format: .geojson)
        XCTAssertEqual(reading.places.first?.place.communeCode, "16089", "commune from the coordinates")
        XCTAssertEqual(reading.places.first?.place.position.longitude ?? 0, -0.3312, accuracy: 1e-9)
        XCTAssertEqual(reading.places.first?.place.postalCode, "16100", "postal code filled from the reference")
    }

    func testExportWritesTheStandardsColumnsAndValidGeoJSON() throws {
        let reading = try reader.read(Fixtures.data("exemple-valide.csv"), format: .csv)
        let place = reading.places[0].place
        XCTAssertEqual(PlaceExport.csvHeader.trimmingCharacters(in: .newlines).split(separator: ",").count, 32)
        let reparsed = try reader.read(Data((PlaceExport.csvHeader + PlaceExport.csvRow(place)).utf8), format: .csv)
        XCTAssertEqual(reparsed.places.first?.place.name, place.name, "an export reads back")
        XCTAssertEqual(reparsed.places.first?.place.services, place.services)
        let feature = try JSONSerialization.jsonObject(with: PlaceExport.geoJSONFeature(place)) as? [String: Any]
        let coordinates = (feature?["geometry"] as? [String: Any])?["coordinates"] as? [Double]
        XCTAssertEqual(coordinates, [place.position.longitude, place.position.latitude], "longitude first (RFC 7946)")
    }

    func testTheJSONExportReadsBackWithEveryFieldOfTheStandard() throws {
        var place = try reader.read(Fixtures.data("exemple-valide.csv"), format: .csv).places[0].place
        place.name = "L'atelier \"Les Abeilles\" \\ 2e étage"
        place.summary = "Ligne 1\nLigne 2\tfin"
        place.kinds = [.fablab, .coworking]
        place.label = .fabrique
        let data = PlaceExport.json(place)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["nom"] as? String, place.name, "quotes, backslashes and accents survive")
        XCTAssertEqual(object["presentation_resume"] as? String, place.summary)
        XCTAssertEqual(object["types_tiers_lieu"] as? [String], ["fablab", "coworking"])
        XCTAssertEqual(object["label"] as? String, "fabrique")
        XCTAssertEqual(object["latitude"] as? Double, place.position.latitude)
        let reparsed = try reader.read(Data(("[" + String(decoding: data, as: UTF8.self) + "]").utf8), format: .json)
        let back = try XCTUnwrap(reparsed.places.first?.place)
        XCTAssertEqual(back.name, place.name)
        XCTAssertEqual(back.services, place.services)
        XCTAssertEqual(back.publics, place.publics)
        XCTAssertEqual(back.communeCode, place.communeCode)
        XCTAssertEqual(back.openingHours, place.openingHours)
        XCTAssertEqual(back.emails, place.emails)
        XCTAssertEqual(back.summary, place.summary)
    }
}
