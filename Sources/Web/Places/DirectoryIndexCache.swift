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

    private var refreshing: Task<PlaceSearchIndex, Error>?
    /// The same index behind a lock, readable without an actor hop on the hot path of a search.
    nonisolated let snapshot = IndexSnapshot()

    /// The index and its generation (a number that changes with every rebuild), without waiting when the
    /// last freshness check is less than a second old.
    func currentWithGeneration() async throws -> (PlaceSearchIndex, Int) {
        let index = try await current()
        return (index, snapshot.currentGeneration)
    }

    /// One freshness check at a time: while it runs, callers get the index they already had (at most a
    /// second old); only the very first callers wait for the first build.
    func current() async throws -> PlaceSearchIndex {
        let now = ContinuousClock.now
        if let index, let checkedAt, now - checkedAt < .seconds(1) { return index }
        snapshot.markStale()
        if let refreshing {
            if let index { return index }
            return try await refreshing.value
        }
        checkedAt = now
        let task = Task { try await self.refresh() }
        refreshing = task
        do {
            let result = try await task.value
            refreshing = nil
            snapshot.checked(at: ContinuousClock.now)
            return result
        } catch {
            refreshing = nil
            checkedAt = nil
            throw error
        }
    }

    private func refresh() async throws -> PlaceSearchIndex {
        let latest = try await repository.version()
        if let index, latest == version { return index }
        let repository = repository, territory = territory
        // Built off the actor, so that searches keep being answered from the previous index meanwhile.
        let rebuilt = try await Task.detached {
            let collected = PlaceBatchCollector()
            try await repository.forEachBatch(size: 2_000) { collected.append($0) }
            return PlaceSearchIndex(places: collected.places, territory: territory)
        }.value
        index = rebuilt
        version = latest
        snapshot.replace(rebuilt)
        return rebuilt
    }

    /// Forces the next `current()` to look at the database (after an import on this instance).
    func invalidate() {
        checkedAt = nil
        snapshot.markStale()
    }
}

final class IndexSnapshot: @unchecked Sendable {
    private let lock = NSLock()
    private var index: PlaceSearchIndex?
    private var generation = 0
    private var checkedAt: ContinuousClock.Instant?

    /// The index if it was checked against the database less than a second ago.
    func fresh() -> (PlaceSearchIndex, Int)? {
        lock.withLock {
            guard let index, let checkedAt, ContinuousClock.now - checkedAt < .seconds(1) else { return nil }
            return (index, generation)
        }
    }

    /// The generation alone, when fresh: enough to look a cached answer up.
    func freshGeneration() -> Int? {
        lock.withLock {
            guard index != nil, let checkedAt, ContinuousClock.now - checkedAt < .seconds(1) else { return nil }
            return generation
        }
    }

    var currentGeneration: Int { lock.withLock { generation } }
    func replace(_ rebuilt: PlaceSearchIndex) { lock.withLock { index = rebuilt; generation += 1 } }
    func checked(at instant: ContinuousClock.Instant) { lock.withLock { checkedAt = instant } }
    func markStale() { lock.withLock { checkedAt = nil } }
}

final class PlaceBatchCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [DirectoryPlace] = []
    func append(_ batch: [DirectoryPlace]) { lock.withLock { items += batch } }
    var places: [DirectoryPlace] { lock.withLock { items } }
}
