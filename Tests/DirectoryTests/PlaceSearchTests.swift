import Directory
import Territory
import XCTest

final class PlaceSearchTests: XCTestCase {
    let index = PlaceSearchIndex(places: [
        Fixtures.place("FabLab de Saint-Étienne", commune: "42218", kinds: [.fablab], services: ["Loisirs et créations numériques"]),
        Fixtures.place("La Coopérative", commune: "42218", kinds: [.coworking], label: .fabrique),
        Fixtures.place("Atelier des Gones", commune: "69381", kinds: [.sharedWorkshop, .fablab], services: ["Loisirs et créations numériques"]),
        Fixtures.place("Le Chantier", commune: "16015", kinds: [.digitalMediation], services: ["Aide aux démarches administratives"], label: .fabrique),
        Fixtures.place("Ferme partagée", commune: "16003", kinds: [.foodPlace]),
    ], territory: Fixtures.territory)

    func names(_ query: PlaceQuery) -> [String] { index.search(query).hits.map(\.place.name) }

    func testWordsMatchWhateverTheAccentsCaseAndSpacing() {
        XCTAssertEqual(names(PlaceQuery(text: "saint etienne")), ["La Coopérative", "FabLab de Saint-Étienne"], "by commune too; labelled first")
        XCTAssertEqual(names(PlaceQuery(text: "fab lab")), ["Atelier des Gones", "FabLab de Saint-Étienne"], "the kind's label counts as text")
        XCTAssertEqual(names(PlaceQuery(text: "FABLAB étienne")), ["FabLab de Saint-Étienne"])
        XCTAssertEqual(names(PlaceQuery(text: "cooperative")), ["La Coopérative"])
        XCTAssertEqual(names(PlaceQuery(text: "introuvable")), [])
    }

    func testNearACommuneSortsByDistanceWithinTheRadius() throws {
        let lyon = Fixtures.territory.commune(code: "69123")!.position
        let result = index.search(PlaceQuery(near: lyon, radiusKilometres: 60))
        XCTAssertEqual(result.hits.first?.place.name, "Atelier des Gones")
        XCTAssertEqual(Set(result.hits.map(\.place.name)), ["Atelier des Gones", "FabLab de Saint-Étienne", "La Coopérative"])
        let distances = result.hits.compactMap(\.distanceKilometres)
        XCTAssertEqual(distances, distances.sorted(), "nearest first")
        XCTAssertEqual(distances.count, 3)
        XCTAssertLessThan(try XCTUnwrap(distances.first), 5)
        XCTAssertEqual(try XCTUnwrap(distances.last), 50, accuracy: 5, "Saint-Étienne is about 50 km from Lyon")
        XCTAssertEqual(names(PlaceQuery(near: lyon, radiusKilometres: 10)), ["Atelier des Gones"])
    }

    func testFiltersCombineAndFacetsCountWhatEachValueWouldGive() {
        let query = PlaceQuery(kind: .fablab, service: "Loisirs et créations numériques")
        let result = index.search(query)
        XCTAssertEqual(result.total, 2)
        // With the service filter kept, choosing another kind would give: fablab 2, atelier partagé 1.
        XCTAssertEqual(result.facets[.kind], ["fablab": 2, "atelier_partage": 1])
        // With the kind kept, each service would give:
        XCTAssertEqual(result.facets[.service], ["Loisirs et créations numériques": 2])
        XCTAssertEqual(result.facets[.department], ["42": 1, "69": 1])
        let combined = index.search(PlaceQuery(kind: .fablab, departmentCode: "69"))
        XCTAssertEqual(combined.hits.map(\.place.name), ["Atelier des Gones"])
        XCTAssertEqual(combined.facets[.department], ["42": 1, "69": 1], "the department facet ignores its own filter")
    }

    func testTerritoryFilters() {
        XCTAssertEqual(names(PlaceQuery(label: .fabrique)), ["La Coopérative", "Le Chantier"])
        XCTAssertEqual(names(PlaceQuery(rural: true)), ["Ferme partagée"])
        XCTAssertEqual(Set(names(PlaceQuery(priorityNeighbourhood: true))), ["FabLab de Saint-Étienne", "La Coopérative", "Atelier des Gones", "Le Chantier"],
                       "Saint-Étienne, Lyon (by its arrondissement's commune) and Angoulême have QPV")
        XCTAssertEqual(names(PlaceQuery(regionCode: "75")), ["Le Chantier", "Ferme partagée"])
    }

    func testPagination() {
        let first = index.search(PlaceQuery(page: 1, perPage: 2))
        let third = index.search(PlaceQuery(page: 3, perPage: 2))
        XCTAssertEqual(first.total, 5)
        XCTAssertEqual(first.pageCount, 3)
        XCTAssertEqual(first.hits.count, 2)
        XCTAssertEqual(third.hits.count, 1)
        XCTAssertEqual(index.search(PlaceQuery(page: 9, perPage: 2)).hits.count, 0)
    }
}
