import Directory
import Foundation
import Storage
import Territory

/// The search index of the whole directory, kept in memory and rebuilt when the places table changes
/// (checked at most once a second, so other instances' imports show up too).
actor DirectoryIndexCache {
    private let repository: any DirectoryRepository
    private let territory: TerritoryReference
    private var index: PlaceSearchIndex?
    private var version: String?
    private var checkedAt: ContinuousClock.Instant?

    init(repository: any DirectoryRepository, territory: TerritoryReference) {
        self.repository = repository
        self.territory = territory
    }

    func current() async throws -> PlaceSearchIndex {
        let now = ContinuousClock.now
        if let index, let checkedAt, now - checkedAt < .seconds(1) { return index }
        let latest = try await repository.version()
        checkedAt = now
        if let index, latest == version { return index }
        let collected = PlaceBatchCollector()
        try await repository.forEachBatch(size: 2_000) { collected.append($0) }
        let rebuilt = PlaceSearchIndex(places: collected.places, territory: territory)
        index = rebuilt
        version = latest
        return rebuilt
    }

    /// Forces the next `current()` to look at the database (after an import on this instance).
    func invalidate() { checkedAt = nil }
}

final class PlaceBatchCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [DirectoryPlace] = []
    func append(_ batch: [DirectoryPlace]) { lock.withLock { items += batch } }
    var places: [DirectoryPlace] { lock.withLock { items } }
}
