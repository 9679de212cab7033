import Analysis
import Ingest

extension HTMLReport {
    /// Ranked gaps, most junior band minus most senior band: a dot plot of the mean difference with
    /// its 95% bootstrap interval as a whisker, a zero line, and Cliff's delta, effect size and
    /// q-value as text. Then every pair of bands in a table.
    static func gaps(_ context: ReportContext) -> Markup {
        let analysis = context.analysis
        guard analysis.bands.count >= 2, let junior = analysis.bands.first, let senior = analysis.bands.last else {
            return "<p>Only one band: there is no gap between generations to measure.</p>\n"
        }
        let (juniorName, seniorName) = (junior.band.name, senior.band.name)
        let headline = analysis.headline

        // The x scale: every difference and interval, and zero, rounded out to half points.
        var low = -0.5
        var high = 0.5
        for gap in headline {
            for value in [gap.meanDifference, gap.interval?.lower, gap.interval?.upper].compactMap({ $0 }) {
                low = min(low, value)
                high = max(high, value)
            }
        }
        low = max(-4, (low * 2).rounded(.down) / 2)
        high = min(4, (high * 2).rounded(.up) / 2)
        let step = high - low > 2 ? 1.0 : 0.5
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step

        let labelWidth = 104.0
        let plotLeft = labelWidth + 10
        let plotWidth = 170.0
        let textLeft = plotLeft + plotWidth + 16
        let width = textLeft + 168
        let top = 26.0
        let rowHeight = 24.0
        let plotBottom = top + Double(headline.count) * rowHeight
        let height = plotBottom + 36
        func x(_ value: Double) -> Double { plotLeft + (value - low) / (high - low) * plotWidth }

        var body: Markup = ""
        var tick = low
        while tick <= high + 1e-9 {
            let position = x(tick)
            body +=
                "<line x1=\"\(position)\" y1=\"\(top - 4)\" x2=\"\(position)\" y2=\"\(plotBottom)\" stroke=\"\(HTMLPalette.grid)\" stroke-width=\"1\"/>\n"
            body += SVGChart.label(
                NumberFormat.signed(tick, step < 1 ? 1 : 0).replacingZeroSign, x: position, y: top - 10,
                anchor: "middle",
                className: "small muted")
            tick += step
        }
        body +=
            "<line x1=\"\(x(0))\" y1=\"\(top - 4)\" x2=\"\(x(0))\" y2=\"\(plotBottom)\" stroke=\"\(HTMLPalette.ink)\" stroke-width=\"1.5\"/>\n"
        body += SVGChart.label("δ, effect, q", x: textLeft, y: top - 10, className: "small muted")

        var sentences: [String] = []
        for (row, gap) in headline.enumerated() {
            let y = top + Double(row) * rowHeight + rowHeight / 2
            let name = context.toolName(gap.tool)
            body += SVGChart.label(name, x: labelWidth, y: y + 4, limit: 14, anchor: "end")
            guard !gap.suppressed, let difference = gap.meanDifference else {
                body += SVGChart.label(
                    "\(context.suppressedMarker) in a band: hidden",
                    x: plotLeft + plotWidth / 2, y: y + 4, anchor: "middle", className: "small muted")
                sentences.append("\(name): hidden (\(context.suppressedMarker))")
                continue
            }
            let colour = difference >= 0 ? HTMLPalette.juniorAhead : HTMLPalette.seniorAhead
            if let interval = gap.interval {
                body += """
                    <line x1="\(x(interval.lower))" y1="\(y)" x2="\(x(interval.upper))" y2="\(y)" stroke="\(colour)" stroke-width="2"/>
                    <line x1="\(x(interval.lower))" y1="\(y - 5)" x2="\(x(interval.lower))" y2="\(y + 5)" stroke="\(colour)" stroke-width="2"/>
                    <line x1="\(x(interval.upper))" y1="\(y - 5)" x2="\(x(interval.upper))" y2="\(y + 5)" stroke="\(colour)" stroke-width="2"/>

                    """
            }
            let significant = (gap.qValue ?? 1) < 0.05
            body += """
                <circle cx="\(x(difference))" cy="\(y)" r="5" fill="\(significant ? colour : "#ffffff")" stroke="\(colour)" stroke-width="2"/>

                """
            var stats = [NumberFormat.signed(gap.cliffsDelta ?? 0, 2)]
            if let magnitude = gap.magnitude { stats.append(magnitude.rawValue) }
            if let q = gap.qValue { stats.append("q " + NumberFormat.probability(q)) }
            body += SVGChart.label(stats.joined(separator: " · "), x: textLeft, y: y + 4, className: "small")
            var sentence = "\(name): \(NumberFormat.signed(difference, 2))"
            if let interval = gap.interval {
                sentence += " [\(NumberFormat.signed(interval.lower, 2)), \(NumberFormat.signed(interval.upper, 2))]"
            }
            sentences.append(sentence + (gap.magnitude.map { ", \($0.rawValue) effect" } ?? ""))
        }
        body += SVGChart.label(
            "← \(seniorName) more familiar", x: x(0) - 6, y: plotBottom + 18, anchor: "end", className: "small muted")
        body += SVGChart.label(
            "\(juniorName) more familiar →", x: x(0) + 6, y: plotBottom + 18, className: "small muted")

        let chart = SVGChart(
            id: "gaps-chart", width: width, height: height,
            title: "Gap in mean familiarity, \(juniorName) minus \(seniorName), with 95% intervals",
            description: "Dot plot, largest gap first. Right of zero: \(juniorName) more familiar. "
                + "Whiskers: 95% bootstrap interval; filled dots: q below 0.05. " + sentences.joined(separator: "; ")
                + ".",
            body: body)

        var table = HTMLTable(
            id: "table-gaps", caption: "Gaps: \(juniorName) minus \(seniorName), largest first",
            columns: [
                .init("Tool"), .init("Difference", .number), .init("95% interval", .number),
                .init("Cliff's delta", .number), .init("Effect"), .init("p", .number), .init("q", .number),
                .init("n \(juniorName)", .number), .init("n \(seniorName)", .number),
            ])
        for gap in headline { table.append(gapRow(gap, context: context, bands: nil)) }

        var every = Markup.empty
        if analysis.bands.count > 2 {
            var all = HTMLTable(
                id: "table-gaps-all", caption: "Every pair of bands (first minus second), tools in survey order",
                columns: [
                    .init("Tool"), .init("Bands"), .init("Difference", .number), .init("95% interval", .number),
                    .init("Cliff's delta", .number), .init("Effect"), .init("p", .number), .init("q", .number),
                    .init("n first", .number), .init("n second", .number),
                ])
            for gap in analysis.gaps {
                all.append(
                    gapRow(
                        gap, context: context,
                        bands: "\(context.bandName(gap.juniorBand)) − \(context.bandName(gap.seniorBand))"))
            }
            every = """
                <details>
                <summary>Every pair of bands (\(analysis.gaps.count) comparisons)</summary>
                \(all.render())</details>

                """
        }
        let tests = analysis.gaps.filter { $0.pValue != nil }.count
        let caption: Markup =
            "Difference of mean scores (0–4 scale). δ: Cliff’s delta (positive: \(juniorName) more familiar), "
            + "with its effect size; q: Mann–Whitney U test, Benjamini–Hochberg corrected."
        let chartFigure = figure(
            id: "gaps-figure", chart: chart, className: "chart-gaps", caption: caption, table: table,
            summary: "Table: gaps with intervals and tests")
        return """
            <p>Where \(juniorName) and \(seniorName) differ most. A dot right of zero means \(juniorName) is more \
            familiar with the tool; the whisker is the 95% bootstrap interval of the difference. Filled dots are \
            unlikely to be chance (q below 0.05 after correcting for \(plural(tests, "test"))).</p>
            \(chartFigure)\(every)
            """
    }

    static func gapRow(_ gap: ToolGap, context: ReportContext, bands: String?) -> [Markup] {
        var row: [Markup] = ["\(context.toolName(gap.tool))"]
        if let bands { row.append("\(bands)") }
        if gap.suppressed {
            row += [suppressed(context), "", "", "", "", ""]
        } else {
            let interval: Markup =
                gap.interval.map { "[\(NumberFormat.signed($0.lower, 2)), \(NumberFormat.signed($0.upper, 2))]" } ?? "—"
            row += [
                signed(gap.meanDifference, 2), interval, signed(gap.cliffsDelta, 2),
                gap.magnitude.map { "\($0.rawValue)" } ?? "—", probability(gap.pValue), probability(gap.qValue),
            ]
        }
        row += ["\(gap.juniorN)", "\(gap.seniorN)"]
        return row
    }
}

extension String {
    /// `+0.0` and `-0` as `0`, for axis ticks.
    fileprivate var replacingZeroSign: String {
        let digits = self.drop { $0 == "+" || $0 == "-" }
        return digits.allSatisfy { $0 == "0" || $0 == "." } ? "0" : self
    }
}
