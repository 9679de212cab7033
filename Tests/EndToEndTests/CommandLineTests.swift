import Foundation
import Testing

@Suite("genbridge end to end", .serialized)
struct CommandLineTests {
    @Test("report on the sample: text on standard output and in report.txt, exit 0")
    func reportSample() throws {
        let out = try Genbridge.temporaryFolder()
        let result = try Genbridge.run(["report", Genbridge.fixture("sample-survey.csv"), "--out", out.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("150 of 150 responses used, in 3 bands (Junior, Mid, Senior)"))
        #expect(result.standardOutput.contains("TikTok: Junior ahead of Senior by 1.90 points"))
        #expect(result.standardOutput.contains("Rows read 150, used 150, rejected 0."))
        let written = try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(written == result.standardOutput)
        let rejected = try String(contentsOf: out.appendingPathComponent("rejected.csv"), encoding: .utf8)
        #expect(rejected == "file,line,id,reason,detail\n")
        for line in written.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
    }

    @Test("the same input gives byte-identical reports")
    func deterministic() throws {
        let first = try Genbridge.temporaryFolder()
        let second = try Genbridge.temporaryFolder()
        try Genbridge.run(["report", Genbridge.fixture("sample-survey.csv"), "--out", first.path, "--stdout", "none"])
        try Genbridge.run(["report", Genbridge.fixture("sample-survey.csv"), "--out", second.path, "--stdout", "none"])
        for name in ["report.txt", "rejected.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between runs")
        }
    }

    @Test("--out defaults to reports/<stem>; '-' reads standard input into reports/stdin")
    func defaultOutFolder() throws {
        let folder = try Genbridge.temporaryFolder()
        let sample = try Data(contentsOf: URL(fileURLWithPath: Genbridge.fixture("sample-survey.csv")))
        try sample.write(to: folder.appendingPathComponent("q3-survey.csv"))
        let named = try Genbridge.run(["report", "q3-survey.csv", "--stdout", "none"], in: folder)
        #expect(named.status == 0)
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/q3-survey/report.txt").path))
        let piped = try Genbridge.run(["report", "-", "--stdout", "none"], in: folder, input: sample)
        #expect(piped.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/stdin/report.txt").path))
        #expect(named.standardOutput.isEmpty)
    }

