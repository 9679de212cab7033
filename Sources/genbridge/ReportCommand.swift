import Analysis
import ArgumentParser
import FileOutput
import Ingest
import Pairing
import Reports
import Settings

#if canImport(Glibc)
    import Glibc
#endif

/// `genbridge report INPUT...`: ingest → analyse → pair → write reports.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Analyse survey exports, propose reverse-mentoring pairs and write the reports.",
        discussion: """
            Writes report.txt, report.html, summary.json, pairings.csv, gaps.csv, bands.csv and rejected.csv into
            --out (default reports/<stem of the first input>) and prints the text report. Files are
            replaced only when the whole run succeeds.

            Examples:
              genbridge report Fixtures/sample-survey.csv
              genbridge report survey.csv --out reports/q3 --stdout none --min-group-size 10
              genbridge report q4.csv --previous reports/q3/summary.json --exclude-pairs reports/q3/pairings.csv
            """
    )

    @OptionGroup var input: InputOptions

    @Option(
        help: ArgumentHelp(
            "Output folder (default: reports/<stem of the first input>; reports/stdin for '-').", valueName: "dir"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Which files to write, comma-separated: \(Format.allCases.map(\.rawValue).joined(separator: ",")).",
            valueName: "list"))
    var formats: String = Format.allCases.map(\.rawValue).joined(separator: ",")

    @Option(
        name: .customLong("stdout"),
        help: ArgumentHelp("What goes to standard output: text, json or none.", valueName: "what"))
    var standardOutput: StandardOutput = .text

    @Option(
        help: ArgumentHelp(
            "A summary.json of an earlier run: adds change since then to every report.", valueName: "file"))
    var previous: String?

    @Option(
        help: ArgumentHelp(
            "A pairings.csv of an earlier run: none of its pairs is proposed again. Repeatable.", valueName: "file"))
    var excludePairs: [String] = []

    @Option(help: ArgumentHelp("Suppress any figure resting on fewer answers than this.", valueName: "n"))
    var minGroupSize: Int?

    @Option(help: ArgumentHelp("Mentees per mentor for everyone without a capacity value.", valueName: "n"))
    var mentorCapacity: Int?

    @Option(
        help: ArgumentHelp(
            "coverage (most mentees paired, then highest score) or score (highest total score).", valueName: "objective"
        ))
    var objective: PairingObjective?

    @Option(help: ArgumentHelp("Seed of the bootstrap intervals.", valueName: "n"))
    var seed: UInt64 = 1

    @Flag(help: "Replace names and emails (and ids that are emails) with stable pseudonyms in every output.")
    var pseudonymize = false

    enum StandardOutput: String, ExpressibleByArgument, CaseIterable { case text, json, none }

    enum Format: String, CaseIterable { case text, html, json, csv }

    mutating func validate() throws {
        if let minGroupSize, minGroupSize < 1 { throw ValidationError("--min-group-size must be at least 1") }
        if let mentorCapacity, mentorCapacity < 0 { throw ValidationError("--mentor-capacity must be 0 or more") }
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
        let config = try input.loadConfig()
        let earlier = try previous.map(loadPrevious)
        var pairing = config.pairingOptions(base: PairingOptions())
        if let mentorCapacity { pairing.mentorCapacity = mentorCapacity }
        if let objective { pairing.objective = objective }
        let minGroupSize = self.minGroupSize ?? config.minGroupSize ?? 5
        let pseudonymize = self.pseudonymize || (config.pseudonymize ?? false)
        for path in excludePairs {
            do {
                pairing.excludedPairs.formUnion(try ExcludedPairsFile.read(path))
            } catch {
                throw Failure(error)
            }
        }

        // Stage times, for --verbose only (never in a report: reports stay byte-identical).
        let stopwatch = Stopwatch()
        var run = try SurveyRun.ingest(input, config: config, listEveryRejection: false, keeping: .candidates)
        stopwatch.lap("ingest")
        var pool = run.pool ?? CandidatePool()
        run.pool = nil
        let analysis = FamiliarityAnalyser.analyse(
            run.tally, survey: run.survey, options: AnalysisOptions(minGroupSize: minGroupSize, seed: seed))
        stopwatch.lap("analysis")
        var plan: MentoringPlan?
        if run.survey.bands.count >= 2 {
            do {
                // Only the people in the bands pairing takes stay in the pool.
                let (mentorBands, menteeBands) = try MentoringPlanner.pairingBands(survey: run.survey, options: pairing)
                let survey = run.survey
                pool.keepCandidates { candidate in
                    let band = survey.bandOfKey[Int(candidate.bandKey)]
                    return (candidate.mentor && mentorBands.contains(band))
                        || (candidate.mentee && menteeBands.contains(band))
                }
                let progress = ProgressBar(enabled: !input.noProgress && !input.quiet && pool.candidateCount > 20_000)
                progress.step("pairing \(pool.candidateCount) candidates…")
                defer { progress.finish() }
                plan = try MentoringPlanner.plan(pool: &pool, survey: run.survey, analysis: analysis, options: pairing)
                stopwatch.lap("pairing")
                if input.verbose, let plan { Self.describe(plan.workload, plan: plan) }
            } catch {
                throw Failure(error, config: config)
            }
        } else {
            Diagnostics.warning("only one band: no reverse-mentoring pairs can be proposed")
        }
        SurveyRun.warnAbout(managerCycles: plan?.managerCycles ?? [])
        // The survey as the reports show it: with --pseudonymize, rejected rows' email-like ids too.
        var shown = run.survey
        if pseudonymize {
            plan = plan.map(Pseudonyms.apply)
            shown.rejections = shown.rejections.map(Pseudonyms.apply)
        }
        let survey = shown
        let change = earlier.map {
            ChangeSincePrevious(
                comparing: analysis, with: $0.earlierRun(minGroupSize: minGroupSize), source: previous ?? "")
        }
        let context = ReportContext(
            survey: survey, analysis: analysis, plan: plan, change: change, generatedAt: Clock.generatedAt)

        // Only what is asked for is made, and each file only as it is written (one at a time);
        // summary.json is written as it is made.
        let formats = try selectedFormats()
        let text = formats.contains(.text) || standardOutput == .text ? TextReport.render(context) : ""
        var files: [OutputFile] = []
        if formats.contains(.text) { files.append(OutputFile(name: "report.txt", makingText: { text })) }
        if formats.contains(.html) {
            files.append(OutputFile(name: "report.html") { emit in HTMLReport.write(context, to: emit) })
        }
        if formats.contains(.json) {
            files.append(OutputFile(name: "summary.json") { emit in SummaryJSON.write(context, to: emit) })
        }
        if formats.contains(.csv) {
            files.append(OutputFile(name: "pairings.csv", makingText: { TableCSVs.pairings(context) }))
            files.append(OutputFile(name: "gaps.csv", makingText: { TableCSVs.gaps(context) }))
            files.append(OutputFile(name: "bands.csv", makingText: { TableCSVs.bands(context) }))
            files.append(OutputFile(name: "rejected.csv", makingText: { RejectedRowsCSV.render(survey) }))
        }

        let folder = out ?? "reports/" + (input.sources.first?.stem ?? "stdin")
        do {
            try OutputDirectory(path: folder).write(files)
        } catch {
            throw Failure(error)
        }
        switch standardOutput {
        case .text: StandardOutputStream.write(text)
        case .json: SummaryJSON.write(context, to: StandardOutputStream.write)
        case .none: break
        }
        stopwatch.lap("reports")
        if input.verbose { Diagnostics.info("time: \(stopwatch.summary)") }
        Diagnostics.note("reports written to \(folder)/ (\(files.map(\.name).joined(separator: ", ")))")
        Genbridge.exitSucceeded()
    }

    /// The pairing problem's size and how the solver went, in one line.
    private static func describe(_ workload: PlanWorkload, plan: MentoringPlan) {
        var line =
            "pairing: \(plan.mentorCandidates) mentor and \(plan.menteeCandidates) mentee candidates, "
            + "\(workload.forbiddenPairs) pairs forbidden by name"
        if let solver = workload.solver {
            line +=
                "; solver: \(solver.method.rawValue), \(solver.pricingRounds) pricing rounds, \(solver.arcs) arcs, "
                + "\(solver.menteeGroups) mentee groups"
        }
        Diagnostics.info(line)
    }

    private func loadPrevious(_ path: String) throws -> PreviousSummary {
        do {
            return try PreviousSummary.load(path)
        } catch {
            switch error {
            case .cannotOpen: throw Failure(message: error.description, exitCode: Failure.noInput)
            case .readFailed: throw Failure(message: error.description, exitCode: Failure.ioError)
            case .notASummary: throw Failure(message: error.description, exitCode: Failure.dataError)
            }
        }
    }
}

extension PairingObjective: ExpressibleByArgument {}
