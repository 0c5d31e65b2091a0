import Foundation
import Territory

/// Seeded generator so that random cases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random points over metropolitan France's bounding box, with some exact duplicates to exercise ties.
func randomPoints(_ count: Int, generator: inout SplitMix64) -> [GeoPoint] {
    var points: [GeoPoint] = []
    for _ in 0..<count {
        if let previous = points.last, Int.random(in: 0..<20, using: &generator) == 0 {
            points.append(previous)
        } else {
            points.append(GeoPoint(latitude: .random(in: 41.3...51.1, using: &generator),
                                   longitude: .random(in: -5.2...9.6, using: &generator)))
        }
    }
    return points
}

/// Loaded once for all tests: parsing takes a moment in debug builds.
let bundledTerritory: TerritoryReference = try! TerritoryReference.loadBundled()