    @Test("rejected rows: a warning on standard error and every row in rejected.csv")
    func rejectedRows() throws {
        let out = try Genbridge.temporaryFolder()
        let result = try Genbridge.run([
            "report", Genbridge.fixture("bad/ragged-rows.csv"), "--out", out.path, "--stdout", "none",
        ])
        #expect(result.status == 0)
        #expect(result.standardError.contains("genbridge: warning: 2 of 6 rows rejected (ragged_row 2)"))
        let rejected = try String(contentsOf: out.appendingPathComponent("rejected.csv"), encoding: .utf8)
        let path = Genbridge.fixture("bad/ragged-rows.csv")
        #expect(
            rejected == """
                file,line,id,reason,detail
                \(path),4,3,ragged_row,ragged row: 5 fields where the header has 4
                \(path),5,4,ragged_row,ragged row: 3 fields where the header has 4

                """)
    }

    @Test("--strict turns a rejected row into exit 65")
    func strict() throws {
        let result = try Genbridge.run(["validate", Genbridge.fixture("bad/ragged-rows.csv"), "--strict"])
        #expect(result.status == 65)
        #expect(
            result.standardError.contains(
                "genbridge: error: \(Genbridge.fixture("bad/ragged-rows.csv")):4:5: ragged row")
        )
    }

    @Test(
        "a row that fits no band is placed at the cell that decided: the level, band, birth-year, age or years column",
        arguments: [
            ("id,Level,TikTok\n1,L1,1\n2,L2,2\n3,,3\n", false, "4:2: fits no band: no level given"),
            ("TikTok,id,Band\n1,1,Junior\n2,2,\n", false, "3:3: fits no band: no band given"),
            (
                "id,Name,Birth year,TikTok\n1,Ann,1990,3\n2,Bob,1850,2\n", false,
                "3:3: fits no band: born 1850, outside the generations 1928–2012"
            ),
            ("id,Age,TikTok\n1,30,3\n2,x,1\n", false, "3:2: fits no band: age \"x\" is not a whole number"),
            ("id,TikTok,Years of experience\n1,3,4\n2,1,\n", false, "3:3: fits no band: no years of experience given"),
            (
                "id,TikTok,Job level\n1,3,L1\n2,1,L2\n3,1,L3\n", true,
                "3:3: fits no band: level \"L2\" fits none of the configured bands"
            ),
        ] as [(String, Bool, String)])
    func noBandColumn(csv: String, configured: Bool, message: String) throws {
        let folder = try Genbridge.temporaryFolder()
        let path = folder.appendingPathComponent("survey.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        var arguments = ["validate", path]
        if configured {
            let config = folder.appendingPathComponent("genbridge.yml")
            try Data("bands:\n  - {name: Junior, levels: [L1]}\n  - {name: Senior, levels: [L3]}\n".utf8).write(
                to: config)
            arguments += ["--config", config.path]
        }
        let strict = try Genbridge.run(arguments + ["--strict"])
        #expect(strict.status == 65, "stderr: \(strict.standardError)")
        #expect(strict.firstErrorLine == "genbridge: error: \(path):\(message) (--strict: 1 rejected rows)")
        let warned = try Genbridge.run(arguments)
        #expect(warned.status == 0, "stderr: \(warned.standardError)")
        #expect(warned.standardError.contains("genbridge: warning: \(path):\(message)\n"))
    }

    @Test("a header that repeats a tool or a role, or names two tools, is warned about at its line and column")
    func columnWarnings() throws {
        let folder = try Genbridge.temporaryFolder()
        let path = folder.appendingPathComponent("tools.csv").path
        let csv = "id,Level,Familiarity - X,Twitter usage,Grade,WhatsApp or Telegram\n1,L1,3,2,G1,4\n2,L9,0,1,G9,1\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let result = try Genbridge.run(["validate", path])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let warnings = result.standardError.split(separator: "\n").map(String.init)
        #expect(
            warnings == [
                "genbridge: warning: \(path):1:5: column 5 \"Grade\" also looks like level; using column 2",
                "genbridge: warning: \(path):1:4: column 4 \"Twitter usage\" is X again; using column 3",
                "genbridge: warning: \(path):1:6: column 6 \"WhatsApp or Telegram\" names WhatsApp and Telegram; "
                    + "left out (map it under columns.tools)",
            ])
    }

    @Test(
        "exit codes and first lines for bad inputs",
        arguments: [
            (
                ["validate", "Fixtures/bad/unterminated-quote.csv"], 65,
                "genbridge: error: Fixtures/bad/unterminated-quote.csv:3:3: unterminated quoted field"
            ),
            (
                ["validate", "Fixtures/bad/duplicate-ids.csv"], 65,
                "genbridge: error: Fixtures/bad/duplicate-ids.csv:4:1: duplicate id \"1\""
            ),
            (
                ["validate", "Fixtures/bad/no-tool-column.csv"], 65,
                "genbridge: error: Fixtures/bad/no-tool-column.csv: required column missing: no tool column"
            ),
            (["validate", "Fixtures/bad/empty.csv"], 65, "genbridge: error: Fixtures/bad/empty.csv: no header row"),
            (
                ["validate", "Fixtures/bad/header-only.csv"], 65,
                "genbridge: error: Fixtures/bad/header-only.csv: no data row"
            ),
            (["validate", "Fixtures/bad/binary.bin"], 65, "genbridge: error: Fixtures/bad/binary.bin: binary content"),
            (
                ["validate", "Fixtures/bad/invalid-utf8-late.csv", "--encoding", "utf-8"], 65,
                "genbridge: error: Fixtures/bad/invalid-utf8-late.csv:3:2: bytes that are not valid UTF-8"
            ),
            (
                ["validate", "Fixtures/no-such-file.csv"], 66,
                "genbridge: error: Fixtures/no-such-file.csv: cannot open input"
            ),
            (["validate", "Fixtures"], 66, "genbridge: error: Fixtures: cannot open input: it is a directory"),
            (["report"], 64, "genbridge: error: "),
            (["report", "Fixtures/sample-survey.csv", "--min-group-size", "0"], 64, "genbridge: error: "),
            (["report", "Fixtures/sample-survey.csv", "--formats", "pdf"], 64, "genbridge: error: "),
            (["frobnicate"], 64, "genbridge: error: "),
        ] as [([String], Int32, String)])
    func badInputs(arguments: [String], status: Int32, firstLine: String) throws {
        let result = try Genbridge.run(arguments)
        #expect(result.status == status, "stderr: \(result.standardError)")
        #expect(result.firstErrorLine.hasPrefix(firstLine), "stderr: \(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("validate: usable input exits 0 and writes nothing")
    func validateWritesNothing() throws {
        let folder = try Genbridge.temporaryFolder()
        let result = try Genbridge.run(["validate", Genbridge.fixture("sample-survey.csv")], in: folder)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("usable. 150 rows read, 150 used, 0 rejected"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("an output folder that cannot be created exits 73 and leaves the old reports alone")
    func unwritableOutput() throws {
        let folder = try Genbridge.temporaryFolder()
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let result = try Genbridge.run([
            "report", Genbridge.fixture("sample-survey.csv"), "--out", blocker.path + "/sub",
        ])
        #expect(result.status == 73)
        #expect(result.firstErrorLine.hasPrefix("genbridge: error: \(blocker.path)/sub: cannot create output"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("a failed run leaves earlier reports untouched and no temporary files")
    func failedRunKeepsReports() throws {
        let out = try Genbridge.temporaryFolder()
        try Genbridge.run(["report", Genbridge.fixture("sample-survey.csv"), "--out", out.path, "--stdout", "none"])
        let before = try Data(contentsOf: out.appendingPathComponent("report.txt"))
        let failed = try Genbridge.run(["report", Genbridge.fixture("bad/unterminated-quote.csv"), "--out", out.path])
        #expect(failed.status == 65)
        #expect(try Data(contentsOf: out.appendingPathComponent("report.txt")) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
                "bands.csv", "gaps.csv", "pairings.csv", "rejected.csv", "report.html", "report.txt", "summary.json",
            ])
    }

    @Test("SOURCE_DATE_EPOCH is the only time a report shows")
    func sourceDateEpoch() throws {
        let result = try Genbridge.run(
            ["report", Genbridge.fixture("sample-survey.csv"), "--out", try Genbridge.temporaryFolder().path],
            environment: ["SOURCE_DATE_EPOCH": "1764374400"])
        #expect(result.standardOutput.contains("Generated 2025-11-29T00:00:00Z"))
        let plain = try Genbridge.run([
            "report", Genbridge.fixture("sample-survey.csv"), "--out", try Genbridge.temporaryFolder().path,
        ])
        #expect(!plain.standardOutput.contains("Generated"))
    }

    @Test(
        "every supported encoding of the same people reads the same",
        arguments: [
            "edge/utf16le-tab.txt", "edge/utf16be-tab.txt",
        ])
    func encodings(path: String) throws {
        let result = try Genbridge.run(["validate", Genbridge.fixture(path)])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("3 rows read, 3 used, 0 rejected"))
    }
}
