import Coverage
import Directory
import Foundation
import Territory

/// Coverage figures of the directory as it is now. The analysis (spatial indexes over the places) is
/// rebuilt only when the directory index has a new generation, and each report is remembered per radius
/// and target, so the pages, the CSV and the API answer from memory until a place changes.
final class CoverageService: @unchecked Sendable {
    private let territory: TerritoryReference
    private let index: DirectoryIndexCache
    private let lock = NSLock()
    private var generation = -1
    private var analysis: CoverageAnalysis?
    private var reports: [String: CoverageReport] = [:]
    private var suggestions: [String: CoverageSuggestion] = [:]
    private var pending: Set<String> = []

    init(territory: TerritoryReference, index: DirectoryIndexCache) {
        self.territory = territory
        self.index = index
    }

    static func places(_ directory: [DirectoryPlace]) -> [CoveragePlace] {
        directory.map { CoveragePlace(id: String($0.id ?? 0), position: $0.position, isFabrique: $0.label != nil, services: Set($0.services)) }
    }

    private func current() async throws -> (CoverageAnalysis, Int) {
        let (searchIndex, generation) = try await index.currentWithGeneration()
        if let cached = lock.withLock({ self.generation == generation ? analysis : nil }) { return (cached, generation) }
        let built = CoverageAnalysis(territory: territory, places: Self.places(searchIndex.places))
        lock.withLock {
            if generation > self.generation {
                self.generation = generation
                analysis = built
                reports = [:]
                suggestions = [:]
            }
        }
        return (built, generation)
    }

    func report(radius: Double, target: CoverageTarget) async throws -> CoverageReport {
        let (analysis, generation) = try await current()
        let key = "\(radius)|\(target)"
        if let cached = lock.withLock({ self.generation == generation ? reports[key] : nil }) { return cached }
        let report = analysis.report(radiusKilometres: radius, target: target)
        lock.withLock { if self.generation == generation { reports[key] = report } }
        return report
    }

    /// The suggestion if already computed; otherwise starts computing it in the background and returns
    /// nil, so that a page never waits for the slowest figure.
    func suggestionIfReady(count: Int, radius: Double, target: CoverageTarget) async throws -> CoverageSuggestion? {
        let (_, generation) = try await current()
        let key = "\(count)|\(radius)|\(target)"
        let (cached, started) = lock.withLock { () -> (CoverageSuggestion?, Bool) in
            if self.generation == generation, let found = suggestions[key] { return (found, true) }
            return (nil, !pending.insert(key).inserted)
        }
        if let cached { return cached }
        if !started {
            Task.detached { [self] in
                _ = try? await self.suggest(count: count, radius: radius, target: target)
                _ = self.lock.withLock { self.pending.remove(key) }
            }
        }
        return nil
    }

    func suggest(count: Int, radius: Double, target: CoverageTarget) async throws -> CoverageSuggestion {
        let (analysis, generation) = try await current()
        let key = "\(count)|\(radius)|\(target)"
        if let cached = lock.withLock({ self.generation == generation ? suggestions[key] : nil }) { return cached }
        let suggestion = analysis.suggest(count: count, radiusKilometres: radius, target: target)
        lock.withLock { if self.generation == generation { suggestions[key] = suggestion } }
        return suggestion
    }
}

/// The page and API parameters: radius among the standard ones, and which places count.
struct CoverageParameters: Sendable {
    var radius: Double = 20
    var target: CoverageTarget = .allPlaces
    var targetValue = "tous"

    init(_ query: [String: String]) throws {
        if let text = query["rayon"] ?? query["radius"], !text.isEmpty {
            guard let value = Double(text), CoverageAnalysis.standardRadiiKilometres.contains(value) || (1...100).contains(value) else {
                throw AppError.badRequest("Le rayon doit être un nombre de kilomètres entre 1 et 100 (par exemple 5, 10, 20 ou 30).")
            }
            radius = value
        }
        let raw = query["cible"] ?? query["target"] ?? "tous"
        switch raw {
        case "", "tous", "all": target = .allPlaces; targetValue = "tous"
        case "fabriques": target = .fabriques; targetValue = "fabriques"
        default:
            guard MediationVocabulary.services.contains(raw) else {
                throw AppError.badRequest("Cible inconnue : « tous », « fabriques » ou un service du standard national.")
            }
            target = .service(raw)
            targetValue = raw
        }
    }

    var query: String {
        "rayon=\(Int(radius))&cible=\(targetValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? targetValue)"
    }
}
