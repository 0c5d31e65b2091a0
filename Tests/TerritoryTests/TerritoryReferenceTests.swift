import Territory
import XCTest

final class TerritoryReferenceTests: XCTestCase {
    static let reference = try! TerritoryReference.loadBundled()

    func testShipsEveryCommuneDepartmentAndRegion() {
        let reference = Self.reference
        XCTAssertEqual(reference.communes.filter { $0.kind == .commune }.count, 34_875)
        XCTAssertEqual(reference.communes.filter { $0.kind == .arrondissement }.count, 45)
        XCTAssertEqual(reference.departments.count, 101)
        XCTAssertEqual(reference.regions.count, 18)
        XCTAssertEqual(reference.priorityNeighbourhoods.count, 1_493)
        let population = reference.communes.filter { $0.kind == .commune }.reduce(0) { $0 + $1.population }
        XCTAssertEqual(population, 68_350_798)
    }

    func testKeepsCodesAsTextWithTheirTerritory() throws {
        let ajaccio = try XCTUnwrap(Self.reference.commune(code: "2A004"))
        XCTAssertEqual(ajaccio.name, "Ajaccio")
        XCTAssertEqual(ajaccio.departmentCode, "2A")
        XCTAssertEqual(ajaccio.regionCode, "94")
        let abergement = try XCTUnwrap(Self.reference.commune(code: "01001"))
        XCTAssertEqual(abergement.departmentCode, "01")
        XCTAssertTrue(abergement.isRural)
        XCTAssertEqual(Self.reference.department(code: "974")?.name, "La Réunion")
    }

    func testKnowsRuralClassAndPriorityNeighbourhoods() throws {
        let paris = try XCTUnwrap(Self.reference.commune(code: "75056"))
        XCTAssertFalse(paris.isRural)
        XCTAssertEqual(paris.density, .largeUrbanCentre)
        XCTAssertTrue(paris.hasPriorityNeighbourhood)
        let bourg = try XCTUnwrap(Self.reference.commune(code: "01053"))
        XCTAssertTrue(bourg.priorityNeighbourhoodCodes.contains("QN00101M"))
        let rural = Self.reference.communes.filter { $0.kind == .commune && $0.isRural }
        XCTAssertEqual(rural.count, 30_596)
    }

    func testFindsCommunesByNameWhateverTheAccentsAndByPostalCode() {
        let found = Self.reference.searchCommunes("saint etienne", limit: 1)
        XCTAssertEqual(found.first?.code, "42218")
        XCTAssertEqual(Self.reference.searchCommunes("ANGOULEME").first?.code, "16015")
        let byPostalCode = Self.reference.communes(postalCode: "16000").map(\.code)
        XCTAssertEqual(byPostalCode, ["16015"])
        XCTAssertEqual(Self.reference.searchCommunes("   "), [])
    }

    func testNearestCommuneOfAPoint() {
        let point = GeoPoint(latitude: 45.6484, longitude: 0.1562)
        XCTAssertEqual(Self.reference.nearestCommune(to: point)?.code, "16015")
    }

    func testDistancesMatchKnownValues() {
        let paris = GeoPoint(latitude: 48.8566, longitude: 2.3522)
        let lyon = GeoPoint(latitude: 45.7640, longitude: 4.8357)
        XCTAssertEqual(paris.distanceKilometres(to: lyon), 391.5, accuracy: 1.5)
        XCTAssertEqual(paris.distanceKilometres(to: paris), 0, accuracy: 1e-9)
    }

    func testFrenchFolding() {
        XCTAssertEqual(FrenchText.fold("Saint-Étienne"), "saint etienne")
        XCTAssertEqual(FrenchText.fold("L'Haÿ-les-Roses"), "l hay les roses")
        XCTAssertEqual(FrenchText.fold("Œuvre  FabLab!"), "oeuvre fablab")
    }

    func testOutlinesCoverEveryDepartment() throws {
        let outlines = try Outline.loadBundled(.department)
        XCTAssertEqual(Set(outlines.map(\.code)), Set(Self.reference.departments.map(\.code)))
        XCTAssertTrue(outlines.allSatisfy { !$0.polygons.isEmpty && $0.polygons.allSatisfy { $0[0].count >= 4 } })
    }
}

final class SearchNameTests: XCTestCase {
    /// The build script folds names in Python; the server folds queries in Swift. They must agree.
    func testShippedSearchNamesEqualSwiftFolding() throws {
        let reference = TerritoryReferenceTests.reference
        let mismatches = reference.communes.filter { $0.searchName != FrenchText.fold($0.name) }
        XCTAssertEqual(mismatches.map(\.name), [])
    }
}
