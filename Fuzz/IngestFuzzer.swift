// libFuzzer entry point for the ingest stage: every input must end in a survey or a listed
// problem, never a crash or a hang, and every data row must be accounted for. It is also a
// differential fuzzer: the input is read once in one piece and once in chunks at the same time
// (with the chunk threshold made tiny so small inputs are really cut), and everything ingest
// reports and every row a consumer sees must be the same both ways (only `InputSummary.chunks`
// may differ; reading in one piece when the chunked path declines is fine).
// Built by `make fuzz` with `swiftc -sanitize=fuzzer,address` together with Sources/Ingest.

#if canImport(Glibc)
    import Glibc
#endif

private let path = "/dev/shm/genbridge-fuzz-\(getpid()).csv"
private let differentialPath = "/dev/shm/genbridge-fuzz-\(getpid())-differential.csv"

/// A generic survey's header, put in front of the fuzzer's bytes in half the differential runs:
/// most inputs have no header that maps (and every input with a problem is read in one piece),
/// while with this one the bytes are data rows, which the chunked path reads.
private let surveyHeader = Array(
    ("Employee ID,Name,Email,Department,Job level,Manager ID,Location,Willing to mentor,Would like a mentor,"
        + "Mentoring capacity,Pinterest,WhatsApp,LinkedIn,Comments\n").utf8)

/// How many inputs were read in chunks by the chunked run, and how many in all (printed at exit).
nonisolated(unsafe) private var chunkedRuns = 0
nonisolated(unsafe) private var differentialRuns = 0
nonisolated(unsafe) private var statsRegistered = false

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard writeFile(path, [UnsafeRawBufferPointer(start: data, count: size)]) else { return 0 }
    if !statsRegistered {
        statsRegistered = true
        atexit {
            let line = "IngestFuzzer: \(chunkedRuns) of \(differentialRuns) differential runs read in chunks\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
        }
    }

    // The first byte picks a layout and the limits, so the fuzzer explores every path.
    var options = IngestOptions()
    let selector = size > 0 ? Int(data[0]) : 0
    let layouts: [LayoutChoice] = [.auto] + SurveyLayout.allCases.map { .layout($0) }
    options.layout = layouts[selector % layouts.count]
    options.read.limits = CSVLimits(maxFieldBytes: 64 + selector * 16, maxColumns: 8 + selector % 64)
    options.read.chunkSize = [3, 61, 1024, 1 << 16][selector % 4]

    var respondents = 0
    let survey = SurveyIngestor(options: options).ingest([InputSource(path: path)]) { _ in respondents += 1 }
    if survey.problems.isEmpty, survey.rowsRead != survey.rowsUsed + survey.rejections.count {
        fatalError("rows read \(survey.rowsRead) != used \(survey.rowsUsed) + rejected \(survey.rejections.count)")
    }
    if respondents != survey.rowsUsed { fatalError("respondents \(respondents) != rows used \(survey.rowsUsed)") }

    differential(data, size, layout: options.layout, limits: options.read.limits)
    return 0
}

/// Writes `parts` one after the other to the file at `file`; false when it cannot be written.
private func writeFile(_ file: String, _ parts: [UnsafeRawBufferPointer]) -> Bool {
    let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    for part in parts {
        guard let base = part.baseAddress else { continue }
        var written = 0
        while written < part.count {
            let count = write(fd, base + written, part.count - written)
            if count <= 0 { return false }
            written += count
        }
    }
    return true
}

// MARK: - Reading in chunks = reading in one piece

