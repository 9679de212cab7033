import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Hostile and broken input: exit codes and first lines", .serialized)
struct BadInputTests {
    @Test(
        "every file of Fixtures/bad behaves as documented",
        arguments: [
            (
                ["validate", "Fixtures/bad/unterminated-quote.csv"], 65,
                "genbridge: error: Fixtures/bad/unterminated-quote.csv:3:3: unterminated quoted field"
            ),
            (
                ["validate", "Fixtures/bad/ragged-rows.csv"], 0,
                "genbridge: warning: 2 of 6 rows rejected (ragged_row 2)"
            ),
            (
                ["validate", "Fixtures/bad/ragged-rows.csv", "--strict"], 65,
                "genbridge: error: Fixtures/bad/ragged-rows.csv:4:5: ragged row: 5 fields where the header has 4"
            ),
            (["validate", "Fixtures/bad/nul-byte.csv"], 0, "genbridge: warning: 1 of 4 rows rejected (nul_byte 1)"),
            (
                ["validate", "Fixtures/bad/nul-byte.csv", "--strict"], 65,
                "genbridge: error: Fixtures/bad/nul-byte.csv:3:3: NUL byte in column 3"
            ),
            (
                ["validate", "Fixtures/bad/nul-in-header.csv"], 65,
                "genbridge: error: Fixtures/bad/nul-in-header.csv:1:5: NUL byte in a header cell"
            ),
            (
                ["validate", "Fixtures/bad/invalid-utf8-multiline.csv", "--encoding", "utf-8"], 65,
                "genbridge: error: Fixtures/bad/invalid-utf8-multiline.csv:2:4: bytes that are not valid UTF-8"
            ),
            (
                ["validate", "Fixtures/bad/blank-id-clash.csv"], 65,
                "genbridge: error: Fixtures/bad/blank-id-clash.csv:3:1: duplicate id \"3\""
            ),
            (
                ["validate", "Fixtures/bad/invalid-utf8-late.csv", "--encoding", "utf-8"], 65,
                "genbridge: error: Fixtures/bad/invalid-utf8-late.csv:3:2: bytes that are not valid UTF-8"
            ),
            (["validate", "Fixtures/bad/empty.csv"], 65, "genbridge: error: Fixtures/bad/empty.csv: no header row"),
            (
                ["validate", "Fixtures/bad/header-only.csv"], 65,
                "genbridge: error: Fixtures/bad/header-only.csv: no data row"
            ),
            (["validate", "Fixtures/bad/binary.bin"], 65, "genbridge: error: Fixtures/bad/binary.bin: binary content"),
            (
                ["validate", "Fixtures/bad/duplicate-ids.csv"], 65,
                "genbridge: error: Fixtures/bad/duplicate-ids.csv:4:1: duplicate id \"1\""
            ),
            (
                ["validate", "Fixtures/bad/no-tool-column.csv"], 65,
                "genbridge: error: Fixtures/bad/no-tool-column.csv: required column missing: no tool column"
            ),
            (
                ["validate", "Fixtures/bad/no-band-column.csv"], 65,
                "genbridge: error: Fixtures/bad/no-band-column.csv: required column missing: no column bands can come from"
            ),
            (
                ["validate", "Fixtures/bad/huge-field.csv"], 65,
                "genbridge: error: Fixtures/bad/huge-field.csv:3:4: field longer than the limit of 1048576 bytes"
            ),
            (["validate", "Fixtures/bad/huge-field.csv", "--max-field-bytes", "8000000"], 0, ""),
            (
                ["validate", "Fixtures/bad/wide-header.csv"], 65,
                "genbridge: error: Fixtures/bad/wide-header.csv:1: 4097 columns, more than the limit of 4096"
            ),
            (
                ["validate", "Fixtures/bad/out-of-range.csv"], 0,
                "genbridge: warning: 4 answers off the scale or not understood, treated as missing (Slack 1, TikTok 3)"
            ),
            (
                [
                    "report", "Fixtures/sample-survey.csv", "--exclude-pairs", "Fixtures/bad/not-pairings.csv",
                    "--stdout", "none",
                    "--out", "/tmp/genbridge-never-written",
                ], 65,
                "genbridge: error: Fixtures/bad/not-pairings.csv: required column missing: mentor_id and mentee_id columns"
            ),
            (
                [
                    "report", "Fixtures/sample-survey.csv", "--exclude-pairs", "Fixtures/bad/ragged-pairings.csv",
                    "--stdout", "none", "--out", "/tmp/genbridge-never-written",
                ], 65,
                "genbridge: error: Fixtures/bad/ragged-pairings.csv:3:4: ragged row: 4 fields where the header has 3"
            ),
            (
                [
                    "report", "Fixtures/sample-survey.csv", "--exclude-pairs", "Fixtures/bad/nul-pairings.csv",
                    "--stdout", "none", "--out", "/tmp/genbridge-never-written",
                ], 65,
                "genbridge: error: Fixtures/bad/nul-pairings.csv:3:2: NUL byte in column 2"
            ),
        ] as [([String], Int32, String)])
    func corpus(arguments: [String], status: Int32, firstLine: String) throws {
        let result = try Genbridge.run(arguments)
        #expect(result.status == status, "stderr: \(result.standardError)")
        #expect(result.firstErrorLine.hasPrefix(firstLine), "stderr: \(result.standardError)")
        if status != 0 { #expect(result.standardOutput.isEmpty) }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/genbridge-never-written"))
    }

    @Test("a manager cycle is reported, not looped on, and the run succeeds")
    func managerCycle() throws {
        let out = try Genbridge.temporaryFolder()
        let result = try Genbridge.run([
            "report", "Fixtures/bad/manager-cycle.csv", "--out", out.path, "--min-group-size", "1",
        ])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardError.contains("the manager data has a cycle: A1 -> B1 -> C1 -> A1"))
        // Ann (A1) and Bob (B1) are in Cyd's (C1) chain through the cycle; Dee (D1) and Gus (G1)
        // report to Eve (E1): the only allowed pairs are Dee or Gus with Fay, or Ann/Bob with Eve.
        let pairs = try String(contentsOf: out.appendingPathComponent("pairings.csv"), encoding: .utf8)
        #expect(!pairs.contains("A1,Ann,Junior,,C1"))
        #expect(!pairs.contains(",D1,") || !pairs.contains("E1"))
    }

