import Foundation

/// Explains every dossier by re-solving.
///
/// Exact parametric argument: changing the score of dossier i by δ moves the
/// value of every selection containing i by δ and leaves the others alone.
/// So with V* the optimum, V_in the optimum with i forced in and V_out with i
/// forced out, an out dossier enters an optimal selection exactly when its
/// score reaches score + (V* − V_in), and an in dossier stays in an optimal
/// selection while it loses at most V* − V_out. At those thresholds there is
/// a tie, which the deterministic order may settle either way. One re-solve
/// per dossier; the tests re-solve again with the modified score.
struct Explainer {
    let model: SelectionModel
    let scenario: SelectionScenario
    let selection: [Bool]
    let objective: Double
    let timeLimit: Double?

    func explainAll() -> [String: DossierExplanation] {
        var out: [String: DossierExplanation] = [:]
        for i in model.dossiers.indices { out[model.dossiers[i].id] = explain(i) }
        return out
    }

    private func deadline() -> ContinuousClock.Instant? {
        timeLimit.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) }
    }

    private func optimum(fix: [Int: Bool]) -> (value: Double?, verified: Bool) {
        let out = BranchAndBound(model: model, bounds: model.instance(fix: fix)).run(deadline: deadline())
        if out.status == .timeLimited { return (nil, false) }
        return (out.objective, true)
    }

    /// Rounds to the objective units so thresholds print as the data do.
    private func clean(_ v: Double) -> Double {
        guard let s = model.units.scale else { return v }
        return (v * s).rounded() / s
    }

    func explain(_ i: Int) -> DossierExplanation {
        let d = model.dossiers[i]
        let minScore = scenario.targets.eligibility.minScore
        var e = DossierExplanation(selected: false, score: d.score, bonus: d.bonus, reason: "", binding: [],
                                   scoreNeeded: nil, canLose: nil, verified: true)
        guard let v = model.dossierVar[i] else {
            e.reason = "non éligible : " + (model.ineligibleReason[i] ?? "")
            if !(d.unfavourableOpinion && scenario.targets.eligibility.excludeUnfavourable), let minScore {
                // Re-solve with the dossier at the eligibility threshold, forced in.
                var s = scenario
                if let k = s.pool.firstIndex(where: { $0.id == d.id }) { s.pool[k].score = minScore }
                s.targets.forcedIn.append(d.id)
                s.targets.forcedOut.removeAll { $0 == d.id }
                if let m = try? SelectionModel(s) {
                    let r = BranchAndBound(model: m, bounds: m.instance()).run(deadline: deadline())
                    if r.status == .timeLimited { e.verified = false }
                    else if let vin = r.objective { e.scoreNeeded = clean(max(minScore, minScore + objective - vin)) }
                }
            }
            return e
        }
        e.selected = selection[v]
        e.binding = bindingRows(v)
        if model.forcedInVar.contains(v) { e.reason = "imposé par le comité"; return e }
        if model.forcedOutVar.contains(v) { e.reason = "écarté par le comité"; return e }
        if selection[v] {
            let (vout, ok) = optimum(fix: [v: false])
            e.verified = ok
            var margin: Double? = vout.map { clean(objective - $0) }
            if let minScore { margin = min(margin ?? .infinity, clean(d.score - minScore)) }
            e.canLose = margin
            e.reason = vout == nil && ok ? "retenu : indispensable pour tenir les objectifs"
                : "retenu : fait partie de la sélection de plus haut score total"
        } else {
            let (vin, ok) = optimum(fix: [v: true])
            e.verified = ok
            if let vin { e.scoreNeeded = clean(d.score + objective - vin) }
            e.reason = vin == nil && ok ? "non retenu : incompatible avec les objectifs"
                : "non retenu : la sélection de plus haut score total ne le comprend pas"
        }
        return e
    }

    /// Rows that flipping this dossier alone would violate.
    private func bindingRows(_ v: Int) -> [String] {
        var texts: [String] = []
        for (r, row) in model.rows.enumerated() {
            guard let k = row.members.firstIndex(of: Int32(v)) else { continue }
            let a = model.activity(row, selection), c = row.coefs[k]
            let tol = 1e-9 * max(1, abs(a))
            if selection[v], a - c < row.lo - tol { texts.append(TargetWording.describe(.rowMin(r), model: model)) }
            if !selection[v], a + c > row.hi + tol { texts.append(TargetWording.describe(.rowMax(r), model: model)) }
        }
        return texts
    }
}
