/// A folded word (or phrase) of a query, with the position of its rarest byte in the directory's texts:
/// a scan for "ruche" jumps from one "h" to the next rather than from one "r" to the next.
struct SearchNeedle {
    let bytes: [UInt8]
    let anchor: Int

    init(_ bytes: [UInt8], byteCounts: [Int]) {
        self.bytes = bytes
        anchor = bytes.indices.min { (byteCounts[Int(bytes[$0])], $0) < (byteCounts[Int(bytes[$1])], $1) } ?? 0
    }
}
