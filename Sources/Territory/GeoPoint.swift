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
        let sinHalfLatitude = Self.sine(dLat / 2), sinHalfLongitude = Self.sine(dLon / 2)
        let a = sinHalfLatitude * sinHalfLatitude + cosLatitude * otherCosLatitude * sinHalfLongitude * sinHalfLongitude
        return 2 * Self.earthRadiusKilometres * asin(min(1, a.squareRoot()))
    }

    /// The sine of a half-difference: by its Taylor series up to x⁹ below 0.1 rad (a few hundred
    /// kilometres), where the next term is below a fiftieth of the last bit, and by `sin` above.
    /// A search measures every place it keeps: the library call was most of the distance's cost.
    @inline(__always)
    static func sine(_ x: Double) -> Double {
        guard abs(x) < 0.1 else { return sin(x) }
        let square = x * x
        return x + x * square * (-1.0 / 6 + square * (1.0 / 120 + square * (-1.0 / 5_040 + square * (1.0 / 362_880))))
    }
}
