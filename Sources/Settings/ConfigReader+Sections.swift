import Ingest
import Pairing
internal import Yams

/// The sections of `genbridge.yml`, in SPEC §6's order.
extension ConfigReader {
    /// Reads the whole document; nil (an empty file, or comments only) sets nothing.
    mutating func read(_ root: Node?) throws(ConfigError) -> GenbridgeConfig {
        guard let root else { return config }
        for entry in try entries(of: root, key: "the file", section: nil, known: ConfigKeys.top) ?? [] {
            switch entry.key {
            case "input": try readInput(entry.value)
            case "columns": try readColumns(entry.value)
            case "scale": try readScale(entry.value)
            case "tools": try readTools(entry.value)
            case "bands": try readBands(entry.value)
            case "pairing": try readPairing(entry.value)
            default: try readPrivacy(entry.value)
            }
        }
        try checkAcrossSections()
        return config
    }

    // MARK: input

    mutating func readInput(_ node: Node) throws(ConfigError) {
        for entry in try entries(of: node, key: "input", section: "input", known: ConfigKeys.input) ?? [] {
            let key = "input.\(entry.key)"
            switch entry.key {
            case "layout":
                config.input.layout = try word(
                    entry.value, key: key, choices: ConfigLayout.allCases.map { ($0.rawValue, $0) })
            case "delimiter":
                config.input.delimiter = try delimiter(entry.value, key: key)
            default:
                config.input.encoding = try word(
                    entry.value, key: key, choices: EncodingChoice.allCases.map { ($0.rawValue, $0) })
            }
        }
    }

    /// `auto`, `","`, `";"` or `"\t"`; the words `comma`, `semicolon`, `tab` and a single-quoted
    /// `'\t'` are understood too.
    func delimiter(_ node: Node, key: String) throws(ConfigError) -> ConfigDelimiter? {
        if isBlank(node) { return nil }
        let allowed = ConfigDelimiter.allCases.map(\.spelling)
        let given = try text(node, key: key, expected: "one of \(allowed.joined(separator: ", "))")
        if let exact = ConfigDelimiter(rawValue: given) { return exact }
        switch HeaderText.key(given) {
        case "auto": return .auto
        case "comma": return .comma
        case "semicolon": return .semicolon
        case "tab": return .tab
        default: break
        }
        if given == "\\t" { return .tab }
        throw .unknownWord(location(node), key: key, word: given, allowed: allowed, suggestion: nil)
    }

    // MARK: columns

    mutating func readColumns(_ node: Node) throws(ConfigError) {
        guard let pairs = try pairs(of: node, key: "columns", expected: "a mapping of role -> header text") else {
            return
        }
        var headers: [String: Int] = [:]
        func claim(_ header: String, at place: Node) throws(ConfigError) {
            let folded = HeaderText.fold(header)
            if let firstLine = headers[folded] {
                throw .duplicateName(location(place), list: "columns", name: header, firstLine: firstLine)
            }
            headers[folded] = place.mark?.line ?? 1
        }
        for (keyNode, value) in pairs {
            let key = try keyText(keyNode, in: "columns")
            if key == "tools" {
                let expected = "a mapping of header -> tool name"
                let toolColumns = try self.pairs(of: value, key: "columns.tools", expected: expected) ?? []
                for (headerNode, toolNode) in toolColumns {
                    let header = try name(headerNode, key: "a header in columns.tools", expected: "a header text")
                    let tool = try name(toolNode, key: "columns.tools \"\(header)\"", expected: "a tool name")
                    try claim(header, at: headerNode)
                    config.columns.tools[header] = tool
                    places.columnTools.append((tool, location(toolNode)))
                }
                continue
            }
            guard let role = ColumnRole(rawValue: key) else {
                throw .unknownKey(
                    location(keyNode), key: key, section: "columns",
                    suggestion: columnSuggestion(key: key, value: value))
            }
            if isBlank(value) { continue }
            let header = try name(value, key: "columns.\(key)", expected: "a header text")
            try claim(header, at: value)
            config.columns.roles[role] = header
        }
    }

