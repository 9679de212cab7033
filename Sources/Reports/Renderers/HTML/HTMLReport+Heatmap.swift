import Analysis
import Ingest

extension HTMLReport {
    /// The band × tool heatmap of mean familiarity: tools down, bands across, the mean printed in
    /// each cell, suppressed cells hatched and marked `n<5`; its table gives mean, median, share
    /// confident and answers.
    static func heatmap(_ context: ReportContext) -> Markup {
        let analysis = context.analysis
        let bandCount = analysis.bands.count
        let toolCount = analysis.tools.count
        let labelWidth = 150.0
        let cellWidth = 84.0
        let cellHeight = 30.0
        let top = 40.0
        let legendTop = top + Double(toolCount) * cellHeight + 18
        let width = max(labelWidth + Double(bandCount) * cellWidth + 8, 430)
        let height = legendTop + 44

        var body: Markup = """
            <defs><pattern id="heatmap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" \
            patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/>\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#c4c4c4" stroke-width="2"/></pattern></defs>

            """
        for (band, summary) in analysis.bands.enumerated() {
            let x = labelWidth + (Double(band) + 0.5) * cellWidth
            body += SVGChart.label(
                summary.band.name, x: x, y: top - 22, limit: 12, anchor: "middle", className: "value")
            body += SVGChart.label(
                "\(summary.people) people", x: x, y: top - 8, anchor: "middle", className: "small muted")
        }
        for tool in 0..<toolCount {
            let y = top + Double(tool) * cellHeight
            body += SVGChart.label(context.toolName(tool), x: labelWidth - 8, y: y + 19, limit: 20, anchor: "end")
            for band in 0..<bandCount {
                let cell = analysis.cells[band][tool]
                let x = labelWidth + Double(band) * cellWidth
                let centre = x + cellWidth / 2
                if cell.suppressed || cell.mean == nil {
                    body += """
                        <rect x="\(x + 1)" y="\(y + 1)" width="\(cellWidth - 2)" height="\(cellHeight - 2)" \
                        fill="url(#heatmap-hatch)"/>

                        """
                    body += SVGChart.label(
                        context.suppressedMarker, x: centre, y: y + 19, anchor: "middle", className: "muted")
                } else if let mean = cell.mean {
                    let level = HTMLPalette.heatClass(mean)
                    body += """
                        <rect x="\(x + 1)" y="\(y + 1)" width="\(cellWidth - 2)" height="\(cellHeight - 2)" \
                        fill="\(HTMLPalette.heat[level])"/>

                        """
                    body += SVGChart.label(
                        NumberFormat.fixed(mean, 2), x: centre, y: y + 19, anchor: "middle",
                        className: HTMLPalette.heatInk[level] == "#ffffff" ? "value on-dark" : "value")
                }
            }
        }
        // Legend: the eight classes, then the suppressed marker.
        let swatch = 34.0
        body += SVGChart.label(
            "Mean familiarity (0 never used … 4 expert)", x: 8, y: legendTop, className: "small muted")
        for (index, colour) in HTMLPalette.heat.enumerated() {
            let x = 8 + Double(index) * swatch
            body +=
                "<rect x=\"\(x)\" y=\"\(legendTop + 6)\" width=\"\(swatch)\" height=\"12\" fill=\"\(colour)\" stroke=\"#999999\" stroke-width=\"0.5\"/>\n"
            if index % 2 == 0 {
                body += SVGChart.label(
                    NumberFormat.fixed(Double(index) / 2, 0), x: x, y: legendTop + 32, anchor: "middle",
                    className: "small")
            }
        }
        body += SVGChart.label("4", x: 8 + 8 * swatch, y: legendTop + 32, anchor: "middle", className: "small")
        let hatchX = 8 + 8 * swatch + 24
        body +=
            "<rect x=\"\(hatchX)\" y=\"\(legendTop + 6)\" width=\"\(swatch)\" height=\"12\" fill=\"url(#heatmap-hatch)\" stroke=\"#999999\" stroke-width=\"0.5\"/>\n"
        body += SVGChart.label(
            "\(context.suppressedMarker): hidden", x: hatchX + swatch + 6, y: legendTop + 16, className: "small")

        let hidden = analysis.suppressedCells
        var description =
            "Mean familiarity on the 0 to 4 scale of each band (columns, most junior first) with each tool (rows); "
            + "darker cells are more familiar."
        if hidden > 0 {
            description +=
                " \(plural(hidden, "cell")) rest on fewer than \(analysis.options.minGroupSize) answers and are hidden."
        }
        let chart = SVGChart(
            id: "heatmap-chart", width: width, height: height,
            title: "Familiarity by band and tool (mean score 0–4)", description: description, body: body)

        var table = HTMLTable(
            id: "table-heatmap", caption: "Familiarity by band: mean, median, share confident (3+) and answers",
            columns: [.init("Tool")]
                + analysis.bands.flatMap { _ in
                    [
                        HTMLTable.Column("Mean", .number), .init("Median", .number), .init("Confident", .number),
                        .init("n", .number),
                    ]
                })
        table.groups = [("", 1)] + analysis.bands.map { (Markup(text: $0.band.name), 4) }
        for tool in 0..<toolCount {
            var row: [Markup] = ["\(context.toolName(tool))"]
            for band in 0..<bandCount {
                let cell = analysis.cells[band][tool]
                if cell.suppressed {
                    row += [suppressed(context), "", "", "\(cell.n)"]
                } else {
                    row += [fixed(cell.mean, 2), fixed(cell.median, 1), percent(cell.shareConfident), "\(cell.n)"]
                }
            }
            table.append(row)
        }
        let caption: Markup =
            "Mean score per band and tool. \(context.suppressedMarker): fewer than \(analysis.options.minGroupSize) "
            + "answers, hidden for privacy."
        let chartFigure = figure(
            id: "heatmap-figure", chart: chart, className: "chart-heatmap", caption: caption, table: table,
            summary: "Table: familiarity by band and tool")
        return """
            <p>How familiar each band is with each tool, from 0 (never used) to 4 (expert, could teach others). \
            Darker is more familiar.</p>
            \(chartFigure)
            """
    }
}
