/// Which column holds what, as the row reader needs it for every row.
struct RowPlan: Sendable {
    struct ToolColumn: Sendable {
        var column: Int
        /// Index into the survey's tools.
        var tool: Int
        var name: String
    }

    var width: Int
    var id: Int?
    var name: Int?
    var email: Int?
    var department: Int?
    var manager: Int?
    var location: Int?
    var capacity: Int?
    var mentorOptIn: Int?
    var menteeOptIn: Int?
    var mentorCheckedLabel: String?
    var menteeCheckedLabel: String?
    var optInChoices: Int?
    var firstName: Int?
    var lastName: Int?
    var status: Int?
    var finished: Int?
    /// The band columns present that the band scheme reads, in the order band, level, years, birth
    /// year, age.
    var bandColumns: [(role: ColumnRole, column: Int)]
    var tools: [ToolColumn]
    var toolCount: Int

    /// `bandRoles`: the roles the band scheme reads.
    init(map: ColumnMap, toolIndex: [String: Int], toolCount: Int, bandRoles: Set<ColumnRole>) {
        width = map.width
        id = map.roles[.id]
        name = map.roles[.name]
        email = map.roles[.email]
        department = map.roles[.department]
        manager = map.roles[.manager]
        location = map.roles[.location]
        capacity = map.roles[.capacity]
        mentorOptIn = map.roles[.mentorOptIn]
        menteeOptIn = map.roles[.menteeOptIn]
        mentorCheckedLabel = mentorOptIn.map { map.columns[$0].checkedLabel } ?? nil
        menteeCheckedLabel = menteeOptIn.map { map.columns[$0].checkedLabel } ?? nil
        optInChoices = map.optInChoicesColumn
        firstName = map.firstNameColumn
        lastName = map.lastNameColumn
        status = map.statusColumn
        finished = map.finishedColumn
        bandColumns = [ColumnRole.band, .level, .years, .birthYear, .age].filter(bandRoles.contains).compactMap {
            role in
            map.roles[role].map { (role, $0) }
        }
        tools = map.toolColumns.compactMap { entry in
            toolIndex[entry.tool].map { ToolColumn(column: entry.column, tool: $0, name: entry.tool) }
        }
        self.toolCount = toolCount
    }
}

/// A table from a cell's bytes to what they mean, filled as values are first met: survey cells
/// repeat (opt-in answers, levels, birth years, labels), so each distinct value is worked out once.
/// Past `limit` distinct values it stops learning and the caller works values out each time.
struct Memo<Value> {
    private var table = TextTable()
    private var values: [Value] = []
    private let limit: Int

    init(limit: Int = 4096) { self.limit = limit }

    /// The value of `bytes`, worked out by `work` the first time (`work` must not touch the memo's owner).
    @inline(__always)
    mutating func value(_ bytes: UnsafeRawBufferPointer, _ work: (UnsafeRawBufferPointer) -> Value) -> Value {
        if let value = known(bytes) { return value }
        let value = work(bytes)
        store(bytes, value)
        return value
    }

    /// The value stored for `bytes`, if any (short values met lately are found without hashing).
    @inline(__always)
    mutating func known(_ bytes: UnsafeRawBufferPointer) -> Value? {
        table.find(bytes).map { values[$0] }
    }

    @inline(__always)
    func lookup(_ bytes: UnsafeRawBufferPointer, hash: UInt64) -> Value? {
        table.index(of: bytes, hash: hash).map { values[$0] }
    }

    mutating func store(_ bytes: UnsafeRawBufferPointer, _ value: Value) {
        guard values.count < limit else { return }
        store(bytes, hash: FieldText.hash(bytes), value)
    }

    mutating func store(_ bytes: UnsafeRawBufferPointer, hash: UInt64, _ value: Value) {
        guard values.count < limit else { return }
        table.insert(bytes, hash: hash)
        values.append(value)
    }
}

/// A value that could not be read as meant but does not reject its row: a capacity that is not a
/// whole number (the default is used), a response status Qualtrics does not use (kept as normal).
/// Its line counts within its chunk until the chunks are put together.
struct ValueWarning {
    enum Kind {
        case capacity
        case status
    }

    var kind: Kind
    var line: Int
    var column: Int
    var value: String

    /// The warning's words, after its place.
    var text: String {
        switch kind {
        case .capacity: "capacity \"\(value)\" is not a whole number; the default is used"
        case .status: "Status \"\(value)\" is not one Qualtrics uses; the response is treated as a normal one"
        }
    }
}

