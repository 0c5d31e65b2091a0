import Foundation

/// A WGS84 position in decimal degrees.
public struct GeoPoint: Sendable, Hashable, Codable {
    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
    }

    public static let earthRadiusKilometres = 6371.0088

    /// Great-circle distance (haversine), accurate to well under 0.5 % at the scales the programme uses.
    public func distanceKilometres(to other: GeoPoint) -> Double {
        let toRadians = Double.pi / 180
        return distanceKilometres(cosLatitude: cos(latitude * toRadians), to: other, cosLatitude: cos(other.latitude * toRadians))
    }

    /// The same distance, bit for bit, with both latitudes' cosines given: a search that measures many
    /// places from one centre computes each cosine once.
    @inline(__always)
    public func distanceKilometres(cosLatitude: Double, to other: GeoPoint, cosLatitude otherCosLatitude: Double) -> Double {
        let toRadians = Double.pi / 180
        let dLat = (other.latitude - latitude) * toRadians
        let dLon = (other.longitude - longitude) * toRadians
        let sinHalfLatitude = sin(dLat / 2), sinHalfLongitude = sin(dLon / 2)
        let a = sinHalfLatitude * sinHalfLatitude + cosLatitude * otherCosLatitude * sinHalfLongitude * sinHalfLongitude
        return 2 * Self.earthRadiusKilometres * asin(min(1, a.squareRoot()))
    }
}
