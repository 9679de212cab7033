import Foundation
import Testing

@testable import Ingest

@Suite("Vendor export layouts")
struct LayoutTests {
    /// The sample's people, whatever the export: per tool, how many valid answers and their sum.
    static func answerTotals(_ respondents: [Respondent]) -> [Int: (count: Int, sum: Int)] {
        var totals: [Int: (count: Int, sum: Int)] = [:]
        for respondent in respondents {
            for (tool, score) in respondent.scores.enumerated() where score >= 0 {
                totals[tool, default: (0, 0)].count += 1
                totals[tool, default: (0, 0)].sum += Int(score)
            }
        }
        return totals
    }

    static func sampleOptions(layoutScaleOneToFive: Bool = false) -> IngestOptions {
        var options = IngestOptions()
        if layoutScaleOneToFive { options.scale = FamiliarityScale(minimum: 1, maximum: 5) }
        return options
    }

    @Test(
        "layouts are detected from the first record",
        arguments: [
            ("exports/qualtrics-numeric.csv", SurveyLayout.qualtrics),
            ("exports/qualtrics-choice-text.csv", .qualtrics),
            ("exports/qualtrics-legacy.csv", .qualtrics), ("exports/surveymonkey.csv", .surveymonkey),
            ("exports/google-forms.csv", .googleForms), ("exports/microsoft-forms.csv", .microsoftForms),
            ("exports/excel-unicode-text.txt", .generic), ("sample-survey.csv", .generic),
        ])
    func detection(path: String, layout: SurveyLayout) {
        let (survey, _) = ingest(
            [fixture(path)],
            options: Self.sampleOptions(
                layoutScaleOneToFive: path.contains("qualtrics-numeric") || path.contains("legacy")))
        #expect(survey.inputs.first?.layout == layout.rawValue)
    }

    @Test(
        "every export of the sample gives the sample's answers, people and opt-ins",
        arguments: [
            "exports/qualtrics-choice-text.csv", "exports/surveymonkey.csv", "exports/google-forms.csv",
            "exports/microsoft-forms.csv", "exports/excel-unicode-text.txt", "exports/semicolon-decimal-comma.csv",
            "exports/qualtrics-numeric.csv",
        ])
    func sameAnswers(path: String) throws {
        var options = Self.sampleOptions(layoutScaleOneToFive: path.contains("qualtrics-numeric"))
        if path.contains("surveymonkey") { options.columns = ColumnOverrides(roles: [.id: "Custom Data 1"]) }
        let (sample, sampleRespondents) = ingest([fixture("sample-survey.csv")])
        let (survey, respondents) = ingest([fixture(path)], options: options)
        #expect(survey.problems.isEmpty, "\(survey.problems)")
        #expect(survey.rowsUsed == 150)
        #expect(survey.tools.map(\.name) == sample.tools.map(\.name))
        #expect(survey.bands.map(\.members) == sample.bands.map(\.members))
        let expected = Self.answerTotals(sampleRespondents)
        let found = Self.answerTotals(respondents)
        // Web forms cannot hold the sample's two out-of-range typos; every other answer is the same.
        for tool in expected.keys.sorted() {
            let difference = (expected[tool]?.count ?? 0) - (found[tool]?.count ?? 0)
            #expect(difference == 0, "tool \(sample.tools[tool].name): \(difference) answers differ")
            #expect(expected[tool]?.sum == found[tool]?.sum)
        }
        #expect(respondents.filter { $0.mentorOptIn == true }.count == 82)
        #expect(respondents.filter { $0.menteeOptIn == true }.count == 73)
        #expect(Set(respondents.map(\.id)) == Set(sampleRespondents.map(\.id)))
    }

