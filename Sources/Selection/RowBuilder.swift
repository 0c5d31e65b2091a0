import Foundation

/// What a row of the model counts; drives the French wording of targets.
enum TargetKind: Hashable, Sendable {
    case select
    case budget
    case category(String)
    case placeType(String)
    case region(String)
    case department(String)
    case wave(String)
    case commune(String)
}

/// Turns the targets of a scenario into model rows. Rows that can never bind
/// (a maximum at least the number of candidates, no minimum) are left out so
/// that per-commune caps only cost a row where a commune has several dossiers.
enum RowBuilder {
    static func rows(scenario: SelectionScenario, pool: [PoolDossier], varDossier: [Int]) -> [ModelRow] {
        let t = scenario.targets
        let labelled = scenario.labelled
        let everyVar = (0..<varDossier.count).map { Int32($0) }
        var rows: [ModelRow] = []

        if let s = t.select {
            let lo = s.exactly ?? s.atLeast, hi = s.exactly ?? s.atMost
            rows.append(ModelRow(kind: .select, members: everyVar, coefs: everyVar.map { _ in 1 },
                                 lo: lo.map(Double.init) ?? -.infinity, hi: hi.map(Double.init) ?? .infinity,
                                 labelled: 0, statedMin: lo.map(Double.init), statedMax: hi.map(Double.init)))
        }
        if let budget = t.budget {
            rows.append(ModelRow(kind: .budget, members: everyVar, coefs: varDossier.map { pool[$0].amount },
                                 lo: -.infinity, hi: budget, labelled: 0, statedMin: nil, statedMax: budget))
        }

        // Counting rows: one per key, members = variables carrying the key.
        func counting(_ kind: (String) -> TargetKind, named: [String: CountBounds], every: CountBounds?,
                      keys: (PoolDossier) -> [String], labelledKeys: (LabelledFabrique) -> [String]) {
            var members: [String: [Int32]] = [:]
            for (v, i) in varDossier.enumerated() {
                for k in Set(keys(pool[i])) { members[k, default: []].append(Int32(v)) }
            }
            var counts: [String: Int] = [:]
            for f in labelled { for k in Set(labelledKeys(f)) { counts[k, default: 0] += 1 } }
            var allKeys = Set(named.keys)
            if every != nil {
                allKeys.formUnion(pool.flatMap(keys))
                allKeys.formUnion(labelled.flatMap(labelledKeys))
            }
            for key in allKeys.sorted() {
                guard let b = named[key] ?? every else { continue }
                let m = members[key] ?? [], l = counts[key] ?? 0
                var lo = b.min.map { Double($0 - l) } ?? -.infinity
                var hi = b.max.map { Double($0 - l) } ?? .infinity
                if lo <= 0 { lo = -.infinity }
                if hi >= Double(m.count) { hi = .infinity }
                if lo == -.infinity && hi == .infinity { continue }
                rows.append(ModelRow(kind: kind(key), members: m, coefs: m.map { _ in 1 }, lo: lo, hi: hi,
                                     labelled: l, statedMin: b.min.map(Double.init), statedMax: b.max.map(Double.init)))
            }
        }
        counting(TargetKind.category, named: t.categories, every: nil, keys: \.categories, labelledKeys: \.categories)
        counting(TargetKind.placeType, named: t.placeTypes, every: nil,
                 keys: { $0.placeType.map { [$0] } ?? [] }, labelledKeys: { $0.placeType.map { [$0] } ?? [] })
        counting(TargetKind.region, named: t.regions, every: t.perRegion,
                 keys: { $0.region.map { [$0] } ?? [] }, labelledKeys: { $0.region.map { [$0] } ?? [] })
        counting(TargetKind.department, named: t.departments, every: t.perDepartment,
                 keys: { $0.department.map { [$0] } ?? [] }, labelledKeys: { $0.department.map { [$0] } ?? [] })
        counting(TargetKind.wave, named: t.waves, every: t.perWave,
                 keys: { $0.wave.map { [$0] } ?? [] }, labelledKeys: { $0.wave.map { [$0] } ?? [] })
        counting(TargetKind.commune, named: t.communes, every: t.perCommune,
                 keys: { $0.commune.isEmpty ? [] : [$0.commune] }, labelledKeys: { $0.commune.isEmpty ? [] : [$0.commune] })
        return rows
    }
}

/// Objective values are decimals; when they all have at most 4 decimals the
/// objective is an integer number of units, which lets branch-and-bound prune
/// a node as soon as its bound rounded down cannot beat the incumbent, and
/// lets the final objective be summed exactly.
struct ObjectiveUnits: Sendable {
    /// 10^k, or nil when values are not short decimals.
    let scale: Double?
    let units: [Int64]

    init(_ values: [Double]) {
        for k in 0...4 {
            let s = pow(10, Double(k))
            let scaled = values.map { $0 * s }
            if scaled.allSatisfy({ abs($0 - $0.rounded()) <= 1e-7 * max(1, abs($0)) && abs($0) < 1e12 }) {
                scale = s
                units = scaled.map { Int64($0.rounded()) }
                return
            }
        }
        scale = nil
        units = []
    }

    /// Exact (or compensated) total of the chosen values.
    func total(_ x: [Bool], values: [Double]) -> Double {
        if let scale {
            var u: Int64 = 0
            for v in x.indices where x[v] { u += units[v] }
            return Double(u) / scale
        }
        var sum = 0.0, c = 0.0
        for v in x.indices where x[v] {
            let y = values[v] - c, t = sum + y
            c = (t - sum) - y
            sum = t
        }
        return sum
    }

    /// Whether a node with LP bound `bound` cannot improve on `incumbent`.
    func cannotImprove(bound: Double, incumbent: Double) -> Bool {
        if let scale {
            return (bound * scale + 1e-6).rounded(.down) <= (incumbent * scale).rounded()
        }
        return bound <= incumbent + 1e-9 * max(1, abs(incumbent))
    }
}
