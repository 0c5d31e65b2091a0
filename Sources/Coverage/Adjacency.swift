/// Lists of integers in one flat array (compressed sparse rows): row `r` is
/// `values[starts[r]..<starts[r + 1]]`. Millions of neighbour pairs fit without an array per row.
struct Adjacency: Sendable {
    let starts: [Int]
    let values: [Int32]

    init(starts: [Int], values: [Int32]) {
        self.starts = starts
        self.values = values
    }

    init(rows: [[Int]]) {
        var starts = [0]
        starts.reserveCapacity(rows.count + 1)
        var values: [Int32] = []
        for row in rows {
            values.append(contentsOf: row.map { Int32($0) })
            starts.append(values.count)
        }
        self.init(starts: starts, values: values)
    }

    var rowCount: Int { starts.count - 1 }

    func row(_ index: Int) -> ArraySlice<Int32> { values[starts[index]..<starts[index + 1]] }

    /// The transpose: row `c` of the result lists the rows of `self` that contain `c`, ascending.
    func transposed(columnCount: Int) -> Adjacency {
        var counts = [Int](repeating: 0, count: columnCount + 1)
        for value in values { counts[Int(value) + 1] += 1 }
        for column in 0..<columnCount { counts[column + 1] += counts[column] }
        var cursor = counts
        var result = [Int32](repeating: 0, count: values.count)
        for row in 0..<rowCount {
            for value in self.row(row) {
                result[cursor[Int(value)]] = Int32(row)
                cursor[Int(value)] += 1
            }
        }
        return Adjacency(starts: counts, values: result)
    }
}
