import Accounts
import Directory
import Foundation
import Storage
import Territory

/// Realistic, deterministic demo content: the real Fabriques de territoire and one account per role.
/// Runs only on an empty database and only when asked (`serve --demo`).
public struct DemoSeeder: Sendable {
    public struct Account: Sendable {
        public let email: String
        public let password: String
        public let displayName: String
        public let description: String
    }

    public static let accounts: [Account] = [
        Account(email: "admin@demo.fabriques.fr", password: "demo-admin-fabriques", displayName: "Alice Admin", description: "administrateur"),
        Account(email: "comite@demo.fabriques.fr", password: "demo-comite-fabriques", displayName: "Camille Comité", description: "comité national"),
        Account(email: "instructeur.charente@demo.fabriques.fr", password: "demo-instructeur-16", displayName: "Ines Instructrice", description: "instructeur, Charente (16)"),
        Account(email: "instructeur.ara@demo.fabriques.fr", password: "demo-instructeur-84", displayName: "Igor Instructeur", description: "instructeur, région Auvergne-Rhône-Alpes"),
        Account(email: "porteur@demo.fabriques.fr", password: "demo-porteur-fabriques", displayName: "Paul Porteur", description: "porteur, association à Angoulême"),
        Account(email: "porteuse.lyon@demo.fabriques.fr", password: "demo-porteuse-fabriques", displayName: "Pauline Porteuse", description: "porteur, SCIC à Lyon"),
        Account(email: "animateur@demo.fabriques.fr", password: "demo-animateur-fabriques", displayName: "Anna Animatrice", description: "animateur d'une Fabrique"),
        Account(email: "expert@demo.fabriques.fr", password: "demo-expert-fabriques", displayName: "Eric Expert", description: "expert invité sur un dossier"),
    ]

    let services: AppServices
    let hasher: PasswordHasher

    public init(services: AppServices, bcryptCost: UInt8) {
        self.services = services
        self.hasher = PasswordHasher(cost: bcryptCost)
    }

    /// Seeds and returns true when the database had no account; does nothing otherwise.
    @discardableResult
    public func seedIfEmpty() async throws -> Bool {
        guard try await services.users.count() == 0 else { return false }
        let now = services.now
        let places = try await seedFabriques(at: now)
        var ids: [String: Int64] = [:]
        for account in Self.accounts {
            ids[account.email] = try await services.users.create(
                email: account.email, displayName: account.displayName, passwordHash: try await hasher.hash(account.password), at: now)
        }
        func grant(_ email: String, _ role: Role, _ scope: Scope) async throws {
            try await services.users.grant(RoleGrant(role: role, scope: scope), to: ids[email]!, by: nil, at: now)
        }
        try await grant("admin@demo.fabriques.fr", .admin, .national)
        try await grant("comite@demo.fabriques.fr", .committee, .national)
        try await grant("instructeur.charente@demo.fabriques.fr", .reviewer, .department("16"))
        try await grant("instructeur.ara@demo.fabriques.fr", .reviewer, .region("84"))
        try await grant("porteur@demo.fabriques.fr", .applicant, .national)
        try await grant("porteuse.lyon@demo.fabriques.fr", .applicant, .national)
        if let place = places.first(where: { $0.departmentCode == "16" }) ?? places.first {
            try await grant("animateur@demo.fabriques.fr", .placeManager, .place(place.id))
        }
        try await organisation(owner: ids["porteur@demo.fabriques.fr"]!, name: "Association Le Chantier Numérique",
                               legalForm: "association", siret: "73282932000074", commune: "16015", at: now)
        try await organisation(owner: ids["porteuse.lyon@demo.fabriques.fr"]!, name: "SCIC La Fabrique des Pentes",
                               legalForm: "scic_scop", siret: nil, commune: "69381", at: now)
        try await seedCall(ids: ids, now: now)
        return true
    }

    private func organisation(owner: Int64, name: String, legalForm: String, siret: String?, commune code: String, at now: Instant) async throws {
        guard let commune = services.territory.commune(code: code) else { return }
        _ = try await services.organisations.create(
            OrganisationDraft(name: name, legalForm: legalForm, siret: siret, communeCode: commune.code,
                              departmentCode: commune.departmentCode, regionCode: commune.regionCode),
            owner: owner, at: now)
    }

    /// The 382 real Fabriques (ANCT, January 2024) tied to the commune reference (Saint-Martin, outside
    /// the COG départements, is left out), and the 188 real places of the Charente export of the national
    /// map of digital mediation, through the same importer as any file.
    private func seedFabriques(at now: Instant) async throws -> [Place] {
        let directory = SQLDirectoryRepository(services.database, territory: services.territory)
        let reader = PlaceRecordReader(territory: services.territory, today: "2024-01-31")
        var places: [DirectoryPlace] = []
        if let text = Self.resource("fabriques_de_territoire.csv").flatMap({ String(data: $0, encoding: .utf8) }) {
            for row in CSVReader.parse(text).dropFirst() where row.count >= 9 {
                guard let commune = services.territory.commune(code: row[4]) else { continue }
                places.append(DirectoryPlace(
                    externalID: row[0], name: row[1], address: "", postalCode: services.territory.postalCodes(communeCode: commune.code).first ?? "",
                    commune: commune, position: GeoPoint(latitude: Double(row[7]) ?? commune.position.latitude, longitude: Double(row[8]) ?? commune.position.longitude),
                    kinds: [.other], label: .fabrique, source: "ANCT, liste des Fabriques de territoire (janvier 2024)", updatedOn: "2024-01-31"))
            }
        }
        if let data = Self.resource("20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json") {
            places += try reader.read(data, format: .json).places.map(\.place)
        }
        _ = try await directory.importPlaces(places, actor: nil, at: now)
        return try await services.places.list(departmentCode: nil, limit: 10_000, offset: 0).filter { $0.label != nil }
    }

    static func resource(_ name: String) -> Data? {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources/demo")
            ?? Bundle.module.url(forResource: name, withExtension: nil)
        return url.flatMap { try? Data(contentsOf: $0) }
    }
}
