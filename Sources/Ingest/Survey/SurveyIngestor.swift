/// How to ingest: reading options, column mapping, tools, scale and bands.
package struct IngestOptions: Sendable {
    package var read = CSVReadOptions()
    package var layout: LayoutChoice = .auto
    package var columns = ColumnOverrides()
    package var catalogue = ToolCatalog.builtIn
    package var scale = FamiliarityScale()
    package var bands: [BandDefinition] = []
    /// The year ages are counted from (birth year = reference year − age).
    package var referenceYear = 2026
    /// How many invalid answers to keep as examples.
    package var exampleLimit = 10

    package init() {}
}

/// Stage 1: reads every input, maps its columns, normalises answers, puts people in bands and
/// accounts for every data row, streaming each usable respondent to `onRespondent`.
package struct SurveyIngestor {
    package let options: IngestOptions

    package init(options: IngestOptions) { self.options = options }

    /// Reads all inputs as one population. File-level problems do not throw: they are listed in
    /// `Survey.problems` (reading stops for that file and goes on with the next) so that
    /// `validate` can list them all; a caller must not use the result when there are any.
    package func ingest(
        _ inputs: [InputSource],
        progress: ((_ file: String, _ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil,
        onRespondent: (Respondent) -> Void
    ) -> Survey {
        let run = IngestRun(options: options, multipleInputs: inputs.count > 1)
        withoutActuallyEscaping(onRespondent) { sink in
            for input in inputs {
                run.read(input, progress: progress, sink: sink)
            }
        }
        return run.finish()
    }
}

/// The state of one ingestion across its inputs.
private final class IngestRun {
    let options: IngestOptions
    let multipleInputs: Bool
    var survey = Survey()
    var scheme: BandScheme?
    var firstSeen: [String: SourceLocation] = [:]
    var toolIndex: [String: Int] = [:]

    init(options: IngestOptions, multipleInputs: Bool) {
        self.options = options
        self.multipleInputs = multipleInputs
    }

    func read(
        _ input: InputSource, progress: ((String, Int, Int?) -> Void)?, sink: @escaping (Respondent) -> Void
    ) {
        let name = input.displayName
        let file = FileState(name: name)
        do throws(IngestError) {
            let format = try CSVReader.read(
                input, options: options.read,
                progress: progress.map { report in { report(name, $0, $1) } },
                onRecord: { (record) throws(IngestError) in
                    if file.columns == nil {
                        try self.collectHeader(record, file: file, sink: sink, atEnd: false)
                    } else {
                        self.dataRow(record, file: file, sink: sink)
                    }
                })
            if file.columns == nil, !file.headerRecords.isEmpty {
                try collectHeader(nil, file: file, sink: sink, atEnd: true)
            }
            survey.inputs.append(
                InputSummary(
                    name: name, format: format, layout: file.layout?.rawValue ?? "generic", rowsRead: file.rows,
                    columns: file.columns?.uses ?? []))
            if file.columns == nil { throw .noHeader(file: name) }
            if file.rows == 0 { throw .noDataRows(file: name) }
        } catch {
            if !survey.inputs.contains(where: { $0.name == name }) {
                survey.inputs.append(
                    InputSummary(
                        name: name, format: nil, layout: file.layout?.rawValue ?? "generic", rowsRead: file.rows))
            }
            survey.problems.append(error)
        }
    }

    /// Gathers header records until the layout's header rows are complete, then maps the
    /// columns and reads any record gathered beyond them as data.
    private func collectHeader(
        _ record: CSVRecord?, file: FileState, sink: @escaping (Respondent) -> Void, atEnd: Bool
    )
        throws(IngestError)
    {
        if let record {
            var cells: [String] = []
            for index in 0..<record.fieldCount {
                guard let text = record.string(index) else {
                    throw .invalidEncoding(
                        SourceLocation(file: file.name, line: record.line, column: index + 1), encoding: "UTF-8")
                }
                cells.append(text)
            }
            file.headerRecords.append(record)
            file.headerCells.append(cells)
        }
        let layout: SurveyLayout
        switch options.layout {
        case .layout(let forced): layout = forced
        case .auto: layout = file.layout ?? SurveyLayout.detect(firstRecord: file.headerCells.first ?? [])
        }
        file.layout = layout
        guard
            var count = LayoutHeader.headerRowCount(layout, records: file.headerCells)
                ?? (atEnd ? file.headerCells.count : nil)
        else { return }
        if count > file.headerCells.count {
            guard atEnd else { return }
            count = file.headerCells.count
        }
        let line = file.headerRecords.first?.line ?? 1
        file.columns = try header(
            LayoutHeader.columns(layout, rows: Array(file.headerCells.prefix(count))), layout: layout, file: file.name,
            line: line)
        let leftover = file.headerRecords.dropFirst(count)
        file.headerRecords = []
        file.headerCells = []
        for record in leftover { dataRow(record, file: file, sink: sink) }
    }

    /// Maps the header; the first input sets the survey's roles and tools, the others must match.
    private func header(
        _ columns: [HeaderColumn], layout: SurveyLayout, file: String, line: Int
    ) throws(IngestError)
        -> ColumnMap
    {
        let map = try ColumnMap.build(
            layout: layout, columns: columns, overrides: options.columns, catalogue: options.catalogue, file: file)
        let headers = map.headers
        for warning in map.warnings { survey.warnings.append("\(file):\(line): \(warning)") }
        let roles = map.roleSet
        let tools = map.toolColumns.map(\.tool)

        if let scheme {
            let known = Set(survey.tools.map(\.name))
            if roles != survey.roles || Set(tools) != known {
                var differences: [String] = []
                let missingRoles = survey.roles.subtracting(roles).map(\.rawValue).sorted()
                let extraRoles = roles.subtracting(survey.roles).map(\.rawValue).sorted()
                let missingTools = known.subtracting(tools).sorted()
                let extraTools = Set(tools).subtracting(known).sorted()
                if !missingRoles.isEmpty { differences.append("lacks \(missingRoles.joined(separator: ", "))") }
                if !extraRoles.isEmpty { differences.append("adds \(extraRoles.joined(separator: ", "))") }
                if !missingTools.isEmpty { differences.append("lacks tools \(missingTools.joined(separator: ", "))") }
                if !extraTools.isEmpty { differences.append("adds tools \(extraTools.joined(separator: ", "))") }
                throw .inconsistentInputs(
                    file: file,
                    differences: "compared with \(survey.inputs.first?.name ?? "the first input"), it "
                        + differences.joined(separator: "; "))
            }
            _ = scheme
            return map
        }

        guard !tools.isEmpty else {
            throw .missingRole(
                file: file,
                what: "no tool column (a header naming a tool of the catalogue, or columns.tools in the config)",
                headersFound: headers)
        }
        guard
            let newScheme = BandScheme(
                definitions: options.bands, availableRoles: roles, referenceYear: options.referenceYear)
        else {
            throw .missingRole(
                file: file, what: "no column bands can come from (band, level, years, birth_year or age)",
                headersFound: headers)
        }
        let absent = newScheme.requiredRoles.subtracting(roles)
        if !absent.isEmpty {
            throw .missingRole(
                file: file,
                what:
                    "the configured bands need \(absent.map(\.rawValue).sorted().joined(separator: ", ")), which no column holds",
                headersFound: headers)
        }
        scheme = newScheme
        survey.roles = roles
        survey.bandSource = newScheme.source
        survey.tools = tools.map { name in
            options.catalogue.tool(named: name) ?? Tool(name: name, category: .socialNetwork)
        }
        for (index, tool) in tools.enumerated() { toolIndex[tool] = index }
        return map
    }

    private func dataRow(_ record: CSVRecord, file: FileState, sink: (Respondent) -> Void) {
        guard let map = file.columns else { return }
        file.rows += 1
        survey.rowsRead += 1
        let location = SourceLocation(file: file.name, line: record.line)

        func text(_ role: ColumnRole) -> String? {
            guard let column = map.roles[role], column < record.fieldCount else { return nil }
            let value = String(decoding: record.field(column), as: UTF8.self).trimmingSpaces
            return value.isEmpty ? nil : value
        }
        let idText = text(.id)

        if record.fieldCount != map.width {
            reject(location, id: idText, .raggedRow(expected: map.width, found: record.fieldCount))
            return
        }
        if let column = record.firstFieldWithNUL {
            reject(location, id: idText, .nulByte(column: column + 1))
            return
        }
        if let column = map.statusColumn, let reason = ResponseStatus.exclusion(raw(record, column)) {
            reject(location, id: idText, .excludedResponse(reason))
            return
        }
        if let column = map.finishedColumn, ResponseStatus.isUnfinished(raw(record, column)) {
            reject(location, id: idText, .unfinished)
            return
        }
        var bandValues: [ColumnRole: String] = [:]
        for role in [ColumnRole.band, .level, .years, .birthYear, .age] where map.roles[role] != nil {
            bandValues[role] = text(role) ?? ""
        }
        let bandKey: Int
        switch scheme?.classify(bandValues) {
        case .success(let key)?: bandKey = key
        case .failure(let reason)?:
            reject(location, id: idText, reason)
            return
        case nil: return
        }

        let id: String
        if let idText {
            id = idText
            if let first = firstSeen[id] {
                survey.problems.append(
                    .duplicateID(
                        SourceLocation(file: file.name, line: record.line, column: (map.roles[.id] ?? 0) + 1), id: id,
                        firstSeen: first))
            } else {
                firstSeen[id] = SourceLocation(file: file.name, line: record.line)
            }
        } else {
            id = multipleInputs ? "\(file.name):\(record.line)" : "\(record.line)"
        }

        var scores = [Int8](repeating: -1, count: survey.tools.count)
        for (column, tool) in map.toolColumns {
            guard let index = toolIndex[tool] else { continue }
            switch answer(record.field(column)) {
            case .score(let score): scores[index] = score
            case .missing: survey.missingAnswers += 1
            case .invalid:
                survey.invalidAnswers += 1
                survey.invalidAnswersByTool[tool, default: 0] += 1
                if survey.invalidAnswerExamples.count < options.exampleLimit {
                    survey.invalidAnswerExamples.append(
                        AnswerIssue(
                            location: SourceLocation(file: file.name, line: record.line, column: column + 1),
                            tool: tool,
                            text: String(decoding: record.field(column), as: UTF8.self)))
                }
            }
        }

        var capacity: Int?
        if let value = text(.capacity) {
            if let number = Int(value), number >= 0 {
                capacity = number
            } else {
                survey.warnings.append(
                    "\(file.name):\(record.line):\((map.roles[.capacity] ?? 0) + 1): capacity \"\(value)\" is not a whole number; the default is used"
                )
            }
        }
        var mentorOptIn: Bool?
        var menteeOptIn: Bool?
        if let column = map.optInChoicesColumn {
            let choices = OptIn.choices(raw(record, column))
            mentorOptIn = choices.mentor
            menteeOptIn = choices.mentee
        } else {
            if let column = map.roles[.mentorOptIn] {
                mentorOptIn = OptIn.isYes(text(.mentorOptIn), checkedLabel: map.columns[column].checkedLabel)
            }
            if let column = map.roles[.menteeOptIn] {
                menteeOptIn = OptIn.isYes(text(.menteeOptIn), checkedLabel: map.columns[column].checkedLabel)
            }
        }
        var name = text(.name)
        if name == nil {
            let parts = [map.firstNameColumn, map.lastNameColumn].compactMap { $0 }.map { raw(record, $0) }
                .filter { !$0.isEmpty }
            if !parts.isEmpty { name = parts.joined(separator: " ") }
        }
        var email = text(.email)
        if let value = email, HeaderText.fold(value) == "anonymous" { email = nil }

        survey.rowsUsed += 1
        sink(
            Respondent(
                location: location, id: id, name: name, email: email, department: text(.department),
                manager: text(.manager), site: text(.location), bandKey: bandKey, mentorOptIn: mentorOptIn,
                menteeOptIn: menteeOptIn, capacity: capacity, scores: scores))
    }

    /// A cell's trimmed text.
    private func raw(_ record: CSVRecord, _ column: Int) -> String {
        column < record.fieldCount ? String(decoding: record.field(column), as: UTF8.self).trimmingSpaces : ""
    }

    /// One answer cell. A lone digit, by far the commonest answer, skips building a String.
    private func answer(_ bytes: ArraySlice<UInt8>) -> Answer {
        if bytes.count == 1, let byte = bytes.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            return options.scale.score(forNumber: Int(byte - UInt8(ascii: "0")))
        }
        return options.scale.answer(for: String(decoding: bytes, as: UTF8.self))
    }

    private func reject(_ location: SourceLocation, id: String?, _ reason: RejectionReason) {
        survey.rejections.append(RowRejection(location: location, id: id, reason: reason))
    }

    func finish() -> Survey {
        var result = survey
        if let scheme {
            let resolved = scheme.resolve()
            result.bands = resolved.bands
            result.bandOfKey = resolved.bandOfKey
        }
        return result
    }
}

/// Per-file state while reading.
private final class FileState {
    let name: String
    var columns: ColumnMap?
    var layout: SurveyLayout?
    /// Records read before the header rows are complete (the layout decides how many).
    var headerRecords: [CSVRecord] = []
    var headerCells: [[String]] = []
    var rows = 0

    init(name: String) { self.name = name }
}

/// Opt-in answers: only a yes-like answer opts in; blank or anything else opts out.
package enum OptIn {
    package static let yesWords: Set<String> = [
        "yes", "y", "true", "1", "x", "checked", "yes please", "ja", "oui", "si", "sí",
    ]

    package static func isYes(_ text: String?, checkedLabel: String? = nil) -> Bool {
        guard let text, !text.isEmpty else { return false }
        if text == "✓" || text == "✔" || text == "☑" { return true }
        let folded = HeaderText.fold(text)
        if let checkedLabel, folded == HeaderText.fold(checkedLabel) { return true }
        return yesWords.contains(folded)
    }

    /// One checkbox column holding both opt-ins: the choices are split on `,` and `;`, and a
    /// choice opts in as a mentor when it speaks of mentoring someone, as a mentee when it speaks
    /// of having a mentor.
    package static func choices(_ text: String) -> (mentor: Bool, mentee: Bool) {
        var mentor = false
        var mentee = false
        for choice in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let folded = " " + HeaderText.fold(choice) + " "
            if folded.contains(" mentee ") || folded.contains(" a mentor ") || folded.contains(" be mentored ") {
                mentee = true
            } else if folded.contains(" mentor ") {
                mentor = true
            }
        }
        return (mentor, mentee)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    package var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
