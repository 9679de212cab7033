import Foundation
import Testing

/// report.txt fits 80 columns (README): every line, whatever the input holds, counted in characters.
@Suite("report.txt fits 80 columns", .serialized)
struct ReportWidthTests {
    /// The lines of `report.txt` in `folder` longer than 80 characters.
    static func wideLines(_ folder: URL) throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("report.txt"), encoding: .utf8)
        return text.split(separator: "\n").filter { $0.count > 80 }.map(String.init)
    }

    /// Runs `report` into a new folder and returns it; standard output must be report.txt itself.
    static func report(_ arguments: [String], in folder: URL? = nil) throws -> URL {
        let out = try Genbridge.temporaryFolder()
        let result = try Genbridge.run(["report"] + arguments + ["--out", out.path, "--quiet"], in: folder)
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let written = try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(result.standardOutput == written)
        return out
    }

    /// A survey whose every text is too long for a line: a long path, band names, departments,
    /// names (one, of a mentor, with a line break), an id, and an answer that is not understood.
    static func longSurvey() throws -> (folder: URL, path: String) {
        let folder = try Genbridge.temporaryFolder()
        let nested = folder.appendingPathComponent(
            "a-folder-whose-name-alone-is-longer-than-most-lines/and-then-another-one-inside-it")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let bands = [
            "Junior associates of the extraordinarily long-named programme", "Mid",
            "Senior leadership and executive committee members with long titles",
        ]
        let departments = ["Department of Extremely Long Names and Titles Incorporated", "Ops\nand more", "Sales"]
        var lines = ["Employee ID,Name,Department,Band,TikTok,Microsoft Teams,Sprout Social,Hootsuite,WhatsApp"]
        for person in 0..<60 {
            var id = "E\(person)"
            if person == 3 { id += String(repeating: "-", count: 90) }
            let name = person == 0 ? String(repeating: "Y", count: 120) : person == 6 ? "Ann\nLee" : "Person \(person)"
            var scores = (0..<5).map { String(($0 + person * 7 + person / 3) % 5) }
            if person == 2 { scores[0] = "\"\(String(repeating: "not understood at all ", count: 8))\"" }
            lines.append(
                ([id, "\"\(name)\"", "\"\(departments[person % 3])\"", "\"\(bands[person % 3])\""] + scores)
                    .joined(separator: ","))
        }
        let file = nested.appendingPathComponent("a-survey-file-with-a-long-name-too.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        return (folder, file.path)
    }

    @Test("the sample, the hostile survey and a survey of overlong texts")
    func everyInput() throws {
        let long = try Self.longSurvey()
        for arguments in [
            [Genbridge.fixture("sample-survey.csv")], [Genbridge.fixture("hostile/hostile-survey.csv")],
            [long.path], [long.path, "--min-group-size", "25"],
        ] {
            #expect(try Self.wideLines(try Self.report(arguments)) == [], "\(arguments)")
        }
    }

    @Test("suppressed figures and --previous, on the sample and on overlong texts")
    func suppressedAndPrevious() throws {
        let earlier = try Self.report([Genbridge.fixture("sample-survey.csv")])
        let previous = earlier.appendingPathComponent("summary.json").path
        for minimum in ["5", "60"] {
            let out = try Self.report([
                Genbridge.fixture("sample-survey.csv"), "--previous", previous, "--min-group-size", minimum,
            ])
            #expect(try Self.wideLines(out) == [], "--min-group-size \(minimum)")
        }
        let long = try Self.longSurvey()
        let longEarlier = try Self.report([long.path, "--min-group-size", "15"])
        let out = try Self.report([
            long.path, "--previous", longEarlier.appendingPathComponent("summary.json").path, "--min-group-size", "25",
        ])
        #expect(try Self.wideLines(out) == [])
        let text = try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(text.contains("Senior leadership an…"))
        #expect(text.contains("Familiarity by band then and now"))
    }

    @Test("the privacy note wraps at a word; quoted answers are cut with … and stay on one line")
    func prose() throws {
        let out = try Self.report([Genbridge.fixture("sample-survey.csv"), "--min-group-size", "60"])
        let text = try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(
            text.contains(
                "  Suppressed for privacy (fewer than 60 answers): 39 band x tool figures, 39\n    gap tests.\n"))
        // By its path from the repository, as the audit ran it: the quoted answers have room to show.
        let hostile = try Self.report(["Fixtures/hostile/hostile-survey.csv"])
        let lines = try String(contentsOf: hostile.appendingPathComponent("report.txt"), encoding: .utf8)
            .split(separator: "\n")
        let quoted = lines.filter { $0.hasPrefix("    ") && $0.contains(".csv:") && $0.hasSuffix("\"") }
        #expect(quoted.count == 4)
        #expect(quoted.contains { $0.hasSuffix("TikTok \"<script>window.__pwned=1…\"") })
        // A right-to-left override in a name would reorder the rest of the line in a terminal: it
        // is written as an escape, so none is left, and the names still show.
        let bidi: Set<UInt32> = [0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2069]
        #expect(!lines.contains { $0.unicodeScalars.contains { bidi.contains($0.value) } })
        #expect(lines.contains { $0.contains("\\u{202e}evil right-to-left") })
        let long = try Self.longSurvey()
        let report = try String(
            contentsOf: try Self.report([long.path]).appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(report.contains("Ann\\nLee"))
        #expect(report.contains("TikTok \"not underst…\""))
    }
}
