import Foundation
import Testing

@testable import Ingest

/// Reading an input in chunks at the same time gives exactly what reading it in one piece gives:
/// the row account, lines, warnings, problems, bands and every row the consumers see, in order.
@Suite("Reading in chunks at the same time = reading in one piece")
struct ParallelReadingTests {
    /// A consumer that keeps every row as values, renumbered into the survey's numbers.
    struct RecordingConsumer: RespondentConsumer {
        struct Row: Equatable, CustomStringConvertible {
            var id = ""
            var bandKey: Int
            var scores: [Int8]
            var name: String?
            var email: String?
            var manager: String?
            var department: [Int]?
            var location: [Int]?
            var mentor: Bool?
            var mentee: Bool?
            var capacity: Int?
            var description: String {
                "\(id) key \(bandKey) \(scores) \(name ?? "-") \(email ?? "-") \(manager ?? "-") "
                    + "\(department ?? []) \(location ?? []) \(String(describing: mentor)) \(String(describing: mentee)) "
                    + "\(capacity ?? -1)"
            }
        }

        var rows: [Row] = []

        init() {}

        mutating func consume(_ row: RespondentRow) {
            func text(_ bytes: UnsafeRawBufferPointer) -> String? {
                bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            rows.append(
                Row(
                    bandKey: row.bandKey, scores: Array(row.scores), name: text(row.name), email: text(row.email),
                    manager: text(row.manager), department: row.department.map { [$0.spelling, $0.value] },
                    location: row.location.map { [$0.spelling, $0.value] }, mentor: row.mentorOptIn,
                    mentee: row.menteeOptIn, capacity: row.capacity))
        }

        mutating func append(_ later: consuming RecordingConsumer, renumbering: Renumbering) {
            for var row in later.rows {
                row.bandKey = renumbering.bandKeys[row.bandKey]
                row.department = row.department.map {
                    [renumbering.departmentSpellings[$0[0]], renumbering.departmentValues[$0[1]]]
                }
                row.location = row.location.map {
                    [renumbering.locationSpellings[$0[0]], renumbering.locationValues[$0[1]]]
                }
                rows.append(row)
            }
        }

        mutating func finish(survey: Survey, ids: TextColumn) {
            #expect(ids.count == rows.count)
            for index in rows.indices where index < ids.count { rows[index].id = ids.string(index) }
        }
    }

    /// Everything ingest reports about a survey, as text, for comparing two readings.
    static func account(_ survey: Survey) -> [String] {
        var lines = [
            "read \(survey.rowsRead) used \(survey.rowsUsed) missing \(survey.missingAnswers) invalid \(survey.invalidAnswers)",
            "tools \(survey.tools.map(\.name))", "bands \(survey.bands)", "bandOfKey \(survey.bandOfKey)",
            "invalid by tool \(survey.invalidAnswersByTool.sorted { $0.key < $1.key })",
            "departments \(survey.departments.values) \((0..<survey.departments.spellingCount).map(survey.departments.spelling))",
            "locations \(survey.locations.values) \((0..<survey.locations.spellingCount).map(survey.locations.spelling))",
        ]
        lines += survey.inputs.map {
            "input \($0.name) \(String(describing: $0.format)) \($0.layout) \($0.rowsRead) \($0.columns)"
        }
        lines += survey.rejections.map { "rejected \($0.location) \($0.id ?? "-") \($0.reason)" }
        lines += survey.invalidAnswerExamples.map { "example \($0.location) \($0.tool) \($0.text)" }
        lines += survey.warnings.map { "warning \($0)" }
        lines += survey.problems.map { "problem \($0.location) \($0.summary) \($0.details)" }
        return lines
    }

    static func read(
        _ paths: [String], chunks: Int, bufferSize: Int = 1 << 20, options base: IngestOptions = IngestOptions()
    ) -> (Survey, RecordingConsumer) {
        var options = base
        options.parallelChunks = chunks
        options.parallelMinimumBytes = chunks > 1 ? 1 : Int.max
        options.read.chunkSize = bufferSize
        return SurveyIngestor(options: options).ingest(
            paths.map(InputSource.init(path:)), consumer: RecordingConsumer.self)
    }

