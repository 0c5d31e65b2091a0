import Foundation

/// Finds a minimal set of targets that cannot all hold (deletion filter).
///
/// Candidates start from the Farkas multipliers of the infeasible root LP when
/// there is one (only rows with a nonzero multiplier take part in the proof),
/// else from every target. Each candidate is then dropped in turn: if the
/// others stay infeasible it is left out for good, otherwise it is kept. The
/// result is irreducible: relaxing any single reported target makes the rest
/// feasible (each check is an exact branch-and-bound, not an LP).
enum ConflictFinder {
    static func minimalConflict(model: SelectionModel, rootRay: [Double]?,
                                deadline: ContinuousClock.Instant?) -> [TargetItem] {
        var candidates = model.items
        if let ray = rootRay {
            let support = Set(model.items.filter { item in
                switch item {
                case .rowMin(let r), .rowMax(let r): return abs(ray[r]) > 1e-9
                case .forcedIn, .forcedOut: return true
                }
            })
            let reduced = model.items.filter { support.contains($0) }
            let others = Set(model.items).subtracting(support)
            if isInfeasible(model: model, relaxed: others, deadline: deadline) { candidates = reduced }
        }
        var relaxed = Set(model.items).subtracting(candidates)
        var kept: [TargetItem] = []
        for item in candidates {
            relaxed.insert(item)
            if isInfeasible(model: model, relaxed: relaxed, deadline: deadline) { continue }
            relaxed.remove(item)
            kept.append(item)
        }
        return kept
    }

    /// True only when infeasibility is proven (a timeout counts as feasible,
    /// which keeps the target: the set stays conflicting, maybe not minimal).
    static func isInfeasible(model: SelectionModel, relaxed: Set<TargetItem>,
                             deadline: ContinuousClock.Instant?) -> Bool {
        let bb = BranchAndBound(model: model, bounds: model.instance(without: relaxed))
        let out = bb.run(deadline: deadline, stopAtFirst: true)
        return out.status == .infeasible
    }
}
