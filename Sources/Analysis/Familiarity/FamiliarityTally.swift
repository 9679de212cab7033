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
    }

    /// Counts merged per band: [band][tool], and people per band.
    package func byBand(bandCount: Int, toolCount: Int, bandOfKey: [Int]) -> (counts: [[ScoreCounts]], people: [Int]) {
        var merged = Array(repeating: Array(repeating: ScoreCounts(), count: toolCount), count: bandCount)
        var members = Array(repeating: 0, count: bandCount)
        for (key, row) in counts.enumerated() where key < bandOfKey.count {
            let band = bandOfKey[key]
            members[band] += people[key]
            for tool in 0..<min(toolCount, row.count) { merged[band][tool].add(row[tool]) }
        }
        return (merged, members)
    }
}
