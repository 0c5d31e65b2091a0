import Foundation

/// An `application/x-www-form-urlencoded` body: every value of every field, in order.
public struct FormData: Sendable, Equatable {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}

    public init(fields: [(name: String, value: String)]) { self.fields = fields }

    public init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            fields.append((name, value))
        }
    }

    public subscript(name: String) -> String? { fields.first { $0.name == name }?.value }
    public func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
    /// A trimmed value, nil when absent or blank.
    public func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ raw: Substring) -> String {
        let spaced = raw.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    public static func == (lhs: FormData, rhs: FormData) -> Bool {
        lhs.fields.map { "\($0.name)=\($0.value)" } == rhs.fields.map { "\($0.name)=\($0.value)" }
    }
}
