import Foundation
import Ingest
import Testing

@testable import Synthesis

@Suite("genbridge generate: synthetic surveys in every layout")
struct SyntheticSurveyTests {
    static let rows = GeneratedSample.rows

    @Test(
        "the same rows, seed and layout give the same bytes; another seed gives others",
        arguments: SurveyLayout.allCases)
    func deterministic(layout: SurveyLayout) throws {
        let first = try generate(rows: 300, seed: 7, layout: layout)
        let again = try generate(rows: 300, seed: 7, layout: layout)
        let other = try generate(rows: 300, seed: 8, layout: layout)
        #expect(first == again)
        #expect(first != other)
    }

    @Test("output does not depend on how it is chunked", arguments: SurveyLayout.allCases)
    func chunking(layout: SurveyLayout) throws {
        let large = try generate(rows: 400, layout: layout)
        let small = try generate(rows: 400, layout: layout, chunkSize: 100)
        #expect(large == small)
    }

    @Test("header records plus one record per row; quoted line breaks are not rows", arguments: SurveyLayout.allCases)
    func recordCounts(layout: SurveyLayout) throws {
        let sample = GeneratedSample.of(layout)
        let all = try records(ofFile: sample.path)
        #expect(all.count == sample.survey.headerRecords + Self.rows)
        #expect(Set(all.map(\.count)).count == 1, "every record has the header's width")
        #expect(all.contains { record in record.contains { $0.contains("\n") } }, "some field holds a line break")
    }

    @Test(
        "each layout ingests with no config: every row accounted for, three bands, all tools",
        arguments: SurveyLayout.allCases)
    func ingestsWithoutConfig(layout: SurveyLayout) throws {
        let sample = GeneratedSample.of(layout)
        let (generated, survey, respondents) = (sample.survey, sample.ingested, sample.respondents)
        #expect(survey.problems.isEmpty, "\(survey.problems)")
        #expect(survey.inputs.first?.layout == layout.rawValue)
        #expect(survey.rowsRead == Self.rows)
        #expect(survey.rowsUsed == Self.rows - generated.excludedRows)
        #expect(survey.rejections.count == generated.excludedRows)
        #expect(survey.invalidAnswers == 0)
        #expect(survey.bands.count == 3)
        #expect(survey.tools.count == 13)
        #expect(
            survey.roles.isSuperset(of: [.id, .name, .department, .level, .birthYear, .manager, .location, .capacity]))
        #expect(survey.roles.isSuperset(of: [.mentorOptIn, .menteeOptIn]))
        #expect(respondents.allSatisfy { $0.id.hasPrefix("E") })
        if layout == .qualtrics {
            #expect(generated.excludedRows >= 40)
            let reasons = Set(survey.rejections.map(\.reason))
            #expect(reasons.contains(.unfinished))
            #expect(reasons.contains(.excludedResponse("survey preview")))
        } else {
            #expect(generated.excludedRows == 0)
        }

