/// Columns named in the config file: role → header text, and header text → tool name.
package struct ColumnOverrides: Sendable, Hashable {
    package var roles: [ColumnRole: String]
    package var tools: [String: String]

    package init(roles: [ColumnRole: String] = [:], tools: [String: String] = [:]) {
        self.roles = roles
        self.tools = tools
    }
}

/// Which column of an input holds what: roles and tools, found from the header.
package struct ColumnMap: Sendable, Hashable {
    /// The header cells as read.
    package var headers: [String]
    /// The column (0-based) of each role found.
    package var roles: [ColumnRole: Int]
    /// Tool columns in header order: the column and the tool's name.
    package var toolColumns: [(column: Int, tool: String)]
    /// Notes for the user: duplicate or ambiguous columns that were left out.
    package var warnings: [String]

    package static func == (lhs: ColumnMap, rhs: ColumnMap) -> Bool {
        lhs.headers == rhs.headers && lhs.roles == rhs.roles && lhs.warnings == rhs.warnings
            && lhs.toolColumns.elementsEqual(rhs.toolColumns) { $0.column == $1.column && $0.tool == $1.tool }
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(headers)
        hasher.combine(roles)
    }

    /// Maps `headers`: first the config's explicit names, then role synonyms, then tool names.
    /// A header that names two tools is left out with a warning (map it under `columns.tools`).
    package static func build(
        headers: [String], overrides: ColumnOverrides, catalogue: ToolCatalog, file: String
    ) throws(IngestError) -> ColumnMap {
        var roles: [ColumnRole: Int] = [:]
        var toolColumns: [(column: Int, tool: String)] = []
        var warnings: [String] = []
        var taken = Set<Int>()
        let folded = headers.map { HeaderText.fold($0) }

        for role in ColumnRole.allCases {
            guard let header = overrides.roles[role] else { continue }
            guard let column = folded.firstIndex(of: HeaderText.fold(header)) else {
                throw .missingRole(
                    file: file, what: "column \"\(header)\" (configured for \(role.rawValue)) is not in the header",
                    headersFound: headers)
            }
            roles[role] = column
            taken.insert(column)
        }
        var toolsSeen: [String: Int] = [:]
        for (header, toolName) in overrides.tools.sorted(by: { $0.key < $1.key }) {
            guard let column = folded.firstIndex(of: HeaderText.fold(header)) else {
                throw .missingRole(
                    file: file, what: "column \"\(header)\" (configured as tool \(toolName)) is not in the header",
                    headersFound: headers)
            }
            let name = catalogue.tool(named: toolName)?.name ?? toolName
            toolColumns.append((column, name))
            toolsSeen[name] = column
            taken.insert(column)
        }

        for (column, header) in headers.enumerated() where !taken.contains(column) {
            if let role = ColumnRole.recognise(header) {
                if let first = roles[role] {
                    warnings.append(
                        "column \(column + 1) \"\(header)\" also looks like \(role.rawValue); using column \(first + 1)"
                    )
                } else {
                    roles[role] = column
                }
                continue
            }
            let tools = catalogue.tools(namedIn: header)
            if tools.count > 1 {
                warnings.append(
                    "column \(column + 1) \"\(header)\" names \(tools.map(\.name).joined(separator: " and ")); left out (map it under columns.tools)"
                )
            } else if let tool = tools.first {
                if let first = toolsSeen[tool.name] {
                    warnings.append(
                        "column \(column + 1) \"\(header)\" is \(tool.name) again; using column \(first + 1)")
                } else {
                    toolsSeen[tool.name] = column
                    toolColumns.append((column, tool.name))
                }
            }
        }
        toolColumns.sort { $0.column < $1.column }
        return ColumnMap(headers: headers, roles: roles, toolColumns: toolColumns, warnings: warnings)
    }
}
