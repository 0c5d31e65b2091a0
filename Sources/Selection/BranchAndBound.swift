import Foundation

/// What one exact solve returns (maximisation form).
struct SolveOutcome: Sendable {
    enum Status: String, Sendable { case optimal, timeLimited = "time_limited", infeasible }
    var status: Status
    /// Chosen value of each variable, nil when no feasible selection was found.
    var selection: [Bool]?
    var objective: Double?
    /// Proven upper bound on the objective (nil if not even the root LP finished).
    var bound: Double?
    var rootBound: Double?
    var nodes: Int
    var lpIterations: Int
    /// Farkas multipliers of the root LP when it is infeasible.
    var rootRay: [Double]?
}

/// Branch-and-bound over the LP relaxation. Order: depth-first plunge into
/// the child the LP leans to (finds selections early), then the open node with
/// the best bound (ties: creation order), so the search is deterministic.
/// A node is closed when its Lagrangian bound, rounded down to objective
/// units, cannot beat the incumbent: that is the optimality proof.
final class BranchAndBound {
    let model: SelectionModel
    /// Root bounds, tightened by reduced-cost fixing as incumbents improve.
    var bounds: ModelBounds
    let lp: DualSimplex

    init(model: SelectionModel, bounds: ModelBounds) {
        self.model = model
        self.bounds = bounds
        lp = DualSimplex(model: model, bounds: bounds)
    }

    private struct Node { var bound: Double; var seq: Int; var fixes: [Int32] }

