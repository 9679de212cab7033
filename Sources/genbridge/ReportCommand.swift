import Analysis
import ArgumentParser
import Ingest
import Reports

#if canImport(Glibc)
    import Glibc
#endif

/// `genbridge report INPUT...`: ingest → analyse → write reports.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Analyse survey exports and write the reports.",
        discussion: """
            Writes report.txt and rejected.csv into --out (default reports/<stem of the first input>)
            and prints the text report. Files are replaced only when the whole run succeeds.

            Examples:
              genbridge report Fixtures/sample-survey.csv
              genbridge report survey.csv --out reports/q3 --stdout none --min-group-size 10
            """
    )

    @OptionGroup var input: InputOptions

    @Option(
        help: ArgumentHelp(
            "Output folder (default: reports/<stem of the first input>; reports/stdin for '-').", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Which files to write, comma-separated: text, csv.", valueName: "list"))
    var formats: String = "text,csv"

    @Option(
        name: .customLong("stdout"),
        help: ArgumentHelp("What goes to standard output: text or none.", valueName: "what"))
    var standardOutput: StandardOutput = .text

    @Option(help: ArgumentHelp("Suppress any figure resting on fewer answers than this.", valueName: "n"))
    var minGroupSize: Int = 5

    @Option(help: ArgumentHelp("Seed of the bootstrap intervals.", valueName: "n"))
    var seed: UInt64 = 1

    enum StandardOutput: String, ExpressibleByArgument, CaseIterable { case text, none }

    enum Format: String, CaseIterable { case text, csv }

    mutating func validate() throws {
        if minGroupSize < 1 { throw ValidationError("--min-group-size must be at least 1") }
        _ = try selectedFormats()
    }

    func selectedFormats() throws -> Set<Format> {
        var selected = Set<Format>()
        for name in formats.split(separator: ",") {
            let trimmed = String(name).trimmingSpaces
            guard let format = Format(rawValue: trimmed) else {
                throw ValidationError(
                    "--formats: unknown format '\(trimmed)'; choose from \(Format.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            selected.insert(format)
        }
        return selected
    }

    func run() throws {
        Diagnostics.quiet = input.quiet
        let run = try SurveyRun.ingest(input, listEveryRejection: false)
        let analysis = FamiliarityAnalyser.analyse(
            run.tally, survey: run.survey, options: AnalysisOptions(minGroupSize: minGroupSize, seed: seed))
        let context = ReportContext(survey: run.survey, analysis: analysis, generatedAt: Clock.generatedAt)

        let text = TextReport.render(context)
        var files: [ReportFile] = []
        let formats = try selectedFormats()
        if formats.contains(.text) { files.append(ReportFile(name: "report.txt", text: text)) }
        if formats.contains(.csv) {
            files.append(ReportFile(name: "rejected.csv", text: RejectedRowsCSV.render(run.survey)))
        }

        let folder = out ?? "reports/" + (input.sources.first?.stem ?? "stdin")
        do {
            try OutputDirectory(path: folder).write(files)
        } catch {
            throw Failure(error)
        }
        if standardOutput == .text { StandardOutputStream.write(text) }
        Diagnostics.note("reports written to \(folder)/ (\(files.map(\.name).joined(separator: ", ")))")
    }
}

/// Standard output that ends quietly when the reader has gone (`genbridge report … | head -1`).
enum StandardOutputStream {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                Diagnostics.error("standard output: \(String(cString: strerror(errno)))")
                exit(Failure.ioError)
            }
            bytes = bytes.dropFirst(count)
        }
    }
}
