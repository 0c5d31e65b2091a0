import Territory

/// A tiers-lieu, Fabrique or any place that serves the people around it: the input of every coverage
/// figure. Coverage does not depend on Directory; callers map their own records to this.
public struct CoveragePlace: Sendable, Hashable, Codable {
    public let id: String
    public let position: GeoPoint
    public let isFabrique: Bool
    /// Free service labels (e.g. "mediation-numerique"); matched exactly.
    public let services: Set<String>

    public init(id: String, position: GeoPoint, isFabrique: Bool = false, services: Set<String> = []) {
        self.id = id
        self.position = position
        self.isFabrique = isFabrique
        self.services = services
    }
}
