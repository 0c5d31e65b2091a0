import Territory

extension SphereTree {
    /// The nearest point to `query`: its offset in the `points` given at init and the great-circle
    /// distance in km (haversine, as `GeoPoint.distanceKilometres`). Exact ties go to the smaller offset,
    /// so results do not depend on the tree's layout. `nil` when the tree is empty.
    public func nearest(to query: GeoPoint) -> (index: Int, kilometres: Double)? {
        guard let slot = storage.nearestSlot(to: Sphere.unitVector(query)) else { return nil }
        return (Int(storage.originalIndex[slot]), query.distanceKilometres(to: storage.positions[slot]))
    }
}

extension SphereTree {
    /// `nearest(to:)` for many queries at once, faster when consecutive queries are close to each other
    /// (communes in code order are): each search starts from the previous answer's distance, so most of
    /// the tree is pruned from the first box test.
    public func nearest(toEach queries: [GeoPoint]) -> [(index: Int, kilometres: Double)?] {
        nearest(toEach: queries, vectors: queries.map(Sphere.unitVector))
    }

    /// Same, with the queries' unit vectors already computed and an order in which to run them
    /// (`CoverageAnalysis` keeps the communes' vectors and their k-d tree order, in which consecutive
    /// queries are neighbours: the previous answer is then an excellent starting bound).
    func nearest(toEach queries: [GeoPoint], vectors: [SIMD3<Double>], order: [Int]? = nil) -> [(index: Int, kilometres: Double)?] {
        guard count > 0 else { return queries.map { _ in nil } }
        var results = [(index: Int, kilometres: Double)?](repeating: nil, count: queries.count)
        var previous = -1
        for offset in order ?? Array(queries.indices) {
            let slot = storage.nearestSlot(to: vectors[offset], hint: previous)
            previous = slot
            results[offset] = (Int(storage.originalIndex[slot]), queries[offset].distanceKilometres(to: storage.positions[slot]))
        }
        return results
    }

    /// Offsets of the tree's points in tree order: a space-filling order for batches of queries.
    public var treeOrder: [Int] { (0..<count).map { Int(storage.originalIndex[$0]) } }
}

extension SphereTreeStorage {
    func nearestSlot(to query: SIMD3<Double>) -> Int? {
        guard count > 0 else { return nil }
        return nearestSlot(to: query, hint: -1)
    }

    /// `hint`: a slot to start from (its distance bounds the search), or -1.
    func nearestSlot(to query: SIMD3<Double>, hint: Int) -> Int {
        var best = (squared: Double.infinity, slot: -1)
        if hint >= 0 {
            let delta = vectors[hint] - query
            best = ((delta * delta).sum(), hint)
        }
        var offsets = SIMD3<Double>.zero
        descend(node: 0, query: query, region: 0, offsets: &offsets, best: &best)
        return best.slot
    }

    /// Depth-first, nearer child first. The far child is pruned with the incremental distance to its
    /// half-space region (Arya & Mount): `offsets` holds, per axis, the query's distance to the current
    /// region, so the far child's bound is one subtraction and one addition. Regions at exactly the best
    /// distance are still visited so that a tie with a smaller original index can win.
    private func descend(node index: Int, query: SIMD3<Double>, region: Double, offsets: inout SIMD3<Double>,
                         best: inout (squared: Double, slot: Int)) {
        let node = nodes[index]
        if node.left < 0 {
            for slot in Int(node.start)..<Int(node.end) {
                let delta = vectors[slot] - query
                let squared = (delta * delta).sum()
                if squared < best.squared || (squared == best.squared && best.slot >= 0 && originalIndex[slot] < originalIndex[best.slot]) {
                    best = (squared, slot)
                }
            }
            return
        }
        let axis = Int(node.axis), difference = query[axis] - node.split
        let near = difference < 0 ? Int(node.left) : Int(node.left) + 1, far = difference < 0 ? Int(node.left) + 1 : Int(node.left)
        descend(node: near, query: query, region: region, offsets: &offsets, best: &best)
        let old = offsets[axis]
        let farRegion = region - old * old + difference * difference
        if farRegion <= best.squared {
            offsets[axis] = difference
            descend(node: far, query: query, region: farRegion, offsets: &offsets, best: &best)
            offsets[axis] = old
        }
    }

    /// Squared distance from the query to the nearest point of a node's box (0 inside).
    @inline(__always)
    func boxDistanceSquared(_ node: SphereTreeNode, _ query: SIMD3<Double>) -> Double {
        let below = pointwiseMax(node.lower - query, .zero), above = pointwiseMax(query - node.upper, .zero)
        let delta = below + above
        return (delta * delta).sum()
    }

    /// Squared distance from the query to the farthest corner of a node's box.
    @inline(__always)
    func boxFarthestSquared(_ node: SphereTreeNode, _ query: SIMD3<Double>) -> Double {
        // lower ≤ upper, so the larger of the two differences is the absolute one on each axis.
        let delta = pointwiseMax(query - node.lower, node.upper - query)
        return (delta * delta).sum()
    }
}
