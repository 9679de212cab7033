import Foundation
import TestScratch
import Testing

@testable import Analysis
@testable import Ingest
@testable import Pairing
@testable import Reports

/// Contexts for the HTML tests, built by running the real ingest and analysis stages on fixtures.
enum HTMLTestSupport {
    /// The repository's top folder, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ path: String) -> String { root.appendingPathComponent("Fixtures/\(path)").path }

    static let samplePath = fixture("sample-survey.csv")
    static let hostilePath = fixture("hostile/hostile-survey.csv")

    /// A survey read and analysed, with the respondents kept for building plans by hand.
    struct Run: Sendable {
        var survey: Survey
        var analysis: SurveyAnalysis
        var respondents: [Respondent]

        func context(
            plan: MentoringPlan? = nil, change: ChangeSincePrevious? = nil, generatedAt: String? = nil
        ) -> ReportContext {
            ReportContext(survey: survey, analysis: analysis, plan: plan, change: change, generatedAt: generatedAt)
        }
    }

    static func run(_ paths: [String], minGroupSize: Int = 5) -> Run {
        var tally = FamiliarityTally()
        var respondents: [Respondent] = []
        let survey = SurveyIngestor(options: IngestOptions()).ingest(paths.map(InputSource.init(path:))) {
            tally.add($0)
            respondents.append($0)
        }
        let analysis = FamiliarityAnalyser.analyse(
            tally, survey: survey, options: AnalysisOptions(minGroupSize: minGroupSize))
        return Run(survey: survey, analysis: analysis, respondents: respondents)
    }

    static let sample = run([samplePath])
    static let hostile = run([hostilePath])

    static func person(_ respondent: Respondent, survey: Survey) -> PersonSummary {
        PersonSummary(
            id: respondent.id, name: respondent.name, email: respondent.email,
            band: survey.band(of: respondent).index, department: respondent.department, location: respondent.site)
    }

    /// A plan made by hand from real respondents: the first few of the most junior band mentor the
    /// first few of the most senior band; the first pair is mutual; three mentees are unpaired,
    /// one for each reason.
    static func plan(_ run: Run) -> MentoringPlan {
        let survey = run.survey
        let last = survey.bands.count - 1
        let juniors = run.respondents.filter { survey.band(of: $0).index == 0 }.sorted { $0.id < $1.id }
        let seniors = run.respondents.filter { survey.band(of: $0).index == last }.sorted { $0.id < $1.id }
        let tools = survey.tools.indices
        var pairs: [MentoringPair] = []
        for index in 0..<min(4, juniors.count, seniors.count) {
            let mentor = juniors[index]
            let mentee = seniors[index]
            let teach = tools.prefix(2).map { TeachableTool(tool: $0, mentorScore: 4, menteeScore: index % 2) }
            // What the mentee teaches back: the teacher's (mentee's) score first, as the planner writes it.
            let back = index == 0 ? [TeachableTool(tool: tools.last ?? 0, mentorScore: 4, menteeScore: 1)] : []
            pairs.append(
                MentoringPair(
                    mentor: person(mentor, survey: survey), mentee: person(mentee, survey: survey), tools: teach,
                    score: Double(7 - index), teachesBack: back))
        }
        let reasons: [UnpairedReason] = [
            .noOneCanTeach, .everyCandidateExcluded([.managementChain, .sameDepartment]), .capacityExhausted,
        ]
        let unpaired = zip(seniors.dropFirst(pairs.count), reasons).map { mentee, reason in
            UnpairedMentee(person: person(mentee, survey: survey), lowTools: [0, 1], reason: reason)
        }
        let coverage = tools.map {
            ToolCoverage(tool: $0, menteesLow: $0 < 2 ? 7 : ($0 == 2 ? 3 : 0), covered: $0 < 2 ? 4 : 0)
        }
        return MentoringPlan(
            objective: "coverage", mentorCandidates: juniors.count, menteeCandidates: seniors.count,
            mentorBands: [0], menteeBands: [last], pairs: pairs, unpaired: Array(unpaired), coverage: coverage,
            totalScore: pairs.reduce(0) { $0 + $1.score },
            managerCycles: seniors.count >= 2 ? [[seniors[0].id, seniors[1].id]] : [])
    }

