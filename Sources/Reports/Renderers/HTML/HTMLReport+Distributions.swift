import Analysis
import Ingest

extension HTMLReport {
    /// Per tool, the classic Likert chart: one diverging stacked bar per band, scores 0–1 left of
    /// the centre line, score 2 split across it, 3–4 right of it. Tools in the order of the ranked
    /// gaps (largest first), so that the charts that differ most come first.
    static func distributions(_ context: ReportContext) -> Markup {
        let legend = HTMLPalette.likert.enumerated().map { score, colour -> Markup in
            "<li><span class=\"swatch\" style=\"background:\(colour)\"></span>\(score) \(scoreWords[score])</li>"
        }
        var figures: [Markup] = []
        for (position, tool) in toolOrder(context).enumerated() {
            figures.append(distribution(tool: tool, position: position, context: context))
        }
        return """
            <p>How each band answered, tool by tool. Left of the centre line: not familiar (0–1); right of it: confident \
            users (3–4); the neutral middle (2, beginner) is split across the line. The longer the bar to the right, the \
            more confident the band.</p>
            <ul class="legend" aria-label="Scores">
            \(legend.joined(separator: "\n"))
            </ul>
            <div class="charts">
            \(figures)</div>

            """
    }

    /// Tools with the largest headline gap first; every tool once.
    static func toolOrder(_ context: ReportContext) -> [Int] {
        var order = context.analysis.headline.map(\.tool)
        for tool in context.analysis.tools.indices where !order.contains(tool) { order.append(tool) }
        return order
    }

    /// Where the Likert charts put the centre line, and how wide 100% of a band is.
    static let likertCentre = 244.0
    static let likertHalfWidth = 150.0

    static func distribution(tool: Int, position: Int, context: ReportContext) -> Markup {
        let analysis = context.analysis
        let name = context.toolName(tool)
        let labelWidth = 86.0
        let half = likertHalfWidth
        let centre = likertCentre
        let top = 24.0
        let rowHeight = 26.0
        let barHeight = 18.0
        let height = top + Double(analysis.bands.count) * rowHeight + 4

        var body: Markup = ""
        for tick in [-100, -50, 0, 50, 100] {
            let x = centre + Double(tick) / 100 * half
            body +=
                "<line x1=\"\(x)\" y1=\"\(top - 4)\" x2=\"\(x)\" y2=\"\(height - 2)\" stroke=\"\(HTMLPalette.grid)\" stroke-width=\"1\"/>\n"
            body += SVGChart.label(
                tick == 0 ? "0" : "\(abs(tick))%", x: x, y: top - 8, anchor: "middle", className: "small muted")
        }
        var sentences: [String] = []
        for (band, summary) in analysis.bands.enumerated() {
            let y = top + Double(band) * rowHeight
            let cell = analysis.cells[band][tool]
            body += SVGChart.label(summary.band.name, x: labelWidth - 6, y: y + 17, limit: 11, anchor: "end")
            guard let counts = cell.counts, !cell.suppressed, cell.n > 0 else {
                body += SVGChart.label(
                    "\(context.suppressedMarker): fewer than \(analysis.options.minGroupSize) answers", x: centre,
                    y: y + 17, anchor: "middle", className: "small muted")
                sentences.append("\(summary.band.name): hidden (\(context.suppressedMarker))")
                continue
            }
            let shares = counts.map { Double($0) / Double(cell.n) }
            var x = centre - (shares[0] + shares[1] + shares[2] / 2) * half
            for (score, share) in shares.enumerated() where share > 0 {
                let width = share * half
                body += """
                    <rect x="\(x)" y="\(y + (rowHeight - barHeight) / 2)" width="\(width)" height="\(barHeight)" \
                    fill="\(HTMLPalette.likert[score])"/>

                    """
                if width >= 24 {
                    body += SVGChart.label(
                        NumberFormat.percent(share), x: x + width / 2, y: y + 17, anchor: "middle",
                        className: HTMLPalette.likertInk[score] == "#ffffff" ? "small on-dark" : "small")
                }
                x += width
            }
            let low = shares[0] + shares[1]
            let high = shares[3] + shares[4]
            sentences.append(
                "\(summary.band.name): \(NumberFormat.percent(high)) confident (3–4), "
                    + "\(NumberFormat.percent(low)) not familiar (0–1), \(cell.n) answers")
        }
        body +=
            "<line x1=\"\(centre)\" y1=\"\(top - 4)\" x2=\"\(centre)\" y2=\"\(height - 2)\" stroke=\"\(HTMLPalette.ink)\" stroke-width=\"1.5\"/>\n"

        let chart = SVGChart(
            id: "distribution-\(position)-chart", width: centre + half + 18, height: height,
            title: "\(name): score distribution by band",
            description: "Diverging stacked bars, scores 0–1 left of centre, 2 split, 3–4 right. "
                + sentences.joined(separator: "; ") + ".",
            body: body)

        var table = HTMLTable(
            id: "table-distribution-\(position)", caption: "\(name): answers per score, by band",
            columns: [.init("Band")] + (0...4).map { HTMLTable.Column("\($0) \(scoreWords[$0])", .number) }
                + [.init("n", .number)])
        for (band, summary) in analysis.bands.enumerated() {
            let cell = analysis.cells[band][tool]
            guard let counts = cell.counts, !cell.suppressed, cell.n > 0 else {
                table.append(["\(summary.band.name)", suppressed(context), "", "", "", "", "\(cell.n)"])
                continue
            }
            let row: [Markup] = counts.map { count in
                "\(count) (\(NumberFormat.percent(Double(count) / Double(cell.n))))"
            }
            table.append(["\(summary.band.name)"] + row + ["\(cell.n)"])
        }
        return """
            <figure id="distribution-\(position)">
            <h3>\(name)</h3>
            \(chart.render())<details>
            <summary>Table: \(name) answers by band</summary>
            \(table.render())</details>
            </figure>

            """
    }
}
