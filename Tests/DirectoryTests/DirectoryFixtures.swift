import Directory
import Foundation
import Territory

enum Fixtures {
    static let territory: TerritoryReference = {
        do { return try TerritoryReference.loadBundled() } catch { fatalError("\(error)") }
    }()

    static func data(_ name: String) -> Data {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
        return try! Data(contentsOf: url)
    }

    static func place(_ name: String, commune code: String, kinds: [PlaceKind] = [], services: [String] = [], label: DirectoryPlace.Label? = nil,
                      at point: GeoPoint? = nil) -> DirectoryPlace {
        DirectoryPlace(externalID: name, name: name, address: "1 rue de la Paix", postalCode: territory.postalCodes(communeCode: code).first ?? "",
                       commune: territory.commune(code: code)!, position: point, kinds: kinds, label: label, services: services, updatedOn: "2024-01-01")
    }
}
