import Territory

/// A place of the directory, with the fields of the national standard "Lieux de médiation numérique"
/// plus what the programme adds (kinds of tiers-lieu, Fabrique label). The territory fields are
/// derived from the commune, never typed.
public struct DirectoryPlace: Sendable, Hashable, Codable {
    public enum Label: String, Sendable, Codable, CaseIterable, Hashable {
        case fabrique = "fabrique"
        case digitalFabrique = "fabrique_numerique"

        public var title: String {
            switch self {
            case .fabrique: "Fabrique de territoire"
            case .digitalFabrique: "Fabrique numérique de territoire"
            }
        }
    }

    public var id: Int64?
    /// The standard's `id`, stable across imports (e.g. `fabt-12`, `structure-1`).
    public var externalID: String?
    /// SIRET or RNA of the structure (`pivot`).
    public var pivot: String?
    public var name: String
    public var address: String
    public var addressComplement: String?
    public var postalCode: String
    public var communeCode: String
    public var communeName: String
    public var departmentCode: String
    public var regionCode: String
    public var position: GeoPoint
    public var kinds: [PlaceKind]
    public var label: Label?
    /// Structure types of the standard (`typologie`: ASSO, MUNI, TIERS_LIEUX...).
    public var structureTypes: [String]
    public var services: [String]
    public var publics: [String]
    public var fees: [String]
    public var accessModes: [String]
    public var supportModes: [String]
    public var nationalProgrammes: [String]
    /// OpenStreetMap opening_hours syntax, as the standard asks.
    public var openingHours: String?
    public var phone: String?
    public var emails: [String]
    public var websites: [String]
    public var summary: String?
    public var details: String?
    public var accessibilityURL: String?
    public var bookingURL: String?
    public var source: String?
    /// `date_maj`, ISO date.
    public var updatedOn: String
    /// The Fabrique whose network this place belongs to.
    public var networkPlaceID: Int64?

    public init(
        id: Int64? = nil, externalID: String?, pivot: String? = nil, name: String, address: String, addressComplement: String? = nil,
        postalCode: String, commune: Commune, position: GeoPoint? = nil, kinds: [PlaceKind] = [], label: Label? = nil,
        structureTypes: [String] = [], services: [String] = [], publics: [String] = [], fees: [String] = [],
        accessModes: [String] = [], supportModes: [String] = [], nationalProgrammes: [String] = [], openingHours: String? = nil,
        phone: String? = nil, emails: [String] = [], websites: [String] = [], summary: String? = nil, details: String? = nil,
        accessibilityURL: String? = nil, bookingURL: String? = nil, source: String? = nil, updatedOn: String
    ) {
        self.id = id
        self.externalID = externalID
        self.pivot = pivot
        self.name = name
        self.address = address
        self.addressComplement = addressComplement
        self.postalCode = postalCode
        self.communeCode = commune.code
        self.communeName = commune.name
        self.departmentCode = commune.departmentCode
        self.regionCode = commune.regionCode
        self.position = position ?? commune.position
        self.kinds = kinds
        self.label = label
        self.structureTypes = structureTypes
        self.services = services
        self.publics = publics
        self.fees = fees
        self.accessModes = accessModes
        self.supportModes = supportModes
        self.nationalProgrammes = nationalProgrammes
        self.openingHours = openingHours
        self.phone = phone
        self.emails = emails
        self.websites = websites
        self.summary = summary
        self.details = details
        self.accessibilityURL = accessibilityURL
        self.bookingURL = bookingURL
        self.source = source
        self.updatedOn = updatedOn
    }

    /// The same place described by another source: what this record lacks is taken from `other`, lists
    /// are united, this record's identifier and values win. Merging twice changes nothing.
    public func filled(from other: DirectoryPlace) -> DirectoryPlace {
        var merged = self
        func fill(_ keyPath: WritableKeyPath<DirectoryPlace, String?>) { if merged[keyPath: keyPath] == nil { merged[keyPath: keyPath] = other[keyPath: keyPath] } }
        func unite(_ keyPath: WritableKeyPath<DirectoryPlace, [String]>) {
            for value in other[keyPath: keyPath] where !merged[keyPath: keyPath].contains(value) { merged[keyPath: keyPath].append(value) }
        }
        for keyPath in [\DirectoryPlace.pivot, \.addressComplement, \.openingHours, \.phone, \.summary, \.details, \.accessibilityURL, \.bookingURL, \.source] {
            fill(keyPath)
        }
        for keyPath in [\DirectoryPlace.structureTypes, \.services, \.publics, \.fees, \.accessModes, \.supportModes, \.nationalProgrammes, \.emails, \.websites] {
            unite(keyPath)
        }
        for kind in other.kinds where !merged.kinds.contains(kind) { merged.kinds.append(kind) }
        if merged.address.isEmpty { merged.address = other.address }
        if merged.label == nil { merged.label = other.label }
        if merged.networkPlaceID == nil { merged.networkPlaceID = other.networkPlaceID }
        return merged
    }

    /// The identity used to find the same place across sources that share no identifier.
    public var nameAndCommuneKey: String { FrenchText.fold(name).replacingOccurrences(of: " ", with: "") + "@" + communeCode }
}
