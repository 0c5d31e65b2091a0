import Foundation
@testable import Selection

/// Deterministic generator (SplitMix64) so failures are reproducible.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Small random scenarios exercising every kind of target.
enum RandomScenarios {
    static func make(seed: UInt64, size: Int? = nil) -> SelectionScenario {
        var g = SeededRandom(seed)
        let n = size ?? Int.random(in: 3...12, using: &g)
        let communes = ["01001", "01002", "42218", "69123", "75056"]
        func dept(_ c: String) -> String { String(c.prefix(2)) }
        func region(_ c: String) -> String { ["01": "84", "42": "84", "69": "84", "75": "11"][dept(c)]! }
        var pool: [PoolDossier] = []
        for i in 0..<n {
            let c = communes.randomElement(using: &g)!
            var cats: [String] = []
            if Bool.random(using: &g) { cats.append("qpv"); if Int.random(in: 0..<3, using: &g) == 0 { cats.append("numerique") } }
            else if Bool.random(using: &g) { cats.append("rural") }
            let score = Double(Int.random(in: 500...2000, using: &g)) / 100
            let bonus = Int.random(in: 0..<4, using: &g) == 0 ? Double(Int.random(in: 1...20, using: &g)) / 10 : 0
            pool.append(PoolDossier(id: String(format: "D%03d", i), score: score, bonus: bonus,
                                    amount: Double(Int.random(in: 15...30, using: &g) * 5000), commune: c,
                                    department: dept(c), region: region(c), categories: cats,
                                    placeType: ["fablab", "friche", "coworking"].randomElement(using: &g),
                                    wave: ["1", "2"].randomElement(using: &g),
                                    unfavourableOpinion: Int.random(in: 0..<8, using: &g) == 0))
        }
        var labelled: [LabelledFabrique] = []
        for i in 0..<Int.random(in: 0...2, using: &g) {
            let c = communes.randomElement(using: &g)!
            labelled.append(LabelledFabrique(id: "L\(i)", commune: c, department: dept(c), region: region(c),
                                             categories: Bool.random(using: &g) ? ["qpv"] : ["rural"], wave: "1"))
        }
        var t = SelectionTargets()
        let k = Int.random(in: 1...max(1, n / 2 + 1), using: &g)
        t.select = Bool.random(using: &g) ? SelectCount(exactly: k) : SelectCount(atMost: k)
        if Bool.random(using: &g) { t.budget = Double(Int.random(in: 2...8, using: &g)) * 50000 }
        if Bool.random(using: &g) { t.categories["qpv"] = CountBounds(min: Int.random(in: 0...3, using: &g)) }
        if Bool.random(using: &g) { t.categories["rural"] = CountBounds(min: Int.random(in: 0...2, using: &g), max: Int.random(in: 1...4, using: &g)) }
        if Int.random(in: 0..<3, using: &g) == 0 { t.categories["numerique"] = CountBounds(min: 1) }
        if Bool.random(using: &g) { t.perWave = CountBounds(max: Int.random(in: 1...4, using: &g)) }
        if Bool.random(using: &g) { t.perCommune = CountBounds(max: Int.random(in: 1...2, using: &g)) }
        if Int.random(in: 0..<3, using: &g) == 0 { t.perDepartment = CountBounds(max: Int.random(in: 1...3, using: &g)) }
        if Int.random(in: 0..<3, using: &g) == 0 { t.regions["11"] = CountBounds(min: 1) }
        if Int.random(in: 0..<4, using: &g) == 0 { t.placeTypes["fablab"] = CountBounds(max: 1) }
        if Int.random(in: 0..<4, using: &g) == 0 { t.forcedIn = [pool.randomElement(using: &g)!.id] }
        if Int.random(in: 0..<4, using: &g) == 0 {
            let id = pool.randomElement(using: &g)!.id
            if !t.forcedIn.contains(id) { t.forcedOut = [id] }
        }
        if Bool.random(using: &g) { t.eligibility.minScore = Double(Int.random(in: 5...10, using: &g)) }
        return SelectionScenario(pool: pool, labelled: labelled, targets: t)
    }
}

/// Exhaustive enumeration written from the scenario semantics, independently
/// of the model builder.
enum BruteForce {
    static func feasible(_ s: SelectionScenario, _ chosen: [PoolDossier]) -> Bool {
        let t = s.targets
        let ids = Set(chosen.map(\.id))
        for d in chosen where !t.forcedIn.contains(d.id) {
            if t.eligibility.excludeUnfavourable && d.unfavourableOpinion { return false }
            if let m = t.eligibility.minScore, d.score < m - 1e-9 * max(1, abs(m)) { return false }
        }
        if t.forcedIn.contains(where: { !ids.contains($0) }) || t.forcedOut.contains(where: { ids.contains($0) }) { return false }
        if let sel = t.select {
            if let e = sel.exactly, chosen.count != e { return false }
            if let a = sel.atMost, chosen.count > a { return false }
            if let a = sel.atLeast, chosen.count < a { return false }
        }
        if let b = t.budget, chosen.reduce(0, { $0 + $1.amount }) > b + 1e-6 { return false }
        func check(_ b: CountBounds?, _ count: Int) -> Bool {
            guard let b else { return true }
            if let lo = b.min, count < lo { return false }
            if let hi = b.max, count > hi { return false }
            return true
        }
        for (c, b) in t.categories {
            let n = chosen.filter { $0.categories.contains(c) }.count + s.labelled.filter { $0.categories.contains(c) }.count
            if !check(b, n) { return false }
        }
        for (p, b) in t.placeTypes where !check(b, chosen.filter { $0.placeType == p }.count + s.labelled.filter { $0.placeType == p }.count) { return false }
        func perKey(_ named: [String: CountBounds], _ every: CountBounds?, _ key: (PoolDossier) -> String?, _ lkey: (LabelledFabrique) -> String?) -> Bool {
            var keys = Set(named.keys)
            if every != nil { keys.formUnion(s.pool.compactMap(key)); keys.formUnion(s.labelled.compactMap(lkey)) }
            for k in keys where !check(named[k] ?? every, chosen.filter { key($0) == k }.count + s.labelled.filter { lkey($0) == k }.count) { return false }
            return true
        }
        return perKey(t.regions, t.perRegion, \.region, \.region) && perKey(t.departments, t.perDepartment, \.department, \.department)
            && perKey(t.waves, t.perWave, \.wave, \.wave) && perKey(t.communes, t.perCommune, { $0.commune }, { $0.commune })
    }

    /// Best total in cents, nil when infeasible.
    static func optimum(_ s: SelectionScenario) -> Int? {
        let n = s.pool.count
        var best: Int?
        for mask in 0..<(1 << n) {
            let chosen = (0..<n).filter { mask & (1 << $0) != 0 }.map { s.pool[$0] }
            guard feasible(s, chosen) else { continue }
            let v = chosen.reduce(0) { $0 + Int((($1.score + $1.bonus) * 100).rounded()) }
            if best == nil || v > best! { best = v }
        }
        return best
    }
}