    func run(deadline: ContinuousClock.Instant? = nil, stopAtFirst: Bool = false) -> SolveOutcome {
        let n = model.variableCount, units = model.units
        var heap = BinaryHeap<Node> { ($0.bound, -$0.seq) > ($1.bound, -$1.seq) }
        var next: Node? = Node(bound: .infinity, seq: 0, fixes: [])
        var seq = 0, nodes = 0
        var incumbent: [Bool]?, incValue = -Double.infinity
        var rootBound: Double?, rootRay: [Double]?, prunedMax = -Double.infinity
        var applied: [Int32] = []
        var timedOut = false

        // Root reduced costs: a variable whose flip costs more than the
        // root bound's lead over the incumbent can be fixed for good.
        var rootCosts = [Double](repeating: 0, count: n)
        func fixByReducedCost() {
            guard let rootBound, incumbent != nil else { return }
            for v in 0..<n where bounds.lb[v] < bounds.ub[v] && rootCosts[v] != 0 {
                if !units.cannotImprove(bound: rootBound - abs(rootCosts[v]), incumbent: incValue) { continue }
                let keep: Double = rootCosts[v] < 0 ? 1 : 0
                bounds.lb[v] = keep; bounds.ub[v] = keep; lp.frozen[v] = true
                if !applied.contains(where: { Int($0 >> 1) == v }) { lp.setVariable(v, lower: keep, upper: keep) }
            }
        }
        func threshold() -> Double {
            guard incumbent != nil else { return .infinity }
            if let s = units.scale { return ((incValue * s).rounded() + 1 - 1e-6) / s }
            return incValue + 1e-9 * max(1, abs(incValue))
        }
        while true {
            guard let node = next ?? heap.pop() else { break }
            next = nil
            if incumbent != nil, units.cannotImprove(bound: node.bound, incumbent: incValue) {
                prunedMax = max(prunedMax, node.bound); continue
            }
            if let deadline, ContinuousClock.now >= deadline { heap.push(node); timedOut = true; break }
            nodes += 1
            for f in applied { let v = Int(f >> 1); lp.setVariable(v, lower: bounds.lb[v], upper: bounds.ub[v]) }
            for f in node.fixes { let v = Int(f >> 1), on: Double = f & 1 == 1 ? 1 : 0; lp.setVariable(v, lower: on, upper: on) }
            applied = node.fixes
            let cut = threshold()
            let status = lp.solve(cutoff: cut.isFinite ? -cut : .infinity, deadline: deadline)
            if status == .infeasible { if node.seq == 0 { rootRay = lp.ray }; continue }
            if status == .cutoff { prunedMax = max(prunedMax, min(node.bound, cut)); continue }
            if status == .timeLimit { heap.push(node); timedOut = true; break }
            let nodeBound: Double
            if node.seq == 0 {
                nodeBound = -lp.lagrangianBound(reducedCosts: &rootCosts)
                rootBound = nodeBound
                let rootBasis = lp.snapshot()
                let dived = dive(deadline: deadline)
                lp.restore(rootBasis)
                if let found = dived, model.isFeasible(found, bounds) {
                    incumbent = found; incValue = units.total(found, values: model.value)
                    if stopAtFirst { break }
                    // Fix first, so that exchanges only look at the few free dossiers.
                    fixByReducedCost()
                    let better = improveBySwaps(found, deadline: deadline)
                    let value = units.total(better, values: model.value)
                    if value > incValue { incumbent = better; incValue = value; fixByReducedCost() }
                }
                // The dive moved the basis: re-solve the root before branching.
                // Reduced-cost fixing may leave nothing better to find: the
                // root is then closed (infeasible or cut off means optimal).
                let again = lp.solve(cutoff: threshold().isFinite ? -threshold() : .infinity, deadline: deadline)
                if again == .timeLimit { heap.push(node); timedOut = true; break }
                if again != .optimal { prunedMax = max(prunedMax, min(nodeBound, threshold())); continue }
            } else {
                nodeBound = min(node.bound, -lp.lagrangianBound())
            }
            if incumbent != nil, units.cannotImprove(bound: nodeBound, incumbent: incValue) {
                prunedMax = max(prunedMax, nodeBound); continue
            }
            // Most fractional variable, lowest index on ties.
            var branch = -1, bestFrac = 1e-6
            for v in 0..<n {
                let f = abs(lp.x[v] - lp.x[v].rounded())
                if f > bestFrac { bestFrac = f; branch = v }
            }
            if branch < 0 {
                let sel = (0..<n).map { lp.x[$0] > 0.5 }
                if model.isFeasible(sel, bounds) {
                    let value = units.total(sel, values: model.value)
                    if value > incValue {
                        let better = improveBySwaps(sel, deadline: deadline)
                        incumbent = better; incValue = units.total(better, values: model.value)
                        fixByReducedCost()
                    }
                    if stopAtFirst { break }
                    continue
                }
                // Rounding broke a row (tolerance): branch on the least integral value.
                var dev = 0.0
                for v in 0..<n where bounds.lb[v] < bounds.ub[v] && !node.fixes.contains(where: { Int($0 >> 1) == v }) {
                    let f = abs(lp.x[v] - lp.x[v].rounded())
                    if f > dev { dev = f; branch = v }
                }
                if branch < 0 { continue }
            }
            let upFirst = lp.x[branch] >= 0.5
            let base = Int32(branch) << 1
            let first = node.fixes + [base | (upFirst ? 1 : 0)], second = node.fixes + [base | (upFirst ? 0 : 1)]
            seq += 1; next = Node(bound: nodeBound, seq: seq, fixes: first)
            seq += 1; heap.push(Node(bound: nodeBound, seq: seq, fixes: second))
        }

        var out = SolveOutcome(status: .optimal, selection: incumbent, objective: incumbent.map { _ in incValue },
                               bound: nil, rootBound: rootBound, nodes: nodes, lpIterations: lp.iterations, rootRay: rootRay)
        if timedOut {
            out.status = .timeLimited
            let open = max(heap.peek?.bound ?? -.infinity, next?.bound ?? -.infinity)
            let b = max(open, incValue)
            out.bound = b.isFinite ? b : nil
        } else if incumbent == nil {
            out.status = .infeasible
        } else if stopAtFirst {
            out.status = .timeLimited
        } else {
            out.bound = units.scale != nil ? incValue : max(incValue, prunedMax)
        }
        return out
    }
}

/// Minimal binary heap (the standard library has none).
struct BinaryHeap<Element> {
    private var items: [Element] = []
    private let before: (Element, Element) -> Bool
    init(_ before: @escaping (Element, Element) -> Bool) { self.before = before }
    /// Heapify in O(k).
    init(_ elements: [Element], _ before: @escaping (Element, Element) -> Bool) {
        self.before = before
        items = elements
        var i = items.count / 2 - 1
        while i >= 0 { siftDown(i); i -= 1 }
    }
    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var b = i
            if l < items.count, before(items[l], items[b]) { b = l }
            if r < items.count, before(items[r], items[b]) { b = r }
            if b == i { return }
            items.swapAt(i, b); i = b
        }
    }
    var peek: Element? { items.first }
    var isEmpty: Bool { items.isEmpty }
    mutating func push(_ e: Element) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if !before(items[i], items[p]) { break }
            items.swapAt(i, p); i = p
        }
    }
    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        siftDown(0)
        return top
    }
}
