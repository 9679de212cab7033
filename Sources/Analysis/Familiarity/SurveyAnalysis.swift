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
    /// Headline gaps summarised by tool category, in the order of `ToolCategory.allCases`.
    package var categories: [CategorySummary]
    /// The headline gap per department, departments in order of size (then name).
    package var departments: [DepartmentBreakdown]
    /// How many band × tool figures were suppressed, and how many gaps.
    package var suppressedCells: Int
    package var suppressedGaps: Int
    /// Department gaps suppressed (either band below the minimum group size in the department).
    package var suppressedDepartmentGaps: Int
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

        // Every tool and pair of bands, in this order; each gap's bootstrap has a seed of its own
        // (see `gap`), so they are worked out on two threads, half of them each.
        var tests: [(tool: Int, a: Int, b: Int)] = []
        for tool in survey.tools.indices {
            for a in bands.indices {
                for b in bands.indices where b > a { tests.append((tool, a, b)) }
            }
        }
        let planned = tests
        var gaps = concurrentMap(count: planned.count, parts: 2) { index in
            let (tool, a, b) = planned[index]
            return gap(tool: tool, a: a, b: b, counts: counts, survey: survey, options: options)
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
        let departments = departmentBreakdown(tally, survey: survey, options: options)
        return SurveyAnalysis(
            options: options, tools: survey.tools, bands: bands, cells: cells, gaps: gaps, headline: headline,
            categories: categorySummaries(headline, tools: survey.tools), departments: departments,
            suppressedCells: cells.joined().filter(\.suppressed).count,
            suppressedGaps: gaps.filter(\.suppressed).count,
            suppressedDepartmentGaps: departments.reduce(0) { $0 + $1.gaps.filter(\.suppressed).count })
    }

    static func categorySummaries(_ headline: [ToolGap], tools: [Tool]) -> [CategorySummary] {
        ToolCategory.allCases.compactMap { category in
            let gaps = headline.filter { tools[$0.tool].category == category }
            guard !gaps.isEmpty else { return nil }
            let differences = gaps.compactMap(\.meanDifference)
            let significant = gaps.filter { ($0.qValue ?? 1) < 0.05 }
            return CategorySummary(
                category: category, tools: gaps.map(\.tool),
                averageMeanDifference: differences.isEmpty ? nil : differences.reduce(0, +) / Double(differences.count),
                juniorAhead: significant.filter { ($0.meanDifference ?? 0) > 0 }.count,
                seniorAhead: significant.filter { ($0.meanDifference ?? 0) < 0 }.count)
        }
    }

    static func departmentBreakdown(
        _ tally: FamiliarityTally, survey: Survey, options: AnalysisOptions
    ) -> [DepartmentBreakdown] {
        guard survey.bands.count >= 2 else { return [] }
        let last = survey.bands.count - 1
        var result: [DepartmentBreakdown] = []
        for (id, name) in tally.departments.enumerated() {
            let counts = tally.byBand(
                department: id, bandCount: survey.bands.count, toolCount: survey.tools.count,
                bandOfKey: survey.bandOfKey)
            let gaps = survey.tools.indices.map { tool in
                let junior = counts[0][tool]
                let senior = counts[last][tool]
                let suppressed = junior.n < options.minGroupSize || senior.n < options.minGroupSize
                var gap = DepartmentGap(tool: tool, juniorN: junior.n, seniorN: senior.n, suppressed: suppressed)
                if !suppressed, let a = junior.mean, let b = senior.mean {
                    gap.meanDifference = a - b
                    gap.cliffsDelta = cliffsDelta(junior, senior)
                }
                return gap
            }
            let people = tally.departmentPeople(id)
            result.append(DepartmentBreakdown(department: name, people: people, gaps: gaps))
        }
        return result.sorted { $0.people != $1.people ? $0.people > $1.people : $0.department < $1.department }
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
