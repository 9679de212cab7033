import Ingest

/// Counts of scores per band key and tool, gathered while respondents stream past. Memory is five
/// integers per (band key, tool), however many rows the survey has.
package struct FamiliarityTally: Sendable {
    /// Tools per respondent; set by the first respondent.
    package private(set) var toolCount = 0
    /// [band key][tool]
    package private(set) var counts: [[ScoreCounts]] = []
    /// People per band key.
    package private(set) var people: [Int] = []
    /// Department names in order of first appearance; respondents without one are left out.
    package private(set) var departments: [String] = []
    private var departmentIDs: [String: Int] = [:]
    /// [department][band key][tool]
    package private(set) var departmentCounts: [[[ScoreCounts]]] = []
    private var departmentMembers: [Int] = []

    /// People in department `id`.
    package func departmentPeople(_ id: Int) -> Int { departmentMembers[id] }

    package init() {}

    package mutating func add(_ respondent: Respondent) {
        if counts.isEmpty { toolCount = respondent.scores.count }
        let key = respondent.bandKey
        while counts.count <= key {
            counts.append(Array(repeating: ScoreCounts(), count: toolCount))
            people.append(0)
        }
        people[key] += 1
        for (tool, score) in respondent.scores.enumerated() where score >= 0 {
            counts[key][tool].add(Int(score))
        }
        guard let department = respondent.department else { return }
        let id: Int
        if let known = departmentIDs[department] {
            id = known
        } else {
            id = departments.count
            departmentIDs[department] = id
            departments.append(department)
            departmentCounts.append([])
            departmentMembers.append(0)
        }
        departmentMembers[id] += 1
        while departmentCounts[id].count <= key {
            departmentCounts[id].append(Array(repeating: ScoreCounts(), count: toolCount))
        }
        for (tool, score) in respondent.scores.enumerated() where score >= 0 {
            departmentCounts[id][key][tool].add(Int(score))
        }
    }

    /// Counts merged per band: [band][tool], and people per band.
    package func byBand(bandCount: Int, toolCount: Int, bandOfKey: [Int]) -> (counts: [[ScoreCounts]], people: [Int]) {
        let members = (0..<bandCount).map { band in
            people.indices.filter { $0 < bandOfKey.count && bandOfKey[$0] == band }.reduce(0) { $0 + people[$1] }
        }
        return (Self.merge(counts, bandCount: bandCount, toolCount: toolCount, bandOfKey: bandOfKey), members)
    }

    /// One department's counts merged per band: [band][tool].
    package func byBand(department: Int, bandCount: Int, toolCount: Int, bandOfKey: [Int]) -> [[ScoreCounts]] {
        Self.merge(departmentCounts[department], bandCount: bandCount, toolCount: toolCount, bandOfKey: bandOfKey)
    }

    private static func merge(
        _ counts: [[ScoreCounts]], bandCount: Int, toolCount: Int, bandOfKey: [Int]
    ) -> [[ScoreCounts]] {
        var merged = Array(repeating: Array(repeating: ScoreCounts(), count: toolCount), count: bandCount)
        for (key, row) in counts.enumerated() where key < bandOfKey.count {
            let band = bandOfKey[key]
            for tool in 0..<min(toolCount, row.count) { merged[band][tool].add(row[tool]) }
        }
        return merged
    }
}
