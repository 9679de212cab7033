import Ingest
internal import Yams

/// Walks the YAML nodes of one config file (composed by Yams, each with its line and column),
/// checking every key and value and building a `GenbridgeConfig`. The first problem found is
/// thrown, located at the node it concerns.
struct ConfigReader {
    let file: String
    var config = GenbridgeConfig()
    /// Where values that later checks compare were written.
    var places = Places()

    struct Places {
        var scaleMinimum: SourceLocation?
        var scaleMaximum: SourceLocation?
        var mentorMin: SourceLocation?
        var menteeMax: SourceLocation?
        var mentorBands: [SourceLocation] = []
        var menteeBands: [SourceLocation] = []
        /// The tools `columns.tools` names, in file order.
        var columnTools: [(tool: String, location: SourceLocation)] = []
        /// The tools `pairing.weights` names, with their weights, in file order.
        var weights: [(tool: String, weight: Double, location: SourceLocation)] = []
    }

    /// One `key: value` of a mapping whose keys were checked.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    init(file: String) { self.file = file }

    // MARK: Locations and words

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func isBlank(_ node: Node) -> Bool {
        if case .scalar = node { return node.tag.rawValue == Tag.Name.null.rawValue }
        return false
    }

    /// A node in words, for "must be …, not …".
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return "nothing"
            case Tag.Name.str.rawValue: return "the text \"\(scalar.string)\""
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return "the number \(scalar.string)"
            case Tag.Name.bool.rawValue: return "the true/false value \(scalar.string)"
            default: return "\"\(scalar.string)\""
            }
        }
    }

    func wrongType(_ node: Node, key: String, expected: String) -> ConfigError {
        .wrongType(location(node), key: key, expected: expected, found: describe(node))
    }

    // MARK: Mappings and lists

    /// The entries of a mapping of fixed keys, in file order; an unknown key is an error. nil when
    /// the value is blank.
    func entries(of node: Node, key: String, section: String?, known: [String]) throws(ConfigError) -> [Entry]? {
        guard let pairs = try pairs(of: node, key: key, expected: "a mapping of \(known.joined(separator: ", "))")
        else { return nil }
        var result: [Entry] = []
        for (keyNode, value) in pairs {
            let name = try keyText(keyNode, in: key)
            guard known.contains(name) else {
                throw .unknownKey(
                    location(keyNode), key: name, section: section,
                    suggestion: ConfigKeys.suggestion(for: name, section: section, known: known))
            }
            result.append(Entry(key: name, keyNode: keyNode, value: value))
        }
        return result
    }

    /// The key/value pairs of a mapping, in file order. nil when the value is blank.
    func pairs(of node: Node, key: String, expected: String) throws(ConfigError) -> [(Node, Node)]? {
        if isBlank(node) { return nil }
        guard case .mapping(let mapping) = node else { throw wrongType(node, key: key, expected: expected) }
        return mapping.map { ($0.key, $0.value) }
    }

    /// The items of a list. nil when the value is blank.
    func items(of node: Node, key: String, expected: String) throws(ConfigError) -> [Node]? {
        if isBlank(node) { return nil }
        guard case .sequence(let sequence) = node else { throw wrongType(node, key: key, expected: expected) }
        return Array(sequence)
    }

    /// A mapping key's text.
    func keyText(_ node: Node, in key: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node, !isBlank(node) else {
            throw wrongType(node, key: "a key in \(key)", expected: "a word or a text")
        }
        return scalar.string
    }

    // MARK: Scalars

    /// Any scalar but a blank one, as written (`L1`, `2024` and `"Employee ID"` alike).
    func text(_ node: Node, key: String, expected: String = "a text") throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node, !isBlank(node) else {
            throw wrongType(node, key: key, expected: expected)
        }
        return scalar.string
    }

    /// A text with something in it besides spaces.
    func name(_ node: Node, key: String, expected: String) throws(ConfigError) -> String {
        let value = try text(node, key: key, expected: expected)
        guard value.contains(where: { !$0.isWhitespace }) else { throw wrongType(node, key: key, expected: expected) }
        return value
    }

    /// A list of texts; nil when blank.
    func texts(_ node: Node, key: String, expected: String) throws(ConfigError) -> [(text: String, node: Node)]? {
        guard let items = try items(of: node, key: key, expected: expected) else { return nil }
        var result: [(text: String, node: Node)] = []
        for item in items { result.append((try text(item, key: "each item of \(key)", expected: "a text"), item)) }
        return result
    }

    /// A whole number; nil when blank. `5.0` counts; `"5"` (quoted) is a text.
    func wholeNumber(_ node: Node, key: String) throws(ConfigError) -> Int? {
        if isBlank(node) { return nil }
        guard case .scalar(let scalar) = node else { throw wrongType(node, key: key, expected: "a whole number") }
        switch node.tag.rawValue {
        case Tag.Name.int.rawValue:
            guard let value = Int.construct(from: scalar) else {
                throw .outOfRange(location(node), key: key, value: scalar.string, allowed: "a smaller number")
            }
            return value
        case Tag.Name.float.rawValue:
            guard let value = Double.construct(from: scalar), value.rounded() == value, abs(value) < 1e15 else {
                throw wrongType(node, key: key, expected: "a whole number")
            }
            return Int(value)
        default:
            throw wrongType(node, key: key, expected: "a whole number")
        }
    }

    /// A whole number within `range`; nil when blank.
    func wholeNumber(
        _ node: Node, key: String, in range: ClosedRange<Int>, allowed: String
    ) throws(ConfigError) -> Int? {
        guard let value = try wholeNumber(node, key: key) else { return nil }
        guard range.contains(value) else {
            throw .outOfRange(location(node), key: key, value: String(value), allowed: allowed)
        }
        return value
    }

    /// A number, whole or not; nil when blank.
    func number(_ node: Node, key: String) throws(ConfigError) -> Double? {
        if isBlank(node) { return nil }
        guard case .scalar(let scalar) = node,
            [Tag.Name.int.rawValue, Tag.Name.float.rawValue].contains(node.tag.rawValue)
        else { throw wrongType(node, key: key, expected: "a number") }
        if node.tag.rawValue == Tag.Name.int.rawValue, let value = Int.construct(from: scalar) { return Double(value) }
        guard let value = Double.construct(from: scalar) else {
            throw wrongType(node, key: key, expected: "a number")
        }
        return value
    }

    /// `true` or `false` (YAML's `yes`/`no`, `on`/`off` too); nil when blank.
    func flag(_ node: Node, key: String) throws(ConfigError) -> Bool? {
        if isBlank(node) { return nil }
        guard case .scalar(let scalar) = node, node.tag.rawValue == Tag.Name.bool.rawValue,
            let value = Bool.construct(from: scalar)
        else { throw wrongType(node, key: key, expected: "true or false") }
        return value
    }

    /// One of `choices` (matched ignoring case, spaces and punctuation); nil when blank.
    func word<Choice>(
        _ node: Node, key: String, choices: [(word: String, value: Choice)]
    ) throws(ConfigError) -> Choice? {
        if isBlank(node) { return nil }
        let allowed = choices.map(\.word)
        let given = try text(node, key: key, expected: "one of \(allowed.joined(separator: ", "))")
        if let choice = choices.first(where: { HeaderText.key($0.word) == HeaderText.key(given) }) {
            return choice.value
        }
        throw .unknownWord(
            location(node), key: key, word: given, allowed: allowed,
            suggestion: ConfigKeys.nearest(to: given, among: allowed))
    }
}
