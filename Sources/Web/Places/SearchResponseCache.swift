import Foundation
import NIOCore

/// The encoded JSON of recent directory searches. A search depends only on its parameters and on the
/// index, so its bytes can be reused until the index is rebuilt: the map of a département, "near me"
/// around a big city and the open-data widgets repeat the same few queries all day.
final class SearchResponseCache: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var generation = -1
    private var entries: [String: ByteBuffer] = [:]
    private var insertionOrder: [String] = []

    init(capacity: Int = 2_048) { self.capacity = capacity }

    /// Parameters in a canonical order, so `?a=1&b=2` and `?b=2&a=1` share an entry.
    static func key(_ parameters: [String: String]) -> String {
        parameters.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    func bytes(_ key: String, generation: Int) -> ByteBuffer? {
        lock.withLock { self.generation == generation ? entries[key] : nil }
    }

    func store(_ bytes: ByteBuffer, key: String, generation: Int) {
        lock.withLock {
            if generation != self.generation {
                // A newer index makes every stored answer stale; an older one must not overwrite them.
                guard generation > self.generation else { return }
                self.generation = generation
                entries.removeAll(keepingCapacity: true)
                insertionOrder.removeAll(keepingCapacity: true)
            }
            guard entries[key] == nil else { return }
            if insertionOrder.count >= capacity {
                entries[insertionOrder.removeFirst()] = nil
            }
            entries[key] = bytes
            insertionOrder.append(key)
        }
    }
}
