import Analysis
import Ingest

extension HTMLReport {
    /// Change since the run given with `--previous`: headline gaps then and now, band × tool means
    /// then and now, and names found in one run only.
    static func change(_ context: ReportContext) -> Markup {
        guard let change = context.change else { return .empty }
        var result: Markup = "<p>Compared with the earlier run in \(change.source)"
        if let then = change.previousGeneratedAt { result += " (generated \(then))" }
        result += ". Tools and bands are matched by name; a figure hidden in either run has no change.</p>\n"

        if let junior = context.analysis.bands.first, let senior = context.analysis.bands.last,
            context.analysis.bands.count >= 2
        {
            var table = HTMLTable(
                id: "table-change-gaps",
                caption: "Gaps then and now (\(junior.band.name) minus \(senior.band.name))",
                columns: [.init("Tool"), .init("Then", .number), .init("Now", .number), .init("Change", .number)])
            for item in change.headline {
                let now = context.analysis.headline.first { $0.tool == item.tool }?.meanDifference
                table.append([
                    "\(context.toolName(item.tool))", signed(item.previousMeanDifference, 2), signed(now, 2),
                    signed(item.change, 2),
                ])
            }
            result += table.render()
        }

        let cells = change.cells.filter { $0.previousMean != nil || $0.meanChange != nil }
        if !cells.isEmpty {
            var table = HTMLTable(
                id: "table-change-cells", caption: "Mean familiarity and share confident, then and now",
                columns: [
                    .init("Tool"), .init("Band"), .init("Mean then", .number), .init("Mean now", .number),
                    .init("Change", .number), .init("Confident then", .number), .init("Confident now", .number),
                    .init("Change (points)", .number),
                ])
            let ordered = cells.sorted { ($0.tool, $0.band) < ($1.tool, $1.band) }
            for item in ordered {
                let now = context.analysis.cells[item.band][item.tool]
                table.append([
                    "\(context.toolName(item.tool))", "\(context.bandName(item.band))", fixed(item.previousMean, 2),
                    now.suppressed ? suppressed(context) : fixed(now.mean, 2), signed(item.meanChange, 2),
                    percent(item.previousShareConfident),
                    now.suppressed ? suppressed(context) : percent(now.shareConfident),
                    signed(item.shareConfidentChange.map { $0 * 100 }, 0),
                ])
            }
            result += "<details>\n<summary>Every band and tool, then and now</summary>\n\(table.render())</details>\n"
        }

        var notes: [Markup] = []
        if !change.toolsOnlyNow.isEmpty {
            notes.append("Tools only in this run: \(change.toolsOnlyNow.joined(separator: ", ")).")
        }
        if !change.toolsOnlyBefore.isEmpty {
            notes.append("Tools only in the previous run: \(change.toolsOnlyBefore.joined(separator: ", ")).")
        }
        if !change.bandsOnlyNow.isEmpty {
            notes.append("Bands only in this run: \(change.bandsOnlyNow.joined(separator: ", ")).")
        }
        if !change.bandsOnlyBefore.isEmpty {
            notes.append("Bands only in the previous run: \(change.bandsOnlyBefore.joined(separator: ", ")).")
        }
        if !notes.isEmpty {
            result +=
                "<ul class=\"note\">\n\(notes.map { note -> Markup in "<li>\(note)</li>" }.joined(separator: "\n"))\n</ul>\n"
        }
        return result
    }
}