    /// For an unknown key under `columns:`: a near role, or, when the user wrote the mapping the
    /// wrong way round (`"Employee ID": id`), how to write it.
    func columnSuggestion(key: String, value: Node) -> String? {
        if let near = ConfigKeys.nearest(to: key, among: ConfigKeys.columns) { return "did you mean \"\(near)\"?" }
        guard case .scalar(let scalar) = value else {
            return "columns maps a role (\(ColumnRole.allCases.map(\.rawValue).joined(separator: ", "))) to a header"
        }
        if let role = ColumnRole(rawValue: ConfigKeys.normalize(scalar.string)) {
            return "columns maps a role to a header: write \(role.rawValue): \"\(key)\""
        }
        if ToolCatalog.builtIn.tool(named: scalar.string) != nil {
            return "a tool column goes under columns.tools: write tools: {\"\(key)\": \"\(scalar.string)\"}"
        }
        return "columns maps a role (\(ColumnRole.allCases.map(\.rawValue).joined(separator: ", "))) to a header; "
            + "tool columns go under columns.tools"
    }

    // MARK: scale

    mutating func readScale(_ node: Node) throws(ConfigError) {
        for entry in try entries(of: node, key: "scale", section: "scale", known: ConfigKeys.scale) ?? [] {
            let key = "scale.\(entry.key)"
            switch entry.key {
            case "min":
                config.scale.minimum = try wholeNumber(entry.value, key: key)
                places.scaleMinimum = config.scale.minimum.map { _ in location(entry.value) }
            case "max":
                config.scale.maximum = try wholeNumber(entry.value, key: key)
                places.scaleMaximum = config.scale.maximum.map { _ in location(entry.value) }
            case "labels":
                config.scale.labels = try labels(entry.value)
            default:
                let expected = "a list of answers that mean no answer"
                guard let items = try items(of: entry.value, key: key, expected: expected) else {
                    config.scale.missing = nil
                    continue
                }
                var missing: [String] = []
                for item in items {
                    // A blank item is the blank answer.
                    missing.append(isBlank(item) ? "" : try text(item, key: "each item of \(key)", expected: "a text"))
                }
                config.scale.missing = missing
            }
        }
    }

    /// `scale.labels`: label → score 0–4. Two labels that fold alike (`Daily`, `daily`) are one.
    func labels(_ node: Node) throws(ConfigError) -> [String: Int]? {
        guard let pairs = try pairs(of: node, key: "scale.labels", expected: "a mapping of label -> score 0-4") else {
            return nil
        }
        var labels: [String: Int] = [:]
        var seen = Set<String>()
        for (labelNode, scoreNode) in pairs {
            let label = try keyText(labelNode, in: "scale.labels")
            guard seen.insert(HeaderText.key(label)).inserted else {
                throw .duplicateKey(location(labelNode), key: label)
            }
            let key = "scale.labels \"\(label)\""
            guard
                let score = try wholeNumber(scoreNode, key: key, in: Familiarity.range, allowed: "a score from 0 to 4")
            else { throw wrongType(scoreNode, key: key, expected: "a score from 0 to 4") }
            labels[label] = score
        }
        return labels
    }

    // MARK: tools

