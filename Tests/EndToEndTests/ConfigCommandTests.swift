import Foundation
import Testing

@Suite("Config file and genbridge init, end to end", .serialized)
struct ConfigCommandTests {
    @Test("init writes the documented defaults; refuses to replace a file without --force")
    func initFile() throws {
        let folder = try Genbridge.temporaryFolder()
        let first = try Genbridge.run(["init", "--output", "genbridge.yml"], in: folder)
        #expect(first.status == 0)
        let text = try String(contentsOf: folder.appendingPathComponent("genbridge.yml"), encoding: .utf8)
        for key in ["layout: auto", "min_group_size: 5", "objective: coverage", "mentor_min: 3", "mentee_max: 1"] {
            #expect(text.contains(key), "missing \(key)")
        }
        let again = try Genbridge.run(["init", "--output", "genbridge.yml"], in: folder)
        #expect(again.status == 73)
        #expect(again.firstErrorLine == "genbridge: error: genbridge.yml: cannot create output: the file exists")
        #expect(try Genbridge.run(["init", "--output", "genbridge.yml", "--force"], in: folder).status == 0)
        let printed = try Genbridge.run(["init"])
        #expect(printed.standardOutput == text)
    }

    @Test("./genbridge.yml is read when present; a command-line option wins over it")
    func precedence() throws {
        let folder = try Genbridge.temporaryFolder()
        try Data("privacy:\n  min_group_size: 60\n".utf8).write(to: folder.appendingPathComponent("genbridge.yml"))
        let sample = Genbridge.fixture("sample-survey.csv")
        let fromFile = try Genbridge.run(["report", sample, "--out", "out"], in: folder)
        #expect(fromFile.status == 0)
        #expect(fromFile.standardOutput.contains("n<60"))
        let fromOption = try Genbridge.run(["report", sample, "--out", "out", "--min-group-size", "5"], in: folder)
        #expect(!fromOption.standardOutput.contains("n<60"))
        #expect(fromOption.standardOutput.contains("TikTok: Junior ahead of Senior by 1.90 points"))
    }

    @Test(
        "config errors: exit 78 with the file, line and column first",
        arguments: [
            (
                "Fixtures/config/unknown-key.yml",
                "genbridge: error: Fixtures/config/unknown-key.yml:5:3: unknown key \"min_grup_size\""
            ),
            ("Fixtures/config/overlapping-bands.yml", "genbridge: error: Fixtures/config/overlapping-bands.yml:"),
            ("Fixtures/config/wrong-type.yml", "genbridge: error: Fixtures/config/wrong-type.yml:"),
            ("Fixtures/config/bad-yaml.yml", "genbridge: error: Fixtures/config/bad-yaml.yml:"),
        ])
    func configErrors(path: String, firstLine: String) throws {
        let result = try Genbridge.run(["report", "Fixtures/sample-survey.csv", "--config", path, "--stdout", "none"])
        #expect(result.status == 78, "stderr: \(result.standardError)")
        #expect(result.firstErrorLine.hasPrefix(firstLine), "stderr: \(result.standardError)")
    }

