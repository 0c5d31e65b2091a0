/// Max-heap of candidates by (gain desc, index asc) holding possibly stale gains; see `greedy`.
struct CandidateHeap {
    private var entries: [(gain: Double, index: Int)]

    init(gains: [Double]) {
        entries = gains.enumerated().map { (gain: $1, index: $0) }
        for node in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(node) }
    }

    /// Pops until the top entry's gain is current, re-inserting stale ones with their current gain.
    mutating func popCurrent(gains: [Double]) -> Int? {
        while let top = entries.first {
            if top.gain == gains[top.index] {
                entries.swapAt(0, entries.count - 1)
                entries.removeLast()
                if !entries.isEmpty { siftDown(0) }
                return top.index
            }
            entries[0].gain = gains[top.index]
            siftDown(0)
        }
        return nil
    }

    private func before(_ a: (gain: Double, index: Int), _ b: (gain: Double, index: Int)) -> Bool {
        a.gain > b.gain || (a.gain == b.gain && a.index < b.index)
    }

    private mutating func siftDown(_ start: Int) {
        var node = start
        while true {
            let left = 2 * node + 1, right = left + 1
            var best = node
            if left < entries.count && before(entries[left], entries[best]) { best = left }
            if right < entries.count && before(entries[right], entries[best]) { best = right }
            if best == node { return }
            entries.swapAt(node, best)
            node = best
        }
    }
}

/// Min-heap of values, used to keep the k largest gains.
struct MinHeap {
    private var values: [Double] = []
    private(set) var sum = 0.0

    var count: Int { values.count }
    var top: Double { values[0] }

    mutating func push(_ value: Double) {
        values.append(value)
        sum += value
        var node = values.count - 1
        while node > 0 {
            let parent = (node - 1) / 2
            if values[parent] <= values[node] { return }
            values.swapAt(parent, node)
            node = parent
        }
    }

    mutating func replaceTop(_ value: Double) {
        sum += value - values[0]
        values[0] = value
        var node = 0
        while true {
            let left = 2 * node + 1, right = left + 1
            var smallest = node
            if left < values.count && values[left] < values[smallest] { smallest = left }
            if right < values.count && values[right] < values[smallest] { smallest = right }
            if smallest == node { return }
            values.swapAt(node, smallest)
            node = smallest
        }
    }
}