/// Reads the data rows of one chunk of an input: checks each, rejects it or turns it into a
/// `RespondentRow`, and counts what the survey account needs. Row by row it builds no `String`
/// unless a value is new or a row is rejected.
struct RowReader {
    let plan: RowPlan
    let file: String
    let scale: FamiliarityScale
    let exampleLimit: Int
    let scheme: BandScheme

    var rowsRead = 0
    var rowsUsed = 0
    /// The bytes of the records read (delimiters and line breaks counted, quotes not), for estimates.
    var approximateBytes = 0
    var rejections: [RowRejection] = []
    var missingAnswers = 0
    var invalidAnswers = 0
    /// Invalid answers per entry of `plan.tools`.
    var invalidByToolColumn: [Int]
    var examples: [AnswerIssue] = []
    var warnings: [ValueWarning] = []

    /// Band keys: the survey's when the chunk started, then the chunk's new ones.
    var keys: [String]
    private var keyIndex: [String: Int]
    /// Rows per key, counted in this chunk.
    var keyCounts: [Int]
    var departments: ValueCatalog
    var locations: ValueCatalog
    /// How many spellings and values the catalogues had when the chunk started.
    let departmentsBase: (spellings: Int, values: Int)
    let locationsBase: (spellings: Int, values: Int)
    var ids: RespondentIDs

    private var bandMemo = Memo<Int>(limit: 16384)
    /// Why rows fit no band, for `bandMemo`'s negative values.
    private var bandFailures: [RejectionReason] = []
    private var answerMemo = Memo<Answer>()
    private var mentorMemo = Memo<Bool>()
    private var menteeMemo = Memo<Bool>()
    private var choicesMemo = Memo<(mentor: Bool, mentee: Bool)>()
    private var statusMemo = Memo<ResponseStatus>()
    private var finishedMemo = Memo<Bool>()
    private let scratch: RowScratch

    init(
        plan: RowPlan, file: String, scale: FamiliarityScale, exampleLimit: Int, scheme: BandScheme,
        departments: ValueCatalog, locations: ValueCatalog, ids: RespondentIDs
    ) {
        self.plan = plan
        self.file = file
        self.scale = scale
        self.exampleLimit = exampleLimit
        self.scheme = scheme
        self.departments = departments
        self.locations = locations
        departmentsBase = (departments.spellingCount, departments.values.count)
        locationsBase = (locations.spellingCount, locations.values.count)
        self.ids = ids
        keys = scheme.keys
        keyIndex = Dictionary(uniqueKeysWithValues: scheme.keys.enumerated().map { ($1, $0) })
        keyCounts = Array(repeating: 0, count: scheme.keys.count)
        invalidByToolColumn = Array(repeating: 0, count: plan.tools.count)
        scratch = RowScratch(plan: plan, scale: scale)
    }

    /// Reads one data record: nil when it is rejected (and counted so), else the row, valid until
    /// the next call.
    mutating func read(_ record: CSVRecordView) -> RespondentRow? {
        var read: RespondentRow?
        self.read(record) { read = $0 }
        return read
    }