    @Test("validate reports a manager cycle as report does: the same warning, exit 0, with --strict too")
    func managerCycleValidated() throws {
        let warning = "genbridge: warning: the manager data has a cycle: A1 -> B1 -> C1 -> A1; chains stop there"
        let out = try Genbridge.temporaryFolder()
        let report = try Genbridge.run([
            "report", "Fixtures/bad/manager-cycle.csv", "--out", out.path, "--stdout", "none", "--strict",
        ])
        #expect(report.status == 0, "stderr: \(report.standardError)")
        #expect(report.standardError.split(separator: "\n").contains { $0 == warning })
        for strict in [[], ["--strict"]] {
            let result = try Genbridge.run(["validate", "Fixtures/bad/manager-cycle.csv"] + strict)
            #expect(result.status == 0, "stderr: \(result.standardError)")
            #expect(result.standardError.split(separator: "\n").contains { $0 == warning })
        }
        // A manager named by email, in a survey whose one band leaves nothing to pair: still checked.
        let folder = try Genbridge.temporaryFolder()
        let path = folder.appendingPathComponent("emails.csv").path
        let csv =
            "id,Email,Band,Manager,TikTok\nb,B@x.org,Junior,a@x.org,3\na,a@x.org,Junior,b,1\nc,c@x.org,Junior,,2\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let byEmail = try Genbridge.run(["validate", path])
        #expect(byEmail.status == 0, "stderr: \(byEmail.standardError)")
        #expect(
            byEmail.standardError.contains(
                "genbridge: warning: the manager data has a cycle: a -> b -> a; chains stop there\n"))
        let quiet = try Genbridge.run(["validate", "Fixtures/bad/manager-cycle.csv", "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.standardError.isEmpty)
    }

    @Test("standard output on a full disk: exit 74, files already written stay whole")
    func fullStandardOutput() throws {
        let out = try Genbridge.temporaryFolder()
        let process = Process()
        process.executableURL = Genbridge.binary
        process.arguments = ["report", Genbridge.fixture("sample-survey.csv"), "--out", out.path]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let error = Pipe()
        process.standardError = error
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(message.hasPrefix("genbridge: error: standard output: write failed: No space left on device"))
    }

    @Test("a full file system: exit 74 and no half report, no temporary file", .enabled(if: getuid() == 0))
    func fullFileSystem() throws {
        let mountPoint = try Genbridge.temporaryFolder()
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=16k", "tmpfs", mountPoint.path]
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0, "could not mount a tiny tmpfs")
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [mountPoint.path]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        let result = try Genbridge.run([
            "report", Genbridge.fixture("sample-survey.csv"), "--out", mountPoint.path, "--stdout", "none",
        ])
        #expect(result.status == 74, "stderr: \(result.standardError)")
        #expect(result.firstErrorLine.contains("No space left on device"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).isEmpty)
    }

    @Test("report | head -1 ends quietly")
    func closedPipe() throws {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        let out = try Genbridge.temporaryFolder()
        shell.arguments = [
            "-c",
            "set -o pipefail; '\(Genbridge.binary.path)' report '\(Genbridge.fixture("sample-survey.csv"))' --out '\(out.path)' | head -1; echo \"status ${PIPESTATUS[0]}\"",
        ]
        let output = Pipe()
        let error = Pipe()
        shell.standardOutput = output
        shell.standardError = error
        try shell.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(text.hasPrefix("genbridge report:"))
        #expect(text.contains("status 0"))
        #expect(!errors.contains("error"))
    }

    @Test("SIGTERM while the reports are being written leaves no temporary file", arguments: [SIGTERM, SIGINT])
    func interrupted(signal number: Int32) throws {
        let out = try Genbridge.temporaryFolder()
        let process = Process()
        process.executableURL = Genbridge.binary
        process.arguments = ["report", Genbridge.fixture("sample-survey.csv"), "--out", out.path, "--stdout", "none"]
        var environment = ProcessInfo.processInfo.environment
        environment["GENBRIDGE_TEST_PAUSE_BEFORE_RENAME"] = "5"
        process.environment = environment
        process.standardError = Pipe()
        try process.run()
        // Wait until the temporary files exist, then interrupt.
        var sawTemporary = false
        for _ in 0..<100 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            if names.count >= 6, names.allSatisfy({ $0.hasPrefix(".genbridge-tmp-") }) {
                sawTemporary = true
                break
            }
            usleep(50_000)
        }
        #expect(sawTemporary)
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + number)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
