import Ingest

/// How two bands differ on one tool: band `a` (the more junior) against band `b`.
/// Every statistic is nil when either band has fewer answers than the minimum group size.
package struct ToolGap: Sendable, Hashable {
    package var tool: Int
    package var juniorBand: Int
    package var seniorBand: Int
    package var juniorN: Int
    package var seniorN: Int
    package var suppressed: Bool
    /// mean(a) − mean(b): positive when the junior band is more familiar.
    package var meanDifference: Double?
    /// Cliff's delta of a vs b, positive when a is more familiar.
    package var cliffsDelta: Double?
    package var magnitude: EffectMagnitude?
    package var mannWhitneyU: Double?
    package var pValue: Double?
    /// Benjamini–Hochberg q-value over all tests of the run.
    package var qValue: Double?
    /// 95% percentile bootstrap interval of the mean difference.
    package var interval: PercentileInterval?
}

/// How the tools of one category compare between the most junior and most senior band.
package struct CategorySummary: Sendable, Hashable {
    package var category: ToolCategory
    /// Tools of the survey in this category (indexes), in headline order.
    package var tools: [Int]
    /// The average of the category's headline mean differences that are not suppressed.
    package var averageMeanDifference: Double?
    /// Tools where the junior band is ahead, or behind, with q < 0.05.
    package var juniorAhead: Int
    package var seniorAhead: Int
}

/// The headline gap of one tool within one department. Departments are compared descriptively
/// (difference of means and Cliff's delta, no tests), so they do not change the run's q-values.
package struct DepartmentGap: Sendable, Hashable {
    package var tool: Int
    package var juniorN: Int
    package var seniorN: Int
    /// True when either band has fewer answers than the minimum group size in this department.
    package var suppressed: Bool
    package var meanDifference: Double?
    package var cliffsDelta: Double?
}

/// The headline gaps within one department.
package struct DepartmentBreakdown: Sendable, Hashable {
    package var department: String
    package var people: Int
    package var gaps: [DepartmentGap]
    /// True when every gap of the department is suppressed.
    package var fullySuppressed: Bool { gaps.allSatisfy(\.suppressed) }
}
