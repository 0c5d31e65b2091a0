import Foundation

/// Errors in a scenario that make it meaningless (as opposed to infeasible).
public enum SelectionError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownDossier(String)
    case duplicateDossier(String)
    case forcedInAndOut(String)

    /// French, shown to the committee.
    public var description: String {
        switch self {
        case .unknownDossier(let id): return "Dossier inconnu dans les décisions imposées : \(id)"
        case .duplicateDossier(let id): return "Dossier présent deux fois dans le vivier : \(id)"
        case .forcedInAndOut(let id): return "Dossier à la fois imposé et écarté : \(id)"
        }
    }
}

/// One linear row `lo ≤ Σ coef·x ≤ hi` of the 0-1 model. Bounds already
/// subtract the already-labelled Fabriques that count toward the row.
struct ModelRow: Sendable {
    var kind: TargetKind
    var members: [Int32]
    var coefs: [Double]
    var lo: Double
    var hi: Double
    var labelled: Int
    /// Bounds as written in the scenario (for the French wording).
    var statedMin: Double?
    var statedMax: Double?
}

/// A target the committee can relax: one side of one row, or one forced decision.
/// Conflicts are reported as sets of these.
enum TargetItem: Hashable, Sendable {
    case rowMin(Int)
    case rowMax(Int)
    case forcedIn(Int)
    case forcedOut(Int)
}

/// The 0-1 model built from a scenario. Variables are the dossiers that may
/// be selected: eligible ones plus forced-in ones (forcing in overrides
/// eligibility). Dossiers are sorted by id so that the model, and therefore
/// the result, does not depend on the order of the file.
struct SelectionModel: Sendable {
    /// Whole pool sorted by id.
    let dossiers: [PoolDossier]
    /// Pool index of each variable.
    let varDossier: [Int]
    /// Variable of each pool dossier, nil if it can never be selected.
    let dossierVar: [Int?]
    /// Objective value (score + bonus) of each variable.
    let value: [Double]
    /// Bounds of each variable before forced decisions are applied.
    let forcedInVar: Set<Int>
    let forcedOutVar: Set<Int>
    let rows: [ModelRow]
    let items: [TargetItem]
    /// Columns (row, coefficient) of each variable, for the LP.
    let columns: [[(row: Int32, coef: Double)]]
    let units: ObjectiveUnits
    let ineligibleReason: [String?]

    var variableCount: Int { varDossier.count }

    init(_ scenario: SelectionScenario) throws {
        var pool = scenario.pool
        pool.sort { $0.id < $1.id }
        for i in pool.indices.dropFirst() where pool[i].id == pool[i - 1].id {
            throw SelectionError.duplicateDossier(pool[i].id)
        }
        dossiers = pool
        let t = scenario.targets
        let byId = Dictionary(uniqueKeysWithValues: pool.enumerated().map { ($1.id, $0) })
        let forcedIn = Set(t.forcedIn), forcedOut = Set(t.forcedOut)
        for id in forcedIn.union(forcedOut).sorted() where byId[id] == nil { throw SelectionError.unknownDossier(id) }
        if let both = forcedIn.intersection(forcedOut).sorted().first { throw SelectionError.forcedInAndOut(both) }

        var reasons = [String?](repeating: nil, count: pool.count)
        var varDossier: [Int] = [], dossierVar = [Int?](repeating: nil, count: pool.count)
        for (i, d) in pool.enumerated() {
            if t.eligibility.excludeUnfavourable && d.unfavourableOpinion {
                reasons[i] = "avis défavorable"
            } else if let min = t.eligibility.minScore, d.score < min - 1e-9 * max(1, abs(min)) {
                // Tolerance: a score lowered to exactly the threshold in floating point stays eligible.
                reasons[i] = "score inférieur au seuil d'éligibilité (\(FrenchFormat.number(min)))"
            }
            if reasons[i] == nil || forcedIn.contains(d.id) {
                dossierVar[i] = varDossier.count
                varDossier.append(i)
            }
        }
        self.varDossier = varDossier
        self.dossierVar = dossierVar
        ineligibleReason = reasons
        value = varDossier.map { pool[$0].score + pool[$0].bonus }
        forcedInVar = Set(forcedIn.compactMap { dossierVar[byId[$0]!] })
        forcedOutVar = Set(forcedOut.compactMap { dossierVar[byId[$0]!] })
        units = ObjectiveUnits(value)

        rows = RowBuilder.rows(scenario: scenario, pool: pool, varDossier: varDossier)
        var items: [TargetItem] = []
        for (r, row) in rows.enumerated() {
            if row.lo > -Double.infinity { items.append(.rowMin(r)) }
            if row.hi < Double.infinity { items.append(.rowMax(r)) }
        }
        items += forcedInVar.sorted().map { .forcedIn($0) } + forcedOutVar.sorted().map { .forcedOut($0) }
        self.items = items
        var columns = [[(row: Int32, coef: Double)]](repeating: [], count: varDossier.count)
        for (r, row) in rows.enumerated() {
            for (k, v) in row.members.enumerated() { columns[Int(v)].append((Int32(r), row.coefs[k])) }
        }
        self.columns = columns
    }

    /// Variable bounds and row bounds with some targets relaxed and some
    /// variables fixed (used by conflicts and explanations).
    func instance(without relaxed: Set<TargetItem> = [], fix: [Int: Bool] = [:]) -> ModelBounds {
        var lo = rows.map(\.lo), hi = rows.map(\.hi)
        var lb = [Double](repeating: 0, count: variableCount), ub = [Double](repeating: 1, count: variableCount)
        for item in relaxed {
            switch item {
            case .rowMin(let r): lo[r] = -.infinity
            case .rowMax(let r): hi[r] = .infinity
            default: break
            }
        }
        for v in 0..<variableCount {
            let eligible = ineligibleReason[varDossier[v]] == nil
            if forcedInVar.contains(v) && !relaxed.contains(.forcedIn(v)) { lb[v] = 1 }
            else if !eligible { ub[v] = 0 }
            if forcedOutVar.contains(v) && !relaxed.contains(.forcedOut(v)) { ub[v] = 0 }
        }
        for (v, on) in fix { lb[v] = on ? 1 : 0; ub[v] = on ? 1 : 0 }
        return ModelBounds(rowLo: lo, rowHi: hi, lb: lb, ub: ub)
    }

    /// Exact feasibility of a 0-1 point: integer counts, budget in euros.
    func isFeasible(_ x: [Bool], _ b: ModelBounds) -> Bool {
        for v in 0..<variableCount where (x[v] && b.ub[v] < 0.5) || (!x[v] && b.lb[v] > 0.5) { return false }
        for (r, row) in rows.enumerated() {
            let a = activity(row, x)
            let tol = 1e-9 * max(1, abs(a))
            if a < b.rowLo[r] - tol || a > b.rowHi[r] + tol { return false }
        }
        return true
    }

    func activity(_ row: ModelRow, _ x: [Bool]) -> Double {
        var s = 0.0
        for (k, v) in row.members.enumerated() where x[Int(v)] { s += row.coefs[k] }
        return s
    }
}

/// Bounds of one solve.
struct ModelBounds: Sendable {
    var rowLo: [Double]
    var rowHi: [Double]
    var lb: [Double]
    var ub: [Double]
}
