import Analysis
import Ingest
import Pairing

/// The CSV files pipelines read: `bands.csv`, `gaps.csv`, `pairings.csv`. Shares are fractions 0–1;
/// suppressed figures are empty cells. With `--previous`, `bands.csv` and `gaps.csv` get the
/// earlier value and the change as extra columns at the end; without it their columns stay as they
/// are, so that pipelines reading them by position keep working.
package enum TableCSVs {
    /// `bands.csv`: one row per band × tool; with `--previous`, the earlier mean and share
    /// confident and their changes too.
    package static func bands(_ context: ReportContext) -> String {
        var header = [
            "band", "band_order", "members", "people", "tool", "category", "n", "suppressed", "mean", "median",
            "share_confident", "count_0", "count_1", "count_2", "count_3", "count_4",
        ]
        var changes: [Int: [Int: CellChange]] = [:]
        if let change = context.change {
            header += ["previous_mean", "mean_change", "previous_share_confident", "share_confident_change"]
            for cell in change.cells { changes[cell.band, default: [:]][cell.tool] = cell }
        }
        var table = CSVTable(header: header)
        let analysis = context.analysis
        for summary in analysis.bands {
            for cell in analysis.cells[summary.band.index] {
                let counts = cell.counts.map { $0.map(CSVTable.Cell.integer) } ?? Array(repeating: .empty, count: 5)
                var row: [CSVTable.Cell] =
                    [
                        .input(summary.band.name), .integer(summary.band.index + 1), .input(summary.band.members),
                        .integer(summary.people), .input(context.toolName(cell.tool)),
                        .text(analysis.tools[cell.tool].category.rawValue), .integer(cell.n),
                        .text(cell.suppressed ? "yes" : "no"), .number(cell.mean), .number(cell.median),
                        .number(cell.shareConfident),
                    ] + counts
                if context.change != nil {
                    let then = changes[summary.band.index]?[cell.tool]
                    row += [
                        .number(then?.previousMean), .number(then?.meanChange), .number(then?.previousShareConfident),
                        .number(then?.shareConfidentChange),
                    ]
                }
                table.append(row)
            }
        }
        return table.render()
    }

    /// `gaps.csv`: one row per tool and pair of bands, headline pairs marked; with `--previous`,
    /// the headline gap's earlier mean difference and its change (empty on other rows, which the
    /// earlier run is not compared on).
    package static func gaps(_ context: ReportContext) -> String {
        var header = [
            "tool", "category", "junior_band", "senior_band", "headline", "junior_n", "senior_n", "suppressed",
            "mean_difference", "interval_lower", "interval_upper", "cliffs_delta", "magnitude", "mann_whitney_u", "p",
            "q",
        ]
        var changes: [Int: GapChange] = [:]
        if let change = context.change {
            header += ["previous_mean_difference", "mean_difference_change"]
            for gap in change.headline { changes[gap.tool] = gap }
        }
        var table = CSVTable(header: header)
        let analysis = context.analysis
        let last = analysis.bands.count - 1
        for gap in analysis.gaps {
            let isHeadline = gap.juniorBand == 0 && gap.seniorBand == last
            var row: [CSVTable.Cell] = [
                .input(context.toolName(gap.tool)), .text(analysis.tools[gap.tool].category.rawValue),
                .input(context.bandName(gap.juniorBand)), .input(context.bandName(gap.seniorBand)),
                .text(isHeadline ? "yes" : "no"), .integer(gap.juniorN),
                .integer(gap.seniorN), .text(gap.suppressed ? "yes" : "no"), .number(gap.meanDifference),
                .number(gap.interval?.lower), .number(gap.interval?.upper), .number(gap.cliffsDelta),
                gap.magnitude.map { .text($0.rawValue) } ?? .empty, .number(gap.mannWhitneyU), .number(gap.pValue),
                .number(gap.qValue),
            ]
            if context.change != nil {
                let then = isHeadline ? changes[gap.tool] : nil
                row += [.number(then?.previousMeanDifference), .number(then?.change)]
            }
            table.append(row)
        }
        return table.render()
    }

    /// `pairings.csv` (SPEC §7): mentor_id, mentor_name, mentor_band, mentor_department, mentee_id,
    /// mentee_name, mentee_band, mentee_department, tools, score, mutual.
    package static func pairings(_ context: ReportContext) -> String {
        var table = CSVTable(header: [
            "mentor_id", "mentor_name", "mentor_band", "mentor_department", "mentee_id", "mentee_name", "mentee_band",
            "mentee_department", "tools", "score", "mutual",
        ])
        for pair in context.plan?.pairs ?? [] {
            table.append([
                .input(pair.mentor.id), pair.mentor.name.map(CSVTable.Cell.input) ?? .empty,
                .input(context.bandName(pair.mentor.band)), pair.mentor.department.map(CSVTable.Cell.input) ?? .empty,
                .input(pair.mentee.id), pair.mentee.name.map(CSVTable.Cell.input) ?? .empty,
                .input(context.bandName(pair.mentee.band)), pair.mentee.department.map(CSVTable.Cell.input) ?? .empty,
                .input(pair.tools.map { context.toolName($0.tool) }.joined(separator: ";")), .number(pair.score),
                .text(pair.isMutual ? "yes" : "no"),
            ])
        }
        return table.render()
    }
}