    /// Reads one data record: rejects it (and counts it so), or hands the row to `use` (valid
    /// during that call). The hot path: a chunk's consumer takes the row where it was built, not a
    /// copy of it made to return it.
    mutating func read(_ record: CSVRecordView, _ use: (RespondentRow) -> Void) {
        rowsRead += 1
        approximateBytes += record.byteCount + record.fieldCount
        let fieldCount = record.fieldCount

        if fieldCount != plan.width {
            reject(record, .raggedRow(expected: plan.width, found: fieldCount))
            return
        }
        if let column = record.firstFieldWithNUL {
            reject(record, .nulByte(column: column + 1))
            return
        }
        if let column = plan.status {
            let value = FieldText.trimmed(record.field(column))
            switch statusMemo.value(value, { ResponseStatus(FieldText.string($0)) }) {
            case .normal: break
            case .excluded(let why):
                reject(record, .excludedResponse(why))
                return
            case .unknown:
                warnings.append(
                    ValueWarning(kind: .status, line: record.line, column: column + 1, value: FieldText.string(value)))
            }
        }
        if let column = plan.finished {
            let unfinished = finishedMemo.value(FieldText.trimmed(record.field(column))) { bytes in
                ResponseStatus.isUnfinished(FieldText.string(bytes))
            }
            if unfinished {
                reject(record, .unfinished)
                return
            }
        }
        let bandKey = classify(record)
        if bandKey < 0 {
            reject(record, bandFailures[-bandKey - 1])
            return
        }
        keyCounts[bandKey] += 1

        let id = plan.id.map { FieldText.trimmed(record.field($0)) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
        ids.append(id, line: record.line)

        let scores = scratch.scores
        scores.update(repeating: -1)
        let tools = scratch.tools
        for entry in 0..<tools.count {
            let tool = tools[entry]
            let bytes = record.field(tool.column)
            let answer: Answer
            let digit = bytes.count == 1 ? Int(bytes[0]) &- 0x30 : -1
            if digit >= 0, digit <= 9 {
                let score = scratch.digitScores[digit]
                if score >= 0 {
                    scores[tool.tool] = score
                    continue
                }
                answer = .invalid
            } else if bytes.isEmpty {
                answer = scratch.blankAnswer
            } else {
                let hash = FieldText.hash(bytes)
                if let known = answerMemo.lookup(bytes, hash: hash) {
                    answer = known
                } else {
                    answer = scale.answer(for: FieldText.string(bytes))
                    answerMemo.store(bytes, hash: hash, answer)
                }
            }
            switch answer {
            case .score(let score): scores[tool.tool] = score
            case .missing: missingAnswers += 1
            case .invalid:
                invalidAnswers += 1
                invalidByToolColumn[entry] += 1
                if examples.count < exampleLimit {
                    examples.append(
                        AnswerIssue(
                            location: SourceLocation(file: file, line: record.line, column: tool.column + 1),
                            tool: plan.tools[entry].name, text: FieldText.string(bytes)))
                }
            }
        }

        var capacity: Int?
        if let column = plan.capacity {
            let value = FieldText.trimmed(record.field(column))
            if !value.isEmpty {
                if let number = FieldText.integer(value), number >= 0 {
                    capacity = number
                } else {
                    warnings.append(
                        ValueWarning(
                            kind: .capacity, line: record.line, column: column + 1, value: FieldText.string(value)))
                }
            }
        }
        var mentorOptIn: Bool?
        var menteeOptIn: Bool?
        if let column = plan.optInChoices {
            let choices = choicesMemo.value(FieldText.trimmed(record.field(column))) { bytes in
                OptIn.choices(FieldText.string(bytes))
            }
            mentorOptIn = choices.mentor
            menteeOptIn = choices.mentee
        } else {
            if let column = plan.mentorOptIn {
                let label = plan.mentorCheckedLabel
                mentorOptIn = mentorMemo.value(FieldText.trimmed(record.field(column))) { bytes in
                    OptIn.isYes(bytes.isEmpty ? nil : FieldText.string(bytes), checkedLabel: label)
                }
            }
            if let column = plan.menteeOptIn {
                let label = plan.menteeCheckedLabel
                menteeOptIn = menteeMemo.value(FieldText.trimmed(record.field(column))) { bytes in
                    OptIn.isYes(bytes.isEmpty ? nil : FieldText.string(bytes), checkedLabel: label)
                }
            }
        }

        var name = text(record, plan.name)
        if name.isEmpty, plan.firstName != nil || plan.lastName != nil {
            name = scratch.joinedName(text(record, plan.firstName), text(record, plan.lastName))
        }
        var email = text(record, plan.email)
        if !email.isEmpty, FieldText.folds(email, to: "anonymous") {
            email = UnsafeRawBufferPointer(start: nil, count: 0)
        }

        var department: (spelling: Int, value: Int)?
        let departmentText = text(record, plan.department)
        if !departmentText.isEmpty { department = departments.intern(departmentText) }
        var location: (spelling: Int, value: Int)?
        let locationText = text(record, plan.location)
        if !locationText.isEmpty { location = locations.intern(locationText) }

        rowsUsed += 1
        use(
            RespondentRow(
                bandKey: bandKey, scores: UnsafeBufferPointer(rebasing: scores[..<plan.toolCount]), name: name,
                email: email, manager: text(record, plan.manager), department: department, location: location,
                mentorOptIn: mentorOptIn, menteeOptIn: menteeOptIn, capacity: capacity))
    }

    /// A cell's trimmed bytes; empty when the column is absent.
    @inline(__always)
    private func text(_ record: CSVRecordView, _ column: Int?) -> UnsafeRawBufferPointer {
        guard let column else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return FieldText.trimmed(record.field(column))
    }

    /// The row's band key number, or -(n + 1) for the n-th reason rows fit no band.
    private mutating func classify(_ record: CSVRecordView) -> Int {
        if plan.bandColumns.count == 1 {
            let entry = plan.bandColumns[0]
            let value = FieldText.trimmed(record.field(entry.column))
            if let known = bandMemo.known(value) { return known }
            let number = keyNumber(scheme.keyName(for: [entry.role: FieldText.string(value)]))
            bandMemo.store(value, number)
            return number
        }
        // Several band columns (configured bands reading more than one): the key is all of them.
        var joined: [UInt8] = []
        for entry in plan.bandColumns {
            joined.append(contentsOf: FieldText.trimmed(record.field(entry.column)))
            joined.append(0xFF)
        }
        let hash = joined.withUnsafeBytes { FieldText.hash($0) }
        if let known = joined.withUnsafeBytes({ bandMemo.lookup($0, hash: hash) }) { return known }
        var values: [ColumnRole: String] = [:]
        for entry in plan.bandColumns {
            values[entry.role] = FieldText.string(FieldText.trimmed(record.field(entry.column)))
        }
        let number = keyNumber(scheme.keyName(for: values))
        joined.withUnsafeBytes { bandMemo.store($0, hash: hash, number) }
        return number
    }

    private mutating func keyNumber(_ result: Result<String, RejectionReason>) -> Int {
        switch result {
        case .success(let name):
            if let known = keyIndex[name] { return known }
            keyIndex[name] = keys.count
            keys.append(name)
            keyCounts.append(0)
            return keys.count - 1
        case .failure(let reason):
            bandFailures.append(reason)
            return -bandFailures.count
        }
    }

    private mutating func reject(_ record: CSVRecordView, _ reason: RejectionReason) {
        var id: String?
        if let column = plan.id, column < record.fieldCount {
            let value = FieldText.trimmed(record.field(column))
            if !value.isEmpty { id = FieldText.string(value) }
        }
        // The column the reason is about (1-based), where there is one.
        let column: Int? =
            switch reason {
            case .raggedRow(let expected, let found): min(expected, found) + 1
            case .nulByte(let column): column
            case .excludedResponse: plan.status.map { $0 + 1 }
            case .unfinished: plan.finished.map { $0 + 1 }
            // The band column read (configured bands all use one kind of rule, so one column).
            case .noBand: plan.bandColumns.first.map { $0.column + 1 }
            }
        rejections.append(
            RowRejection(
                location: SourceLocation(file: file, line: record.line, column: column), id: id, reason: reason))
    }
}

/// Buffers a row reader reuses from row to row, and its own copies of what it reads in every row
/// (no reference counting shared with the readers of other chunks).
final class RowScratch {
    struct ToolSlot {
        var column: Int
        /// Index into the survey's tools.
        var tool: Int
    }