    /// Reads `paths` in one piece and in several ways of chunks; expects the same everywhere.
    static func expectSameEverywhere(
        _ paths: [String], options: IngestOptions = IngestOptions(), expectChunked: Bool = true,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let (survey, consumer) = read(paths, chunks: 1, options: options)
        for (chunks, bufferSize) in [(2, 1 << 20), (3, 4096), (5, 1500), (8, 65536)] {
            let (chunked, chunkedConsumer) = read(paths, chunks: chunks, bufferSize: bufferSize, options: options)
            #expect(account(chunked) == account(survey), "\(chunks) chunks", sourceLocation: sourceLocation)
            #expect(chunkedConsumer.rows == consumer.rows, "\(chunks) chunks", sourceLocation: sourceLocation)
            if expectChunked {
                #expect(chunked.inputs.contains { $0.chunks > 1 }, "\(chunks) chunks", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: - A survey with everything that can go wrong in a row

    typealias Random = TestRandom

    static let tools = [
        "Pinterest", "WhatsApp", "Hootsuite", "LinkedIn", "Instagram", "TikTok", "X (Twitter)", "Facebook", "YouTube",
        "Snapchat", "Slack", "Microsoft Teams", "Canva",
    ]

    static func quote(_ field: String) -> String {
        field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == " " }
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// A generic-layout survey of `rows` rows: names with commas, quotes and line breaks, labels,
    /// blanks and junk among the answers, bad capacities, blank levels, ragged rows, NUL bytes,
    /// repeated and blank ids, and departments spelt two canonically equal ways.
    static func survey(rows: Int, seed: UInt64, lineBreak: String = "\n", idColumn: Bool = true) -> String {
        var random = Random(state: seed)
        var header = [
            "Name", "Email", "Department", "Job level", "Birth year", "Manager ID", "Location", "Willing to mentor",
            "Would like a mentor", "Mentoring capacity",
        ]
        if idColumn { header.insert("Employee ID", at: 0) }
        header += tools + ["Comments"]
        var text = header.map(quote).joined(separator: ",") + lineBreak
        let names = [
            "Ann Lee", "Okafor, Chidi", "Robert \"Bob\" Smith", "Søren Jensen", "Zoë\nMüller", "  padded  ", "李 娜",
        ]
        let departments = ["Sales", "HR", "Caf\u{E9}", "Cafe\u{301}", "R&D", " Ops "]
        let comments = ["", "", "fine", "two\nlines", "\"quoted\"", "a, b", "three\n\nlines \"x\""]
        for row in 0..<rows {
            var fields: [String] = []
            if idColumn {
                let id: String
                switch random.below(100) {
                case 0: id = ""
                case 1: id = "E\(random.below(max(1, row)) + 1)"
                case 2: id = "E\(row)\u{212A}"
                default: id = "E\(row + 1)"
                }
                fields.append(id)
            }
            fields.append(random.pick(names))
            fields.append(random.chance(5) ? "Anonymous" : "person\(row)@example.com")
            fields.append(random.chance(10) ? "" : random.pick(departments))
            fields.append(random.chance(2) ? "" : "L\(1 + random.below(8))")
            fields.append(random.chance(3) ? "19x" : "\(1950 + random.below(60))")
            fields.append(random.chance(10) ? "" : "E\(random.below(rows) + 1)")
            fields.append(random.pick(["Berlin", "Lagos", "", "São Paulo"]))
            fields.append(random.pick(["Yes", "No", "", "y", "✓"]))
            fields.append(random.pick(["Yes", "No", ""]))
            fields.append(random.pick(["", "", "", "2", "0", "two", "+3", "-1", " 4 "]))
            for _ in tools {
                switch random.below(40) {
                case 0: fields.append("")
                case 1: fields.append("N/A")
                case 2: fields.append("Expert / could teach others")
                case 3: fields.append("7")
                case 4: fields.append("banana")
                default: fields.append(String(random.below(5)))
                }
            }
            fields.append(random.pick(comments))
            if random.chance(1) { fields.removeLast(2) }
            if random.chance(1) { fields[1] = "nul\u{0}byte" }
            text += fields.map(quote).joined(separator: ",") + lineBreak
        }
        return text
    }

    @Test("a generated survey with every kind of row", arguments: [1, 2, 3])
    func generated(seed: UInt64) throws {
        let path = try temporaryFile(Self.survey(rows: 3000, seed: seed))
        Self.expectSameEverywhere([path])
    }

    @Test("CRLF line breaks and a file that ends without one")
    func crlf() throws {
        var text = Self.survey(rows: 2000, seed: 7, lineBreak: "\r\n")
        text.removeLast()  // "\r\n" is one Character
        Self.expectSameEverywhere([try temporaryFile(text)])
    }

    @Test("no id column: ids are made from the lines of every chunk")
    func noIDColumn() throws {
        Self.expectSameEverywhere([try temporaryFile(Self.survey(rows: 2000, seed: 11, idColumn: false))])
    }

    @Test("a blank id whose line number is another row's id, in a later chunk")
    func blankIDCollision() throws {
        // Line n holds id n + 5000, except that line 1500 is blank and line 3 holds "1500".
        var text = "Employee ID,Job level,TikTok\n"
        for line in 2...3000 {
            let id = line == 1500 ? "" : line == 3 ? "1500" : String(line + 5000)
            text += "\(id),L\(line % 3 + 1),\(line % 5)\n"
        }
        let path = try temporaryFile(text)
        Self.expectSameEverywhere([path])
        let (survey, _) = Self.read([path], chunks: 3)
        #expect(survey.blankIDs == 1)
        #expect(
            survey.problems == [
                .duplicateID(
                    SourceLocation(file: path, line: 1500, column: 1), id: "1500",
                    firstSeen: SourceLocation(file: path, line: 3), blankAt: SourceLocation(file: path, line: 1500))
            ])
    }

    @Test("several inputs, duplicates across them and across chunks")
    func severalInputs() throws {
        let first = try temporaryFile(Self.survey(rows: 1500, seed: 21))
        let second = try temporaryFile(Self.survey(rows: 1500, seed: 22), name: "second.csv")
        Self.expectSameEverywhere([first, second, first])
    }

    @Test("configured bands reading two columns")
    func configuredBands() throws {
        var options = IngestOptions()
        options.bands = [
            BandDefinition(name: "Early", rule: .levels(["L1", "L2", "L3"])),
            BandDefinition(name: "Late", rule: .birthYears(1950...1975)),
            BandDefinition(name: "Rest", rule: .levels(["L4", "L5", "L6", "L7", "L8"])),
        ]
        Self.expectSameEverywhere([try temporaryFile(Self.survey(rows: 2000, seed: 5))], options: options)
    }

    @Test("a quoted field spanning many lines at every cut")
    func longQuotedFields() throws {
        var text = "Employee ID,Job level,Pinterest,Comments\n"
        for row in 0..<3000 {
            let comment =
                row % 7 == 0 ? "\"" + String(repeating: "line without quotes\n", count: 40) + "\"" : "plain"
            text += "E\(row),L\(row % 5 + 1),\(row % 5),\(comment)\n"
        }
        Self.expectSameEverywhere([try temporaryFile(text)])
    }

    @Test("a quoted field longer than the look-ahead of a cut: the check catches a wrong cut")
    func hugeQuotedField() throws {
        var text = "Employee ID,Job level,Pinterest,Comments\n"
        for row in 0..<2000 {
            let comment = row == 1000 ? "\"" + String(repeating: "no quote here\n", count: 60000) + "\"" : "plain"
            text += "E\(row),L\(row % 5 + 1),\(row % 5),\(comment)\n"
        }
        Self.expectSameEverywhere([try temporaryFile(text)], expectChunked: false)
    }

    @Test(
        "files that must be read in one piece give the same as ever",
        arguments: [
            "bad/unterminated-quote.csv", "bad/invalid-utf8-late.csv", "edge/bom-crlf-quoted-newline.csv",
            "edge/windows-1252-semicolon.csv", "edge/utf16le-tab.txt", "bad/duplicate-ids.csv", "bad/nul-byte.csv",
            "sample-survey.csv", "hostile/hostile-survey.csv", "exports/qualtrics-choice-text.csv",
            "exports/surveymonkey.csv",
        ])
    func fixtures(path: String) {
        Self.expectSameEverywhere([fixture(path)], expectChunked: false)
    }

    @Test("an error late in a large file, and bytes that are not UTF-8 late in it")
    func lateProblems() throws {
        let good = Self.survey(rows: 2000, seed: 31)
        Self.expectSameEverywhere([try temporaryFile(good + "E9,\"never closed\n")], expectChunked: false)
        Self.expectSameEverywhere([try temporaryFile(Array(good.utf8) + [0xE9, 0x0A])], expectChunked: false)
        Self.expectSameEverywhere([try temporaryFile(good + "\"x\"y,2\n" + good)], expectChunked: false)
    }

    @Test("the consumer sees what the respondent values say")
    func rowsMatchRespondents() throws {
        let path = try temporaryFile(Self.survey(rows: 1000, seed: 41))
        let (survey, consumer) = Self.read([path], chunks: 4, bufferSize: 2048)
        let (_, respondents) = ingest([path])
        #expect(consumer.rows.count == respondents.count)
        for (row, respondent) in zip(consumer.rows, respondents) {
            #expect(row.id == respondent.id)
            #expect(row.bandKey == respondent.bandKey)
            #expect(row.scores == respondent.scores)
            #expect(row.name == respondent.name)
            #expect(row.email == respondent.email)
            #expect(row.manager == respondent.manager)
            #expect(row.department.map { survey.departments.spelling($0[0]) } == respondent.department)
            #expect(row.location.map { survey.locations.spelling($0[0]) } == respondent.site)
            #expect(row.mentor == respondent.mentorOptIn)
            #expect(row.mentee == respondent.menteeOptIn)
            #expect(row.capacity == respondent.capacity)
        }
    }
}
