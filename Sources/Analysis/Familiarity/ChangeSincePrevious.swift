import Ingest

/// A band × tool figure set beside the same figure in an earlier run.
package struct CellChange: Sendable, Hashable {
    package var band: Int
    package var tool: Int
    /// The earlier mean and share confident; nil when the earlier run suppressed them or lacked the cell.
    package var previousMean: Double?
    package var previousShareConfident: Double?
    /// Now minus then; nil when either side is missing or suppressed.
    package var meanChange: Double?
    package var shareConfidentChange: Double?
}

/// A headline gap beside the same gap in an earlier run.
package struct GapChange: Sendable, Hashable {
    package var tool: Int
    package var previousMeanDifference: Double?
    package var change: Double?
}

/// What changed since the run whose `summary.json` was given with `--previous`. Tools and bands
/// are matched by name.
package struct ChangeSincePrevious: Sendable, Hashable {
    /// The earlier summary's file, as given.
    package var source: String
    /// The earlier run's generation time, if it recorded one.
    package var previousGeneratedAt: String?
    package var cells: [CellChange]
    package var headline: [GapChange]
    /// Names found in one run only.
    package var toolsOnlyNow: [String]
    package var toolsOnlyBefore: [String]
    package var bandsOnlyNow: [String]
    package var bandsOnlyBefore: [String]
}

/// The figures of an earlier run, by name, as read from its `summary.json`.
package struct EarlierRun: Sendable, Hashable {
    package struct Cell: Sendable, Hashable {
        package var band: String
        package var tool: String
        package var mean: Double?
        package var shareConfident: Double?

        package init(band: String, tool: String, mean: Double?, shareConfident: Double?) {
            self.band = band
            self.tool = tool
            self.mean = mean
            self.shareConfident = shareConfident
        }
    }

    package var generatedAt: String?
    package var tools: [String]
    package var bands: [String]
    package var cells: [Cell]
    /// Tool name → headline mean difference (nil where suppressed).
    package var headline: [String: Double?]

    package init(generatedAt: String?, tools: [String], bands: [String], cells: [Cell], headline: [String: Double?]) {
        self.generatedAt = generatedAt
        self.tools = tools
        self.bands = bands
        self.cells = cells
        self.headline = headline
    }
}

extension ChangeSincePrevious {
    /// Compares `analysis` with an earlier run, matching tools and bands by name. A figure that
    /// is suppressed now or was then has no change.
    package init(comparing analysis: SurveyAnalysis, with earlier: EarlierRun, source: String) {
        let toolNames = analysis.tools.map(\.name)
        let bandNames = analysis.bands.map(\.band.name)
        var before: [String: EarlierRun.Cell] = [:]
        for cell in earlier.cells { before["\(cell.band)\u{0}\(cell.tool)"] = cell }
        func difference(_ now: Double?, _ then: Double?) -> Double? {
            guard let now, let then else { return nil }
            return now - then
        }
        cells = analysis.cells.joined().map { cell in
            let then = before["\(bandNames[cell.band])\u{0}\(toolNames[cell.tool])"]
            return CellChange(
                band: cell.band, tool: cell.tool, previousMean: then?.mean,
                previousShareConfident: then?.shareConfident,
                meanChange: difference(cell.mean, then?.mean),
                shareConfidentChange: difference(cell.shareConfident, then?.shareConfident))
        }
        headline = analysis.headline.map { gap in
            let then = earlier.headline[toolNames[gap.tool]] ?? nil
            return GapChange(tool: gap.tool, previousMeanDifference: then, change: difference(gap.meanDifference, then))
        }
        self.source = source
        previousGeneratedAt = earlier.generatedAt
        toolsOnlyNow = toolNames.filter { !earlier.tools.contains($0) }
        toolsOnlyBefore = earlier.tools.filter { !toolNames.contains($0) }
        bandsOnlyNow = bandNames.filter { !earlier.bands.contains($0) }
        bandsOnlyBefore = earlier.bands.filter { !bandNames.contains($0) }
    }
}
