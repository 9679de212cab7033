import Analysis
import Foundation
import Ingest
import Pairing
import Settings

/// Stage 1 and 2 as the commands run them: ingest every input, stream rows into the tally (and,
/// for `report`, the candidate pool), and turn ingest problems into failures and warnings.
struct SurveyRun {
    var survey: Survey
    var tally: FamiliarityTally
    /// The candidate pool (`.candidates`), or everyone's id, manager and email alone (`.managers`).
    var pool: CandidatePool?

    /// What a run keeps of the rows besides the score tally.
    enum Keeping {
        /// The tally alone.
        case tally
        /// Everyone's id, manager and email, for the management chains (`validate`).
        case managers
        /// The candidate pool, for pairing (`report`).
        case candidates
    }

    /// Reads the inputs. Throws a `Failure` when the survey cannot be used.
    static func ingest(
        _ options: InputOptions, config: GenbridgeConfig, listEveryRejection: Bool, keeping: Keeping = .tally
    ) throws -> SurveyRun {
        var ingestOptions = try options.ingestOptions(config: config, referenceYear: Clock.referenceYear)
        // For benchmarks and checks (README, Bytes): GENBRIDGE_CHUNKS=1 reads every input in one
        // piece; GENBRIDGE_CHUNK_BYTES sets the size from which an input is read in chunks.
        let environment = ProcessInfo.processInfo.environment
        if let chunks = environment["GENBRIDGE_CHUNKS"].flatMap(Int.init), chunks >= 1 {
            ingestOptions.parallelChunks = chunks
        }
        if let bytes = environment["GENBRIDGE_CHUNK_BYTES"].flatMap(Int.init), bytes >= 1 {
            ingestOptions.parallelMinimumBytes = bytes
        }
        let ingestor = SurveyIngestor(options: ingestOptions)
        let progress = ProgressBar(enabled: !options.noProgress && !options.quiet)
        let reading = { (file: String, read: Int, total: Int?) in
            progress.reading(file, bytesRead: read, totalBytes: total)
        }
        let run: SurveyRun
        switch keeping {
        case .candidates:
            let (survey, kept) = ingestor.ingest(
                options.sources, consumer: TallyAndPool<Candidates>.self, progress: reading)
            run = SurveyRun(survey: survey, tally: kept.tally, pool: kept.pool)
        case .managers:
            let (survey, kept) = ingestor.ingest(
                options.sources, consumer: TallyAndPool<PeopleOnly>.self, progress: reading)
            run = SurveyRun(survey: survey, tally: kept.tally, pool: kept.pool)
        case .tally:
            let (survey, tally) = ingestor.ingest(options.sources, consumer: FamiliarityTally.self, progress: reading)
            run = SurveyRun(survey: survey, tally: tally, pool: nil)
        }
        progress.finish()
        let survey = run.survey
        report(survey, listEveryRejection: listEveryRejection || options.verbose, verbose: options.verbose)
        if !survey.problems.isEmpty { throw Failure(survey.problems) }
        if survey.rowsUsed == 0 {
            throw Failure(
                message:
                    "\(survey.inputs.map(\.name).joined(separator: ", ")): no usable rows: all \(survey.rowsRead) data rows were rejected",
                details: survey.rejectionCounts.map { "\($0.reason): \($0.count)" }, exitCode: Failure.dataError)
        }
        if options.strict, let first = survey.rejections.first {
            throw Failure(
                message: "\(first.location): \(first.reason) (--strict: \(survey.rejections.count) rejected rows)",
                exitCode: Failure.dataError)
        }
        return run
    }

    /// A warning for each cycle in the manager data (`report` and `validate` word them alike).
    static func warnAbout(managerCycles cycles: [[String]]) {
        for cycle in cycles {
            Diagnostics.warning(
                "the manager data has a cycle: \((cycle + [cycle[0]]).joined(separator: " -> ")); chains stop there")
        }
    }

    /// Warnings on standard error: columns left out, rejected rows, answers not understood.
    private static func report(_ survey: Survey, listEveryRejection: Bool, verbose: Bool) {
        if verbose {
            for input in survey.inputs {
                var found = "\(input.name): \(input.layout) layout"
                if let format = input.format {
                    let delimiter =
                        format.delimiter == UInt8(ascii: "\t") ? "tab" : "'\(UnicodeScalar(format.delimiter))'"
                    found +=
                        ", \(format.encoding.displayName)\(format.hadByteOrderMark ? " with BOM" : ""), delimiter \(delimiter)"
                }
                Diagnostics.info("detected \(found)")
                for use in input.columns {
                    let reading = use.use ?? (use.isMetadata ? "ignored (survey-tool metadata)" : "ignored")
                    Diagnostics.info("\(input.name): column \(use.column) \"\(use.title)\" -> \(reading)")
                }
            }
        }
        for warning in survey.warnings { Diagnostics.warning(warning) }
        if !survey.rejections.isEmpty {
            let counts = survey.rejectionCounts.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")
            Diagnostics.warning("\(survey.rejections.count) of \(survey.rowsRead) rows rejected (\(counts))")
            let shown = listEveryRejection ? survey.rejections[...] : survey.rejections.prefix(5)
            for rejection in shown { Diagnostics.warning("\(rejection.location): \(rejection.reason)") }
            if shown.count < survey.rejections.count {
                Diagnostics.warning("... and \(survey.rejections.count - shown.count) more (all in rejected.csv)")
            }
        }
        if survey.invalidAnswers > 0 {
            let tools = survey.invalidAnswersByTool.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            Diagnostics.warning(
                "\(survey.invalidAnswers) answers off the scale or not understood, treated as missing (\(tools.joined(separator: ", ")))"
            )
            for example in survey.invalidAnswerExamples {
                Diagnostics.warning("\(example.location): \(example.tool) answer \"\(example.text)\"")
            }
        }
    }
}
