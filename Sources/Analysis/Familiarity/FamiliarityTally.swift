import Ingest

/// Counts of scores per band key and tool, gathered while respondents stream past. Memory is five
/// integers per (band key, tool), and per (department, band key, tool), however many rows the
/// survey has.
package struct FamiliarityTally: Sendable, RespondentConsumer {
    /// Tools per respondent; set by the first respondent.
    package private(set) var toolCount = 0
    /// Answers per [band key][tool][score], flat.
    private var bandCounts: [Int] = []
    /// People per band key.
    package private(set) var people: [Int] = []
    /// Department names in order of first appearance; respondents without one are left out.
    package private(set) var departments: [String] = []
    /// For respondents added as values: department name → number.
    private var departmentIDs: [String: Int] = [:]
    /// For rows: the ingest value number of each department, and the department of each value.
    private var departmentValues: [Int] = []
    private var departmentOfValue: [Int] = []
    /// Answers per [department][band key][tool][score], flat, with room for `keyStride` keys per
    /// department (the room doubles when a key beyond it comes).
    private var departmentCounts: [Int] = []
    private var keyStride = 8
    private var departmentMembers: [Int] = []

    /// People in department `id`.
    package func departmentPeople(_ id: Int) -> Int { departmentMembers[id] }

    package init() {}

    /// [band key][tool]
    package var counts: [[ScoreCounts]] { Self.unflatten(bandCounts, keys: people.count, toolCount: toolCount) }

    package mutating func add(_ respondent: Respondent) {
        if people.isEmpty { toolCount = respondent.scores.count }
        let department: Int?
        if let name = respondent.department {
            if let known = departmentIDs[name] {
                department = known
            } else {
                department = newDepartment()
                departmentIDs[name] = department
                departments.append(name)
            }
        } else {
            department = nil
        }
        respondent.scores.withUnsafeBufferPointer { scores in
            count(key: respondent.bandKey, scores: scores, department: department)
        }
    }

    package mutating func consume(_ row: RespondentRow) {
        if people.isEmpty { toolCount = row.scores.count }
        var department: Int?
        if let value = row.department?.value {
            while departmentOfValue.count <= value { departmentOfValue.append(-1) }
            if departmentOfValue[value] < 0 {
                departmentOfValue[value] = newDepartment()
                departmentValues.append(value)
            }
            department = departmentOfValue[value]
        }
        count(key: row.bandKey, scores: row.scores, department: department)
    }

    @inline(__always)
    private mutating func count(key: Int, scores: UnsafeBufferPointer<Int8>, department: Int?) {
        let stride = toolCount * 5
        while people.count <= key {
            people.append(0)
            bandCounts.append(contentsOf: repeatElement(0, count: stride))
        }
        people[key] += 1
        let base = key * stride
        precondition(scores.count <= toolCount, "a respondent with more scores than the survey has tools")
        // The cells are in range: the tool is below `toolCount` and the score checked to be 0...4,
        // so the offsets are computed without overflow checks.
        guard let department else {
            bandCounts.withUnsafeMutableBufferPointer { counts in
                for tool in 0..<scores.count {
                    let score = Int(scores[tool])
                    guard score >= 0 else { continue }
                    precondition(score < 5, "familiarity score out of range 0...4: \(score)")
                    counts[base &+ tool &* 5 &+ score] &+= 1
                }
            }
            return
        }
        departmentMembers[department] += 1
        if key >= keyStride { widenKeys(toMoreThan: key) }
        let departmentBase = (department * keyStride + key) * stride
        bandCounts.withUnsafeMutableBufferPointer { counts in
            departmentCounts.withUnsafeMutableBufferPointer { departmentCounts in
                for tool in 0..<scores.count {
                    let score = Int(scores[tool])
                    guard score >= 0 else { continue }
                    precondition(score < 5, "familiarity score out of range 0...4: \(score)")
                    let offset = tool &* 5 &+ score
                    counts[base &+ offset] &+= 1
                    departmentCounts[departmentBase &+ offset] &+= 1
                }
            }
        }
    }

    private mutating func newDepartment() -> Int {
        departmentCounts.append(contentsOf: repeatElement(0, count: keyStride * toolCount * 5))
        departmentMembers.append(0)
        return departmentMembers.count - 1
    }

    /// Makes room per department for keys up to `key`.
    private mutating func widenKeys(toMoreThan key: Int) {
        var stride = keyStride
        while stride <= key { stride *= 2 }
        let block = toolCount * 5
        var wider = [Int](repeating: 0, count: departmentMembers.count * stride * block)
        for department in 0..<departmentMembers.count {
            for offset in 0..<(keyStride * block) {
                wider[department * stride * block + offset] = departmentCounts[department * keyStride * block + offset]
            }
        }
        departmentCounts = wider
        keyStride = stride
    }

    package mutating func append(_ later: consuming FamiliarityTally, renumbering: Renumbering) {
        if people.isEmpty, departmentMembers.isEmpty, renumbering.isIdentity {
            self = later
            return
        }
        if toolCount == 0 { toolCount = later.toolCount }
        let stride = toolCount * 5
        precondition(later.toolCount == toolCount || later.people.isEmpty, "tallies of different surveys")
        for (key, members) in later.people.enumerated() {
            let target = renumbering.bandKeys[key]
            while people.count <= target {
                people.append(0)
                bandCounts.append(contentsOf: repeatElement(0, count: stride))
            }
            people[target] += members
            for offset in 0..<stride { bandCounts[target * stride + offset] += later.bandCounts[key * stride + offset] }
        }
        for (department, value) in later.departmentValues.enumerated() {
            let surveyValue = renumbering.departmentValues[value]
            while departmentOfValue.count <= surveyValue { departmentOfValue.append(-1) }
            if departmentOfValue[surveyValue] < 0 {
                departmentOfValue[surveyValue] = newDepartment()
                departmentValues.append(surveyValue)
            }
            let target = departmentOfValue[surveyValue]
            departmentMembers[target] += later.departmentMembers[department]
            for key in 0..<later.keyStride {
                let laterBase = (department * later.keyStride + key) * stride
                guard (0..<stride).contains(where: { later.departmentCounts[laterBase + $0] != 0 }) else { continue }
                let surveyKey = renumbering.bandKeys[key]
                if surveyKey >= keyStride { widenKeys(toMoreThan: surveyKey) }
                let base = (target * keyStride + surveyKey) * stride
                for offset in 0..<stride {
                    departmentCounts[base + offset] += later.departmentCounts[laterBase + offset]
                }
            }
        }
    }

    package mutating func finish(survey: Survey, ids: TextColumn) {
        if departments.count < departmentValues.count {
            departments = departmentValues.map { survey.departments.values[$0] }
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
        let block = self.toolCount * 5
        let counts = Array(departmentCounts[(department * keyStride * block)..<((department + 1) * keyStride * block)])
        return Self.merge(
            Self.unflatten(counts, keys: keyStride, toolCount: self.toolCount), bandCount: bandCount,
            toolCount: toolCount, bandOfKey: bandOfKey)
    }

    private static func unflatten(_ flat: [Int], keys: Int, toolCount: Int) -> [[ScoreCounts]] {
        (0..<keys).map { key in
            (0..<toolCount).map { tool in
                let base = (key * toolCount + tool) * 5
                return ScoreCounts(counts: Array(flat[base..<(base + 5)]))
            }
        }
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
