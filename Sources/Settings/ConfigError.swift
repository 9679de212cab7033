import Ingest

/// What can be wrong with a `genbridge.yml`: one case per problem, each with where it is (file,
/// line and column, 1-based, the column counted in characters). The CLI prints
/// `genbridge: error: ` + `description` and exits 78.
package enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file cannot be opened: missing, unreadable, a directory.
    case cannotRead(file: String, reason: String)
    /// Reading the file failed part-way (an I/O error).
    case readFailed(file: String, reason: String)
    /// The file's bytes are not UTF-8.
    case notUTF8(SourceLocation)
    /// The YAML itself is malformed (Yams' message).
    case syntax(SourceLocation, problem: String)
    /// A mapping holds the same key twice.
    case duplicateKey(SourceLocation, key: String)
    /// A key genbridge does not know; `suggestion` is a near known key, or where the key belongs.
    case unknownKey(SourceLocation, key: String, section: String?, suggestion: String?)
    /// A value of the wrong kind: `expected` and `found` are in words ("a whole number", `the text "five"`).
    case wrongType(SourceLocation, key: String, expected: String, found: String)
    /// A number outside what the key allows.
    case outOfRange(SourceLocation, key: String, value: String, allowed: String)
    /// A word that is not one of the key's choices.
    case unknownWord(SourceLocation, key: String, word: String, allowed: [String], suggestion: String?)
    /// A key an entry cannot do without (a band's or a tool's `name`, a new tool's `category`).
    case missingKey(SourceLocation, key: String, entry: String)
    /// A list that must name at least one thing is empty.
    case emptyList(SourceLocation, key: String, hint: String)
    /// A `[from, to]` range whose `from` is after its `to`.
    case reversedRange(SourceLocation, key: String, from: Int, to: Int)
    /// A band with none of `levels`, `years`, `birth_years`.
    case bandWithoutRule(SourceLocation, band: String)
    /// A band with more than one of `levels`, `years`, `birth_years`.
    case bandWithSeveralRules(SourceLocation, band: String, rules: [String])
    /// Two bands that use different rules (a person could fall in both).
    case mixedBandRules(SourceLocation, band: String, rule: String, otherBand: String, otherRule: String)
    /// Two bands that both hold some level or year.
    case overlappingBands(SourceLocation, band: String, otherBand: String, otherLine: Int, overlap: String)
    /// Two bands, or two tools, with the same name.
    case duplicateName(SourceLocation, list: String, name: String, firstLine: Int)
    /// `scale.min` is not below `scale.max`.
    case emptyScale(SourceLocation, minimum: Int, maximum: Int)
    /// `pairing.mentee_max` is not below `pairing.mentor_min`: no tool could be taught.
    case crossedThresholds(SourceLocation, mentorMin: Int, menteeMax: Int)
    /// `pairing.mentor_bands` or `mentee_bands` names a band the config's `bands:` does not define.
    case unknownBand(SourceLocation, key: String, band: String, bands: [String])
    /// `columns.tools` or `pairing.weights` names a tool that is neither built in nor under `tools:`.
    case unknownTool(SourceLocation, key: String, tool: String)
    /// A config tool's name or alias already names another tool.
    case aliasTaken(SourceLocation, tool: String, alias: String, owner: String)
    /// A config tool of the built-in catalogue given another category than its own.
    case categoryConflict(SourceLocation, tool: String, category: String, builtIn: String)

    /// Where the problem is.
    package var location: SourceLocation {
        switch self {
        case .cannotRead(let file, _), .readFailed(let file, _): SourceLocation(file: file)
        case .notUTF8(let location), .syntax(let location, _), .duplicateKey(let location, _),
            .unknownKey(let location, _, _, _), .wrongType(let location, _, _, _),
            .outOfRange(let location, _, _, _), .unknownWord(let location, _, _, _, _),
            .missingKey(let location, _, _), .emptyList(let location, _, _), .reversedRange(let location, _, _, _),
            .bandWithoutRule(let location, _), .bandWithSeveralRules(let location, _, _),
            .mixedBandRules(let location, _, _, _, _), .overlappingBands(let location, _, _, _, _),
            .duplicateName(let location, _, _, _), .emptyScale(let location, _, _),
            .crossedThresholds(let location, _, _), .unknownBand(let location, _, _, _),
            .unknownTool(let location, _, _), .aliasTaken(let location, _, _, _),
            .categoryConflict(let location, _, _, _):
            location
        }
    }

    /// `FILE:LINE:COLUMN: what`.
    package var description: String { "\(location): \(problem)" }

    /// What is wrong, without the location.
    package var problem: String {
        switch self {
        case .cannotRead(_, let reason):
            "cannot read the configuration file: \(reason)"
        case .readFailed(_, let reason):
            "reading the configuration file failed: \(reason)"
        case .notUTF8:
            "the configuration file is not UTF-8 text (save it as UTF-8)"
        case .syntax(_, let problem):
            "invalid YAML: \(problem)"
        case .duplicateKey(_, let key):
            "key \"\(key)\" appears more than once in the same mapping; keep one"
        case .unknownKey(_, let key, let section, let suggestion):
            "unknown key \"\(key)\"" + (section.map { " in \($0)" } ?? " at the top level")
                + (suggestion.map { "; \($0)" } ?? "")
        case .wrongType(_, let key, let expected, let found):
            "\(key) must be \(expected), not \(found)"
        case .outOfRange(_, let key, let value, let allowed):
            "\(key) must be \(allowed), not \(value)"
        case .unknownWord(_, let key, let word, let allowed, let suggestion):
            "\(key) must be one of \(allowed.joined(separator: ", ")), not \"\(word)\""
                + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .missingKey(_, let key, let entry):
            "\(entry) needs a \(key)"
        case .emptyList(_, let key, let hint):
            "\(key) is empty: \(hint)"
        case .reversedRange(_, let key, let from, let to):
            "\(key) runs from \(from) to \(to): write the smaller number first"
        case .bandWithoutRule(_, let band):
            "band \"\(band)\" says nobody is in it: give exactly one of levels, years, birth_years"
        case .bandWithSeveralRules(_, let band, let rules):
            "band \"\(band)\" has \(rules.count) rules (\(rules.joined(separator: ", "))): "
                + "give exactly one of levels, years, birth_years"
        case .mixedBandRules(_, let band, let rule, let otherBand, let otherRule):
            "band \"\(band)\" uses \(rule) but band \"\(otherBand)\" uses \(otherRule): all bands must use "
                + "the same rule, or one person could fall in two bands"
        case .overlappingBands(_, let band, let otherBand, let otherLine, let overlap):
            "bands \"\(otherBand)\" (line \(otherLine)) and \"\(band)\" overlap: \(overlap)"
        case .duplicateName(_, let list, let name, let firstLine):
            "\(list) has \"\(name)\" twice (first at line \(firstLine))"
        case .emptyScale(_, let minimum, let maximum):
            "scale.min (\(minimum)) must be less than scale.max (\(maximum))"
        case .crossedThresholds(_, let mentorMin, let menteeMax):
            "pairing.mentee_max (\(menteeMax)) must be less than pairing.mentor_min (\(mentorMin)): "
                + "a mentor teaches a tool they rate at least mentor_min to a mentee who rates it at most mentee_max"
        case .unknownBand(_, let key, let band, let bands):
            "\(key) names band \"\(band)\", which bands: does not define (bands: \(bands.joined(separator: ", ")))"
        case .unknownTool(_, let key, let tool):
            "\(key) names tool \"\(tool)\", which is not in the catalogue: add it under tools: with its category"
        case .aliasTaken(_, let tool, let alias, let owner):
            alias == tool
                ? "tool \"\(tool)\" is already a name of \(owner); to add aliases to \(owner), write name: \"\(owner)\""
                : "tool \"\(tool)\": alias \"\(alias)\" already names \(owner)"
        case .categoryConflict(_, let tool, let category, let builtIn):
            "tool \"\(tool)\" is built in with category \"\(builtIn)\", not \"\(category)\" "
                + "(leave category out to add aliases only)"
        }
    }
}