    @Test("Qualtrics: previews, spam and unfinished responses are excluded with their reason and line")
    func qualtricsExclusions() {
        let (survey, _) = ingest([fixture("exports/qualtrics-choice-text.csv")])
        #expect(survey.rowsRead == 154)
        #expect(survey.rowsUsed == 150)
        #expect(survey.rejections.map(\.location.line) == [5, 6, 95, 128])
        #expect(
            survey.rejections.map(\.reason) == [
                .excludedResponse("survey preview"), .excludedResponse("offline survey preview"),
                .excludedResponse("spam"),
                .unfinished,
            ])
    }

    @Test("Qualtrics: a Status no export uses is kept as a normal response, with a warning at its cell")
    func qualtricsUnknownStatus() throws {
        let text = try String(contentsOfFile: fixture("exports/qualtrics-choice-text.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n")  // the export's line breaks
        // Record 7 (index 6; physical line 8, a question text above holds a line break) is a
        // normal response: its Status (column 3) becomes "Weird".
        var cells = lines[6].components(separatedBy: ",")
        #expect(cells[2] == "IP Address")
        cells[2] = "Weird"
        lines[6] = cells.joined(separator: ",")
        let path = try temporaryFile(lines.joined(separator: "\r\n"))
        let (survey, _) = ingest([path])
        #expect(survey.rowsUsed == 150)
        #expect(
            survey.warnings == [
                "\(path):8:3: Status \"Weird\" is not one Qualtrics uses; the response is treated as a normal one"
            ])
        #expect(ResponseStatus("16") == .normal && ResponseStatus("Spam") == .excluded("spam"))
        #expect(ResponseStatus("3") == .unknown)
    }

    @Test("Qualtrics legacy two-row export")
    func qualtricsLegacy() {
        let (survey, respondents) = ingest(
            [fixture("exports/qualtrics-legacy.csv")], options: Self.sampleOptions(layoutScaleOneToFive: true))
        #expect(survey.problems.isEmpty)
        #expect(respondents.count == 30)
        #expect(survey.bands.map(\.members) == ["L1–L2", "L3–L4", "L5–L8"])
        #expect(respondents.filter { $0.mentorOptIn == true }.count == 14)
    }

    @Test("Qualtrics: roles from camel-case embedded data and recipient names")
    func qualtricsRoles() {
        let (survey, respondents) = ingest([fixture("exports/qualtrics-choice-text.csv")])
        #expect(survey.roles.isSuperset(of: [.id, .level, .department, .manager, .birthYear, .location, .capacity]))
        #expect(respondents.allSatisfy { $0.id.hasPrefix("E") })
    }

    @Test("headers: grids, statements and camel case")
    func headerParts() {
        #expect(LayoutHeader.bracketed("How familiar are you with each tool? [X (Twitter)]") == "X (Twitter)")
        #expect(LayoutHeader.statement("How familiar are you with each tool? - WhatsApp") == "WhatsApp")
        #expect(LayoutHeader.statement("How familiar are you with each tool?-Pinterest") == "Pinterest")
        #expect(HeaderText.splittingCamelCase("EmployeeID") == "Employee ID")
        #expect(ColumnRole.recognise("BirthYear") == .birthYear)
        #expect(ColumnRole.recognise("ManagerID") == .manager)
    }

    @Test("one checkbox column holding both opt-ins")
    func optInChoices() {
        #expect(OptIn.choices("I would mentor a colleague, I would like a mentor") == (true, true))
        #expect(OptIn.choices("I would like a mentor") == (false, true))
        #expect(OptIn.choices("I would mentor a colleague") == (true, false))
        #expect(OptIn.choices("") == (false, false))
    }

    @Test("a forced layout wins over detection")
    func forcedLayout() {
        var options = IngestOptions()
        options.layout = .layout(.generic)
        let (survey, _) = ingest([fixture("exports/google-forms.csv")], options: options)
        #expect(survey.inputs.first?.layout == "generic")
    }

    @Test("several inputs in different layouts are one population")
    func mixedLayouts() {
        var options = IngestOptions()
        options.columns = ColumnOverrides(roles: [:])
        let (survey, respondents) = ingest([
            fixture("exports/google-forms.csv"), fixture("exports/microsoft-forms.csv"),
        ])
        // The same people twice: every id is a duplicate, which is a file-level problem.
        #expect(survey.problems.count == 150)
        #expect(respondents.count == 300)
    }
}
