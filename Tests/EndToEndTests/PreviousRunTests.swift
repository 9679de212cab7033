import Foundation
import Testing

/// `--previous`: the earlier value and the change in every report, as users find them in the files.
@Suite("--previous adds change since an earlier run to every report", .serialized)
struct PreviousRunTests {
    static let bandsColumns = [
        "band", "band_order", "members", "people", "tool", "category", "n", "suppressed", "mean", "median",
        "share_confident", "count_0", "count_1", "count_2", "count_3", "count_4",
    ]
    static let gapsColumns = [
        "tool", "category", "junior_band", "senior_band", "headline", "junior_n", "senior_n", "suppressed",
        "mean_difference", "interval_lower", "interval_upper", "cliffs_delta", "magnitude", "mann_whitney_u", "p",
        "q",
    ]
    /// The minimum group size of the later run: high enough that some of its figures are suppressed.
    static let minimum = 48
    static let minGroupSize = String(minimum)

    /// The reports of an earlier run (the sample with its first 40 people's Pinterest answers
    /// blank and their other answers a point higher, figures under 35 answers suppressed), of a
    /// run on the whole sample with `--previous` given that run's summary, and of the same run
    /// without `--previous`. The later run's higher threshold hides some earlier figures the
    /// earlier run showed.
    struct Runs {
        var earlier: URL
        var now: URL
        var plain: URL
    }

