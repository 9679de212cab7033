/// Columns named in the config file: role → header text, and header text → tool name.
package struct ColumnOverrides: Sendable, Hashable {
    package var roles: [ColumnRole: String]
    package var tools: [String: String]

    package init(roles: [ColumnRole: String] = [:], tools: [String: String] = [:]) {
        self.roles = roles
        self.tools = tools
    }
}

/// Which column of an input holds what: roles and tools, found from the header rows.
package struct ColumnMap: Sendable {
    package var layout: SurveyLayout
    /// The columns as the header rows describe them.
    package var columns: [HeaderColumn]
    /// The column (0-based) of each role found.
    package var roles: [ColumnRole: Int]
    /// Tool columns in header order: the column and the tool's name.
    package var toolColumns: [(column: Int, tool: String)]
    /// First and last name columns, joined into the name when there is no name column.
    package var firstNameColumn: Int?
    package var lastNameColumn: Int?
    /// One checkbox column holding both opt-ins (`I would mentor a colleague, I would like a mentor`).
    package var optInChoicesColumn: Int?
    /// Qualtrics' response status and finished flag.
    package var statusColumn: Int?
    package var finishedColumn: Int?
    /// Notes for the user: duplicate or ambiguous columns that were left out, each with its
    /// column (1-based).
    package var warnings: [(column: Int, text: String)]

    /// The header titles, for messages.
    package var headers: [String] { columns.map(\.title) }

    /// How many fields a data row must have.
    package var width: Int { columns.count }

    /// Maps the columns: first the config's explicit names, then role synonyms (survey-tool
    /// metadata columns only for roles nothing else claims), then tool names. A header that names
    /// two tools is left out with a warning (map it under `columns.tools`).
    package static func build(
        layout: SurveyLayout, columns: [HeaderColumn], overrides: ColumnOverrides, catalogue: ToolCatalog, file: String
    ) throws(IngestError) -> ColumnMap {
        var map = ColumnMap(layout: layout, columns: columns, roles: [:], toolColumns: [], warnings: [])
        var taken = Set<Int>()
        let folded = columns.map { $0.texts.map { HeaderText.fold($0) } }
        func warn(_ column: Int, _ text: String) { map.warnings.append((column + 1, text)) }
        func find(_ header: String) -> Int? {
            let target = HeaderText.fold(header)
            return folded.firstIndex { $0.contains(target) }
        }

        for role in ColumnRole.allCases {
            guard let header = overrides.roles[role] else { continue }
            guard let column = find(header) else {
                throw .missingRole(
                    file: file, what: "column \"\(header)\" (configured for \(role.rawValue)) is not in the header",
                    headersFound: map.headers)
            }
            map.roles[role] = column
            taken.insert(column)
        }
        var toolsSeen: [String: Int] = [:]
        for (header, toolName) in overrides.tools.sorted(by: { $0.key < $1.key }) {
            guard let column = find(header) else {
                throw .missingRole(
                    file: file, what: "column \"\(header)\" (configured as tool \(toolName)) is not in the header",
                    headersFound: map.headers)
            }
            let name = catalogue.tool(named: toolName)?.name ?? toolName
            map.toolColumns.append((column, name))
            toolsSeen[name] = column
            taken.insert(column)
        }

        // Roles: ordinary columns first, then survey-tool metadata for roles still open.
        for metadataPass in [false, true] {
            for (column, header) in columns.enumerated()
            where !taken.contains(column) && header.isMetadata == metadataPass {
                guard let role = header.texts.lazy.compactMap(ColumnRole.recognise).first else {
                    if let special = SpecialColumn.recognise(header) {
                        map.assign(special, column: column, layout: layout)
                        taken.insert(column)
                    }
                    continue
                }
                if let first = map.roles[role] {
                    if !metadataPass {
                        warn(
                            column,
                            "column \(column + 1) \"\(header.title)\" also looks like \(role.rawValue); using column \(first + 1)"
                        )
                    }
                } else {
                    map.roles[role] = column
                }
                taken.insert(column)
            }
        }

        for (column, header) in columns.enumerated() where !taken.contains(column) && !header.isMetadata {
            let tools = catalogue.tools(namedIn: header.item)
            if tools.count > 1 {
                warn(
                    column,
                    "column \(column + 1) \"\(header.title)\" names \(tools.map(\.name).joined(separator: " and ")); left out (map it under columns.tools)"
                )
            } else if let tool = tools.first {
                if let first = toolsSeen[tool.name] {
                    warn(
                        column,
                        "column \(column + 1) \"\(header.title)\" is \(tool.name) again; using column \(first + 1)")
                } else {
                    toolsSeen[tool.name] = column
                    map.toolColumns.append((column, tool.name))
                }
            }
        }
        map.toolColumns.sort { $0.column < $1.column }
        if map.roles[.mentorOptIn] != nil || map.roles[.menteeOptIn] != nil { map.optInChoicesColumn = nil }
        return map
    }

    private mutating func assign(_ special: SpecialColumn, column: Int, layout: SurveyLayout) {
        switch special {
        case .firstName: if firstNameColumn == nil { firstNameColumn = column }
        case .lastName: if lastNameColumn == nil { lastNameColumn = column }
        case .optInChoices: if optInChoicesColumn == nil { optInChoicesColumn = column }
        case .status: if layout == .qualtrics, statusColumn == nil { statusColumn = column }
        case .finished: if layout == .qualtrics, finishedColumn == nil { finishedColumn = column }
        }
    }

    /// The roles the map found, and whether it has opt-ins at all.
    package var roleSet: Set<ColumnRole> {
        var set = Set(roles.keys)
        if optInChoicesColumn != nil { set.formUnion([.mentorOptIn, .menteeOptIn]) }
        if firstNameColumn != nil || lastNameColumn != nil { set.insert(.name) }
        return set
    }
}

