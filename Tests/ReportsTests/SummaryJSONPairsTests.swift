import Foundation
import Testing

@testable import Analysis
@testable import Ingest
@testable import Pairing
@testable import Reports

/// `summary.json` writes its pairs and unpaired mentees straight to bytes (`SummaryJSON.pair`,
/// `SummaryJSON.unpaired`). Here they are checked against the same elements built as `JSONValue`
/// trees, as `summary.json` used to make them, on text that needs every kind of escape.
@Suite("summary.json's pairs, written directly, read exactly as the same pairs built as values")
struct SummaryJSONPairsTests {
    /// Text a survey can bring: quotes, backslashes, control characters, non-ASCII, bidirectional
    /// overrides and isolates, line and paragraph separators, a byte order mark, nothing at all.
    static let texts: [String] = [
        "Person 7", "", "Zoë \"Z\" O'Neil", "back\\slash\\", "tab\tnew\nline\rcr",
        "\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}\u{7F}",
        "\u{202E}evil\u{202C} \u{2066}iso\u{2069} \u{200F}", "line\u{2028}para\u{2029}end", "日本語 – € 😀 e\u{301}",
        "\u{FEFF}bom", "{\"json\": [1, \"\\u0041\"]}", "</script>",
    ]

    static let scores: [Double] = [
        3, 2.5, 0.1 + 0.2, 1.0 / 3, 7.25e-7, 999_999_999_999_999, 1e15, 1.5e16, 0, -0.0, -12_345.678_9, .nan, .infinity,
    ]

    static let reasons: [UnpairedReason] = [
        .noOneCanTeach, .onlyUnweightedTools, .everyCandidateExcluded([]),
        .everyCandidateExcluded(ExclusionRule.allCases), .everyCandidateExcluded([.earlierPair]), .capacityExhausted,
    ]

    static func text(_ index: Int) -> String { texts[index % texts.count] }

    /// Absent one time in five.
    static func optionalText(_ index: Int) -> String? { index % 5 == 3 ? nil : text(index) }

    /// The sample's analysis with bands and tools renamed to ugly text, and a plan of `count` pairs
    /// and `count` unpaired mentees made up from ugly text.
    static func context(count: Int) -> ReportContext {
        var context = HTMLTestSupport.sample.context()
        let (bands, tools) = (context.analysis.bands.count, context.analysis.tools.count)
        for index in 0..<bands { context.analysis.bands[index].band.name = text(index + 4) }
        for index in 0..<tools { context.analysis.tools[index].name = text(index + 2) }
        func person(_ index: Int) -> PersonSummary {
            PersonSummary(
                id: text(index), name: optionalText(index + 1), email: optionalText(index + 2), band: index % bands,
                department: optionalText(index + 3), location: optionalText(index + 4))
        }
        func teachable(_ index: Int, count: Int) -> [TeachableTool] {
            (0..<count).map { TeachableTool(tool: (index + $0) % tools, mentorScore: 4 - $0 % 2, menteeScore: $0 % 3) }
        }
        let pairs = (0..<count).map { index in
            MentoringPair(
                mentor: person(index), mentee: person(index + 5), tools: teachable(index, count: index % 4),
                score: scores[index % scores.count], teachesBack: teachable(index + 1, count: index % 3 == 0 ? 0 : 2))
        }
        let unpaired = (0..<count).map { index in
            UnpairedMentee(
                person: person(index + 7), lowTools: (0..<(index % 4)).map { (index + $0) % tools },
                reason: reasons[index % reasons.count])
        }
        context.plan = MentoringPlan(
            objective: "coverage", mentorCandidates: count, menteeCandidates: 2 * count, mentorBands: [0],
            menteeBands: [bands - 1], pairs: pairs, unpaired: unpaired, coverage: [], totalScore: 0.1 + 0.2,
            managerCycles: [])
        return context
    }

    // MARK: - The elements as a tree

    static func person(_ context: ReportContext, _ person: PersonSummary) -> JSONValue {
        .object([
            ("id", .string(person.id)),
            ("name", .optional(person.name)),
            ("email", .optional(person.email)),
            ("band", .string(context.bandName(person.band))),
            ("department", .optional(person.department)),
            ("location", .optional(person.location)),
        ])
    }

    static func teachable(_ context: ReportContext, _ tool: TeachableTool) -> JSONValue {
        .object([
            ("tool", .string(context.toolName(tool.tool))),
            ("mentor_score", .integer(tool.mentorScore)),
            ("mentee_score", .integer(tool.menteeScore)),
        ])
    }

