import Analysis
import Ingest

/// The text report (`report.txt`, and standard output by default). Fits 80 columns.
package enum TextReport {
    package static func render(_ context: ReportContext) -> String {
        var sections: [String] = []
        sections.append(title(context))
        sections.append(findings(context))
        sections.append(bands(context))
        sections.append(familiarityTable(context))
        sections.append(gaps(context))
        sections.append(dataQuality(context))
        return sections.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func heading(_ text: String) -> String {
        text + "\n" + String(repeating: "-", count: text.count) + "\n"
    }

    static func title(_ context: ReportContext) -> String {
        let names = context.survey.inputs.map(\.name).joined(separator: ", ")
        var text = "genbridge report: \(names)\n"
        text += String(repeating: "=", count: min(78, text.count - 1)) + "\n"
        if let generatedAt = context.generatedAt { text += "Generated \(generatedAt)\n" }
        return text
    }

    static func findings(_ context: ReportContext) -> String {
        let analysis = context.analysis
        var text = heading("Findings")
        let survey = context.survey
        text += "  \(survey.rowsUsed) of \(survey.rowsRead) responses used, in \(analysis.bands.count) bands"
        text += " (\(analysis.bands.map(\.band.name).joined(separator: ", "))).\n"
        guard analysis.bands.count >= 2, let junior = analysis.bands.first, let senior = analysis.bands.last else {
            return text + "  Only one band: there is no gap between generations to measure.\n"
        }
        let shown = analysis.headline.filter { ($0.meanDifference ?? 0) > 0 && !$0.suppressed }.prefix(3)
        if shown.isEmpty {
            text += "  \(junior.band.name) is not more familiar than \(senior.band.name) with any tool.\n"
        }
        for gap in shown {
            guard let difference = gap.meanDifference else { continue }
            var line = "  \(context.toolName(gap.tool)): \(junior.band.name) ahead of \(senior.band.name) by "
            line += "\(NumberFormat.fixed(difference, 2)) points"
            if let magnitude = gap.magnitude { line += " (\(magnitude.rawValue) effect" }
            if let q = gap.qValue { line += ", q \(NumberFormat.probability(q))" }
            if gap.magnitude != nil { line += ")" }
            text += line + ".\n"
        }
        let reverse = analysis.headline.filter { ($0.meanDifference ?? 0) < 0 && ($0.qValue ?? 1) < 0.05 }
        if !reverse.isEmpty {
            text +=
                "  \(senior.band.name) ahead on: \(reverse.map { context.toolName($0.tool) }.joined(separator: ", ")).\n"
        }
        return text
    }

    static func bands(_ context: ReportContext) -> String {
        let text = heading("Bands (most junior first; from \(bandSourceText(context.survey.bandSource)))")
        var table = TextTable([("Band", .left), ("Who", .left), ("People", .right)])
        for summary in context.analysis.bands {
            table.append([summary.band.name, summary.band.members, String(summary.people)])
        }
        return text + table.render()
    }

    static func bandSourceText(_ source: BandSource) -> String {
        switch source {
        case .configured: "the config file"
        case .bandColumn: "the band column"
        case .level: "job levels split in three"
        case .birthYear: "birth years, as generations"
        case .age: "ages, as generations"
        case .years: "years of experience"
        }
    }

    /// The band × tool table, three bands per block so that it fits 80 columns.
    static func familiarityTable(_ context: ReportContext) -> String {
        let analysis = context.analysis
        var text = heading("Familiarity by band (mean 0-4, share confident 3+, answers)")
        let blocks = stride(from: 0, to: analysis.bands.count, by: 3).map {
            Array(analysis.bands.indices[$0..<min($0 + 3, analysis.bands.count)])
        }
        for (number, block) in blocks.enumerated() {
            if number > 0 { text += "\n" }
            var columns: [(String, TextTable.Alignment)] = [("Tool", .left)]
            for _ in block { columns += [("mean", .right), ("conf", .right), ("n", .right)] }
            var table = TextTable(columns)
            table.groups = block.enumerated().map { offset, band in (1 + 3 * offset, 3, context.bandName(band)) }
            for tool in analysis.tools.indices {
                var row = [String(context.toolName(tool).prefix(18))]
                for band in block {
                    let cell = analysis.cells[band][tool]
                    if cell.suppressed {
                        row += [context.suppressedMarker, "", String(cell.n)]
                    } else {
                        row += [
                            cell.mean.map { NumberFormat.fixed($0, 2) } ?? "",
                            cell.shareConfident.map(NumberFormat.percent) ?? "", String(cell.n),
                        ]
                    }
                }
                table.append(row)
            }
            text += table.render()
        }
        if analysis.suppressedCells > 0 {
            text +=
                "  \(context.suppressedMarker): fewer than \(analysis.options.minGroupSize) answers; figure suppressed.\n"
        }
        return text
    }

    static func gaps(_ context: ReportContext) -> String {
        let analysis = context.analysis
        guard analysis.bands.count >= 2, let junior = analysis.bands.first, let senior = analysis.bands.last else {
            return ""
        }
        var text = heading("Gaps: \(junior.band.name) minus \(senior.band.name), largest first")
        var table = TextTable([
            ("Tool", .left), ("diff", .right), ("95% interval", .right), ("delta", .right), ("effect", .left),
            ("p", .right), ("q", .right),
        ])
        for gap in analysis.headline {
            if gap.suppressed {
                table.append([
                    String(context.toolName(gap.tool).prefix(18)), context.suppressedMarker, "", "", "", "", "",
                ])
                continue
            }
            table.append([
                String(context.toolName(gap.tool).prefix(18)),
                gap.meanDifference.map { NumberFormat.signed($0, 2) } ?? "",
                gap.interval.map { "[\(NumberFormat.signed($0.lower, 2)), \(NumberFormat.signed($0.upper, 2))]" } ?? "",
                gap.cliffsDelta.map { NumberFormat.signed($0, 2) } ?? "",
                gap.magnitude?.rawValue ?? "",
                gap.pValue.map(NumberFormat.probability) ?? "",
                gap.qValue.map(NumberFormat.probability) ?? "",
            ])
        }
        text += table.render()
        text += "  diff: difference of mean scores; delta: Cliff's delta (positive: \(junior.band.name) more\n"
        text +=
            "  familiar); p: Mann-Whitney U; q: Benjamini-Hochberg over all \(analysis.gaps.filter { $0.pValue != nil }.count) tests.\n"
        return text
    }

    static func dataQuality(_ context: ReportContext) -> String {
        let survey = context.survey
        var text = heading("Data quality")
        for input in survey.inputs {
            var line = "  Input \(input.name)\n    \(input.layout) layout"
            if let format = input.format {
                let delimiter = format.delimiter == UInt8(ascii: "\t") ? "tab" : "'\(UnicodeScalar(format.delimiter))'"
                line +=
                    ", \(format.encoding.displayName)\(format.hadByteOrderMark ? " with BOM" : ""), delimiter \(delimiter)"
            }
            text += line + ", \(input.rowsRead) data rows\n"
        }
        text += "  Rows read \(survey.rowsRead), used \(survey.rowsUsed), rejected \(survey.rejections.count)"
        if !survey.rejections.isEmpty {
            text += " (" + survey.rejectionCounts.map { "\($0.reason) \($0.count)" }.joined(separator: ", ") + ")"
        }
        text += ".\n"
        if !survey.hasIDColumn { text += "  No id column: each person's id is the line number of their row.\n" }
        text += "  Answers missing (blank or a no-answer word): \(survey.missingAnswers)\n"
        text += "  Answers not understood (treated as missing): \(survey.invalidAnswers)\n"
        for example in survey.invalidAnswerExamples {
            text += "    \(example.location): \(example.tool) \"\(example.text)\"\n"
        }
        if survey.invalidAnswers > survey.invalidAnswerExamples.count {
            text += "    ... and \(survey.invalidAnswers - survey.invalidAnswerExamples.count) more\n"
        }
        let analysis = context.analysis
        if analysis.suppressedCells + analysis.suppressedGaps > 0 {
            text += "  Suppressed for privacy (fewer than \(analysis.options.minGroupSize) answers): "
            text += "\(analysis.suppressedCells) band x tool figures, \(analysis.suppressedGaps) gap tests.\n"
        }
        return text
    }
}
