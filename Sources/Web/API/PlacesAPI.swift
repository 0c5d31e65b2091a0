import Directory
import Foundation
import Hummingbird
import Storage

/// `/api/v1/places`: the same search as the page, and exports streamed place by place.
/// A class: an async method of a struct holding `AppServices` copies it (twenty references) into
/// its frame on every request.
final class PlacesAPI: Sendable {
    let services: AppServices
    let index: DirectoryIndexCache
    let responses: SearchResponseCache?

    init(services: AppServices, index: DirectoryIndexCache, responses: SearchResponseCache? = nil) {
        self.services = services
        self.index = index
        self.responses = responses
    }

    struct PlacePage: Encodable {
        let items: [PlaceItem]
        let total: Int
        let page: Int
        let perPage: Int
        let facets: [String: [String: Int]]
    }

    struct PlaceItem: Encodable {
        let id: Int64
        let name: String
        let communeCode: String
        let communeName: String
        let departmentCode: String
        let latitude: Double
        let longitude: Double
        let kinds: [String]
        let label: String?
        let services: [String]
        let distanceKm: Double?
    }

    func list(_ request: Request) async throws -> Response {
        // A repeated query string is answered before anything is parsed.
        guard let responses else { return Self.response(try await listBody(request.searchParameters).0) }
        let raw = request.uri.query ?? ""
        if let generation = index.snapshot.freshGeneration(), let cached = responses.bytes(rawQuery: raw, generation: generation) {
            return Self.response(cached)
        }
        let parameters = request.searchParameters
        let (bytes, generation) = try await listBody(parameters)
        responses.alias(raw, to: parameters.canonicalKey, generation: generation)
        return Self.response(bytes)
    }

    /// Also the benchmark ceiling's response, so both build it the same way.
    static func response(_ bytes: ByteBuffer) -> Response {
        Response(status: .ok, headers: jsonHeaders, body: .init(byteBuffer: bytes))
    }

    /// Built once: the header dictionary literal cost half a microsecond per request.
    private static let jsonHeaders: HTTPFields = [.contentType: "application/json; charset=utf-8"]

    /// The JSON of a search and the index generation it was read from, also served precomputed by the
    /// benchmark's ceiling route. Popular searches are answered from `responses` until the directory
    /// changes (the cache is keyed by index generation).
    func listBody(_ parameters: SearchParameters) async throws -> (ByteBuffer, Int) {
        let searchIndex: PlaceSearchIndex, generation: Int
        if let fresh = index.snapshot.fresh() { (searchIndex, generation) = fresh } else { (searchIndex, generation) = try await index.currentWithGeneration() }
        guard let responses else { return (try encodedSearch(parameters, index: searchIndex), generation) }
        let key = parameters.canonicalKey
        if let cached = responses.bytes(key, generation: generation) { return (cached, generation) }
        let bytes = try encodedSearch(parameters, index: searchIndex)
        responses.store(bytes, key: key, generation: generation)
        return (bytes, generation)
    }

    func encodedSearch(_ parameters: SearchParameters, index searchIndex: PlaceSearchIndex) throws -> ByteBuffer {
        let (query, _) = try PlaceQuery.parse(parameters, territory: services.territory)
        return Self.encode(searchIndex.search(query))
    }

    /// The page as the OpenAPI document describes it; `encode` writes the same bytes faster.
    static func page(_ result: PlaceSearchResult) -> PlacePage {
        let items = result.hits.map { hit in
            PlaceItem(id: hit.place.id ?? 0, name: hit.place.name, communeCode: hit.place.communeCode, communeName: hit.place.communeName,
                      departmentCode: hit.place.departmentCode, latitude: hit.place.position.latitude, longitude: hit.place.position.longitude,
                      kinds: hit.place.kinds.map(\.rawValue), label: hit.place.label?.rawValue, services: hit.place.services,
                      distanceKm: hit.distanceKilometres.map { ($0 * 100).rounded() / 100 })
        }
        let facets = Dictionary(uniqueKeysWithValues: result.facets.all.map { ($0.key.rawValue, $0.value) })
        return PlacePage(items: items, total: result.total, page: result.page, perPage: result.perPage, facets: facets)
    }

    /// The bytes `JSONResponse.encoder` would give for `page(result)`, written directly.
    static func encode(_ result: PlaceSearchResult) -> ByteBuffer {
        // Written straight into the response's buffer: a page of twenty places and its facets is about
        // 7 KB, and a larger one (par_page=200) moves to the writer's own memory and is copied once.
        var buffer = ByteBufferAllocator().buffer(capacity: 16_384)
        var spilled: [UInt8]?
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 16_384) { storage in
            var json = JSONWriter(into: storage)
            result.writeJSON(into: &json)
            guard json.isInLentBuffer else {
                spilled = json.bytes
                return 0
            }
            return json.byteCount
        }
        if let spilled { buffer.writeBytes(spilled) }
        return buffer
    }

    func show(_ context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let place = try await services.directory.find(id: id) else {
            throw AppError(.notFound, title: "Lieu introuvable", detail: "Aucun lieu n'a cet identifiant.")
        }
        return Self.response(ByteBuffer(bytes: PlaceExport.json(place)))
    }

    /// Without filters the whole table is read in batches of 500 and written as it goes; with filters
    /// the results come from the in-memory index. Nothing builds the full file in memory.
    func export(_ request: Request, format: ImportFormat) async throws -> Response {
        let parameters = request.queryDictionary.filter { !$0.value.isEmpty }
        let (query, _) = try PlaceQuery.parse(parameters, territory: services.territory)
        let filtered: [DirectoryPlace]?
        if parameters.isEmpty { filtered = nil } else {
            var all = query
            all.page = 1
            all.perPage = Int.max / 2
            filtered = try await index.current().search(all).hits.map(\.place)
        }
        let directory = services.directory
        let contentType: String
        switch format {
        case .csv: contentType = "text/csv; charset=utf-8"
        case .geojson: contentType = "application/geo+json"
        case .json: contentType = "application/json; charset=utf-8"
        }
        let body = ResponseBody { writer in
            var first = true
            func emit(_ places: [DirectoryPlace], _ writer: inout any ResponseBodyWriter) async throws {
                var chunk = ""
                for place in places {
                    guard let text = PlaceExport.entry(place, format: format, first: first) else { continue }
                    chunk += text
                    first = false
                }
                if !chunk.isEmpty { try await writer.write(ByteBuffer(string: chunk)) }
            }
            try await writer.write(ByteBuffer(string: PlaceExport.opening(format)))
            if let filtered {
                for start in stride(from: 0, to: filtered.count, by: 500) {
                    try await emit(Array(filtered[start..<min(start + 500, filtered.count)]), &writer)
                }
            } else {
                var after: Int64 = 0
                while true {
                    let batch = try await directory.batch(after: after, limit: 500)
                    guard let last = batch.last?.id else { break }
                    try await emit(batch, &writer)
                    after = last
                }
            }
            let closing = PlaceExport.closing(format)
            if !closing.isEmpty { try await writer.write(ByteBuffer(string: closing)) }
            try await writer.finish(nil)
        }
        let name = "lieux-fabriques.\(format.rawValue)"
        return Response(status: .ok, headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(name)\""], body: body)
    }
}