    mutating func readTools(_ node: Node) throws(ConfigError) {
        let expected =
            "a list of tools such as - {name: \"Bluesky\", aliases: [\"bsky\"], category: \"social network\"}"
        guard let items = try items(of: node, key: "tools", expected: expected) else {
            config.tools = nil
            return
        }
        var catalogue = ToolCatalog.builtIn
        var seen: [String: Int] = [:]
        var tools: [Tool] = []
        for (index, item) in items.enumerated() {
            let entry = "tools item \(index + 1)"
            guard let entries = try entries(of: item, key: entry, section: "a tools entry", known: ConfigKeys.tool)
            else { throw wrongType(item, key: entry, expected: "a mapping of name, aliases, category") }
            guard let nameEntry = entries.first(where: { $0.key == "name" }), !isBlank(nameEntry.value) else {
                throw .missingKey(location(item), key: "name", entry: entry)
            }
            let name = try self.name(nameEntry.value, key: "\(entry) name", expected: "a tool name")
            let label = "tool \"\(name)\""
            if let firstLine = seen[HeaderText.key(name)] {
                throw .duplicateName(location(nameEntry.value), list: "tools", name: name, firstLine: firstLine)
            }
            seen[HeaderText.key(name)] = item.mark?.line ?? 1

            var aliases: [(text: String, node: Node)] = []
            var category: (value: ToolCategory, node: Node)?
            for field in entries where field.key != "name" {
                if field.key == "aliases" {
                    aliases = try texts(field.value, key: "\(label) aliases", expected: "a list of texts") ?? []
                    for alias in aliases where !alias.text.contains(where: { !$0.isWhitespace }) {
                        throw wrongType(alias.node, key: "each alias of \(label)", expected: "a non-empty text")
                    }
                } else {
                    let choices = ToolCategory.allCases.map { ($0.rawValue, $0) }
                    if let value = try word(field.value, key: "\(label) category", choices: choices) {
                        category = (value, field.value)
                    }
                }
            }

            let resolved: ToolCategory
            if let existing = catalogue.tool(named: name) {
                guard HeaderText.key(existing.name) == HeaderText.key(name) else {
                    throw .aliasTaken(location(nameEntry.value), tool: name, alias: name, owner: existing.name)
                }
                if let category, category.value != existing.category {
                    throw .categoryConflict(
                        location(category.node), tool: name, category: category.value.rawValue,
                        builtIn: existing.category.rawValue)
                }
                resolved = existing.category
            } else {
                guard let category else {
                    let choices = ToolCategory.allCases.map(\.rawValue).joined(separator: ", ")
                    throw .missingKey(location(item), key: "category (\(choices))", entry: "new \(label)")
                }
                resolved = category.value
            }
            for alias in aliases {
                if let owner = catalogue.tool(named: alias.text), HeaderText.key(owner.name) != HeaderText.key(name) {
                    throw .aliasTaken(location(alias.node), tool: name, alias: alias.text, owner: owner.name)
                }
            }
            let tool = Tool(name: name, aliases: aliases.map(\.text), category: resolved)
            catalogue.add(tool)
            tools.append(tool)
        }
        config.tools = tools
    }

    // MARK: pairing

