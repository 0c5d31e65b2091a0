import Accounts
import Storage
import Territory

/// The JSON shapes of the API, named as in the OpenAPI document (snake_case on the wire).
enum ApiModels {
    struct Me: Encodable {
        let id: Int64
        let email: String
        let displayName: String
        let roles: [Grant]
    }

    struct Grant: Encodable {
        let role: String
        let scopeKind: String
        let scopeCode: String?
        init(_ grant: RoleGrant) {
            role = grant.role.rawValue
            scopeKind = grant.scope.kind.rawValue
            scopeCode = grant.scope.code.isEmpty ? nil : grant.scope.code
        }
    }

    struct RegionItem: Encodable {
        let code: String
        let name: String
        let population: Int
        init(_ region: Region) { code = region.code; name = region.name; population = region.population }
    }

    struct DepartmentItem: Encodable {
        let code: String
        let name: String
        let regionCode: String
        let population: Int
        init(_ d: Department) { code = d.code; name = d.name; regionCode = d.regionCode; population = d.population }
    }

    struct CommuneItem: Encodable {
        let code: String
        let name: String
        let departmentCode: String
        let regionCode: String
        let population: Int
        let latitude: Double
        let longitude: Double
        let densityClass: Int
        let rural: Bool
        let qpvCodes: [String]
        init(_ c: Commune) {
            code = c.code; name = c.name; departmentCode = c.departmentCode; regionCode = c.regionCode
            population = c.population; latitude = c.position.latitude; longitude = c.position.longitude
            densityClass = c.density.rawValue; rural = c.isRural; qpvCodes = c.priorityNeighbourhoodCodes
        }
    }

    struct OrganisationItem: Encodable {
        let id: Int64
        let name: String
        let legalForm: String
        let siret: String?
        let communeCode: String
        let departmentCode: String
        let regionCode: String
        init(_ o: Organisation) {
            id = o.id; name = o.name; legalForm = o.legalForm; siret = o.siret
            communeCode = o.communeCode; departmentCode = o.departmentCode; regionCode = o.regionCode
        }
    }

    struct Page<Item: Encodable>: Encodable {
        let items: [Item]
        let total: Int
    }

    struct Health: Encodable {
        let status: String
        let database: String
    }
}
