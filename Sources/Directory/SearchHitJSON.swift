/// The JSON of each place as a search hit of `/api/v1/places` (the `PlaceItem` of the OpenAPI
/// document), written once when the index is built. A search then copies a few hundred contiguous
/// bytes per hit instead of reading a dozen strings scattered over the heap: on a busy server those
/// reads missed the cache and cost more than the search itself.
///
/// Each place is two pieces around its distance, which only the search knows:
/// `{"commune_code":…,"department_code":…` then `"id":…,"services":[…]}`.
struct SearchHitJSON: Sendable {
    private let bytes: [UInt8]
    /// Place `i` is `bytes[starts[i] ..< splits[i]]` then `bytes[splits[i] ..< starts[i + 1]]`.
    private let starts: [UInt32]
    private let splits: [UInt32]

    init(places: [DirectoryPlace]) {
        var json = JSONWriter(capacity: 256 * max(places.count, 1))
        var starts: [UInt32] = [0], splits: [UInt32] = []
        starts.reserveCapacity(places.count + 1)
        splits.reserveCapacity(places.count)
        for place in places {
            json.beginObject()
            json.key("commune_code"); json.value(place.communeCode)
            json.key("commune_name"); json.value(place.communeName)
            json.key("department_code"); json.value(place.departmentCode)
            splits.append(UInt32(json.count))
            json.restart()
            json.key("id"); json.value(place.id ?? 0)
            json.key("kinds"); json.value(place.kinds)
            json.field("label", place.label?.rawValue)
            json.key("latitude"); json.value(place.position.latitude)
            json.key("longitude"); json.value(place.position.longitude)
            json.key("name"); json.value(place.name)
            json.key("services"); json.value(place.services)
            json.endObject()
            json.restart()
            starts.append(UInt32(json.count))
        }
        bytes = json.bytes
        self.starts = starts
        self.splits = splits
    }

    /// The hit of `place`, with its distance when the search had a centre (rounded to 10 m as the API
    /// documents it).
    func write(_ place: Int, distanceKilometres: Double?, into json: inout JSONWriter) {
        bytes.withUnsafeBufferPointer { all in
            json.raw(UnsafeBufferPointer(rebasing: all[Int(starts[place])..<Int(splits[place])]))
            if let distanceKilometres {
                json.key("distance_km")
                json.value(hundredths: distanceKilometres)
            }
            json.raw(UnsafeBufferPointer(rebasing: all[Int(splits[place])..<Int(starts[place + 1])]))
        }
    }
}
