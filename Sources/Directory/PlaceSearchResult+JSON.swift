extension PlaceSearchResult {
    /// The page of `/api/v1/places` (the `PlacePage` of the OpenAPI document): facets, items, page,
    /// per_page, total, keys sorted as the API's encoder sorts them. A test compares the two.
    public func writeJSON(into json: inout JSONWriter) {
        json.beginObject()
        json.key("facets")
        facets.write(into: &json)
        json.key("items")
        json.beginArray()
        for match in matches { index.hitJSON.write(match.position, distanceKilometres: match.distanceKilometres, into: &json) }
        json.endArray()
        json.key("page"); json.value(page)
        json.key("per_page"); json.value(perPage)
        json.key("total"); json.value(total)
        json.endObject()
    }
}
