import Territory

/// A static k-d tree over points of the sphere stored as 3-D unit vectors, with a weight per point
/// (a commune's population) summed per node so that radius sums can take whole subtrees at once.
///
/// Built once, read-only afterwards, hence `Sendable`; queries are in `SphereTree+Nearest.swift` and
/// `SphereTree+Radius.swift`.
public struct SphereTree: Sendable {
    let storage: SphereTreeStorage

    /// - Parameters:
    ///   - points: the points; query results refer to them by their offset in this array.
    ///   - weights: one weight per point (e.g. population), or empty for all zeros.
    public init(points: [GeoPoint], weights: [Double] = []) {
        precondition(weights.isEmpty || weights.count == points.count, "one weight per point")
        storage = SphereTreeStorage(points: points, weights: weights)
    }

    public var count: Int { storage.count }
}

/// Node of the tree: a contiguous range of points in tree order and their bounding box. Children are
/// the two halves of the range split at the median of the box's longest side.
struct SphereTreeNode {
    var lower: SIMD3<Double>
    var upper: SIMD3<Double>
    var start: Int32
    var end: Int32
    /// Index of the left child, or -1 for a leaf; the right child is `left + 1`.
    var left: Int32
    /// Split axis (0, 1, 2) and coordinate: the left child holds coordinates ≤ split, the right ≥ split.
    var axis: Int32
    var split: Double
    var weight: Double
}

/// The tree's flat arrays. A class with raw buffers rather than Swift arrays so the query loops run
/// without bounds checks or copy-on-write checks; it is never mutated after `init`, which makes the
/// unchecked `Sendable` sound.
final class SphereTreeStorage: @unchecked Sendable {
    static let leafSize = 16

    let count: Int
    let vectors: UnsafeMutablePointer<SIMD3<Double>>
    let positions: UnsafeMutablePointer<GeoPoint>
    let originalIndex: UnsafeMutablePointer<Int32>
    let weights: UnsafeMutablePointer<Double>
    let nodes: UnsafeMutablePointer<SphereTreeNode>
    let nodeCount: Int

    init(points: [GeoPoint], weights input: [Double]) {
        count = points.count
        let capacity = max(1, count)
        vectors = .allocate(capacity: capacity)
        positions = .allocate(capacity: capacity)
        originalIndex = .allocate(capacity: capacity)
        weights = .allocate(capacity: capacity)
        var builder = SphereTreeBuilder(points: points, weights: input)
        builder.build()
        for (slot, index) in builder.order.enumerated() {
            vectors[slot] = builder.vectors[slot]
            positions[slot] = points[Int(index)]
            originalIndex[slot] = index
            weights[slot] = input.isEmpty ? 0 : input[Int(index)]
        }
        nodeCount = builder.nodes.count
        nodes = .allocate(capacity: max(1, nodeCount))
        nodes.initialize(from: builder.nodes, count: nodeCount)
    }

    deinit {
        vectors.deallocate()
        positions.deallocate()
        originalIndex.deallocate()
        weights.deallocate()
        nodes.deallocate()
    }
}
