import Foundation

public struct SelectionOptions: Sendable {
    /// Seconds for the main solve (and for each explanation re-solve).
    public var timeLimit: Double?
    public var explain: Bool
    public init(timeLimit: Double? = nil, explain: Bool = false) {
        self.timeLimit = timeLimit; self.explain = explain
    }
}

/// Entry point: solve a scenario, optionally explain every dossier.
public enum Selector {
    public static func solve(_ scenario: SelectionScenario, options: SelectionOptions = SelectionOptions()) throws -> SelectionResult {
        let start = ContinuousClock.now
        let model = try SelectionModel(scenario)
        let deadline = options.timeLimit.map { start + .milliseconds(Int64($0 * 1000)) }
        let bb = BranchAndBound(model: model, bounds: model.instance())
        let out = bb.run(deadline: deadline)
        var result = SelectionResult(
            status: out.status == .optimal ? .optimal : out.status == .infeasible ? .infeasible : .timeLimited,
            objective: out.objective, bound: out.bound, gap: nil, selected: [], amount: nil,
            conflicts: [], explanations: nil,
            stats: SolveStats(variables: model.variableCount, rows: model.rows.count, nodes: out.nodes,
                              lpIterations: out.lpIterations, rootBound: out.rootBound, seconds: 0))
        if let sel = out.selection {
            let chosen = (0..<model.variableCount).filter { sel[$0] }.map { model.dossiers[model.varDossier[$0]] }
            result.selected = chosen.map(\.id).sorted()
            result.amount = chosen.reduce(0) { $0 + $1.amount }
            if let o = out.objective, let b = out.bound { result.gap = max(0, b - o) / max(abs(o), 1e-9) }
        }
        if out.status == .infeasible {
            // The time limit applies again to the conflict search: on timeout the
            // reported set still conflicts but may not be minimal.
            let conflictDeadline = options.timeLimit.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) }
            let conflict = ConflictFinder.minimalConflict(model: model, rootRay: out.rootRay, deadline: conflictDeadline)
            var seen = Set<String>()
            result.conflicts = conflict.map { TargetWording.describe($0, model: model) }.filter { seen.insert($0).inserted }
        }
        if options.explain, out.status == .optimal, let sel = out.selection, let objective = out.objective {
            result.explanations = Explainer(model: model, scenario: scenario, selection: sel, objective: objective,
                                            timeLimit: options.timeLimit).explainAll()
        }
        let elapsed = ContinuousClock.now - start
        result.stats.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return result
    }

    /// Decodes a scenario file and solves it.
    public static func solve(json: Data, options: SelectionOptions = SelectionOptions()) throws -> SelectionResult {
        try solve(SelectionScenario.decode(json), options: options)
    }

    /// Optimal objective with some dossiers fixed in (true) or out (false);
    /// nil when infeasible. Used by explanations and by tests to verify them.
    public static func optimum(_ scenario: SelectionScenario, fixing: [String: Bool] = [:]) throws -> Double? {
        let model = try SelectionModel(scenario)
        var fix: [Int: Bool] = [:]
        for (id, on) in fixing {
            guard let i = model.dossiers.firstIndex(where: { $0.id == id }) else { throw SelectionError.unknownDossier(id) }
            guard let v = model.dossierVar[i] else { if on { return nil } else { continue } }
            fix[v] = on
        }
        return BranchAndBound(model: model, bounds: model.instance(fix: fix)).run().objective
    }
}
