import Analysis
import Ingest
import Pairing

extension HTMLReport {
    /// Findings first: key figures, then the biggest gaps, the pairs and the coverage in sentences a
    /// manager reads in a minute. The wording follows the text report's findings.
    static func findings(_ context: ReportContext) -> Markup {
        let analysis = context.analysis
        let survey = context.survey
        var items: [Markup] = []

        var responses: Markup =
            "\(survey.rowsUsed) of \(survey.rowsRead) responses used, in \(plural(analysis.bands.count, "band")) "
            + "(\(list(analysis.bands.map(\.band.name))))."
        if !survey.rejections.isEmpty {
            responses +=
                " \(plural(survey.rejections.count, "row was", "rows were")) set aside (see "
                + "<a href=\"#data-quality\">Data quality</a>)."
        }
        items.append(responses)

        if analysis.bands.count >= 2, let junior = analysis.bands.first, let senior = analysis.bands.last {
            let shown = analysis.headline.filter { ($0.meanDifference ?? 0) > 0 && !$0.suppressed }.prefix(3)
            if shown.isEmpty {
                items.append(Markup(text: context.noLeadSentence(junior: junior.band.name, senior: senior.band.name)))
            }
            for gap in shown {
                items.append(gapSentence(gap, junior: junior, senior: senior, context: context))
            }
            let reverse = analysis.headline.filter { ($0.meanDifference ?? 0) < 0 && ($0.qValue ?? 1) < 0.05 }
            if !reverse.isEmpty {
                items.append(
                    "\(senior.band.name) ahead on: \(reverse.map { context.toolName($0.tool) }.joined(separator: ", "))."
                )
            }
        } else {
            items.append("Only one band: there is no gap between generations to measure.")
        }

        items += pairingSentences(context)

        if let change = context.change {
            items.append(changeSentence(change, context: context))
        }
        if analysis.suppressedCells + analysis.suppressedGaps > 0 {
            items.append(
                "\(plural(analysis.suppressedCells, "band × tool figure")) and \(plural(analysis.suppressedGaps, "gap test")) "
                    + "rest on fewer than \(analysis.options.minGroupSize) answers and are hidden "
                    + "(marked \(context.suppressedMarker)).")
        }

        let list = items.map { item -> Markup in "<li>\(item)</li>" }.joined(separator: "\n")
        return """
            \(tiles(context))<ul class="findings">
            \(list)
            </ul>

            """
    }

    /// The key figures as tiles: responses, bands, pairs, coverage.
    static func tiles(_ context: ReportContext) -> Markup {
        var tiles: [(String, Markup)] = [
            ("Responses used", "\(context.survey.rowsUsed) <small>of \(context.survey.rowsRead)</small>"),
            ("Bands", "\(context.analysis.bands.count)"),
        ]
        if let top = context.analysis.headline.first(where: { ($0.meanDifference ?? 0) > 0 }),
            let difference = top.meanDifference
        {
            tiles.append(
                ("Largest gap", "\(NumberFormat.fixed(difference, 2)) <small>\(context.toolName(top.tool))</small>"))
        }
        if let plan = context.plan {
            tiles.append(("Pairs proposed", "\(plan.pairs.count) <small>of \(plan.menteeCandidates) mentees</small>"))
            let (covered, low) = coverageTotals(plan)
            if low > 0 {
                tiles.append(
                    (
                        "Coverage",
                        "\(NumberFormat.percent(Double(covered) / Double(low))) <small>\(covered) of \(low)</small>"
                    ))
            }
        }
        let items = tiles.map { title, value -> Markup in "<div><dt>\(title)</dt><dd>\(value)</dd></div>" }
        return "<dl class=\"tiles\">\n\(items.joined(separator: "\n"))\n</dl>\n"
    }

    /// `TikTok: Junior ahead of Senior by 2.33 points (large effect, q <0.001).` and the shares
    /// confident of both bands.
    static func gapSentence(_ gap: ToolGap, junior: BandSummary, senior: BandSummary, context: ReportContext) -> Markup
    {
        guard let difference = gap.meanDifference else { return .empty }
        var sentence: Markup =
            "<strong>\(context.toolName(gap.tool))</strong>: \(junior.band.name) ahead of \(senior.band.name) by "
            + "\(NumberFormat.fixed(difference, 2)) points on the 0–4 scale"
        var details: [String] = []
        if let magnitude = gap.magnitude { details.append("\(magnitude.rawValue) effect") }
        if let q = gap.qValue { details.append("q \(NumberFormat.probability(q))") }
        if !details.isEmpty { sentence += " (\(details.joined(separator: ", ")))" }
        sentence += "."
        let cells = context.analysis.cells
        if let juniorShare = cells[junior.band.index][gap.tool].shareConfident,
            let seniorShare = cells[senior.band.index][gap.tool].shareConfident
        {
            sentence +=
                " \(NumberFormat.percent(juniorShare)) of \(junior.band.name) are confident users (3 or 4), "
                + "against \(NumberFormat.percent(seniorShare)) of \(senior.band.name)."
        }
        return sentence
    }

