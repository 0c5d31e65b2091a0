import Accounts
import SQLKit

/// The SQL form of "what a viewer may read" for rows carrying an owner and a territory: the owner's own
/// rows, and those of the départements and régions it reviews. The comité's queries skip it.
enum TerritoryScope {
    static func condition(_ group: SQLPredicateGroupBuilder, viewer: Viewer) -> SQLPredicateGroupBuilder {
        let departments = viewer.reviewedTerritories.compactMap { if case .department(let c) = $0 { c } else { nil } }
        let regions = viewer.reviewedTerritories.compactMap { if case .region(let c) = $0 { c } else { nil } }
        var group = group.where("owner_user_id", .equal, viewer.userID)
        if !departments.isEmpty { group = group.orWhere("department_code", .in, departments) }
        if !regions.isEmpty { group = group.orWhere("region_code", .in, regions) }
        return group
    }
}
