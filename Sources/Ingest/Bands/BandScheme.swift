/// Where bands come from in a run.
package enum BandSource: String, Sendable, Hashable, Codable {
    /// The config file's `bands:` list.
    case configured
    /// A column that gives the band directly.
    case bandColumn = "band"
    /// Job levels in natural order, split into three runs of about equal numbers of people.
    case level
    /// Pew generations from the birth year.
    case birthYear = "birth_year"
    /// Pew generations from the age (birth year = reference year − age).
    case age
    /// Years of experience: 0–2, 3–5, 6–10, 11–20, 21+.
    case years

    /// The column role the source reads, if any single one.
    var role: ColumnRole? {
        switch self {
        case .configured: nil
        case .bandColumn: .band
        case .level: .level
        case .birthYear: .birthYear
        case .age: .age
        case .years: .years
        }
    }
}

/// Puts each respondent in a band. Rules with fixed ranges (the config's bands, generations,
/// years of experience) decide while reading, so a row that fits no band is rejected at once;
/// rules that depend on the data (a band column's order, the split of levels) give every value a
/// key while reading and turn keys into bands at the end.
package struct BandScheme: Sendable {
    package let source: BandSource
    private let definitions: [BandDefinition]
    private let referenceYear: Int
    private var keyIDs: [String: Int] = [:]
    package private(set) var keys: [String] = []
    package private(set) var keyCounts: [Int] = []

    package static let generations: [(name: String, years: ClosedRange<Int>)] = [
        ("Gen Z", 1997...2012), ("Millennials", 1981...1996), ("Gen X", 1965...1980),
        ("Boomers", 1946...1964), ("Silent", 1928...1945),
    ]
    package static let experienceRanges: [(name: String, years: ClosedRange<Int>)] = [
        ("0–2 years", 0...2), ("3–5 years", 3...5), ("6–10 years", 6...10), ("11–20 years", 11...20),
        ("21+ years", 21...Int.max),
    ]
    /// Band words in their known order, most junior first.
    package static let knownBandWords = ["junior", "mid", "senior", "lead", "executive"]
    package static let knownGenerationWords = ["gen z", "millennial", "gen x", "boomer", "silent"]

    /// Chooses the source: the config's bands if given, else the first available of a band
    /// column, a level column, a birth-year column, an age column, a years column.
    /// nil when none is available.
    package init?(definitions: [BandDefinition], availableRoles: Set<ColumnRole>, referenceYear: Int) {
        self.definitions = definitions
        self.referenceYear = referenceYear
        if !definitions.isEmpty {
            source = .configured
            return
        }
        let order: [BandSource] = [.bandColumn, .level, .birthYear, .age, .years]
        guard let found = order.first(where: { $0.role.map(availableRoles.contains) ?? false }) else { return nil }
        source = found
    }

    /// The roles the scheme reads.
    package var requiredRoles: Set<ColumnRole> {
        if let role = source.role { return [role] }
        var roles: Set<ColumnRole> = []
        for definition in definitions {
            switch definition.rule {
            case .levels: roles.insert(.level)
            case .years: roles.insert(.years)
            case .birthYears: roles.insert(.birthYear)
            }
        }
        return roles
    }

    /// Classifies one respondent from the values of its band columns (trimmed; nil or empty when
    /// blank). Returns its key's number, or why it fits no band.
    package mutating func classify(_ values: [ColumnRole: String]) -> Result<Int, RejectionReason> {
        keyName(for: values).map { register($0) }
    }

    /// The band key of one respondent, from the values of its band columns, without counting it;
    /// or why it fits no band. The answer depends on the values alone.
    package func keyName(for values: [ColumnRole: String]) -> Result<String, RejectionReason> {
        switch source {
        case .configured:
            for definition in definitions {
                if matches(definition.rule, values) { return .success(definition.name) }
            }
            let shown = requiredRoles.sorted { $0.rawValue < $1.rawValue }
                .map { "\($0.rawValue) \"\(values[$0] ?? "")\"" }.joined(separator: ", ")
            return .failure(.noBand("\(shown) fits none of the configured bands"))
        case .bandColumn, .level:
            guard let role = source.role, let value = values[role], !value.isEmpty else {
                return .failure(.noBand("no \(source == .level ? "level" : "band") given"))
            }
            return .success(value)
        case .birthYear, .age:
            guard let year = birthYear(values) else {
                let role = source == .age ? "age" : "birth year"
                let value = values[source == .age ? .age : .birthYear] ?? ""
                return .failure(
                    .noBand(value.isEmpty ? "no \(role) given" : "\(role) \"\(value)\" is not a whole number"))
            }
            guard let generation = Self.generations.first(where: { $0.years.contains(year) }) else {
                return .failure(.noBand("born \(year), outside the generations 1928–2012"))
            }
            return .success(generation.name)
        case .years:
            let value = values[.years] ?? ""
            guard let years = Int(value) else {
                return .failure(
                    .noBand(value.isEmpty ? "no years of experience given" : "years \"\(value)\" is not a whole number")
                )
            }
            guard let range = Self.experienceRanges.first(where: { $0.years.contains(years) }) else {
                return .failure(.noBand("\(years) years of experience is negative"))
            }
            return .success(range.name)
        }
    }

    private func birthYear(_ values: [ColumnRole: String]) -> Int? {
        if source == .age {
            return values[.age].flatMap { Int($0) }.map { referenceYear - $0 }
        }
        return values[.birthYear].flatMap { Int($0) }
    }

    private func matches(_ rule: BandDefinition.Rule, _ values: [ColumnRole: String]) -> Bool {
        switch rule {
        case .levels(let levels):
            guard let level = values[.level] else { return false }
            let wanted = HeaderText.key(level)
            return levels.contains { HeaderText.key($0) == wanted }
        case .years(let range):
            return values[.years].flatMap { Int($0) }.map(range.contains) ?? false
        case .birthYears(let range):
            return values[.birthYear].flatMap { Int($0) }.map(range.contains) ?? false
        }
    }

    /// Counts `count` more respondents under band key `key` and returns the key's number (keys are
    /// numbered in order of first appearance).
    @discardableResult
    package mutating func register(_ key: String, count: Int = 1) -> Int {
        if let id = keyIDs[key] {
            keyCounts[id] += count
            return id
        }
        let id = keys.count
        keyIDs[key] = id
        keys.append(key)
        keyCounts.append(count)
        return id
    }

    /// The bands, most junior first, and the band of each key number.
    package func resolve() -> (bands: [Band], bandOfKey: [Int]) {
        switch source {
        case .configured:
            let bands = definitions.enumerated().map { index, definition in
                Band(index: index, name: definition.name, members: Self.describe(definition.rule))
            }
            let bandOfKey = keys.map { key in definitions.firstIndex { $0.name == key } ?? 0 }
            return (bands, bandOfKey)
        case .birthYear, .age:
            return fixedRanges(Self.generations.map { ($0.name, "born \(Self.describe($0.years))") })
        case .years:
            return fixedRanges(Self.experienceRanges.map { ($0.name, $0.name) })
        case .bandColumn:
            let (spellings, groupOfKey) = spellingGroups()
            let order = spellings.indices.sorted { a, b in
                let (rankA, rankB) = (Self.knownRank(spellings[a]), Self.knownRank(spellings[b]))
                if rankA != rankB { return rankA < rankB }
                return a < b
            }
            var bandOfGroup = Array(repeating: 0, count: spellings.count)
            var bands: [Band] = []
            for group in order {
                bandOfGroup[group] = bands.count
                bands.append(Band(index: bands.count, name: spellings[group], members: "band \"\(spellings[group])\""))
            }
            return (bands, groupOfKey.map { bandOfGroup[$0] })
        case .level:
            return splitLevels()
        }
    }

    /// The keys as values: spellings that differ only in case, spaces and punctuation (`Senior`,
    /// `SENIOR`; `L-2`, `l2`) are one value, shown as first seen. Returns each value's spelling, in
    /// order of first appearance, and the value of each key.
    private func spellingGroups() -> (spellings: [String], groupOfKey: [Int]) {
        var groupOfFolded: [String: Int] = [:]
        var spellings: [String] = []
        let groupOfKey = keys.map { key in
            let folded = HeaderText.key(key)
            if let group = groupOfFolded[folded] { return group }
            groupOfFolded[folded] = spellings.count
            spellings.append(key)
            return spellings.count - 1
        }
        return (spellings, groupOfKey)
    }

    /// Bands with fixed ranges, keeping only those that hold someone, in their fixed order.
    private func fixedRanges(_ ranges: [(name: String, members: String)]) -> (bands: [Band], bandOfKey: [Int]) {
        var bands: [Band] = []
        var bandOfKey = Array(repeating: 0, count: keys.count)
        for range in ranges {
            guard let key = keys.firstIndex(of: range.name) else { continue }
            bandOfKey[key] = bands.count
            bands.append(Band(index: bands.count, name: range.name, members: range.members))
        }
        return (bands, bandOfKey)
    }

    /// Levels in natural order, split into three runs of consecutive levels whose numbers of
    /// people are as equal as possible (least sum of squared differences from a third of all;
    /// among equal splits, the first cut earliest). Fewer than three levels: one band each.
    private func splitLevels() -> (bands: [Band], bandOfKey: [Int]) {
        let (levels, groupOfKey) = spellingGroups()
        var levelCounts = Array(repeating: 0, count: levels.count)
        for (key, group) in groupOfKey.enumerated() { levelCounts[group] += keyCounts[key] }
        // Ordered as their letters and digits read (`L-2` sits with `L2`, below `L10`).
        let folded = levels.map(HeaderText.key)
        let order = levels.indices.sorted { NaturalOrder.areInIncreasingOrder(folded[$0], folded[$1]) }
        let counts = order.map { levelCounts[$0] }
        let names = ["Junior", "Mid", "Senior"]
        var runs: [Range<Int>]
        if order.count <= 3 {
            runs = order.indices.map { $0..<($0 + 1) }
        } else {
            let total = Double(counts.reduce(0, +))
            let target = total / 3
            var best: (cost: Double, first: Int, second: Int) = (.infinity, 1, 2)
            for first in 1..<(order.count - 1) {
                for second in (first + 1)..<order.count {
                    let sizes = [counts[..<first], counts[first..<second], counts[second...]].map {
                        Double($0.reduce(0, +))
                    }
                    let cost = sizes.reduce(0) { $0 + ($1 - target) * ($1 - target) }
                    if cost < best.cost { best = (cost, first, second) }
                }
            }
            runs = [0..<best.first, best.first..<best.second, best.second..<order.count]
        }
        let bandNames: [String] =
            switch runs.count {
            case 1: ["All levels"]
            case 2: ["Junior", "Senior"]
            default: names
            }
        var bandOfLevel = Array(repeating: 0, count: levels.count)
        var bands: [Band] = []
        for (index, run) in runs.enumerated() {
            for position in run { bandOfLevel[order[position]] = index }
            let first = levels[order[run.lowerBound]]
            let last = levels[order[run.upperBound - 1]]
            bands.append(
                Band(index: index, name: bandNames[index], members: first == last ? first : "\(first)–\(last)"))
        }
        return (bands, groupOfKey.map { bandOfLevel[$0] })
    }

    private static func knownRank(_ value: String) -> Int {
        let folded = HeaderText.fold(value)
        for words in [knownBandWords, knownGenerationWords] {
            if let rank = words.firstIndex(where: { folded.hasPrefix($0) }) {
                return rank
            }
        }
        return Int.max
    }

    static func describe(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }

    static func describe(_ rule: BandDefinition.Rule) -> String {
        switch rule {
        case .levels(let levels): levels.joined(separator: ", ")
        case .years(let range): "\(describe(range)) years"
        case .birthYears(let range): "born \(describe(range))"
        }
    }
}