    static func runs() throws -> Runs {
        let folder = try Genbridge.temporaryFolder()
        let sample = try String(contentsOfFile: Genbridge.fixture("sample-survey.csv"), encoding: .utf8)
        var earlierRecords = CSVRecords.parse(sample)
        for row in 1...40 {
            earlierRecords[row][11] = ""
            for column in 12..<24 {
                if let answer = Int(earlierRecords[row][column]) {
                    earlierRecords[row][column] = String(min(4, answer + 1))
                }
            }
        }
        func quoted(_ field: String) -> String {
            field.contains(",") || field.contains("\"")
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        let earlierText = earlierRecords.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
        try Data(earlierText.utf8).write(to: folder.appendingPathComponent("q3.csv"))
        let earlier = try Genbridge.run(
            ["report", "q3.csv", "--out", "q3", "--stdout", "none", "--quiet", "--min-group-size", "35"], in: folder)
        try #require(earlier.status == 0, "stderr: \(earlier.standardError)")
        let now = try Genbridge.run(
            [
                "report", Genbridge.fixture("sample-survey.csv"), "--out", "q4", "--stdout", "none", "--quiet",
                "--min-group-size", minGroupSize, "--previous", "q3/summary.json",
            ], in: folder)
        try #require(now.status == 0, "stderr: \(now.standardError)")
        let plain = try Genbridge.run(
            [
                "report", Genbridge.fixture("sample-survey.csv"), "--out", "plain", "--stdout", "none", "--quiet",
                "--min-group-size", minGroupSize,
            ], in: folder)
        try #require(plain.status == 0, "stderr: \(plain.standardError)")
        return Runs(
            earlier: folder.appendingPathComponent("q3"), now: folder.appendingPathComponent("q4"),
            plain: folder.appendingPathComponent("plain"))
    }

    /// A CSV file's rows as dictionaries keyed by the header, and the header.
    static func table(_ folder: URL, _ name: String) throws -> (header: [String], rows: [[String: String]]) {
        let records = CSVRecords.parse(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        let header = try #require(records.first)
        for record in records { #expect(record.count == header.count, "\(name): \(record)") }
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        return (header, rows)
    }

    static func number(_ text: String?) -> Double? { text.flatMap { $0.isEmpty ? nil : Double($0) } }

    /// Whether an earlier figure resting on these answers may be shown under the later run's
    /// threshold.
    static func shown(_ counts: String?...) -> Bool {
        counts.allSatisfy { (Int($0 ?? "") ?? 0) >= minimum }
    }

    @Test("without --previous, bands.csv and gaps.csv keep exactly their columns")
    func columnsUnchanged() throws {
        let runs = try Self.runs()
        #expect(try Self.table(runs.plain, "bands.csv").header == Self.bandsColumns)
        #expect(try Self.table(runs.plain, "gaps.csv").header == Self.gapsColumns)
        let text = try String(contentsOf: runs.plain.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(!text.contains("then and now"))
    }

    @Test("bands.csv: the earlier mean and share confident and their changes, suppressed figures empty")
    func bandsCSV() throws {
        let runs = try Self.runs()
        let before = try Self.table(runs.earlier, "bands.csv").rows
        let (header, rows) = try Self.table(runs.now, "bands.csv")
        #expect(
            header == Self.bandsColumns
                + ["previous_mean", "mean_change", "previous_share_confident", "share_confident_change"])
        var compared = 0
        var suppressedNow = 0
        var hiddenNow = 0
        for row in rows {
            let then = try #require(before.first { $0["band"] == row["band"] && $0["tool"] == row["tool"] })
            let earlierShown = Self.shown(then["n"])
            #expect(row["previous_mean"] == (earlierShown ? then["mean"] : ""))
            #expect(row["previous_share_confident"] == (earlierShown ? then["share_confident"] : ""))
            if row["suppressed"] == "yes" || then["suppressed"] == "yes" || !earlierShown {
                #expect(row["mean_change"] == "")
                #expect(row["share_confident_change"] == "")
                if row["suppressed"] == "yes" { suppressedNow += 1 }
                // Shown by the earlier run, under its lower threshold, but not by this one.
                if then["suppressed"] == "no" && !earlierShown { hiddenNow += 1 }
                continue
            }
            let change = try #require(Self.number(row["mean_change"]))
            let expected = try #require(Self.number(row["mean"])) - #require(Self.number(then["mean"]))
            #expect(abs(change - expected) < 2e-6)
            let shareChange = try #require(Self.number(row["share_confident_change"]))
            let shareExpected =
                try #require(Self.number(row["share_confident"])) - #require(Self.number(then["share_confident"]))
            #expect(abs(shareChange - shareExpected) < 2e-6)
            compared += 1
        }
        #expect(compared > 0)
        #expect(suppressedNow > 0)
        #expect(hiddenNow > 0)
        #expect(before.contains { $0["suppressed"] == "yes" })
    }

    @Test("gaps.csv: the headline gap's earlier mean difference and its change")
    func gapsCSV() throws {
        let runs = try Self.runs()
        let before = try Self.table(runs.earlier, "gaps.csv").rows
        let (header, rows) = try Self.table(runs.now, "gaps.csv")
        #expect(header == Self.gapsColumns + ["previous_mean_difference", "mean_difference_change"])
        var compared = 0
        for row in rows {
            guard row["headline"] == "yes" else {
                #expect(row["previous_mean_difference"] == "")
                #expect(row["mean_difference_change"] == "")
                continue
            }
            let then = try #require(before.first { $0["tool"] == row["tool"] && $0["headline"] == "yes" })
            let earlierShown = Self.shown(then["junior_n"], then["senior_n"])
            #expect(row["previous_mean_difference"] == (earlierShown ? then["mean_difference"] : ""))
            if row["suppressed"] == "yes" || then["suppressed"] == "yes" || !earlierShown {
                #expect(row["mean_difference_change"] == "")
                continue
            }
            let change = try #require(Self.number(row["mean_difference_change"]))
            let expected =
                try #require(Self.number(row["mean_difference"])) - #require(Self.number(then["mean_difference"]))
            #expect(abs(change - expected) < 2e-6)
            compared += 1
        }
        #expect(compared > 0)
        #expect(rows.contains { $0["headline"] == "yes" && $0["suppressed"] == "yes" })
    }

    @Test("report.txt: every band × tool figure then, now and the change, within 80 columns")
    func textReport() throws {
        let runs = try Self.runs()
        let rows = try Self.table(runs.now, "bands.csv").rows
        let text = try String(contentsOf: runs.now.appendingPathComponent("report.txt"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "Familiarity by band then and now").dropFirst().first)
        let lines = section.split(separator: "\n").dropFirst(3).prefix(rows.count)
        let tools = rows.map { $0["tool"] ?? "" }.reduce(into: [String]()) {
            if !$1.isEmpty, !$0.contains($1) { $0.append($1) }
        }
        let bands = rows.map { $0["band"] ?? "" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        #expect(lines.count == tools.count * bands.count)
        let marker = "n<\(Self.minGroupSize)"
        /// `-` where the CSV cell is empty, else a number within `tolerance` of it (times `scale`).
        func matches(_ shown: Substring, _ value: String?, scale: Double = 1, tolerance: Double = 0.005) -> Bool {
            guard let value = Self.number(value) else { return shown == "-" }
            guard let number = Double(shown.replacingOccurrences(of: "%", with: "")) else { return false }
            return abs(number - value * scale) <= tolerance + 1e-9
        }
        for (offset, line) in lines.enumerated() {
            let tool = tools[offset / bands.count]
            let band = bands[offset % bands.count]
            let row = try #require(rows.first { $0["tool"] == tool && $0["band"] == band })
            let words = line.split(separator: " ")
            #expect(line.count <= 80)
            try #require(words.count >= 7, "\(line)")
            let values = Array(words.suffix(6))
            #expect(words[words.count - 7] == band, "\(line)")
            if offset % bands.count == 0 { #expect(line.hasPrefix("  \(tool) "), "\(line)") }
            #expect(matches(values[0], row["previous_mean"]), "\(line)")
            #expect(matches(values[2], row["mean_change"]), "\(line)")
            #expect(matches(values[3], row["previous_share_confident"], scale: 100, tolerance: 0.5), "\(line)")
            #expect(matches(values[5], row["share_confident_change"], scale: 100, tolerance: 0.5), "\(line)")
            if row["suppressed"] == "yes" {
                #expect(values[1] == marker && values[4] == marker, "\(line)")
            } else {
                #expect(matches(values[1], row["mean"]), "\(line)")
                #expect(matches(values[4], row["share_confident"], scale: 100, tolerance: 0.5), "\(line)")
            }
        }
    }
}

/// A small RFC 4180 reader for the tests: quoted fields with commas, doubled quotes and line breaks.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        // The closing quote: the character after it is read again, outside the quotes.
                        quoted = false
                        pending = next
                        if next == nil { break }
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

/// What `--previous` says when there is nothing to say, or when its file is not a summary.
@Suite("--previous: plain words for no change and for a file that is not a summary", .serialized)
struct PreviousRunMessageTests {
    @Test(
        "a --previous file that is not a summary: exit 65, naming what is wrong",
        arguments: [
            ("[]", "the top level has the wrong type: a summary.json is a JSON object"),
            (#"{"schema": null}"#, "schema is null"),
            (
                #"{"schema": "genbridge.summary/1", "tools": [{"name": 3}], "bands": [], "familiarity": [], "headline": []}"#,
                "tools[0].name has the wrong type"
            ),
            (
                #"{"schema": "genbridge.summary/1", "tools": [{}], "bands": [], "familiarity": [], "headline": []}"#,
                #"the key "name" is missing in tools[0]"#
            ),
        ])
    func notASummary(json: String, reason: String) throws {
        let folder = try Genbridge.temporaryFolder()
        let file = folder.appendingPathComponent("summary.json")
        try Data(json.utf8).write(to: file)
        let result = try Genbridge.run([
            "report", Genbridge.fixture("sample-survey.csv"), "--previous", file.path, "--out",
            folder.appendingPathComponent("out").path, "--stdout", "none",
        ])
        #expect(result.status == 65)
        #expect(result.firstErrorLine == "genbridge: error: \(file.path): not a genbridge summary.json: \(reason)")
    }

    @Test("when no gap changed, the HTML findings say so instead of naming a +0.00 change")
    func nothingChanged() throws {
        let folder = try Genbridge.temporaryFolder()
        let sample = Genbridge.fixture("sample-survey.csv")
        let earlier = try Genbridge.run(["report", sample, "--out", "q3", "--stdout", "none", "--quiet"], in: folder)
        try #require(earlier.status == 0)
        for (minimum, sentence) in [
            ("5", "no gap has changed"), ("48", "none of the 7 gaps both runs show has changed"),
        ] {
            let now = try Genbridge.run(
                [
                    "report", sample, "--out", "q4", "--stdout", "none", "--quiet", "--previous", "q3/summary.json",
                    "--min-group-size", minimum,
                ], in: folder)
            try #require(now.status == 0)
            let html = try String(
                contentsOf: folder.appendingPathComponent("q4/report.html"), encoding: .utf8)
            #expect(
                html.contains(
                    "Since the previous run (q3/summary.json), \(sentence) (<a href=\"#change\">details</a>)."))
            #expect(!html.contains("the largest change in a gap"))
            #expect(!html.contains("(+0.00)"))
        }
    }
}
