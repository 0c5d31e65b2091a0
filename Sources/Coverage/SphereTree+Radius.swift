import Territory

extension SphereTree {
    /// Sum of the weights of the points within `kilometres` of `query` (closed disc, see `RadiusThreshold`).
    /// Subtrees whose box lies wholly inside the disc are added from their precomputed sum, which is
    /// what makes "population within 30 km of 500,000 places" cheap.
    public func weightWithin(kilometres: Double, of query: GeoPoint) -> Double {
        guard count > 0 else { return 0 }
        let threshold = RadiusThreshold(kilometres: kilometres)
        return storage.weightWithin(node: 0, vector: Sphere.unitVector(query), point: query, threshold: threshold)
    }

    /// Offsets (in the `points` given at init) of the points within `kilometres` of `query`, ascending.
    public func indices(within kilometres: Double, of query: GeoPoint) -> [Int] {
        var found: [Int32] = []
        appendIndices(within: kilometres, of: query, to: &found)
        found.sort()
        return found.map(Int.init)
    }

    /// Appends, unsorted, the offsets of the points within `kilometres` of `query`.
    func appendIndices(within kilometres: Double, of query: GeoPoint, to found: inout [Int32]) {
        guard count > 0 else { return }
        let threshold = RadiusThreshold(kilometres: kilometres)
        storage.collect(node: 0, vector: Sphere.unitVector(query), point: query, threshold: threshold, into: &found)
    }

    /// Whether any point lies within `kilometres` of `query`.
    public func containsPoint(within kilometres: Double, of query: GeoPoint) -> Bool {
        guard let nearest = nearest(to: query) else { return false }
        return nearest.kilometres <= kilometres
    }
}

extension SphereTreeStorage {
    /// Points in the thin band around the radius are decided by the haversine itself.
    @inline(__always)
    private func isWithin(slot: Int, squared: Double, point: GeoPoint, threshold: RadiusThreshold) -> Bool {
        if squared <= threshold.innerSquared { return true }
        if squared > threshold.outerSquared { return false }
        return point.distanceKilometres(to: positions[slot]) <= threshold.kilometres
    }

    func weightWithin(node index: Int, vector: SIMD3<Double>, point: GeoPoint, threshold: RadiusThreshold) -> Double {
        let node = nodes[index]
        if boxDistanceSquared(node, vector) > threshold.outerSquared { return 0 }
        if boxFarthestSquared(node, vector) <= threshold.innerSquared { return node.weight }
        if node.left < 0 {
            var sum = 0.0
            for slot in Int(node.start)..<Int(node.end) {
                let delta = vectors[slot] - vector
                if isWithin(slot: slot, squared: (delta * delta).sum(), point: point, threshold: threshold) { sum += weights[slot] }
            }
            return sum
        }
        let left = Int(node.left)
        return weightWithin(node: left, vector: vector, point: point, threshold: threshold)
            + weightWithin(node: left + 1, vector: vector, point: point, threshold: threshold)
    }

    func collect(node index: Int, vector: SIMD3<Double>, point: GeoPoint, threshold: RadiusThreshold, into found: inout [Int32]) {
        let node = nodes[index]
        if boxDistanceSquared(node, vector) > threshold.outerSquared { return }
        if boxFarthestSquared(node, vector) <= threshold.innerSquared {
            for slot in Int(node.start)..<Int(node.end) { found.append(originalIndex[slot]) }
            return
        }
        if node.left < 0 {
            for slot in Int(node.start)..<Int(node.end) {
                let delta = vectors[slot] - vector
                if isWithin(slot: slot, squared: (delta * delta).sum(), point: point, threshold: threshold) {
                    found.append(originalIndex[slot])
                }
            }
            return
        }
        let left = Int(node.left)
        collect(node: left, vector: vector, point: point, threshold: threshold, into: &found)
        collect(node: left + 1, vector: vector, point: point, threshold: threshold, into: &found)
    }
}