        // Juniors know TikTok and Snapchat far better than seniors; LinkedIn is not a junior tool.
        let tools = survey.tools.map(\.name)
        func mean(_ tool: String, band: Int) throws -> Double {
            let index = try #require(tools.firstIndex(of: tool))
            let scores = respondents.filter { survey.bandOfKey[$0.bandKey] == band }.compactMap { $0.score(index) }
            return Double(scores.reduce(0, +)) / Double(max(scores.count, 1))
        }
        #expect(try mean("TikTok", band: 0) - mean("TikTok", band: 2) > 1)
        #expect(try mean("Snapchat", band: 0) - mean("Snapchat", band: 2) > 1)
        #expect(try mean("LinkedIn", band: 2) >= mean("LinkedIn", band: 0))
        #expect(try mean("Hootsuite", band: 0) < 1.5)
    }

    @Test("the manager graph: one CEO with no manager, every manager exists, no cycle")
    func managementTree() throws {
        let sample = GeneratedSample.of(.generic)
        let (survey, respondents) = (sample.ingested, sample.respondents)
        #expect(survey.problems.isEmpty)
        let managerOf = Dictionary(uniqueKeysWithValues: respondents.map { ($0.id, $0.manager) })
        let chiefs = respondents.filter { $0.manager == nil }
        #expect(chiefs.count == 1)
        let ceo = try #require(chiefs.first)
        let directReports = respondents.filter { $0.manager == ceo.id }.count
        #expect((1...12).contains(directReports), "only the executive team reports to the CEO")
        var deepest = 0
        for respondent in respondents {
            var current = respondent.id
            var steps = 0
            while let manager = managerOf[current] ?? nil {
                #expect(managerOf[manager] != nil, "manager \(manager) of \(current) is not in the survey")
                current = manager
                steps += 1
                if steps > 8 { break }
            }
            #expect(steps <= 7, "\(respondent.id) is \(steps) steps from the top")
            deepest = max(deepest, steps)
        }
        #expect(deepest >= 4, "chains several levels deep")
        // Most people report to someone in their own department.
        let department = Dictionary(uniqueKeysWithValues: respondents.map { ($0.id, $0.department) })
        let sameDepartment = respondents.filter { person in
            person.manager.map { department[$0] == person.department } ?? false
        }
        #expect(Double(sameDepartment.count) / Double(respondents.count) > 0.75)
    }

    @Test("names with commas, quotes and letters beyond ASCII; unique emails")
    func awkwardNames() throws {
        let respondents = GeneratedSample.of(.generic).respondents
        let names = respondents.compactMap(\.name)
        #expect(names.count == Self.rows)
        #expect(names.contains { $0.contains(", ") })
        #expect(names.contains { $0.contains("\"") })
        #expect(names.contains { $0.unicodeScalars.contains { !$0.isASCII } })
        let emails = respondents.compactMap(\.email)
        #expect(Set(emails).count == emails.count)
        #expect(emails.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) && $0.hasSuffix("@example.com") })
    }

    @Test("about 3 % of answers are blank, and a few are N/A or Prefer not to say")
    func blankAnswers() throws {
        let all = try records(ofFile: GeneratedSample.of(.generic).path)
        let header = all[0]
        let toolColumns = header.indices.filter { ToolCatalog.builtIn.tools(namedIn: header[$0]).count == 1 }
        #expect(toolColumns.count == 13)
        let cells = all.dropFirst().flatMap { record in toolColumns.map { record[$0] } }
        let blank = Double(cells.filter(\.isEmpty).count) / Double(cells.count)
        #expect(blank > 0.025 && blank < 0.035, "blank share \(blank)")
        #expect(cells.contains("N/A"))
        #expect(cells.contains("Prefer not to say"))
    }

    @Test("levels form a pyramid with one CEO at L8; birth years follow level")
    func pyramid() throws {
        let sample = GeneratedSample.of(.generic)
        let (path, respondents) = (sample.path, sample.respondents)
        let all = try records(ofFile: path)
        let levelColumn = try #require(all[0].firstIndex(of: "Job level"))
        let birthColumn = try #require(all[0].firstIndex(of: "Birth year"))
        var counts = [Int](repeating: 0, count: 9)
        var birthSums = [Int](repeating: 0, count: 9)
        for record in all.dropFirst() {
            let level = try #require(Int(record[levelColumn].dropFirst()))
            counts[level] += 1
            birthSums[level] += try #require(Int(record[birthColumn]))
        }
        #expect(counts[8] == 1)
        for level in 1..<7 { #expect(counts[level] > counts[level + 1]) }
        let meanBirth = (1...7).map { Double(birthSums[$0]) / Double(counts[$0]) }
        for level in 0..<6 { #expect(meanBirth[level] > meanBirth[level + 1]) }
        #expect(Set(respondents.compactMap(\.department)).count == 6)
        let locations = Set(respondents.compactMap(\.site))
        #expect((3...5).contains(locations.count))
        // Opt-ins: most juniors would mentor; a few willing mentors give a capacity.
        #expect(respondents.filter { $0.mentorOptIn == true }.count > Self.rows / 3)
        #expect(respondents.contains { $0.capacity != nil })
    }

    @Test("Microsoft Forms is a German Excel's Windows-1252 save")
    func windows1252() throws {
        let bytes = try generate(rows: 500, seed: 1, layout: .microsoftForms)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let path = try temporaryFile(bytes)
        let (survey, _) = ingest(path)
        #expect(survey.inputs.first?.format?.encoding == .windows1252)
        #expect(survey.inputs.first?.format?.delimiter == UInt8(ascii: ";"))
    }

    @Test("a survey of one row is just the CEO", arguments: SurveyLayout.allCases)
    func oneRow(layout: SurveyLayout) throws {
        let survey = SyntheticSurvey(rows: 1, seed: 1, layout: layout)
        #expect(survey.excludedRows == 0)
        let path = try temporaryFile(try generate(rows: 1, layout: layout))
        #expect(try records(ofFile: path).count == survey.headerRecords + 1)
    }
}
