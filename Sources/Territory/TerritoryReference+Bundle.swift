import Foundation

extension TerritoryReference {
    /// Loads the reference shipped in the package. Takes about a tenth of a second in a release build.
    public static func loadBundled() throws(TerritoryError) -> TerritoryReference {
        try load(text: { name throws(TerritoryError) in
            guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: nil)
            else { throw .missingResource(name) }
            do { return try String(contentsOf: url, encoding: .utf8) } catch { throw .missingResource(name) }
        })
    }

    static func load(text: (String) throws(TerritoryError) -> String) throws(TerritoryError) -> TerritoryReference {
        let communes = try parseCommunes(TabSeparatedTable(text: text("communes.tsv")))
        let departmentTable = try TabSeparatedTable(text: text("departements.tsv"))
        let departments = departmentTable.rows.map {
            Department(code: String($0[0]), name: String($0[1]), regionCode: String($0[2]),
                       prefectureCode: String($0[3]), population: Int($0[4]) ?? 0)
        }
        let regions = try TabSeparatedTable(text: text("regions.tsv")).rows.map {
            Region(code: String($0[0]), name: String($0[1]), prefectureCode: String($0[2]), population: Int($0[3]) ?? 0)
        }
        let neighbourhoods = try TabSeparatedTable(text: text("qpv.tsv")).rows.map {
            PriorityNeighbourhood(code: String($0[0]), name: String($0[1]), departmentCode: String($0[2]),
                                  communeCodes: $0[3].split(separator: ",").map(String.init))
        }
        let postalCodes = try TabSeparatedTable(text: text("postal-codes.tsv")).rows.map {
            (postalCode: String($0[0]), communeCode: String($0[1]))
        }
        return TerritoryReference(communes: communes, departments: departments, regions: regions,
                                  priorityNeighbourhoods: neighbourhoods, postalCodes: postalCodes)
    }

    private static func parseCommunes(_ table: TabSeparatedTable) throws(TerritoryError) -> [Commune] {
        var communes: [Commune] = []
        communes.reserveCapacity(table.rows.count)
        for (offset, row) in table.rows.enumerated() {
            guard row.count == 13,
                  let kind = Commune.Kind(rawValue: String(row[2])),
                  let population = Int(row[6]), let latitude = Double(row[7]), let longitude = Double(row[8]),
                  let densityLevel = Int(row[9]), let density = DensityClass(rawValue: densityLevel)
            else { throw .malformed(file: "communes.tsv", line: offset + 2, reason: "ligne incomplète") }
            communes.append(Commune(
                code: String(row[0]), name: String(row[1]), kind: kind, departmentCode: String(row[3]),
                regionCode: String(row[4]), parentCode: row[5].isEmpty ? nil : String(row[5]),
                population: population, position: GeoPoint(latitude: latitude, longitude: longitude),
                density: density, priorityNeighbourhoodCodes: row[11].split(separator: ",").map(String.init),
                searchName: String(row[12])))
        }
        return communes
    }
}
