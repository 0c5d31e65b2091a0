import Directory
import Foundation
import Selection
import Storage
import Territory

/// Turns the reviewed dossiers of a call into the solver's scenario: one pool entry per dossier in
/// review with a consolidated score, the labelled Fabriques that count toward the targets, and the
/// coverage bonus for dossiers whose commune has no tiers-lieu within the chosen radius.
struct PoolBuilder {
    let territory: TerritoryReference

    func scenario(_ form: ScenarioForm, dossiers: [Dossier], waveNames: [Int64: String], unfavourable: Set<Int64>,
                  labelled: [DirectoryPlace], index: PlaceSearchIndex) -> SelectionScenario {
        let pool = dossiers.filter { $0.state == .inReview && $0.score != nil && (form.waveIDs.isEmpty || form.waveIDs.contains($0.waveID)) }
            .sorted { $0.id < $1.id }
            .map { d in
                PoolDossier(id: d.number, score: ((d.score ?? 0) * 100).rounded() / 100, bonus: bonus(form, communeCode: d.territory.communeCode, index: index),
                            amount: Double(d.amountCents ?? 0) / 100, commune: d.territory.communeCode, department: d.territory.departmentCode,
                            region: d.territory.regionCode, categories: Self.categories(qpv: d.territory.isQPV, rural: d.territory.isRural, digital: d.territory.isDigital),
                            wave: waveNames[d.waveID], unfavourableOpinion: unfavourable.contains(d.id))
            }
        let counted = form.countLabelled ? labelled.sorted { ($0.id ?? 0) < ($1.id ?? 0) }.compactMap { place -> LabelledFabrique? in
            guard let commune = territory.commune(code: place.communeCode) else { return nil }
            return LabelledFabrique(id: "lieu-\(place.id ?? 0)", commune: commune.code, department: commune.departmentCode, region: commune.regionCode,
                                    categories: Self.categories(qpv: commune.hasPriorityNeighbourhood, rural: commune.isRural, digital: place.label == .digitalFabrique))
        } : []
        return SelectionScenario(pool: pool, labelled: counted, targets: form.targets)
    }

    static func categories(qpv: Bool, rural: Bool, digital: Bool) -> [String] {
        [qpv ? "qpv" : nil, rural ? "rural" : nil, digital ? "numerique" : nil].compactMap { $0 }
    }

    /// The bonus goes to dossiers whose commune has no place of the directory within the radius.
    func bonus(_ form: ScenarioForm, communeCode: String, index: PlaceSearchIndex) -> Double {
        guard form.bonusPoints > 0, let commune = territory.commune(code: communeCode) else { return 0 }
        let nearby = index.search(PlaceQuery(near: commune.position, radiusKilometres: form.bonusRadiusKm, perPage: 1))
        return nearby.total == 0 ? form.bonusPoints : 0
    }
}
