import Analysis
import Ingest

extension HTMLReport {
    /// The appendix: inputs, rows read, used and rejected by reason, answers not understood,
    /// suppressed figures, notes from reading, and how the statistics were made.
    static let rejectedRowsShown = 50

    static func dataQuality(_ context: ReportContext) -> Markup {
        let survey = context.survey
        let analysis = context.analysis
        var result: Markup = ""

        var inputs = HTMLTable(
            id: "table-inputs", caption: "Inputs",
            columns: [
                .init("File"), .init("Layout"), .init("Encoding"), .init("Delimiter"), .init("Data rows", .number),
            ])
        for input in survey.inputs {
            var encoding: Markup = "—"
            var delimiter: Markup = "—"
            if let format = input.format {
                encoding = "\(format.encoding.displayName)\(format.hadByteOrderMark ? " with BOM" : "")"
                delimiter =
                    switch format.delimiter {
                    case UInt8(ascii: "\t"): "tab"
                    case UInt8(ascii: ","): "comma"
                    case UInt8(ascii: ";"): "semicolon"
                    default: "\(String(UnicodeScalar(format.delimiter)))"
                    }
            }
            inputs.append(["\(input.name)", "\(input.layout)", encoding, delimiter, "\(input.rowsRead)"])
        }
        result += inputs.render()

        var rows = HTMLTable(
            id: "table-rows", caption: "Rows: every data row is used or set aside with a reason",
            columns: [.init("Rows"), .init("Count", .number)])
        rows.append(["Read", "\(survey.rowsRead)"])
        rows.append(["Used", "\(survey.rowsUsed)"])
        rows.append(["Set aside", "\(survey.rejections.count)"])
        for (reason, count) in survey.rejectionCounts {
            rows.append(["Set aside: \(reason.replacingUnderscores)", "\(count)"])
        }
        result += rows.render()

        for (number, input) in survey.inputs.enumerated() where !input.columns.isEmpty {
            var columns = HTMLTable(
                id: "table-columns-\(number + 1)", caption: "How the columns of \(input.name) were read",
                columns: [.init("Column", .number), .init("Header"), .init("Read as")])
            for use in input.columns {
                let reading: Markup =
                    use.use.map { "\($0)" } ?? (use.isMetadata ? "ignored (survey-tool metadata)" : "ignored")
                columns.append(["\(use.column)", "\(use.title)", reading])
            }
            result +=
                "<details>\n<summary>Columns of \(input.name): which header became which role or tool</summary>\n\(columns.render())</details>\n"
        }

        if !survey.rejections.isEmpty {
            var rejected = HTMLTable(
                id: "table-rejected",
                caption: survey.rejections.count > rejectedRowsShown
                    ? "Rows set aside (first \(rejectedRowsShown) of \(survey.rejections.count); all in rejected.csv)"
                    : "Rows set aside (also in rejected.csv)",
                columns: [.init("Where"), .init("Id"), .init("Why")])
            for rejection in survey.rejections.prefix(rejectedRowsShown) {
                rejected.append([
                    "\(rejection.location.description)", "\(rejection.id ?? "—")", "\(rejection.reason.description)",
                ])
            }
            result +=
                "<details>\n<summary>Rows set aside (\(survey.rejections.count))</summary>\n\(rejected.render())</details>\n"
        }

        var facts: [Markup] = []
        if !survey.hasIDColumn { facts.append("No id column: each person’s id is the line number of their row.") }
        if survey.blankIDs > 0 {
            facts.append("Rows with a blank id: \(survey.blankIDs) (each identified by the line number of its row).")
        }
        facts.append("Answers missing (blank or a no-answer word such as N/A): \(survey.missingAnswers).")
        var invalid: Markup =
            "Answers not understood (off the scale or unknown, treated as missing): \(survey.invalidAnswers)"
        if !survey.invalidAnswersByTool.isEmpty {
            let byTool = survey.invalidAnswersByTool.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            invalid += " (\(byTool.joined(separator: ", ")))"
        }
        facts.append(invalid + ".")
        if analysis.suppressedCells + analysis.suppressedGaps > 0 {
            facts.append(
                "Hidden for privacy (fewer than \(analysis.options.minGroupSize) answers, marked \(context.suppressedMarker)): "
                    + "\(plural(analysis.suppressedCells, "band × tool figure")), \(plural(analysis.suppressedGaps, "gap test"))."
            )
        } else {
            facts.append(
                "No figure needed hiding for privacy (every group has at least \(analysis.options.minGroupSize) answers)."
            )
        }
        result += "<ul>\n\(facts.map { fact -> Markup in "<li>\(fact)</li>" }.joined(separator: "\n"))\n</ul>\n"

        if !survey.invalidAnswerExamples.isEmpty {
            var examples = HTMLTable(
                id: "table-invalid-answers",
                caption: survey.invalidAnswers > survey.invalidAnswerExamples.count
                    ? "Answers not understood (first \(survey.invalidAnswerExamples.count) of \(survey.invalidAnswers))"
                    : "Answers not understood",
                columns: [.init("Where"), .init("Tool"), .init("Answer as given")])
            for example in survey.invalidAnswerExamples {
                examples.append(["\(example.location.description)", "\(example.tool)", "<code>\(example.text)</code>"])
            }
            result += examples.render()
        }

        if !survey.warnings.isEmpty {
            let notes = survey.warnings.map { warning -> Markup in "<li>\(warning)</li>" }
            result +=
                "<h3>Notes from reading the input</h3>\n<ul class=\"note\">\n\(notes.joined(separator: "\n"))\n</ul>\n"
        }

        result += """
            <h3>How the figures are made</h3>
            <ul class="note">
            <li>Familiarity: 0 never used, 1 aware but not used, 2 beginner, 3 confident, 4 expert. Confident means 3 or 4.</li>
            <li>Gaps compare the most junior band with the most senior: the difference of mean scores; Cliff’s delta \
            (positive when the junior band is more familiar; negligible below 0.147, small below 0.33, medium below 0.474, \
            else large); a two-sided Mann–Whitney U test; q-values by Benjamini–Hochberg over all \
            \(analysis.gaps.filter { $0.pValue != nil }.count) tests; a 95% percentile bootstrap interval \
            (\(analysis.options.bootstrapReplicates) resamples, seed \(String(analysis.options.seed))).</li>
            <li>Any figure resting on fewer than \(analysis.options.minGroupSize) answers is hidden and enters no test.</li>
            </ul>

            """
        return result
    }
}

extension String {
    /// `ragged_row` → `ragged row`.
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
