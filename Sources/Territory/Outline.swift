import Foundation

/// The boundary of a département or région, as polygons of (longitude, latitude) rings, for maps.
public struct Outline: Sendable {
    public let code: String
    public let name: String
    /// Each polygon is a list of rings; the first ring is the exterior.
    public let polygons: [[[GeoPoint]]]

    /// Loads the shipped ANCT outlines (métropole and DROM at their real positions).
    public static func loadBundled(_ level: Level) throws(TerritoryError) -> [Outline] {
        let name = level == .department ? "departements-france-drom-anct.geojson" : "regions-france-drom-anct.geojson"
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: nil),
            let data = try? Data(contentsOf: url)
        else { throw .missingResource(name) }
        return try parse(geoJSON: data, file: name)
    }

    public enum Level: Sendable { case department, region }

    static func parse(geoJSON data: Data, file: String) throws(TerritoryError) -> [Outline] {
        let collection: FeatureCollection
        do { collection = try JSONDecoder().decode(FeatureCollection.self, from: data) } catch {
            throw .malformed(file: file, line: 0, reason: "GeoJSON invalide")
        }
        return collection.features.map { feature in
            let toPoint: ([Double]) -> GeoPoint = { GeoPoint(latitude: $0[1], longitude: $0[0]) }
            let polygons: [[[GeoPoint]]] = switch feature.geometry {
            case .polygon(let rings): [rings.map { $0.map(toPoint) }]
            case .multiPolygon(let polygons): polygons.map { $0.map { $0.map(toPoint) } }
            }
            return Outline(code: feature.properties.code, name: feature.properties.nom, polygons: polygons)
        }
    }

    private struct FeatureCollection: Decodable { let features: [Feature] }
    private struct Feature: Decodable {
        struct Properties: Decodable { let code: String; let nom: String }
        let properties: Properties
        let geometry: Geometry
    }
    private enum Geometry: Decodable {
        case polygon([[[Double]]])
        case multiPolygon([[[[Double]]]])

        enum CodingKeys: String, CodingKey { case type, coordinates }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .type) {
            case "Polygon": self = .polygon(try container.decode([[[Double]]].self, forKey: .coordinates))
            case "MultiPolygon": self = .multiPolygon(try container.decode([[[[Double]]]].self, forKey: .coordinates))
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "géométrie \(other) non gérée")
            }
        }
    }
}
