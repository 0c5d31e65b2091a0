import Directory
import Foundation
import Territory

// The directory search and its JSON timed in-process, without HTTP: what a request to
// /api/v1/places costs once parsed. Used while tuning the search (bench/directory/README.md).
// Usage: SearchBench PLACES.csv [ITERATIONS]   (PLACES.csv written by bench/directory/generate.py)
// Prints one JSON object: places, total, bytes, search_us, json_us (means over the iterations).
// SEARCHBENCH_EVICT_KB=N writes over N KiB between two searches, as a server's other work does, so the
// search is timed with the index out of the core's caches (the writing is timed alone and subtracted).

func measure(_ iterations: Int, _ body: () -> Int) -> (microseconds: Double, sink: Int) {
    let clock = ContinuousClock()
    var sink = 0
    let start = clock.now
    for _ in 0..<iterations { sink &+= body() }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (seconds / Double(iterations) * 1e6, sink)
}

func run() throws {
    let arguments = CommandLine.arguments
    guard arguments.count > 1 else {
        FileHandle.standardError.write(Data("usage: SearchBench PLACES.csv [ITERATIONS]\n".utf8))
        exit(2)
    }
    let iterations = arguments.count > 2 ? max(Int(arguments[2]) ?? 100_000, 1) : 100_000
    let territory = try TerritoryReference.loadBundled()
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
    var places = try PlaceRecordReader(territory: territory, today: "2026-12-01").read(data, format: .csv).places.map(\.place)
    for i in places.indices { places[i].id = Int64(i + 1) }
    let index = PlaceSearchIndex(places: places, territory: territory)
    // The benchmark's query: within 20 km of Saint-Étienne, one service, one word.
    let query = PlaceQuery(text: "ruche", service: "Aide aux démarches administratives",
                           near: territory.commune(code: "42218")!.position, radiusKilometres: 20)
    let result = index.search(query)
    func encode(_ result: PlaceSearchResult) -> Int {
        var json = JSONWriter(capacity: 4_096)
        result.writeJSON(into: &json)
        return json.withBytes { $0.count }
    }
    let evictBytes = (ProcessInfo.processInfo.environment["SEARCHBENCH_EVICT_KB"].flatMap { Int($0) } ?? 0) * 1_024
    var scratch = [UInt8](repeating: 0, count: max(evictBytes, 1))
    var round: UInt8 = 0
    func evict() -> Int {
        guard evictBytes > 0 else { return 0 }
        round &+= 1
        let value = round
        scratch.withUnsafeMutableBytes { bytes in for line in stride(from: 0, to: bytes.count, by: 64) { bytes[line] = value } }
        return Int(scratch[evictBytes / 2])
    }
    let eviction = measure(iterations) { evict() }
    var search = measure(iterations) { evict() &+ index.search(query).total }
    search.microseconds -= eviction.microseconds
    let json = measure(iterations) { encode(result) }
    print(#"{"places":\#(index.count),"total":\#(result.total),"bytes":\#(encode(result)),"#
          + #""search_us":\#((search.microseconds * 100).rounded() / 100),"json_us":\#((json.microseconds * 100).rounded() / 100),"#
          + #""checksum":\#(search.sink &+ json.sink)}"#)
}

do { try run() } catch {
    FileHandle.standardError.write(Data("SearchBench: \(error.localizedDescription)\n".utf8))
    exit(1)
}
