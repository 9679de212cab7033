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
