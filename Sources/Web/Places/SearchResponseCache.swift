import Foundation
import NIOCore

/// The encoded JSON of recent directory searches. A search depends only on its parameters and on the
/// index, so its bytes can be reused until the index is rebuilt: the map of a département, "near me"
/// around a big city and the open-data widgets repeat the same few queries all day.
///
/// Answers are kept under their canonical parameters (`?a=1&b=2` and `?b=2&a=1` share one), and the raw
/// query strings seen for them point at that entry, so a repeated URL is answered before it is parsed.
/// `capacity` counts searches; raw strings are bounded too (four per search on average), so varied
/// spellings of one query cannot grow the cache without limit.
final class SearchResponseCache: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var generation = -1
    private var entries: [String: ByteBuffer] = [:]
    private var insertionOrder: [String] = []
    private var aliases: [String: String] = [:]
    private var aliasesOf: [String: [String]] = [:]

    init(capacity: Int = 2_048) { self.capacity = capacity }

    var count: Int { lock.withLock { entries.count } }

    func bytes(_ key: String, generation: Int) -> ByteBuffer? {
        lock.withLock { self.generation == generation ? entries[key] : nil }
    }

    /// The answer stored for a raw query string, if it was seen with this index.
    func bytes(rawQuery: String, generation: Int) -> ByteBuffer? {
        lock.withLock { self.generation == generation ? aliases[rawQuery].flatMap { entries[$0] } : nil }
    }

    func store(_ bytes: ByteBuffer, key: String, generation: Int) {
        lock.withLock {
            guard advance(to: generation), entries[key] == nil else { return }
            if insertionOrder.count >= capacity {
                let evicted = insertionOrder.removeFirst()
                entries[evicted] = nil
                for raw in aliasesOf.removeValue(forKey: evicted) ?? [] { aliases[raw] = nil }
            }
            entries[key] = bytes
            insertionOrder.append(key)
        }
    }

    /// Remembers that `rawQuery` asks the search stored under `key`.
    func alias(_ rawQuery: String, to key: String, generation: Int) {
        lock.withLock {
            guard generation == self.generation, entries[key] != nil, aliases[rawQuery] == nil, aliases.count < 4 * capacity else { return }
            aliases[rawQuery] = key
            aliasesOf[key, default: []].append(rawQuery)
        }
    }

    /// Whether answers of `generation` may be stored: a newer index makes every stored answer stale, an
    /// older one must not overwrite them.
    private func advance(to generation: Int) -> Bool {
        if generation == self.generation { return true }
        guard generation > self.generation else { return false }
        self.generation = generation
        entries.removeAll(keepingCapacity: true)
        insertionOrder.removeAll(keepingCapacity: true)
        aliases.removeAll(keepingCapacity: true)
        aliasesOf.removeAll(keepingCapacity: true)
        return true
    }
}