    static func pair(_ context: ReportContext, _ pair: MentoringPair) -> JSONValue {
        .object([
            ("mentor", person(context, pair.mentor)),
            ("mentee", person(context, pair.mentee)),
            ("tools", .array(pair.tools.map { teachable(context, $0) })),
            ("score", .number(pair.score)),
            ("mutual", .bool(pair.isMutual)),
            ("teaches_back", .array(pair.teachesBack.map { teachable(context, $0) })),
        ])
    }

    static func unpaired(_ context: ReportContext, _ mentee: UnpairedMentee) -> JSONValue {
        var rules: JSONValue = .null
        if case .everyCandidateExcluded(let list) = mentee.reason {
            rules = .array(list.map { .string($0.rawValue) })
        }
        return .object([
            ("mentee", person(context, mentee.person)),
            ("low_tools", .array(mentee.lowTools.map { .string(context.toolName($0)) })),
            ("reason", .string(mentee.reason.code)),
            ("excluded_by", rules),
        ])
    }

    /// The plan's object with its pairs and unpaired mentees as trees, everything else as it is.
    static func tree(_ context: ReportContext, _ plan: MentoringPlan) throws -> JSONValue {
        guard case .object(let members) = SummaryJSON.plan(context, plan) else {
            throw JSONTreeMismatch()
        }
        return .object(
            members.map { key, value in
                switch key {
                case "pairs": (key, .array(plan.pairs.map { pair(context, $0) }))
                case "unpaired": (key, .array(plan.unpaired.map { unpaired(context, $0) }))
                default: (key, value)
                }
            })
    }

    struct JSONTreeMismatch: Error {}

    // MARK: - Tests

    @Test(
        "the same bytes on one thread and in concurrent blocks, at the top and nested",
        arguments: [1, 13, JSONElements.concurrentFrom + 3])
    func sameBytes(count: Int) throws {
        let context = Self.context(count: count)
        let plan = try #require(context.plan)
        let direct = SummaryJSON.plan(context, plan)
        let tree = try Self.tree(context, plan)
        #expect(direct.serialized() == tree.serialized())
        let nested = JSONValue.object([("schema", .string("x")), ("pairing", direct), ("after", .array([]))])
        let nestedTree = JSONValue.object([("schema", .string("x")), ("pairing", tree), ("after", .array([]))])
        #expect(nested.serialized() == nestedTree.serialized())
    }

    @Test("the whole summary.json is the same bytes with the pairs as trees")
    func wholeDocument() throws {
        let context = Self.context(count: 2 * JSONElements.concurrentBlock + 1)
        let plan = try #require(context.plan)
        guard case .object(let members) = SummaryJSON.document(context) else { throw JSONTreeMismatch() }
        let tree = JSONValue.object(
            try members.map { key, value in (key, key == "pairing" ? try Self.tree(context, plan) : value) })
        var bytes: [UInt8] = []
        SummaryJSON.write(context) { bytes.append(contentsOf: $0) }
        #expect(String(decoding: bytes, as: UTF8.self) == tree.serialized())
    }

    /// What a reader of `summary.json` gets back (JSONDecoder: JSONSerialization on Linux drops a
    /// U+FEFF inside a string and reads some numbers a bit off).
    struct Written: Decodable {
        struct Person: Decodable, Equatable {
            var id: String
            var name, email: String?
            var band: String
            var department, location: String?
        }
        struct Pair: Decodable {
            var mentor, mentee: Person
            var score: Double?
        }
        struct Unpaired: Decodable {
            var mentee: Person
            var excludedBy: [String]?
        }
        var pairs: [Pair]
        var unpaired: [Unpaired]
    }

    static func written(_ context: ReportContext, _ person: PersonSummary) -> Written.Person {
        Written.Person(
            id: person.id, name: person.name, email: person.email, band: context.bandName(person.band),
            department: person.department, location: person.location)
    }

    @Test("ugly text reads back as itself; absent text, excluded_by and non-finite scores as null")
    func readsBack() throws {
        let context = Self.context(count: 40)
        let plan = try #require(context.plan)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let written = try decoder.decode(Written.self, from: Data(SummaryJSON.plan(context, plan).serialized().utf8))
        #expect(written.pairs.count == plan.pairs.count && written.unpaired.count == plan.unpaired.count)
        for (written, pair) in zip(written.pairs, plan.pairs) {
            #expect(written.mentor == Self.written(context, pair.mentor))
            #expect(written.mentee == Self.written(context, pair.mentee))
            #expect(written.score == (pair.score.isFinite ? pair.score : nil))
        }
        for (written, mentee) in zip(written.unpaired, plan.unpaired) {
            #expect(written.mentee == Self.written(context, mentee.person))
            if case .everyCandidateExcluded(let rules) = mentee.reason {
                #expect(written.excludedBy == rules.map(\.rawValue))
            } else {
                #expect(written.excludedBy == nil)
            }
        }
    }
}
