import Coverage
import Foundation
import Hummingbird

/// The coverage report as the API serves it: the per-commune list (35,000 rows) only on request.
enum CoverageJSON {
    struct Body: Encodable {
        let radiusKm: Double
        let target: String
        let placeCount: Int
        let national: CoverageShare
        let byRadius: [RadiusCoverage]
        let departments: [CoverageShare]
        let regions: [CoverageShare]
        let classes: [CoverageShare]
        let zonesBlanches: [CommuneCoverage]
        let communes: [CommuneCoverage]?

        enum CodingKeys: String, CodingKey {
            case radiusKm = "radius_km", target, placeCount = "place_count", national, byRadius = "by_radius", departments, regions, classes
            case zonesBlanches = "zones_blanches", communes
        }
    }

    static func response(_ report: CoverageReport, includeCommunes: Bool) throws -> Response {
        let body = Body(radiusKm: report.radiusKilometres, target: report.target, placeCount: report.placeCount, national: report.national,
                        byRadius: report.byRadius, departments: report.departments, regions: report.regions, classes: report.classes,
                        zonesBlanches: report.zonesBlanches, communes: includeCommunes ? report.communes : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(body))))
    }
}