    let scores: UnsafeMutableBufferPointer<Int8>
    /// `plan.tools`, without the names.
    let tools: UnsafeMutableBufferPointer<ToolSlot>
    /// The score of a one-digit answer, -2 when the digit is off the scale.
    let digitScores: UnsafeMutableBufferPointer<Int8>
    /// What a blank answer cell means (missing, unless the config's `scale.missing` leaves "" out).
    let blankAnswer: Answer
    private var name: UnsafeMutableRawBufferPointer

    init(plan: RowPlan, scale: FamiliarityScale) {
        scores = .allocate(capacity: max(plan.toolCount, 1))
        tools = .allocate(capacity: plan.tools.count)
        _ = tools.initialize(from: plan.tools.map { ToolSlot(column: $0.column, tool: $0.tool) })
        digitScores = .allocate(capacity: 10)
        for digit in 0...9 {
            if case .score(let score) = scale.score(forNumber: digit) {
                digitScores[digit] = score
            } else {
                digitScores[digit] = -2
            }
        }
        blankAnswer = scale.answer(for: "")
        name = .allocate(byteCount: 256, alignment: 1)
    }

    deinit {
        scores.deallocate()
        tools.deallocate()
        digitScores.deallocate()
        name.deallocate()
    }

    /// The first and last name joined with a space, leaving out a blank one.
    func joinedName(_ first: UnsafeRawBufferPointer, _ last: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        if first.isEmpty { return last }
        if last.isEmpty { return first }
        let length = first.count + 1 + last.count
        if length > name.count {
            name.deallocate()
            name = .allocate(byteCount: length * 2, alignment: 1)
        }
        name.copyMemory(from: first)
        name[first.count] = UInt8(ascii: " ")
        UnsafeMutableRawBufferPointer(rebasing: name[(first.count + 1)...]).copyMemory(from: last)
        return UnsafeRawBufferPointer(rebasing: name[..<length])
    }
}
