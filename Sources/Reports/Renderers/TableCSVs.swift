import Analysis
import Ingest
import Pairing

/// The CSV files pipelines read: `bands.csv`, `gaps.csv`, `pairings.csv`. Shares are fractions 0–1;
/// suppressed figures are empty cells.
package enum TableCSVs {
    /// `bands.csv`: one row per band × tool.
    package static func bands(_ context: ReportContext) -> String {
        var table = CSVTable(header: [
            "band", "band_order", "members", "people", "tool", "category", "n", "suppressed", "mean", "median",
            "share_confident", "count_0", "count_1", "count_2", "count_3", "count_4",
        ])
        let analysis = context.analysis
        for summary in analysis.bands {
            for cell in analysis.cells[summary.band.index] {
                let counts = cell.counts.map { $0.map(CSVTable.Cell.integer) } ?? Array(repeating: .empty, count: 5)
                table.append(
                    [
                        .input(summary.band.name), .integer(summary.band.index + 1), .input(summary.band.members),
                        .integer(summary.people), .input(context.toolName(cell.tool)),
                        .text(analysis.tools[cell.tool].category.rawValue), .integer(cell.n),
                        .text(cell.suppressed ? "yes" : "no"), .number(cell.mean), .number(cell.median),
                        .number(cell.shareConfident),
                    ] + counts)
            }
        }
        return table.render()
    }

    /// `gaps.csv`: one row per tool and pair of bands, headline pairs marked.
    package static func gaps(_ context: ReportContext) -> String {
        var table = CSVTable(header: [
            "tool", "category", "junior_band", "senior_band", "headline", "junior_n", "senior_n", "suppressed",
            "mean_difference", "interval_lower", "interval_upper", "cliffs_delta", "magnitude", "mann_whitney_u", "p",
            "q",
        ])
        let analysis = context.analysis
        let last = analysis.bands.count - 1
        for gap in analysis.gaps {
            table.append([
                .input(context.toolName(gap.tool)), .text(analysis.tools[gap.tool].category.rawValue),
                .input(context.bandName(gap.juniorBand)), .input(context.bandName(gap.seniorBand)),
                .text(gap.juniorBand == 0 && gap.seniorBand == last ? "yes" : "no"), .integer(gap.juniorN),
                .integer(gap.seniorN), .text(gap.suppressed ? "yes" : "no"), .number(gap.meanDifference),
                .number(gap.interval?.lower), .number(gap.interval?.upper), .number(gap.cliffsDelta),
                gap.magnitude.map { .text($0.rawValue) } ?? .empty, .number(gap.mannWhitneyU), .number(gap.pValue),
                .number(gap.qValue),
            ])
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