/// Reads the input in one piece and in chunks through the consumer API and stops on any difference.
private func differential(_ data: UnsafePointer<UInt8>, _ size: Int, layout: LayoutChoice, limits: CSVLimits) {
    // The last bytes pick the chunking, so that the first byte keeps picking the layout.
    let last = size > 0 ? Int(data[size - 1]) : 0
    let beforeLast = size > 1 ? Int(data[size - 2]) : 0
    var options = IngestOptions()
    options.layout = layout
    options.read.limits = limits
    // A buffer large enough to hold a header most of the time: the chunked path reads the header
    // from the first buffer, and declines when it is not complete there.
    options.read.chunkSize = [128, 1024, 4096, 1 << 16][beforeLast % 4]
    var file = path
    if beforeLast & 0x40 != 0 {
        // The bytes as data rows under a header that maps, in a buffer that holds the header.
        options.layout = .auto
        options.read.limits.maxColumns = max(limits.maxColumns, 32)
        options.read.chunkSize = [192, 200, 256, 1024, 4096][beforeLast % 5]
        let written = surveyHeader.withUnsafeBytes { header in
            writeFile(differentialPath, [header, UnsafeRawBufferPointer(start: data, count: size)])
        }
        guard written else { return }
        file = differentialPath
    }
    let inputs = Array(repeating: InputSource(path: file), count: beforeLast & 0x80 != 0 ? 2 : 1)

    var serial = options
    serial.parallelChunks = 1
    let (oneSurvey, onePiece) = SurveyIngestor(options: serial).ingest(inputs, consumer: RowRecorder.self)

    var chunked = options
    chunked.parallelChunks = 2 + last % 3
    chunked.parallelMinimumBytes = 1 + (last >> 2) % 64
    let (chunkedSurvey, inChunks) = SurveyIngestor(options: chunked).ingest(inputs, consumer: RowRecorder.self)

    differentialRuns += 1
    if chunkedSurvey.inputs.contains(where: { $0.chunks > 1 }) { chunkedRuns += 1 }
    if oneSurvey.inputs.contains(where: { $0.chunks != 1 }) {
        fatalError("read in chunks with parallelChunks = 1: \(oneSurvey.inputs.map(\.chunks))")
    }

    let context =
        "(\(inputs.count) input(s), chunkSize \(options.read.chunkSize), parallelChunks \(chunked.parallelChunks), "
        + "parallelMinimumBytes \(chunked.parallelMinimumBytes), chunks \(chunkedSurvey.inputs.map(\.chunks)))"
    expectSame(account(oneSurvey), account(chunkedSurvey), "survey account", context: context)
    expectSame(onePiece.finished, inChunks.finished, "consumer finish", context: context)
    expectSame(onePiece.rows.count, inChunks.rows.count, "rows consumed", context: context)
    for (index, (one, other)) in zip(onePiece.rows, inChunks.rows).enumerated() where one != other {
        fatalError(
            """
            chunked ingest differs from one piece \(context) at consumed row \(index):
              one piece: \(one)
              in chunks: \(other)
            """)
    }
    if oneSurvey.problems.isEmpty {
        expectSame(oneSurvey.rowsUsed, onePiece.rows.count, "rows used vs rows consumed", context: context)
    }
}

private func expectSame<T: Equatable>(_ one: T, _ other: T, _ what: String, context: String) {
    guard one != other else { return }
    fatalError(
        """
        chunked ingest differs from one piece \(context) in \(what):
          one piece: \(one)
          in chunks: \(other)
        """)
}

private func expectSame(_ one: [String], _ other: [String], _ what: String, context: String) {
    guard one != other else { return }
    let first = (0..<min(one.count, other.count)).first { one[$0] != other[$0] } ?? min(one.count, other.count)
    fatalError(
        """
        chunked ingest differs from one piece \(context) in \(what), entry \(first) \
        (\(one.count) vs \(other.count) entries):
          one piece: \(first < one.count ? one[first] : "(none)")
          in chunks: \(first < other.count ? other[first] : "(none)")
        """)
}

/// Everything ingest reports about a survey apart from the rows, as lines of text; the chunk
/// count of each input is left out (it is the one thing that may differ).
private func account(_ survey: Survey) -> [String] {
    var lines = [
        "read \(survey.rowsRead) used \(survey.rowsUsed) missing \(survey.missingAnswers) "
            + "invalid \(survey.invalidAnswers)",
        "tools \(survey.tools.map(\.name)) roles \(survey.roles.map(\.rawValue).sorted()) "
            + "band source \(survey.bandSource)",
        "bands \(survey.bands)", "band of key \(survey.bandOfKey)",
        "invalid by tool \(survey.invalidAnswersByTool.sorted { $0.key < $1.key })",
        "departments \(catalog(survey.departments))", "locations \(catalog(survey.locations))",
    ]
    for input in survey.inputs {
        var summary = input
        summary.chunks = 1
        lines.append("input \(summary)")
    }
    lines += survey.rejections.map { "rejected \($0.location) id \($0.id.debugDescription) \($0.reason)" }
    lines += survey.invalidAnswerExamples.map { "example \($0.location) \($0.tool) \($0.text.debugDescription)" }
    lines += survey.warnings.map { "warning \($0.debugDescription)" }
    lines += survey.problems.map { "problem \($0)" }
    return lines
}

private func catalog(_ values: ValueCatalog) -> String {
    let spellings = (0..<values.spellingCount).map {
        "\(values.spelling($0).debugDescription)→\(values.valueOfSpelling[$0])"
    }
    return "values \(values.values) spellings \(spellings)"
}

