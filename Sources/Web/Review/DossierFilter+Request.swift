import Foundation
import Programme
import Storage

extension DossierFilter {
    /// Reads the review list's query string; unknown values are ignored rather than refused, so a shared
    /// link with a stale filter still opens.
    init(query: [String: [String]]) {
        self.init()
        func one(_ name: String) -> String? { query[name]?.first { !$0.isEmpty } }
        callID = one("appel").flatMap(Int64.init)
        waveID = one("vague").flatMap(Int64.init)
        states = (query["etat"] ?? []).compactMap(DossierState.init(rawValue:)).filter { $0 != .draft }
        departmentCode = one("departement")
        regionCode = one("region")
        qpv = one("qpv").map { $0 == "1" }
        rural = one("rural").map { $0 == "1" }
        if one("assigne") == "aucun" { unassigned = true } else { assigneeUserID = one("assigne").flatMap(Int64.init) }
        minimumScore = one("note_min").flatMap(FrenchNumber.parse)
        order = one("tri").flatMap(Order.init(rawValue:)) ?? .number
    }

    static func parameters(_ request: String?) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for item in URLComponents(string: "?" + (request ?? ""))?.queryItems ?? [] { result[item.name, default: []].append(item.value ?? "") }
        return result
    }
}
