import Testing

@testable import Ingest

@Suite("Ingesting a survey: columns, answers, bands, row accounting")
struct SurveyIngestorTests {
    @Test("the sample survey: every row used, tools in header order, three bands")
    func sample() throws {
        let (survey, respondents) = ingest([fixture("sample-survey.csv")])
        #expect(survey.problems.isEmpty)
        #expect(survey.rowsRead == 150)
        #expect(survey.rowsUsed == 150)
        #expect(respondents.count == 150)
        #expect(
            survey.tools.map(\.name) == [
                "Pinterest", "WhatsApp", "Hootsuite", "LinkedIn", "Instagram", "TikTok", "X", "Facebook", "YouTube",
                "Snapchat", "Slack", "Microsoft Teams", "Canva",
            ])
        #expect(survey.bands.map(\.name) == ["Junior", "Mid", "Senior"])
        #expect(survey.invalidAnswers == 2)
        let okafor = try #require(respondents.first { $0.name == "Okafor, Chidi" })
        #expect(okafor.mentorOptIn == true)
        #expect(respondents.contains { $0.name == "Robert \"Bob\" Smith" })
        #expect(respondents.contains { $0.name == "Søren Jensen" })
    }

    @Test("rows read = used + rejected, with reasons and lines")
    func accounting() {
        let (survey, respondents) = ingest([fixture("bad/ragged-rows.csv")])
        #expect(survey.rowsRead == 6)
        #expect(survey.rowsUsed == 4)
        #expect(respondents.count == 4)
        #expect(survey.rejections.map(\.location.line) == [4, 5])
        #expect(
            survey.rejections.map(\.reason) == [.raggedRow(expected: 4, found: 5), .raggedRow(expected: 4, found: 3)])
        #expect(survey.rowsRead == survey.rowsUsed + survey.rejections.count)
    }

    @Test("a NUL byte rejects its row, not the file")
    func nulRow() {
        let (survey, _) = ingest([fixture("bad/nul-byte.csv")])
        #expect(survey.problems.isEmpty)
        #expect(survey.rejections.map(\.reason) == [.nulByte(column: 3)])
    }

    @Test("a row whose level fits no configured band is rejected with the reason")
    func noBand() {
        var options = IngestOptions()
        options.bands = [
            BandDefinition(name: "Junior", rule: .levels(["L1"])),
            BandDefinition(name: "Senior", rule: .levels(["L3"])),
        ]
        let (survey, respondents) = ingest([fixture("bad/ragged-rows.csv")], options: options)
        #expect(respondents.count == 3)
        // Placed at the level cell that decided, column 2.
        #expect(
            survey.rejections.contains {
                $0.reason.code == "no_band" && $0.location.line == 7 && $0.location.column == 2
            })
    }

    @Test("duplicate ids are listed, each with where it was first seen")
    func duplicates() {
        let (survey, _) = ingest([fixture("bad/duplicate-ids.csv")])
        let path = fixture("bad/duplicate-ids.csv")
        #expect(
            survey.problems == [
                .duplicateID(
                    SourceLocation(file: path, line: 4, column: 1), id: "1",
                    firstSeen: SourceLocation(file: path, line: 2)),
                .duplicateID(
                    SourceLocation(file: path, line: 6, column: 1), id: "2",
                    firstSeen: SourceLocation(file: path, line: 3)),
            ])
    }

    @Test("a blank id: the line number stands in, counted, and checked against the other ids")
    func blankIDs() throws {
        let apart = try temporaryFile("id,Level,TikTok\n1,L1,4\n,L3,0\n5,L2,2\n")
        let (survey, respondents) = ingest([apart])
        #expect(survey.problems.isEmpty)
        #expect(survey.blankIDs == 1)
        #expect(respondents.map(\.id) == ["1", "3", "5"])
        // Line 3's blank stands in as "3", which line 2 already holds: the two are one id.
        let clash = try temporaryFile("id,Level,TikTok\n3,L1,4\n,L3,0\n5,L2,2\n")
        let (clashing, _) = ingest([clash])
        #expect(
            clashing.problems == [
                .duplicateID(
                    SourceLocation(file: clash, line: 3, column: 1), id: "3",
                    firstSeen: SourceLocation(file: clash, line: 2),
                    blankAt: SourceLocation(file: clash, line: 3))
            ])
        #expect(clashing.problems.first?.details.last?.contains("blank id") == true)
        // Without an id column every id is a line number: nothing to count or check.
        let (noColumn, _) = ingest([fixture("edge/labels-no-id.csv")])
        #expect(noColumn.blankIDs == 0)
    }

    @Test("a message quotes input text on one line: an id with a line break")
    func oneLineMessages() throws {
        let path = try temporaryFile("id,Level,TikTok\n\"a\nx\",L1,4\n\"a\nx\",L3,0\n")
        let (survey, _) = ingest([path])
        #expect(survey.problems.map(\.description) == ["\(path):4:1: duplicate id \"a\\nx\""])
        #expect(IngestError.quoted("tab\there \"q\" \u{1}") == "\"tab\\there \\\"q\\\" \\u{1}\"")
        // A right-to-left override would reorder the rest of the message in a terminal.
        #expect(IngestError.quoted("E1\u{202E}evil\u{202C}") == "\"E1\\u{202e}evil\\u{202c}\"")
    }

    @Test("required roles: no tool column, no band column")
    func missingRoles() {
        let (noTools, _) = ingest([fixture("bad/no-tool-column.csv")])
        guard case .missingRole(_, let what, let headers)? = noTools.problems.first else {
            Issue.record("expected a missing tool column")
            return
        }
        #expect(what.contains("no tool column"))
        #expect(headers == ["id", "Name", "Level", "Comments"])
        let (noBands, _) = ingest([fixture("bad/no-band-column.csv")])
        guard case .missingRole(_, let bandWhat, _)? = noBands.problems.first else {
            Issue.record("expected a missing band column")
            return
        }
        #expect(bandWhat.contains("bands"))
    }

    @Test("empty and header-only files")
    func emptyFiles() {
        #expect(ingest([fixture("bad/empty.csv")]).0.problems == [.noHeader(file: fixture("bad/empty.csv"))])
        #expect(
            ingest([fixture("bad/header-only.csv")]).0.problems == [.noDataRows(file: fixture("bad/header-only.csv"))])
    }

    @Test("no id column: the line number is the id; labels and missing words are read")
    func labelsWithoutIDs() {
        let (survey, respondents) = ingest([fixture("edge/labels-no-id.csv")])
        #expect(!survey.hasIDColumn)
        #expect(respondents.map(\.id) == ["2", "3", "4", "5"])
        #expect(survey.tools.map(\.name) == ["X", "TikTok"])
        #expect(respondents.map { $0.scores } == [[4, 3], [0, -1], [-1, -1], [3, -1]])
        #expect(survey.invalidAnswers == 1)
        #expect(survey.missingAnswers == 3)
        #expect(
            survey.invalidAnswerExamples.first?.location
                == SourceLocation(file: fixture("edge/labels-no-id.csv"), line: 4, column: 5))
    }

    @Test("several inputs are one population; different tools are refused")
    func severalInputs() throws {
        let first = try temporaryFile("id,Level,TikTok,Slack\n1,L1,4,3\n2,L2,1,2\n")
        let reordered = try temporaryFile("Slack,TikTok,Level,id\n2,0,L3,3\n")
        let (survey, respondents) = ingest([first, reordered])
        #expect(survey.problems.isEmpty)
        #expect(respondents.map(\.scores) == [[4, 3], [1, 2], [0, 2]])
        let other = try temporaryFile("id,Level,TikTok,Zoom\n9,L1,4,3\n")
        let (mixed, _) = ingest([first, other])
        guard case .inconsistentInputs(_, let differences)? = mixed.problems.first else {
            Issue.record("expected inconsistent inputs")
            return
        }
        #expect(differences.contains("lacks tools Slack"))
        #expect(differences.contains("adds tools Zoom"))
    }

    @Test("the same id in two inputs is a duplicate")
    func duplicateAcrossInputs() throws {
        let first = try temporaryFile("id,Level,TikTok\n1,L1,4\n")
        let second = try temporaryFile("id,Level,TikTok\n1,L2,3\n")
        #expect(ingest([first, second]).0.problems.count == 1)
    }
}