    static func pairingSentences(_ context: ReportContext) -> [Markup] {
        guard let plan = context.plan else {
            return ["No pairs proposed: pairing did not run (it needs at least two bands)."]
        }
        var items: [Markup] = []
        let mentorBands = list(plan.mentorBands.map(context.bandName))
        let menteeBands = list(plan.menteeBands.map(context.bandName))
        if plan.pairs.isEmpty {
            items.append(
                "No reverse-mentoring pairs could be proposed (\(plural(plan.mentorCandidates, "mentor candidate")) "
                    + "from \(mentorBands), \(plural(plan.menteeCandidates, "mentee candidate")) from \(menteeBands)).")
        } else {
            let mutual = plan.pairs.filter(\.isMutual).count
            var sentence: Markup =
                "<strong>\(plural(plan.pairs.count, "reverse-mentoring pair"))</strong> proposed: "
                + "\(plan.pairs.count == 1 ? "a colleague" : "colleagues") from \(mentorBands) mentor "
                + "\(plan.pairs.count == 1 ? "a colleague" : "colleagues") from \(menteeBands) on tools they know well."
            if mutual > 0 {
                sentence +=
                    " \(plural(mutual, "pair is", "pairs are")) mutual: the mentee can teach the mentor a tool back."
            }
            items.append(sentence)
        }
        if !plan.unpaired.isEmpty {
            items.append(
                "\(plan.unpaired.count) of \(plan.menteeCandidates) mentee candidates have no mentor "
                    + "(<a href=\"#pairs\">reasons</a>).")
        }
        let (covered, low) = coverageTotals(plan)
        if low > 0 {
            var sentence: Markup =
                "Coverage: of \(low) cases of a mentee low on a tool (score 0 or 1), \(covered) "
                + "(\(NumberFormat.percent(Double(covered) / Double(low)))) got a mentor who will teach that tool."
            let weakest = plan.coverage.filter { $0.menteesLow > 0 }.min { a, b in
                let (shareA, shareB) = (
                    Double(a.covered) / Double(a.menteesLow), Double(b.covered) / Double(b.menteesLow)
                )
                return shareA != shareB ? shareA < shareB : a.menteesLow > b.menteesLow
            }
            if let weakest, weakest.covered < weakest.menteesLow {
                sentence +=
                    " Least covered: \(context.toolName(weakest.tool)), \(weakest.covered) of \(weakest.menteesLow)."
            }
            items.append(sentence)
        }
        return items
    }

    /// Of all (mentee, tool) cases where the mentee is low, how many got a mentor for the tool.
    static func coverageTotals(_ plan: MentoringPlan) -> (covered: Int, low: Int) {
        plan.coverage.reduce((0, 0)) { ($0.0 + $1.covered, $0.1 + $1.menteesLow) }
    }

    static func changeSentence(_ change: ChangeSincePrevious, context: ReportContext) -> Markup {
        let source: Markup = "the previous run (\(change.source))"
        let largest = change.headline.filter { $0.change != nil }.max { a, b in
            let (x, y) = (abs(a.change ?? 0), abs(b.change ?? 0))
            return x != y ? x < y : a.tool > b.tool
        }
        guard let largest, let amount = largest.change, let before = largest.previousMeanDifference else {
            return "Compared with \(source): no gap can be compared (<a href=\"#change\">details</a>)."
        }
        // When even the largest change is none (or shows as +0.00), that is what the finding says.
        let compared = change.headline.filter { $0.change != nil }.count
        let gaps = compared == change.headline.count ? "no gap" : "none of the \(compared) gaps both runs show"
        if amount == 0 {
            return "Since \(source), \(gaps) has changed (<a href=\"#change\">details</a>)."
        }
        if NumberFormat.fixed(abs(amount), 2) == "0.00" {
            return "Since \(source), \(gaps) has changed by as much as 0.01 points (<a href=\"#change\">details</a>)."
        }
        let now = before + amount
        return "Since \(source), the largest change in a gap is \(context.toolName(largest.tool)): "
            + "from \(NumberFormat.signed(before, 2)) to \(NumberFormat.signed(now, 2)) points "
            + "(\(NumberFormat.signed(amount, 2))); <a href=\"#change\">all changes</a>."
    }

    /// Who is in each band.
    static func bands(_ context: ReportContext) -> Markup {
        var table = HTMLTable(
            id: "table-bands",
            caption: "Bands, most junior first (from \(TextReport.bandSourceText(context.survey.bandSource)))",
            columns: [.init("Band"), .init("Who"), .init("People", .number)])
        for summary in context.analysis.bands {
            table.append(["\(summary.band.name)", "\(summary.band.members)", "\(summary.people)"])
        }
        return table.render()
    }
}
