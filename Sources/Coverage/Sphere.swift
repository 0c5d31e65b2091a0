import Foundation
import Territory

/// Geometry on the sphere used by `GeoPoint.distanceKilometres` (haversine, mean Earth radius).
///
/// The index works on 3-D unit vectors: the chord between two unit vectors is `2 sin(θ/2)`, a strictly
/// increasing function of the central angle θ, so ordering by chord is ordering by great-circle distance
/// and no point can be missed by a Euclidean k-d tree.
enum Sphere {
    /// Same value as `GeoPoint`'s (which is internal to Territory).
    static let earthRadiusKilometres = 6371.0088

    static func unitVector(_ point: GeoPoint) -> SIMD3<Double> {
        let toRadians = Double.pi / 180
        let latitude = point.latitude * toRadians, longitude = point.longitude * toRadians
        let cosLatitude = cos(latitude)
        return SIMD3(cosLatitude * cos(longitude), cosLatitude * sin(longitude), sin(latitude))
    }

    /// Chord length on the unit sphere for a great-circle distance; beyond half the circumference every
    /// point is within reach, hence the cap at the diameter.
    static func chord(kilometres: Double) -> Double {
        let angle = kilometres / earthRadiusKilometres
        return angle >= Double.pi ? 2 : 2 * sin(angle / 2)
    }
}

/// The squared-chord thresholds of a radius query.
///
/// "Within R" means `GeoPoint.distanceKilometres ≤ R` (closed disc): the haversine is the figure users
/// see, so the rule is stated on it. Chords and haversines are computed differently and may disagree in
/// the last bits, so points whose chord is clearly inside (`inner`) or clearly outside (`outer`) are
/// decided on the chord alone and only the thin band between is decided by the haversine itself.
struct RadiusThreshold: Sendable {
    let kilometres: Double
    let innerSquared: Double
    let outerSquared: Double

    init(kilometres: Double) {
        let chord = Sphere.chord(kilometres: max(0, kilometres))
        self.kilometres = kilometres
        let inner = chord * (1 - 1e-9), outer = chord * (1 + 1e-9) + 1e-12
        innerSquared = inner * inner
        outerSquared = outer * outer
    }
}
