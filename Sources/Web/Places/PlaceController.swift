import Accounts
import Directory
import Foundation
import Hummingbird
import Storage

/// Public search and place pages, the places API and its streamed exports.
struct PlaceController: Sendable {
    let services: AppServices
    let index: DirectoryIndexCache

    func register(on router: Router<AppRequestContext>) {
        router.get(RouterPath(SiteURL.places.path), use: search)
        router.get(SiteURL.Pattern.place, use: show)
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.queryDictionary
        let searchIndex = try await index.current()
        var status: HTTPResponse.Status = .ok
        var message: String?
        var parsed: (PlaceQuery, Territory.Commune?)
        do { parsed = try PlaceQuery.parse(parameters, territory: services.territory) } catch {
            // A bad parameter shows all places with the explanation, keeping what was typed.
            parsed = (PlaceQuery(), nil)
            status = .badRequest
            message = "Recherche impossible : " + error.detail
        }
        let result = searchIndex.search(parsed.0)
        var everything = parsed.0
        everything.page = 1
        everything.perPage = max(result.total, 1)
        let model = PlacesPage.Model(parameters: parameters, result: result, mapPlaces: searchIndex.search(everything).hits.map(\.place),
                                     commune: parsed.1, territory: services.territory, error: message)
        return .html(PlacesPage.render(model, layout: .init(context: context, title: "Trouver un tiers-lieu", current: .places)), status: status)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self),
              let place = try await services.directory.find(id: id) else { throw AppError.notFound }
        let canEdit = AccessPolicy.canEditPlace(id, viewer: context.viewer)
        var model = PlacePage.Model(place: place, canEdit: canEdit, csrfToken: context.csrfToken())
        model.network = try await place.networkPlaceID.asyncFlatMap { try await services.directory.find(id: $0) }
        model.members = try await services.directory.members(ofNetwork: id)
        if canEdit {
            model.history = try await services.directory.revisions(placeID: id)
            model.openReports = try await services.placeReports.open(placeIDs: [id])
        }
        return .html(PlacePage.render(model, layout: .init(context: context, title: place.name, current: .places)))
    }
}

import Territory

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
