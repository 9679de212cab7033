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
    /// How many chunks of one large input are read at the same time (1: one after the other).
    package var parallelChunks = ParallelReading.defaultChunks
    /// Inputs smaller than this are read in one piece.
    package var parallelMinimumBytes = 8 << 20

    package init() {}
}

/// Stage 1: reads every input, maps its columns, normalises answers, puts people in bands and
/// accounts for every data row, streaming each usable respondent to the next stages.
package struct SurveyIngestor {
    package let options: IngestOptions

    package init(options: IngestOptions) { self.options = options }

    /// Reads all inputs as one population, feeding every usable row to a consumer of type `C`
    /// (large inputs are read in chunks at the same time, each chunk feeding its own consumer,
    /// put together in file order; every result is the same as reading in one piece).
    /// File-level problems do not throw: they are listed in `Survey.problems` (reading stops for
    /// that file and goes on with the next) so that `validate` can list them all; a caller must not
    /// use the result when there are any.
    package func ingest<C: RespondentConsumer>(
        _ inputs: [InputSource], consumer: C.Type,
        progress: ((_ file: String, _ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil
    ) -> (Survey, C) {
        let run = IngestRun<C>(options: options, multipleInputs: inputs.count > 1, sink: nil)
        for input in inputs { run.read(input, progress: progress) }
        return run.finish()
    }

    /// Reads all inputs as one population, one row after the other, handing each usable
    /// respondent to `onRespondent` as a value (for callers that keep them: tests, small tools).
    package func ingest(
        _ inputs: [InputSource],
        progress: ((_ file: String, _ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil,
        onRespondent: (Respondent) -> Void
    ) -> Survey {
        withoutActuallyEscaping(onRespondent) { sink in
            var serial = options
            serial.parallelChunks = 1
            let run = IngestRun<NoConsumer>(options: serial, multipleInputs: inputs.count > 1, sink: sink)
            for input in inputs { run.read(input, progress: progress) }
            return run.finish().0
        }
    }
}

/// The rows of one chunk of an input and the consumer they fed. Both are reached through
/// pointers, and `read`, the handler for the chunk's records, captures only those: the hot path
/// needs neither reference counting nor the generic chunk type's metadata.
final class Chunk<C: RespondentConsumer> {
    let reader: UnsafeMutablePointer<RowReader>
    let consumer: UnsafeMutablePointer<C>
    /// Reads one data record into the chunk (it never throws; typed as the parser's handler).
    let read: CSVParser.RecordViewHandler

    /// `expectedBytes`: the chunk's size in bytes, when known; once a few rows are read, storage is
    /// reserved for the rows to come (growing by doubling would leave up to half of it unused).
    init(reader: RowReader, expectedBytes: Int?) {
        let readerPointer = UnsafeMutablePointer<RowReader>.allocate(capacity: 1)
        readerPointer.initialize(to: reader)
        let consumerPointer = UnsafeMutablePointer<C>.allocate(capacity: 1)
        consumerPointer.initialize(to: C())
        self.reader = readerPointer
        self.consumer = consumerPointer
        read = { (record) throws(IngestError) in
            readerPointer.pointee.read(record) { row in consumerPointer.pointee.consume(row) }
            if readerPointer.pointee.rowsRead == 4096, let expectedBytes {
                Self.reserve(reader: readerPointer, consumer: consumerPointer, expectedBytes: expectedBytes)
            }
        }
    }

    deinit {
        reader.deinitialize(count: 1)
        reader.deallocate()
        consumer.deinitialize(count: 1)
        consumer.deallocate()
    }

    /// The consumer's gatherings, leaving an empty consumer behind.
    func takeConsumer() -> C {
        let taken = consumer.move()
        consumer.initialize(to: C())
        return taken
    }

    private static func reserve(
        reader: UnsafeMutablePointer<RowReader>, consumer: UnsafeMutablePointer<C>, expectedBytes: Int
    ) {
        let read = reader.pointee
        guard read.approximateBytes > 0 else { return }
        let rows = Int(Double(read.rowsRead) * Double(expectedBytes) / Double(read.approximateBytes) * 1.05)
        consumer.pointee.reserveCapacity(rows: rows)
        reader.pointee.ids.reserveCapacity(rows, bytes: rows * read.ids.texts.byteCount / max(read.ids.count, 1))
    }
}

/// The state of one ingestion across its inputs.
final class IngestRun<C: RespondentConsumer> {
    let options: IngestOptions
    let multipleInputs: Bool
    /// Respondents as values, for `SurveyIngestor.ingest(_:progress:onRespondent:)`.
    let sink: ((Respondent) -> Void)?
    var survey = Survey()
    var scheme: BandScheme?
    var toolIndex: [String: Int] = [:]
    var departments = ValueCatalog()
    var locations = ValueCatalog()
    var ids = RespondentIDs()
    var consumer = C()

    init(options: IngestOptions, multipleInputs: Bool, sink: ((Respondent) -> Void)?) {
        self.options = options
        self.multipleInputs = multipleInputs
        self.sink = sink
        ids.multipleInputs = multipleInputs
    }

    /// What reading an input changes in the run before its rows are put in (the header, the
    /// survey's roles and tools, the warnings), kept to undo a try at reading in chunks.
    struct State {
        var survey: Survey
        var scheme: BandScheme?
        var toolIndex: [String: Int]
        var departments: ValueCatalog
        var locations: ValueCatalog
        var ids: RespondentIDs
    }

    var state: State {
        get {
            State(
                survey: survey, scheme: scheme, toolIndex: toolIndex, departments: departments, locations: locations,
                ids: ids)
        }
        set {
            survey = newValue.survey
            scheme = newValue.scheme
            toolIndex = newValue.toolIndex
            departments = newValue.departments
            locations = newValue.locations
            ids = newValue.ids
        }
    }

    func read(_ input: InputSource, progress: ((String, Int, Int?) -> Void)?) {
        let name = input.displayName
        let file = FileState<C>(name: name)
        var format: CSVInputFormat?
        var failure: IngestError?
        do throws(IngestError) {
            let report = progress.map { report in { (read: Int, total: Int?) in report(name, read, total) } }
            if let parallel = try ParallelReading.read(input, run: self, file: file, progress: report) {
                format = parallel
            } else {
                format = try readSerially(input, file: file, progress: report)
                if file.columns == nil, !file.headerRecords.isEmpty {
                    try collectHeader(nil, file: file, atEnd: true)
                }
            }
        } catch {
            failure = error
        }
        if let chunk = file.chunk {
            file.chunk = nil
            absorb(chunk, file: file, lineOffset: 0)
        }
        survey.problems.append(contentsOf: ids.checkNewRows(threads: options.parallelChunks))
        if failure == nil {
            survey.inputs.append(
                InputSummary(
                    name: name, format: format, layout: file.layout?.rawValue ?? "generic", rowsRead: file.rows,
                    columns: file.columns?.uses ?? [], chunks: file.chunks))
            if file.columns == nil {
                failure = .noHeader(file: name)
            } else if file.rows == 0 {
                failure = .noDataRows(file: name)
            }
        }
        if let failure {
            if !survey.inputs.contains(where: { $0.name == name }) {
                survey.inputs.append(
                    InputSummary(
                        name: name, format: nil, layout: file.layout?.rawValue ?? "generic", rowsRead: file.rows))
            }
            survey.problems.append(failure)
        }
    }

    /// Reads an input in one piece: header rows first, then every data row through one chunk.
    private func readSerially(
        _ input: InputSource, file: FileState<C>, progress: ((Int, Int?) -> Void)?
    )
        throws(IngestError) -> CSVInputFormat
    {
        file.expectedBytes = input.isStandardInput ? nil : (try? input.open())?.expectedSize
        return try CSVReader.readViews(
            input, options: options.read, progress: progress,
            onRecord: { (record) throws(IngestError) in
                if let chunk = file.chunk {
                    try self.dataRow(record, chunk: chunk)
                } else {
                    try self.collectHeader(record.record, file: file, atEnd: false)
                }
            })
    }

    @inline(__always)
    private func dataRow(_ record: CSVRecordView, chunk: Chunk<C>) throws(IngestError) {
        guard let sink else {
            try chunk.read(record)
            return
        }
        if let row = chunk.reader.pointee.read(record) {
            sink(respondent(row, reader: chunk.reader.pointee, line: record.line))
        }
    }

    /// A row as a value, for the sink.
    private func respondent(_ row: RespondentRow, reader: RowReader, line: Int) -> Respondent {
        func text(_ bytes: UnsafeRawBufferPointer) -> String? { bytes.isEmpty ? nil : FieldText.string(bytes) }
        return Respondent(
            location: SourceLocation(file: reader.file, line: line), id: reader.ids.texts.string(reader.ids.count - 1),
            name: text(row.name), email: text(row.email),
            department: row.department.map { reader.departments.spelling($0.spelling) },
            manager: text(row.manager), site: row.location.map { reader.locations.spelling($0.spelling) },
            bandKey: row.bandKey, mentorOptIn: row.mentorOptIn, menteeOptIn: row.menteeOptIn, capacity: row.capacity,
            scores: Array(row.scores))
    }

    /// A reader for the data rows of `file`, starting from the survey's numbering so far.
    func makeReader(file: FileState<C>) -> RowReader? {
        guard let map = file.columns, let scheme else { return nil }
        return RowReader(
            plan: RowPlan(
                map: map, toolIndex: toolIndex, toolCount: survey.tools.count, bandRoles: scheme.requiredRoles),
            file: file.name,
            scale: options.scale, exampleLimit: options.exampleLimit, scheme: scheme, departments: departments,
            locations: locations, ids: chunkIDs(file: file))
    }

    /// An empty id list for a chunk of `file`.
    func chunkIDs(file: FileState<C>) -> RespondentIDs {
        var chunkIDs = RespondentIDs()
        chunkIDs.multipleInputs = multipleInputs
        chunkIDs.startInput(name: file.name, idColumn: file.columns?.roles[.id])
        return chunkIDs
    }

    /// Gathers header records until the layout's header rows are complete, then maps the
    /// columns and reads any record gathered beyond them as data.
    func collectHeader(_ record: CSVRecord?, file: FileState<C>, atEnd: Bool) throws(IngestError) {
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
        // A header cell with a NUL byte cannot name its column (a data row's NUL only rejects the row).
        for record in file.headerRecords.prefix(count) {
            if let column = record.firstFieldWithNUL {
                throw .nulByteInHeader(SourceLocation(file: file.name, line: record.line, column: column + 1))
            }
        }
        file.columns = try header(
            LayoutHeader.columns(layout, rows: Array(file.headerCells.prefix(count))), layout: layout, file: file.name,
            line: line)
        let leftover = file.headerRecords.dropFirst(count)
        file.headerRecords = []
        file.headerCells = []
        ids.startInput(name: file.name, idColumn: file.columns?.roles[.id])
        guard let reader = makeReader(file: file) else { return }
        let chunk = Chunk<C>(reader: reader, expectedBytes: file.expectedBytes)
        file.chunk = chunk
        for record in leftover {
            try record.withView { (view) throws(IngestError) in try self.dataRow(view, chunk: chunk) }
        }
    }

    /// Puts a chunk's rows into the survey: counts, rejections, warnings, band keys, values, ids
    /// and the consumer, its lines moved on by `lineOffset` and its numbers made the survey's.
    func absorb(_ chunk: Chunk<C>, file: FileState<C>, lineOffset: Int) {
        let reader = chunk.reader.pointee
        file.rows += reader.rowsRead
        survey.rowsRead += reader.rowsRead
        survey.rowsUsed += reader.rowsUsed
        survey.missingAnswers += reader.missingAnswers
        survey.invalidAnswers += reader.invalidAnswers
        for (entry, count) in reader.invalidByToolColumn.enumerated() where count > 0 {
            survey.invalidAnswersByTool[reader.plan.tools[entry].name, default: 0] += count
        }
        for var example in reader.examples where survey.invalidAnswerExamples.count < options.exampleLimit {
            example.location.line = example.location.line.map { $0 + lineOffset }
            survey.invalidAnswerExamples.append(example)
        }
        for var rejection in reader.rejections {
            rejection.location.line = rejection.location.line.map { $0 + lineOffset }
            survey.rejections.append(rejection)
        }
        for warning in reader.warnings {
            survey.warnings.append("\(reader.file):\(warning.line + lineOffset):\(warning.column): \(warning.text)")
        }
        guard var scheme else { return }
        let bandKeys = reader.keys.indices.map { scheme.register(reader.keys[$0], count: reader.keyCounts[$0]) }
        self.scheme = scheme
        let (departmentSpellings, departmentValues) = Self.merge(
            reader.departments, base: reader.departmentsBase, into: &departments)
        let (locationSpellings, locationValues) = Self.merge(
            reader.locations, base: reader.locationsBase, into: &locations)
        ids.append(contentsOf: reader.ids, lineOffset: lineOffset)
        consumer.append(
            chunk.takeConsumer(),
            renumbering: Renumbering(
                bandKeys: bandKeys, departmentSpellings: departmentSpellings, departmentValues: departmentValues,
                locationSpellings: locationSpellings, locationValues: locationValues))
    }

    /// Adds a chunk's values to the survey's; returns where each of the chunk's spellings and
    /// values went. The chunk started from the survey's first `base` spellings and values.
    private static func merge(
        _ chunk: ValueCatalog, base: (spellings: Int, values: Int), into catalog: inout ValueCatalog
    ) -> (spellings: [Int], values: [Int]) {
        var spellings = Array(0..<base.spellings)
        var values = Array(0..<base.values) + Array(repeating: -1, count: chunk.values.count - base.values)
        for spelling in base.spellings..<chunk.spellingCount {
            let numbers = chunk.spellings.withText(spelling) { catalog.intern($0) }
            spellings.append(numbers.spelling)
            values[chunk.valueOfSpelling[spelling]] = numbers.value
        }
        return (spellings, values)
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
        for warning in map.warnings { survey.warnings.append("\(file):\(line):\(warning.column): \(warning.text)") }
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

    func finish() -> (Survey, C) {
        var result = survey
        if let scheme {
            let resolved = scheme.resolve()
            result.bands = resolved.bands
            result.bandOfKey = resolved.bandOfKey
        }
        result.departments = departments
        result.locations = locations
        result.blankIDs = ids.blankIDs
        ids.dropTable()
        consumer.finish(survey: result, ids: ids.texts)
        return (result, consumer)
    }
}

/// Per-file state while reading.
final class FileState<C: RespondentConsumer> {
    let name: String
    var columns: ColumnMap?
    var layout: SurveyLayout?
    /// Records read before the header rows are complete (the layout decides how many).
    var headerRecords: [CSVRecord] = []
    var headerCells: [[String]] = []
    var rows = 0
    /// In how many chunks the data rows were read.
    var chunks = 1
    /// The bytes the data rows of the first chunk take (the file's size when it is read in one piece).
    var expectedBytes: Int?
    /// The chunk reading the data rows, once the header is complete (a pointer: the hot path
    /// reaches it without reference counting or exclusivity checks).
    var chunk: Chunk<C>?

    init(name: String) { self.name = name }

    /// Back to the state before reading.
    func reset() {
        columns = nil
        layout = nil
        headerRecords = []
        headerCells = []
        rows = 0
        chunks = 1
        chunk = nil
    }
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