/// Columns genbridge reads that are not roles of their own.
enum SpecialColumn {
    case firstName, lastName, optInChoices, status, finished

    static func recognise(_ header: HeaderColumn) -> SpecialColumn? {
        for text in header.texts {
            let folded = HeaderText.fold(HeaderText.splittingCamelCase(text))
            switch folded {
            case "first name", "recipient first name", "given name", "forename": return .firstName
            case "last name", "recipient last name", "surname", "family name": return .lastName
            case "status", "response type": return .status
            case "finished": return .finished
            default: break
            }
            let words = Set(folded.split(separator: " "))
            if folded.contains("reverse mentoring")
                || (words.contains("take") && words.contains("part") && words.contains("mentoring"))
            {
                return .optInChoices
            }
        }
        return nil
    }
}

/// Qualtrics' response status: which responses are real.
package enum ResponseStatus: Sendable, Hashable {
    /// A normal response (0 IP Address, 4 Imported, 16 Offline, or blank).
    case normal
    /// A response the survey tool marks as not a real one, and which kind.
    case excluded(String)
    /// A value Qualtrics does not use: kept as a normal response, with a warning.
    case unknown

    package init(_ value: String) {
        switch HeaderText.fold(value) {
        case "", "0", "4", "16", "ip address", "imported", "offline": self = .normal
        case "1", "survey preview": self = .excluded("survey preview")
        case "2", "survey test": self = .excluded("survey test")
        case "8", "spam": self = .excluded("spam")
        case "9", "preview spam", "survey preview spam": self = .excluded("preview spam")
        case "17", "offline survey preview": self = .excluded("offline survey preview")
        default: self = .unknown
        }
    }

    /// True when a Finished cell says the response was not finished.
    package static func isUnfinished(_ value: String) -> Bool {
        ["0", "false", "no"].contains(HeaderText.fold(value))
    }
}

/// How one column of an input was used, for the data-quality section and `--verbose`.
package struct ColumnUse: Sendable, Hashable {
    /// 1-based column number.
    package var column: Int
    package var title: String
    /// `id`, `tool TikTok`, `response status`… or nil when the column was ignored.
    package var use: String?
    /// True for survey-tool bookkeeping columns (response ids, timestamps…).
    package var isMetadata: Bool
}

extension ColumnMap {
    /// Which header became which role or tool, and which columns were ignored.
    package var uses: [ColumnUse] {
        var use: [Int: String] = [:]
        for (role, column) in roles { use[column] = role.rawValue }
        for (column, tool) in toolColumns { use[column] = "tool \(tool)" }
        if let column = firstNameColumn { use[column] = "name (first part)" }
        if let column = lastNameColumn { use[column] = "name (last part)" }
        if let column = optInChoicesColumn { use[column] = "mentor_opt_in and mentee_opt_in (one checkbox question)" }
        if let column = statusColumn { use[column] = "response status (previews, tests, spam excluded)" }
        if let column = finishedColumn { use[column] = "finished flag (unfinished responses excluded)" }
        return columns.enumerated().map { index, header in
            ColumnUse(column: index + 1, title: header.title, use: use[index], isMetadata: header.isMetadata)
        }
    }
}
