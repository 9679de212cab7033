import Ingest

/// What the analysis stage needs to know beyond the data.
package struct AnalysisOptions: Sendable, Hashable {
    /// Figures resting on fewer answers than this are suppressed everywhere.
    package var minGroupSize = 5
    /// Seed of the bootstrap.
    package var seed: UInt64 = 1
    package var bootstrapReplicates = 2000

    package init(minGroupSize: Int = 5, seed: UInt64 = 1) {
        self.minGroupSize = minGroupSize
        self.seed = seed
    }
}

/// A band with its size.
package struct BandSummary: Sendable, Hashable {
    package var band: Band
    package var people: Int
}

/// Stage 2's result: familiarity per band and tool, gaps between bands, and the headline.
package struct SurveyAnalysis: Sendable {
    package var options: AnalysisOptions
    package var tools: [Tool]
    package var bands: [BandSummary]
    /// [band][tool]
    package var cells: [[BandToolCell]]
    /// Every pair of bands for every tool, tools in survey order, pairs junior-first.
    package var gaps: [ToolGap]
    /// Most-junior vs most-senior gap per tool, largest mean difference first; suppressed last.
    package var headline: [ToolGap]
    /// How many band × tool figures were suppressed, and how many gaps.
    package var suppressedCells: Int
    package var suppressedGaps: Int
}

/// Stage 2: from score counts to statistics.
package enum FamiliarityAnalyser {
    package static func analyse(_ tally: FamiliarityTally, survey: Survey, options: AnalysisOptions) -> SurveyAnalysis {
        let (counts, people) = tally.byBand(
            bandCount: survey.bands.count, toolCount: survey.tools.count, bandOfKey: survey.bandOfKey)
        let bands = survey.bands.map { BandSummary(band: $0, people: people[$0.index]) }
        let cells = counts.enumerated().map { band, row in
            row.enumerated().map { tool, counts in
                BandToolCell(band: band, tool: tool, counts: counts, minGroupSize: options.minGroupSize)
            }
        }

        var gaps: [ToolGap] = []
        for tool in survey.tools.indices {
            for a in bands.indices {
                for b in bands.indices where b > a {
                    gaps.append(gap(tool: tool, a: a, b: b, counts: counts, survey: survey, options: options))
                }
            }
        }
        // Benjamini–Hochberg over every test that was run (suppressed gaps enter no test).
        let tested = gaps.indices.filter { gaps[$0].pValue != nil }
        let qValues = benjaminiHochbergQValues(tested.compactMap { gaps[$0].pValue })
        for (index, q) in zip(tested, qValues) { gaps[index].qValue = q }

        let headline: [ToolGap]
        if bands.count >= 2 {
            let last = bands.count - 1
            headline = gaps.filter { $0.juniorBand == 0 && $0.seniorBand == last }.sorted(by: headlineOrder)
        } else {
            headline = []
        }
        return SurveyAnalysis(
            options: options, tools: survey.tools, bands: bands, cells: cells, gaps: gaps, headline: headline,
            suppressedCells: cells.joined().filter(\.suppressed).count,
            suppressedGaps: gaps.filter(\.suppressed).count)
    }

    /// Largest mean difference first; ties by tool order; suppressed gaps last.
    static func headlineOrder(_ x: ToolGap, _ y: ToolGap) -> Bool {
        switch (x.meanDifference, y.meanDifference) {
        case (let dx?, let dy?): dx != dy ? dx > dy : x.tool < y.tool
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): x.tool < y.tool
        }
    }

    private static func gap(
        tool: Int, a: Int, b: Int, counts: [[ScoreCounts]], survey: Survey, options: AnalysisOptions
    ) -> ToolGap {
        let junior = counts[a][tool]
        let senior = counts[b][tool]
        var gap = ToolGap(
            tool: tool, juniorBand: a, seniorBand: b, juniorN: junior.n, seniorN: senior.n,
            suppressed: junior.n < options.minGroupSize || senior.n < options.minGroupSize)
        guard !gap.suppressed, let meanA = junior.mean, let meanB = senior.mean else { return gap }
        gap.meanDifference = meanA - meanB
        gap.cliffsDelta = cliffsDelta(junior, senior)
        gap.magnitude = gap.cliffsDelta.map(EffectMagnitude.init(delta:))
        if let test = mannWhitneyU(junior, senior) {
            gap.mannWhitneyU = test.u
            gap.pValue = test.p
        }
        let key = "\(survey.tools[tool].name)|\(survey.bands[a].name)|\(survey.bands[b].name)"
        gap.interval = bootstrapMeanDifferenceInterval(
            junior, senior, replicates: options.bootstrapReplicates,
            seed: SeededGenerator.derivedSeed(options.seed, key: key))
        return gap
    }
}
