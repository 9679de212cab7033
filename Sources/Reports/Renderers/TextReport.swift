import Analysis
import Ingest
import Pairing

/// The text report (`report.txt`, and standard output by default). Fits 80 columns: every line
/// holds at most `width` characters.
package enum TextReport {
    /// The widest line of the report, in characters.
    static let width = 80

    package static func render(_ context: ReportContext) -> String {
        var sections: [String] = []
        sections.append(title(context))
        sections.append(findings(context))
        sections.append(bands(context))
        sections.append(familiarityTable(context))
        sections.append(gaps(context))
        sections.append(categories(context))
        sections.append(departments(context))
        sections.append(pairs(context))
        sections.append(unpaired(context))
        sections.append(coverage(context))
        sections.append(change(context))
        sections.append(dataQuality(context))
        // Tables and quoted input text are made to fit; prose is wrapped here, whatever it holds.
        return wrap(sections.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    /// Wraps lines longer than `width` characters at spaces, indenting the continuation by
    /// `hanging` more than the line (two spaces unless given); a word longer than a whole line (a
    /// long path, a long header from the input) is cut. A text whose lines all fit (a whole
    /// report, whose sections wrap their own prose) comes back as it is, not copied: at 1,000,000
    /// rows the report is 21 MB.
    static func wrap(_ text: String, width: Int = width, hanging: String = "  ") -> String {
        var fits = true
        // A line of no more bytes than `width` has no more characters either.
        forEachLine(of: text) { line in
            if fits, line.utf8.count > width, line.count > width { fits = false }
        }
        if fits { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var first = true
        forEachLine(of: text) { line in
            if !first { output += "\n" }
            first = false
            guard line.utf8.count > width else {
                output += line
                return
            }
            var rest = String(line)
            let indent = String(rest.prefix { $0 == " " }.prefix(width / 4)) + hanging
            while rest.count > width {
                let limit = rest.index(rest.startIndex, offsetBy: width)
                let start = rest.index(rest.startIndex, offsetBy: indent.count)
                if let cut = rest[..<limit].lastIndex(of: " "), cut > start {
                    output += rest[..<cut] + "\n"
                    rest = indent + rest[rest.index(after: cut)...]
                } else {
                    output += rest[..<limit] + "\n"
                    rest = indent + rest[limit...]
                }
            }
            output += rest
        }
        return output
    }

    /// Each line of `text`, without its line break (a last empty line too), in order.
    private static func forEachLine(of text: String, _ body: (Substring) -> Void) {
        var start = text.startIndex
        while true {
            let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            body(text[start..<end])
            guard end < text.endIndex else { return }
            start = text.utf8.index(after: end)
        }
    }

    /// Text from the input as the report shows it: on one line (a line break, tab or other control
    /// character, or a bidirectional override, written as an escape such as `\n`, see
    /// `ScalarRewriting.oneLineEscape`), and at most `limit` characters, the rest replaced by `…`.
    static func oneLine(_ text: String, limit: Int = width) -> String {
        // Enough of a long text to fill `limit` characters; the rest is not looked at.
        let enough = 4 * limit + 64
        let scalars = text.unicodeScalars
        let shown = ScalarRewriting.rewrite(Substring(scalars.prefix(enough)), ScalarRewriting.oneLineEscape)
        guard !scalars.dropFirst(enough).isEmpty else { return clip(shown, to: limit) }
        return String(shown.prefix(max(0, limit - 1))) + "…"
    }

    /// `text`, or its first `limit - 1` characters and `…` when it is longer than `limit`.
    static func clip(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(max(0, limit - 1))) + "…" : text
    }

    static func heading(_ text: String) -> String {
        let title = clip(text, to: width)
        return title + "\n" + String(repeating: "-", count: title.count) + "\n"
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
            text += wrap("  " + context.noLeadSentence(junior: junior.band.name, senior: senior.band.name)) + "\n"
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
        let tests = analysis.gaps.filter { $0.pValue != nil }.count
        text +=
            wrap(
                "  diff: difference of mean scores; delta: Cliff's delta (positive: \(junior.band.name) more "
                    + "familiar); p: Mann-Whitney U; q: Benjamini-Hochberg over all \(tests) tests.", hanging: "")
            + "\n"
        return text
    }

    static func categories(_ context: ReportContext) -> String {
        let analysis = context.analysis
        guard analysis.bands.count >= 2, !analysis.categories.isEmpty else { return "" }
        var text = heading("Gaps by tool category")
        var table = TextTable([
            ("Category", .left), ("tools", .right), ("avg diff", .right), ("junior ahead", .right),
            ("senior ahead", .right),
        ])
        for category in analysis.categories {
            table.append([
                category.category.rawValue, String(category.tools.count),
                category.averageMeanDifference.map { NumberFormat.signed($0, 2) } ?? context.suppressedMarker,
                String(category.juniorAhead), String(category.seniorAhead),
            ])
        }
        text += table.render()
        text += "  ahead: tools with q < 0.05 in that direction.\n"
        return text
    }

    static func departments(_ context: ReportContext) -> String {
        let analysis = context.analysis
        guard analysis.bands.count >= 2, !analysis.departments.isEmpty else { return "" }
        let shownTools = Array(analysis.headline.prefix(4).map(\.tool))
        var text = heading("Headline gap by department (top tools; no tests)")
        var columns: [(String, TextTable.Alignment)] = [("Department", .left), ("people", .right)]
        for tool in shownTools { columns.append((String(context.toolName(tool).prefix(10)), .right)) }
        var table = TextTable(columns)
        for department in analysis.departments {
            var row = [String(department.department.prefix(24)), String(department.people)]
            for tool in shownTools {
                let gap = department.gaps[tool]
                row.append(
                    gap.suppressed
                        ? context.suppressedMarker : gap.meanDifference.map { NumberFormat.signed($0, 2) } ?? "")
            }
            table.append(row)
        }
        text += table.render()
        text +=
            "  \(context.suppressedMarker): a band of the department has fewer than \(analysis.options.minGroupSize) answers.\n"
        return text
    }

    static func personText(_ context: ReportContext, _ person: PersonSummary) -> String {
        var details = [oneLine(person.id, limit: 40), oneLine(context.bandName(person.band), limit: 40)]
        if let department = person.department { details.append(oneLine(department, limit: 40)) }
        return "\(oneLine(person.name ?? person.id, limit: 60)) (\(details.joined(separator: ", ")))"
    }

    static func pairs(_ context: ReportContext) -> String {
        guard let plan = context.plan else { return "" }
        var text = heading("Pairs (\(plan.pairs.count); objective \(plan.objective))")
        text +=
            wrap(
                "  Mentors from \(plan.mentorBands.map(context.bandName).joined(separator: ", ")) "
                    + "(\(plan.mentorCandidates) candidates); mentees from "
                    + "\(plan.menteeBands.map(context.bandName).joined(separator: ", ")) (\(plan.menteeCandidates) candidates)."
            )
            + "\n"
        if plan.pairs.isEmpty { text += "  No pair can be proposed.\n" }
        for pair in plan.pairs {
            var lines = "  \(personText(context, pair.mentor))\n    mentors \(personText(context, pair.mentee))\n"
            let tools = pair.tools.map { "\(context.toolName($0.tool)) \($0.mentorScore)->\($0.menteeScore)" }
            lines += "    teaches \(tools.joined(separator: ", ")); score \(NumberFormat.plain(pair.score))"
            if pair.isMutual {
                lines +=
                    "; mutual: learns \(pair.teachesBack.map { context.toolName($0.tool) }.joined(separator: ", ")) back"
            }
            text += wrap(lines) + "\n"
        }
        text += "  Scores: mentor->mentee familiarity (0-4) on each tool to teach.\n"
        return text
    }

    static func unpaired(_ context: ReportContext) -> String {
        guard let plan = context.plan, !plan.unpaired.isEmpty || !plan.managerCycles.isEmpty else { return "" }
        var text = heading("Mentees without a mentor (\(plan.unpaired.count))")
        for mentee in plan.unpaired {
            let reason: String
            switch mentee.reason {
            case .noOneCanTeach:
                reason =
                    mentee.lowTools.isEmpty
                    ? "low on no tool: nothing to teach" : "no candidate knows a tool they are low on"
            case .onlyUnweightedTools:
                reason = "only tools weighted 0 could be taught to them: under the score objective no pair is made"
            case .capacityExhausted: reason = "the mentors who could teach them are all taken"
            case .everyCandidateExcluded(let rules):
                reason =
                    "every candidate is excluded (\(rules.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")))"
            }
            text += wrap("  \(personText(context, mentee.person)): \(reason)") + "\n"
        }
        for cycle in plan.managerCycles {
            text +=
                wrap(
                    "  Manager data has a cycle: \((cycle + [cycle[0]]).map { oneLine($0, limit: 40) }.joined(separator: " -> ")); "
                        + "chains stop there.")
                + "\n"
        }
        return text
    }

    static func coverage(_ context: ReportContext) -> String {
        guard let plan = context.plan, !plan.coverage.isEmpty else { return "" }
        let text = heading("Coverage: mentees low on a tool who get a mentor for it")
        var table = TextTable([("Tool", .left), ("low", .right), ("covered", .right), ("share", .right)])
        for coverage in plan.coverage where coverage.menteesLow > 0 {
            table.append([
                context.toolName(coverage.tool), String(coverage.menteesLow), String(coverage.covered),
                NumberFormat.percent(Double(coverage.covered) / Double(coverage.menteesLow)),
            ])
        }
        return text + table.render()
    }

    static func change(_ context: ReportContext) -> String {
        guard let change = context.change else { return "" }
        var text = heading("Change since the previous run")
        text +=
            wrap("  Compared with \(change.source)\(change.previousGeneratedAt.map { " (generated \($0))" } ?? "").")
            + "\n"
        var table = TextTable([("Tool", .left), ("gap then", .right), ("gap now", .right), ("change", .right)])
        for gap in change.headline {
            let now = context.analysis.headline.first { $0.tool == gap.tool }
            table.append([
                context.toolName(gap.tool), gap.previousMeanDifference.map { NumberFormat.signed($0, 2) } ?? "-",
                now?.suppressed == true
                    ? context.suppressedMarker : now?.meanDifference.map { NumberFormat.signed($0, 2) } ?? "-",
                gap.change.map { NumberFormat.signed($0, 2) } ?? "-",
            ])
        }
        text += table.render()
        text += "\n" + familiarityChange(context, change)
        let notes: [(String, [String])] = [
            ("Tools only in this run", change.toolsOnlyNow), ("Tools only in the previous run", change.toolsOnlyBefore),
            ("Bands only in this run", change.bandsOnlyNow), ("Bands only in the previous run", change.bandsOnlyBefore),
        ]
        for (label, names) in notes where !names.isEmpty {
            text += wrap("  \(label): \(names.joined(separator: ", ")).") + "\n"
        }
        return text
    }

    /// Every band × tool figure then and now: mean and share confident, with the change. A figure
    /// suppressed now shows the marker; one the earlier run lacked or suppressed, and any change
    /// that rests on such a figure, shows `-`.
    static func familiarityChange(_ context: ReportContext, _ change: ChangeSincePrevious) -> String {
        var text = "  Familiarity by band then and now (change: now minus then)\n"
        var table = TextTable([
            ("Tool", .left), ("Band", .left), ("then", .right), ("now", .right), ("change", .right),
            ("then", .right), ("now", .right), ("change", .right),
        ])
        table.groups = [(2, 3, "mean 0-4"), (5, 3, "share confident")]
        var changes: [Int: [Int: CellChange]] = [:]
        for cell in change.cells { changes[cell.tool, default: [:]][cell.band] = cell }
        for tool in context.analysis.tools.indices {
            for band in context.analysis.bands.indices {
                let now = context.analysis.cells[band][tool]
                let cell = changes[tool]?[band]
                table.append([
                    band == 0 ? String(context.toolName(tool).prefix(18)) : "",
                    context.bandName(band),
                    cell?.previousMean.map { NumberFormat.fixed($0, 2) } ?? "-",
                    now.suppressed ? context.suppressedMarker : now.mean.map { NumberFormat.fixed($0, 2) } ?? "-",
                    cell?.meanChange.map { NumberFormat.signed($0, 2) } ?? "-",
                    cell?.previousShareConfident.map(NumberFormat.percent) ?? "-",
                    now.suppressed ? context.suppressedMarker : now.shareConfident.map(NumberFormat.percent) ?? "-",
                    cell?.shareConfidentChange.map { NumberFormat.signed($0 * 100, 0) } ?? "-",
                ])
            }
        }
        text += table.render()
        var note = "  Share confident changes are in percentage points. -: the earlier run lacks the figure or "
        note += "suppressed it, or there is no change to show."
        if context.analysis.suppressedCells > 0 {
            note += " \(context.suppressedMarker): fewer than \(context.analysis.options.minGroupSize) answers now; "
            note += "figure suppressed."
        }
        return text + wrap(note) + "\n"
    }

    /// Which header became which role or tool, and which columns were ignored, wrapped.
    static func columnUses(_ input: InputSummary) -> String {
        guard !input.columns.isEmpty else { return "" }
        let read = input.columns.compactMap { use in use.use.map { "\(oneLine(use.title, limit: 40)) -> \($0)" } }
        let ignored = input.columns.filter { $0.use == nil }.map { oneLine($0.title, limit: 40) }
        var text = wrap("    columns read: " + read.joined(separator: "; ")) + "\n"
        if !ignored.isEmpty {
            text +=
                wrap("    ignored: " + ignored.map { $0.isEmpty ? "(blank header)" : $0 }.joined(separator: "; "))
                + "\n"
        }
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
            text += columnUses(input)
        }
        text += "  Rows read \(survey.rowsRead), used \(survey.rowsUsed), rejected \(survey.rejections.count)"
        if !survey.rejections.isEmpty {
            text += " (" + survey.rejectionCounts.map { "\($0.reason) \($0.count)" }.joined(separator: ", ") + ")"
        }
        text += ".\n"
        if !survey.hasIDColumn { text += "  No id column: each person's id is the line number of their row.\n" }
        if survey.blankIDs > 0 {
            text += "  Rows with a blank id: \(survey.blankIDs) (each identified by the line number of its row).\n"
        }
        text += "  Answers missing (blank or a no-answer word): \(survey.missingAnswers)\n"
        text += "  Answers not understood (treated as missing): \(survey.invalidAnswers)\n"
        for example in survey.invalidAnswerExamples {
            // The answer, quoted, is cut to what the line has room for (at least a few characters).
            let place = "    \(example.location): \(example.tool) "
            text += place + "\"" + oneLine(example.text, limit: max(12, width - place.count - 2)) + "\"\n"
        }
        if survey.invalidAnswers > survey.invalidAnswerExamples.count {
            text += "    ... and \(survey.invalidAnswers - survey.invalidAnswerExamples.count) more\n"
        }
        let analysis = context.analysis
        if analysis.suppressedCells + analysis.suppressedGaps > 0 {
            let cells = analysis.suppressedCells == 1 ? "figure" : "figures"
            let tests = analysis.suppressedGaps == 1 ? "test" : "tests"
            text += "  Suppressed for privacy (fewer than \(analysis.options.minGroupSize) answers): "
            text += "\(analysis.suppressedCells) band x tool \(cells), \(analysis.suppressedGaps) gap \(tests).\n"
        }
        return text
    }
}
