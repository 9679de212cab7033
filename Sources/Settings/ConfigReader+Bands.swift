import Ingest
internal import Yams

/// `bands:`: an ordered list of named bands, each with exactly one rule, none overlapping.
extension ConfigReader {
    /// A band read so far, with what the overlap checks need.
    private struct ReadBand {
        let name: String
        let line: Int
        let ruleKey: String
        let rule: BandDefinition.Rule
    }

    mutating func readBands(_ node: Node) throws(ConfigError) {
        let expected = "a list of bands such as - {name: \"Junior\", levels: [\"L1\", \"L2\"]}"
        guard let items = try items(of: node, key: "bands", expected: expected) else {
            config.bands = nil
            return
        }
        var read: [ReadBand] = []
        var levelOwners: [String: ReadBand] = [:]
        for (index, item) in items.enumerated() {
            let entry = "bands item \(index + 1)"
            guard let entries = try entries(of: item, key: entry, section: "a bands entry", known: ConfigKeys.band)
            else {
                throw wrongType(item, key: entry, expected: "a mapping of name and one of levels, years, birth_years")
            }
            guard let nameEntry = entries.first(where: { $0.key == "name" }), !isBlank(nameEntry.value) else {
                throw .missingKey(location(item), key: "name", entry: entry)
            }
            let name = try self.name(nameEntry.value, key: "\(entry) name", expected: "a band name")
            if let first = read.first(where: { HeaderText.key($0.name) == HeaderText.key(name) }) {
                throw .duplicateName(location(nameEntry.value), list: "bands", name: name, firstLine: first.line)
            }

            let rules = entries.filter { ConfigKeys.bandRules.contains($0.key) }
            guard let ruleEntry = rules.first else { throw .bandWithoutRule(location(item), band: name) }
            guard rules.count == 1 else {
                throw .bandWithSeveralRules(location(rules[1].keyNode), band: name, rules: rules.map(\.key))
            }
            if let first = read.first, first.ruleKey != ruleEntry.key {
                throw .mixedBandRules(
                    location(ruleEntry.keyNode), band: name, rule: ruleEntry.key, otherBand: first.name,
                    otherRule: first.ruleKey)
            }

            let key = "band \"\(name)\" \(ruleEntry.key)"
            let band: ReadBand
            switch ruleEntry.key {
            case "levels":
                let levels = try texts(ruleEntry.value, key: key, expected: "a list of levels such as [\"L1\", \"L2\"]")
                guard let levels, !levels.isEmpty else {
                    throw .emptyList(location(ruleEntry.value), key: key, hint: "list at least one level")
                }
                band = ReadBand(
                    name: name, line: item.mark?.line ?? 1, ruleKey: ruleEntry.key, rule: .levels(levels.map(\.text)))
                for level in levels {
                    let levelKey = HeaderText.key(level.text)
                    if let owner = levelOwners[levelKey], owner.name != name {
                        throw .overlappingBands(
                            location(level.node), band: name, otherBand: owner.name, otherLine: owner.line,
                            overlap: "level \"\(level.text)\" is in both")
                    }
                    levelOwners[levelKey] = band
                }
            default:
                let range = try yearRange(ruleEntry.value, key: key, isAge: ruleEntry.key == "years")
                let rule: BandDefinition.Rule = ruleEntry.key == "years" ? .years(range) : .birthYears(range)
                band = ReadBand(name: name, line: item.mark?.line ?? 1, ruleKey: ruleEntry.key, rule: rule)
                for other in read {
                    guard let otherRange = other.rule.range, otherRange.overlaps(range) else { continue }
                    let shared =
                        max(range.lowerBound, otherRange.lowerBound)...min(range.upperBound, otherRange.upperBound)
                    let words = ruleEntry.key == "years" ? "years" : "birth years"
                    throw .overlappingBands(
                        location(ruleEntry.value), band: name, otherBand: other.name, otherLine: other.line,
                        overlap: "\(words) \(Self.describe(otherRange)) and \(Self.describe(range)) share "
                            + Self.describe(shared))
                }
            }
            read.append(band)
        }
        config.bands = read.map { BandDefinition(name: $0.name, rule: $0.rule) }
    }

    /// `[from, to]`: two whole numbers, `from` ≤ `to`; `to` may be blank for "and above".
    /// Years of experience cannot be negative.
    private func yearRange(_ node: Node, key: String, isAge: Bool) throws(ConfigError) -> ClosedRange<Int> {
        let expected = "a list [from, to] of two whole numbers"
        guard let bounds = try items(of: node, key: key, expected: expected), bounds.count == 2 else {
            throw wrongType(node, key: key, expected: expected)
        }
        guard let from = try wholeNumber(bounds[0], key: "\(key) from") else {
            throw wrongType(bounds[0], key: "\(key) from", expected: "a whole number")
        }
        let to = try wholeNumber(bounds[1], key: "\(key) to") ?? Int.max
        if isAge, from < 0 {
            throw .outOfRange(location(bounds[0]), key: "\(key) from", value: String(from), allowed: "0 or more")
        }
        guard from <= to else { throw .reversedRange(location(node), key: key, from: from, to: to) }
        return from...to
    }

    /// `3–5`, or `21+` for a range without an upper end.
    static func describe(_ range: ClosedRange<Int>) -> String {
        if range.upperBound == Int.max { return "\(range.lowerBound)+" }
        if range.lowerBound == range.upperBound { return "\(range.lowerBound)" }
        return "\(range.lowerBound)–\(range.upperBound)"
    }
}

extension BandDefinition.Rule {
    /// The range of a years or birth-years rule.
    fileprivate var range: ClosedRange<Int>? {
        switch self {
        case .levels: nil
        case .years(let range), .birthYears(let range): range
        }
    }
}