/// A consumer that keeps what each row exposes as values, its numbers renumbered into the survey's.
private struct RowRecorder: RespondentConsumer {
    struct Row: Equatable, CustomStringConvertible {
        var id = ""
        var bandKey: Int
        var band = ""
        var scores: [Int8]
        var name: [UInt8]
        var email: [UInt8]
        var manager: [UInt8]
        var department: Value?
        var location: Value?
        var mentorOptIn: Bool?
        var menteeOptIn: Bool?
        var capacity: Int?

        /// A department or location: its numbers, and its spelling and value as the survey's
        /// catalog has them.
        struct Value: Equatable, CustomStringConvertible {
            var spelling: Int
            var value: Int
            var spellingText = ""
            var valueText = ""
            var description: String {
                "\(spelling)/\(value) \(spellingText.debugDescription)/\(valueText.debugDescription)"
            }
        }

        var description: String {
            "id \(id.debugDescription) key \(bandKey) band \(band.debugDescription) scores \(scores) "
                + "name \(text(name)) email \(text(email)) manager \(text(manager)) "
                + "department \(department.map(\.description) ?? "-") location \(location.map(\.description) ?? "-") "
                + "mentor \(mentorOptIn.map(\.description) ?? "-") mentee \(menteeOptIn.map(\.description) ?? "-") "
                + "capacity \(capacity.map(\.description) ?? "-")"
        }

        private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).debugDescription }
    }

    var rows: [Row] = []
    /// What `finish` was told: the number of ids against the rows, and the ids themselves.
    var finished: [String] = []
    private var finishCalls = 0

    init() {}

    mutating func consume(_ row: RespondentRow) {
        rows.append(
            Row(
                bandKey: row.bandKey, scores: Array(row.scores), name: Array(row.name), email: Array(row.email),
                manager: Array(row.manager),
                department: row.department.map { Row.Value(spelling: $0.spelling, value: $0.value) },
                location: row.location.map { Row.Value(spelling: $0.spelling, value: $0.value) },
                mentorOptIn: row.mentorOptIn, menteeOptIn: row.menteeOptIn, capacity: row.capacity))
    }

    mutating func append(_ later: consuming RowRecorder, renumbering: Renumbering) {
        if later.finishCalls != 0 || !later.finished.isEmpty { fatalError("a chunk's consumer was finished") }
        for var row in later.rows {
            guard row.bandKey < renumbering.bandKeys.count else {
                fatalError("band key \(row.bandKey) beyond the renumbering's \(renumbering.bandKeys.count)")
            }
            row.bandKey = renumbering.bandKeys[row.bandKey]
            row.department = row.department.map {
                renumbered($0, renumbering.departmentSpellings, renumbering.departmentValues, "department")
            }
            row.location = row.location.map {
                renumbered($0, renumbering.locationSpellings, renumbering.locationValues, "location")
            }
            rows.append(row)
        }
    }

    private func renumbered(_ value: Row.Value, _ spellings: [Int], _ values: [Int], _ what: String) -> Row.Value {
        guard value.spelling < spellings.count, value.value < values.count else {
            fatalError(
                "\(what) \(value) beyond the renumbering's \(spellings.count) spellings, \(values.count) values")
        }
        return Row.Value(spelling: spellings[value.spelling], value: values[value.value])
    }

    mutating func finish(survey: Survey, ids: TextColumn) {
        finishCalls += 1
        finished = ["calls \(finishCalls) ids \(ids.count) rows \(rows.count)"]
        for index in rows.indices {
            if index < ids.count { rows[index].id = ids.string(index) }
            let key = rows[index].bandKey
            if key >= 0, key < survey.bandOfKey.count, survey.bandOfKey[key] >= 0,
                survey.bandOfKey[key] < survey.bands.count
            {
                rows[index].band = survey.bands[survey.bandOfKey[key]].name
            } else {
                rows[index].band = "<band key \(key) has no band>"
            }
            rows[index].department = rows[index].department.map { seen($0, in: survey.departments) }
            rows[index].location = rows[index].location.map { seen($0, in: survey.locations) }
        }
    }

    /// The value with its spelling and value as `catalog` has them.
    private func seen(_ value: Row.Value, in catalog: ValueCatalog) -> Row.Value {
        var seen = value
        seen.spellingText =
            value.spelling >= 0 && value.spelling < catalog.spellingCount
            ? catalog.spelling(value.spelling) : "<no spelling \(value.spelling)>"
        seen.valueText =
            value.value >= 0 && value.value < catalog.values.count
            ? catalog.values[value.value] : "<no value \(value.value)>"
        if value.spelling >= 0, value.spelling < catalog.spellingCount,
            catalog.valueOfSpelling[value.spelling] != value.value
        {
            seen.valueText += " <spelling's value is \(catalog.valueOfSpelling[value.spelling])>"
        }
        return seen
    }
}