    mutating func readPairing(_ node: Node) throws(ConfigError) {
        for entry in try entries(of: node, key: "pairing", section: "pairing", known: ConfigKeys.pairing) ?? [] {
            let key = "pairing.\(entry.key)"
            switch entry.key {
            case "mentor_bands", "mentee_bands":
                let names = try bandNames(entry.value, key: key)
                if entry.key == "mentor_bands" {
                    config.pairing.mentorBands = names?.map(\.text)
                    places.mentorBands = names?.map { location($0.node) } ?? []
                    config.bandNamePlaces.mentor = places.mentorBands
                } else {
                    config.pairing.menteeBands = names?.map(\.text)
                    places.menteeBands = names?.map { location($0.node) } ?? []
                    config.bandNamePlaces.mentee = places.menteeBands
                }
            case "mentor_min":
                config.pairing.mentorMin = try wholeNumber(
                    entry.value, key: key, in: Familiarity.range, allowed: "a score from 0 to 4")
                places.mentorMin = config.pairing.mentorMin.map { _ in location(entry.value) }
            case "mentee_max":
                config.pairing.menteeMax = try wholeNumber(
                    entry.value, key: key, in: Familiarity.range, allowed: "a score from 0 to 4")
                places.menteeMax = config.pairing.menteeMax.map { _ in location(entry.value) }
            case "mentor_capacity":
                config.pairing.mentorCapacity = try wholeNumber(
                    entry.value, key: key, in: 0...Int.max, allowed: "0 or more")
            case "objective":
                config.pairing.objective = try word(
                    entry.value, key: key, choices: PairingObjective.allCases.map { ($0.rawValue, $0) })
            case "weights":
                config.pairing.weights = try weights(entry.value)
            default:
                let expected = "a list of \(PairingAvoidance.allCases.map(\.rawValue).joined(separator: ", "))"
                guard let items = try items(of: entry.value, key: key, expected: expected) else {
                    config.pairing.avoid = nil
                    continue
                }
                var avoid: [PairingAvoidance] = []
                for item in items {
                    let rule = try word(item, key: key, choices: PairingAvoidance.allCases.map { ($0.rawValue, $0) })
                    guard let rule else { throw wrongType(item, key: "each item of \(key)", expected: expected) }
                    if !avoid.contains(rule) { avoid.append(rule) }
                }
                config.pairing.avoid = avoid
            }
        }
    }

    /// `mentor_bands` / `mentee_bands`: blank for the default halves, else at least one name.
    func bandNames(_ node: Node, key: String) throws(ConfigError) -> [(text: String, node: Node)]? {
        guard let names = try texts(node, key: key, expected: "a list of band names") else { return nil }
        guard !names.isEmpty else {
            throw .emptyList(
                location(node), key: key,
                hint: "leave it blank for the default (half of the bands), or name at least one band")
        }
        return names
    }

    /// `pairing.weights`: tool → weight, or the word `gap`.
    mutating func weights(_ node: Node) throws(ConfigError) -> PairingWeights? {
        let key = "pairing.weights"
        let expected = "a mapping of tool -> weight, or the word gap"
        if isBlank(node) { return nil }
        if case .scalar(let scalar) = node {
            guard node.tag.rawValue == Tag.Name.str.rawValue else {
                throw wrongType(node, key: key, expected: expected)
            }
            guard HeaderText.key(scalar.string) == "gap" else {
                throw .unknownWord(
                    location(node), key: key, word: scalar.string, allowed: ["gap", "{tool: weight, ...}"],
                    suggestion: ConfigKeys.nearest(to: scalar.string, among: ["gap"]))
            }
            return .gap
        }
        var weights: [String: Double] = [:]
        places.weights = []
        for (toolNode, weightNode) in try pairs(of: node, key: key, expected: expected) ?? [] {
            let tool = try name(toolNode, key: "a tool in \(key)", expected: "a tool name")
            let weightKey = "\(key) \"\(tool)\""
            guard let weight = try number(weightNode, key: weightKey) else {
                throw wrongType(weightNode, key: weightKey, expected: "a number")
            }
            guard weight.isFinite, weight >= 0, weight <= 1_000_000 else {
                let scalarText = weightNode.scalar?.string ?? String(weight)
                throw .outOfRange(
                    location(weightNode), key: weightKey, value: scalarText, allowed: "a number from 0 to 1000000")
            }
            weights[tool] = weight
            places.weights.append((tool, weight, location(toolNode)))
        }
        return .perTool(weights)
    }

    // MARK: privacy

    mutating func readPrivacy(_ node: Node) throws(ConfigError) {
        for entry in try entries(of: node, key: "privacy", section: "privacy", known: ConfigKeys.privacy) ?? [] {
            let key = "privacy.\(entry.key)"
            if entry.key == "min_group_size" {
                config.privacy.minGroupSize = try wholeNumber(
                    entry.value, key: key, in: 1...Int.max, allowed: "1 or more")
            } else {
                config.privacy.pseudonymize = try flag(entry.value, key: key)
            }
        }
    }
}
