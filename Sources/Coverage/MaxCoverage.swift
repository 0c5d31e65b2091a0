/// A weighted maximum-coverage problem: pick `k` candidate sets covering the largest total weight of
/// elements. Here elements are uncovered communes weighted by population and candidate `j` is "a new
/// place in commune j", covering the communes within the radius.
public struct MaxCoverageProblem: Sendable {
    public let weights: [Double]
    /// Row `j`: the elements candidate `j` covers.
    let setElements: Adjacency
    /// Row `e`: the candidates covering element `e`.
    let elementSets: Adjacency

    /// - Parameter sets: for each candidate, the elements (offsets in `weights`) it covers.
    public init(weights: [Double], sets: [[Int]]) {
        self.init(weights: weights, setElements: Adjacency(rows: sets))
    }

    init(weights: [Double], setElements: Adjacency) {
        self.weights = weights
        self.setElements = setElements
        elementSets = setElements.transposed(columnCount: weights.count)
    }

    init(weights: [Double], elementSets: Adjacency, candidateCount: Int) {
        self.weights = weights
        self.elementSets = elementSets
        setElements = elementSets.transposed(columnCount: candidateCount)
    }

    public var candidateCount: Int { setElements.rowCount }

    /// The candidates covering element `element`, ascending (to hand the model to another solver).
    public func candidates(covering element: Int) -> [Int] { elementSets.row(element).map(Int.init) }

    /// Total weight covered by a set of candidates.
    public func coveredWeight(_ chosen: [Int]) -> Double {
        var covered = [Bool](repeating: false, count: weights.count)
        var total = 0.0
        for candidate in chosen {
            for element in setElements.row(candidate) where !covered[Int(element)] {
                covered[Int(element)] = true
                total += weights[Int(element)]
            }
        }
        return total
    }
}

/// The result of `MaxCoverageProblem.greedy`.
public struct MaxCoverageSolution: Sendable, Equatable {
    /// Chosen candidates, in the order greedy picked them.
    public let chosen: [Int]
    /// Weight each one added when picked (non-increasing).
    public let gains: [Double]
    public let coveredWeight: Double
    /// No choice of `k` candidates covers more than this.
    public let upperBound: Double
}