    /// Change since an earlier run made up from this one: every mean 0.25 lower then, one tool and
    /// one band only in the earlier run.
    static func change(
        _ run: Run, source: String = "reports/earlier/summary.json", extraName: String = "Myspace"
    )
        -> ChangeSincePrevious
    {
        let analysis = run.analysis
        var cells: [EarlierRun.Cell] = []
        for (band, row) in analysis.cells.enumerated() {
            for cell in row {
                cells.append(
                    EarlierRun.Cell(
                        band: analysis.bands[band].band.name, tool: analysis.tools[cell.tool].name,
                        mean: cell.mean.map { $0 - 0.25 }, shareConfident: cell.shareConfident.map { max(0, $0 - 0.1) })
                )
            }
        }
        var headline: [String: Double?] = [:]
        for gap in analysis.headline { headline[analysis.tools[gap.tool].name] = gap.meanDifference.map { $0 + 0.3 } }
        let earlier = EarlierRun(
            generatedAt: "2025-01-01T00:00:00Z", tools: analysis.tools.map(\.name) + [extraName],
            bands: analysis.bands.map(\.band.name) + [extraName], cells: cells, headline: headline)
        return ChangeSincePrevious(comparing: analysis, with: earlier, source: source)
    }

    /// Writes `text` to a new temporary file named `name` and returns its path.
    static func temporaryFile(_ text: String, name: String) throws -> String {
        try Scratch.file(Array(text.utf8), name: name, label: "html")
    }
}

/// A small HTML tokenizer for the tests: the tags of a page with their attributes, and the text
/// between them. The report escapes every `<` of text, so every `<` it writes opens a tag.
struct ScannedTag: Equatable {
    var name: String
    var closing: Bool
    var attributes: [(name: String, value: String)]

    static func == (lhs: ScannedTag, rhs: ScannedTag) -> Bool {
        lhs.name == rhs.name && lhs.closing == rhs.closing
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

enum HTMLScanner {
    static func tags(_ html: String) -> [ScannedTag] {
        let bytes = Array(html.utf8)
        var tags: [ScannedTag] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
        }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: "!") {
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                continue
            }
            var closing = false
            if bytes[index] == UInt8(ascii: "/") {
                closing = true
                index += 1
            }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                bytes[index] != UInt8(ascii: "/")
            {
                index += 1
            }
            var tag = ScannedTag(name: string(nameStart..<index).lowercased(), closing: closing, attributes: [])
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                let attributeStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                    bytes[index] != UInt8(ascii: ">")
                {
                    index += 1
                }
                let name = string(attributeStart..<index).lowercased()
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        index += 1
                        let valueStart = index
                        while index < bytes.count, bytes[index] != quote { index += 1 }
                        value = string(valueStart..<index)
                        index += 1
                    } else {
                        let valueStart = index
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                            index += 1
                        }
                        value = string(valueStart..<index)
                    }
                }
                tag.attributes.append((name, unescape(value)))
            }
            index += 1
            tags.append(tag)
            // Raw text elements: skip to their end tag.
            if !closing, tag.name == "style" || tag.name == "script" {
                let end = Array("</\(tag.name)".utf8)
                while index + end.count <= bytes.count, Array(bytes[index..<index + end.count]) != end { index += 1 }
            }
        }
        return tags
    }

    /// Decodes the five references `HTMLEscaping.escape` writes.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The markup between `<tag … id="id"` and its matching close (same-name nesting counted).
    static func element(_ html: String, tag: String, id: String) -> String? {
        guard let start = html.range(of: "<\(tag) ")?.lowerBound else { return nil }
        var searchFrom = start
        while let open = html.range(of: "<\(tag) ", range: searchFrom..<html.endIndex) {
            let headEnd = html[open.upperBound...].firstIndex(of: ">") ?? html.endIndex
            if html[open.lowerBound..<headEnd].contains("id=\"\(id)\"") {
                var depth = 0
                var cursor = open.lowerBound
                while cursor < html.endIndex {
                    if html[cursor...].hasPrefix("<\(tag) ") || html[cursor...].hasPrefix("<\(tag)>") {
                        depth += 1
                    } else if html[cursor...].hasPrefix("</\(tag)>") {
                        depth -= 1
                        if depth == 0 {
                            return String(html[open.lowerBound..<html.index(cursor, offsetBy: tag.count + 3)])
                        }
                    }
                    cursor = html.index(after: cursor)
                }
                return nil
            }
            searchFrom = open.upperBound
        }
        return nil
    }
}