    @Test("a pairing band the data does not have: exit 78 at the name, from report and validate alike")
    func unknownPairingBand() throws {
        let path = "Fixtures/config/unknown-pairing-band.yml"
        for command in [["report", "--stdout", "none", "--out", "/tmp/genbridge-never-written"], ["validate"]] {
            let result = try Genbridge.run(
                [command[0], "Fixtures/sample-survey.csv", "--config", path] + command.dropFirst())
            #expect(result.status == 78, "stderr: \(result.standardError)")
            #expect(
                result.firstErrorLine
                    == "genbridge: error: \(path):5:26: pairing.mentee_bands names band \"Graduates\", which this run "
                    + "does not have (bands: Junior, Mid, Senior)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/genbridge-never-written"))
    }

    @Test("a missing --config file cannot be opened: exit 66")
    func missingConfig() throws {
        let result = try Genbridge.run(["validate", "Fixtures/sample-survey.csv", "--config", "no-such.yml"])
        #expect(result.status == 66)
        #expect(result.firstErrorLine.hasPrefix("genbridge: error: no-such.yml"))
    }

    @Test("--config reads any readable file that is not a folder: /dev/null is an empty config, a pipe its text")
    func configFromAnyReadableFile() throws {
        let sample = "Fixtures/sample-survey.csv"
        let empty = try Genbridge.run(["validate", sample, "--config", "Fixtures/config/empty.yml"])
        let devNull = try Genbridge.run(["validate", sample, "--config", "/dev/null"])
        #expect(devNull.status == 0, "stderr: \(devNull.standardError)")
        #expect(devNull.standardOutput == empty.standardOutput)
        #expect(devNull.standardError == empty.standardError)

        let bands = try Data(contentsOf: URL(fileURLWithPath: Genbridge.fixture("config/bands-levels.yml")))
        let file = try Genbridge.run(["validate", sample, "--config", "Fixtures/config/bands-levels.yml"])
        let piped = try Genbridge.run(["validate", sample, "--config", "/dev/stdin"], input: bands)
        #expect(piped.status == 0, "stderr: \(piped.standardError)")
        #expect(piped.standardOutput.contains("3 bands (Associate, Professional, Leadership)"))
        #expect(piped.standardOutput == file.standardOutput)
    }

    @Test("--previous reads any readable file that is not a folder: a pipe holding a summary; /dev/null is none")
    func previousFromAnyReadableFile() throws {
        let summary = try Data(
            contentsOf: Genbridge.root.appendingPathComponent("reports/sample-survey/summary.json"))
        let out = try Genbridge.temporaryFolder()
        let piped = try Genbridge.run(
            [
                "report", "Fixtures/sample-survey.csv", "--previous", "/dev/stdin", "--out", out.path, "--stdout",
                "none",
            ],
            input: summary)
        #expect(piped.status == 0, "stderr: \(piped.standardError)")
        let text = try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(text.contains("Change since the previous run"))

        let empty = try Genbridge.run([
            "report", "Fixtures/sample-survey.csv", "--previous", "/dev/null", "--out", "/tmp/genbridge-never-written",
        ])
        #expect(empty.status == 65, "stderr: \(empty.standardError)")
        #expect(empty.firstErrorLine == "genbridge: error: /dev/null: not a genbridge summary.json: not valid JSON")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/genbridge-never-written"))
    }

    @Test("a Qualtrics numeric export with its column mapping and 1-5 scale")
    func qualtricsWithConfig() throws {
        let out = try Genbridge.temporaryFolder()
        let result = try Genbridge.run([
            "report", "Fixtures/exports/qualtrics-numeric.csv", "--config", "Fixtures/config/qualtrics-columns.yml",
            "--out", out.path,
        ])
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardOutput.contains("150 of 154 responses used"))
        #expect(result.standardOutput.contains("qualtrics layout"))
        #expect(result.standardError.contains("4 of 154 rows rejected (excluded_response 3, unfinished 1)"))
    }
}

@Suite("Auto-detection explains itself")
struct DetectionExplanationTests {
    @Test("--verbose and the data-quality section say which header became which role or tool")
    func explained() throws {
        let out = try Genbridge.temporaryFolder()
        let result = try Genbridge.run([
            "report", "Fixtures/exports/google-forms.csv", "--verbose", "--out", out.path, "--stdout", "text",
        ])
        #expect(result.status == 0)
        #expect(
            result.standardError.contains(
                "genbridge: detected Fixtures/exports/google-forms.csv: google-forms layout, UTF-8, delimiter ','"))
        #expect(result.standardError.contains("column 4 \"Employee ID\" -> id"))
        #expect(
            result.standardError.contains(
                "column 10 \"How familiar are you with each tool? [Pinterest]\" -> tool Pinterest"))
        #expect(result.standardError.contains("column 1 \"Timestamp\" -> ignored (survey-tool metadata)"))
        #expect(
            result.standardOutput.contains("columns read: Email address -> email; Full name -> name; Employee ID -> id")
        )
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("which header became which role or tool"))
    }
}

@Suite("--verbose tells how the work went")
struct WorkloadTests {
    @Test("the pairing problem's size, the solver's rounds and each stage's time; the reports stay the same")
    func workload() throws {
        let out = try Genbridge.temporaryFolder()
        let quiet = try Genbridge.temporaryFolder()
        let result = try Genbridge.run([
            "report", "Fixtures/sample-survey.csv", "--verbose", "--out", out.path, "--stdout", "none",
        ])
        #expect(result.status == 0)
        #expect(
            result.standardError.contains(
                "genbridge: pairing: 42 mentor and 28 mentee candidates, 97 pairs forbidden by name; solver: "))
        #expect(result.standardError.contains(" pricing rounds, "))
        let time = try #require(result.standardError.split(separator: "\n").first { $0.hasPrefix("genbridge: time: ") })
        #expect(
            time.contains("ingest ") && time.contains(", analysis ") && time.contains(", pairing ")
                && time.contains(", reports "))
        #expect(time.contains(", total ") && time.hasSuffix(" s"))
        #expect(
            try Genbridge.run(["report", "Fixtures/sample-survey.csv", "--out", quiet.path, "--stdout", "none"]).status
                == 0)
        for file in ["report.txt", "report.html", "summary.json", "pairings.csv"] {
            #expect(
                try Data(contentsOf: out.appendingPathComponent(file))
                    == Data(contentsOf: quiet.appendingPathComponent(file)),
                "\(file)")
        }
    }
}
