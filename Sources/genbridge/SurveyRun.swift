import Analysis
import Ingest
import Settings

/// Stage 1 and 2 as the commands run them: ingest every input, stream respondents into the
/// tally, and turn ingest problems into failures and warnings.
struct SurveyRun {
    var survey: Survey
    var tally: FamiliarityTally

    /// Reads the inputs. Throws a `Failure` when the survey cannot be used.
    static func ingest(
        _ options: InputOptions, config: GenbridgeConfig, listEveryRejection: Bool,
        also consumer: (Respondent) -> Void = { _ in }
    ) throws -> SurveyRun {
        let ingestor = SurveyIngestor(
            options: try options.ingestOptions(config: config, referenceYear: Clock.referenceYear))
        var tally = FamiliarityTally()
        let progress = ProgressBar(enabled: !options.noProgress && !options.quiet)
        let survey = ingestor.ingest(
            options.sources, progress: { progress.reading($0, bytesRead: $1, totalBytes: $2) },
            onRespondent: { respondent in
                tally.add(respondent)
                consumer(respondent)
            })
        progress.finish()
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
        return SurveyRun(survey: survey, tally: tally)
    }

    /// Warnings on standard error: columns left out, rejected rows, answers not understood.
    private static func report(_ survey: Survey, listEveryRejection: Bool, verbose: Bool) {
        if verbose {
            for input in survey.inputs {
                var found = "\(input.name): \(input.layout) layout"
                if let format = input.format {
                    let delimiter =
                        format.delimiter == UInt8(ascii: "\t") ? "tab" : "'\(UnicodeScalar(format.delimiter))'"
                    found += ", \(format.encoding.displayName)\(format.hadByteOrderMark ? " with BOM" : "")"
                    found += ", delimiter \(delimiter)"
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
