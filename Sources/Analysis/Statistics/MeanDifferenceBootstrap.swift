import Foundation

/// Percentile bootstrap interval of mean(a) − mean(b) (SPEC §3: "95% percentile bootstrap
/// interval of the mean difference (seeded, so reproducible)").
///
/// Each replicate resamples n_a answers with replacement from `a` and n_b from `b` — drawn
/// as multinomial counts over the five scores (`ScoreCounts.resampled(using:)`), so a
/// replicate costs the same for 10 answers as for 10 million — and records the difference of
/// the resampled means. The interval's ends are the (1 − confidence)/2 and
/// (1 + confidence)/2 quantiles of the replicates, by linear interpolation between order
/// statistics (NumPy's default `method="linear"`, R's type 7).
///
/// Reproducible: for the same inputs and seed the interval is bit-identical on every platform
/// (see `SeededGenerator` and `PortableMath`). The random numbers are consumed replicate by
/// replicate, `a`'s resample before `b`'s.
///
/// - Parameters:
///   - replicates: number of bootstrap replicates (at least 1).
///   - confidence: central coverage, strictly between 0 and 1.
///   - seed: the generator seed; give each (tool, band pair) its own, e.g.
///     `SeededGenerator.derivedSeed(runSeed, key: "TikTok|Junior|Senior")`.
/// - Returns: `nil` when either group is empty.
package func bootstrapMeanDifferenceInterval(
    _ a: ScoreCounts,
    _ b: ScoreCounts,
    replicates: Int = 2000,
    confidence: Double = 0.95,
    seed: UInt64
) -> PercentileInterval? {
    var generator = SeededGenerator(seed: seed)
    return bootstrapMeanDifferenceInterval(
        a, b, replicates: replicates, confidence: confidence, generator: &generator)
}

/// As `bootstrapMeanDifferenceInterval(_:_:replicates:confidence:seed:)`, drawing from a
/// generator the caller owns.
package func bootstrapMeanDifferenceInterval(
    _ a: ScoreCounts,
    _ b: ScoreCounts,
    replicates: Int = 2000,
    confidence: Double = 0.95,
    generator: inout SeededGenerator
) -> PercentileInterval? {
    precondition(replicates >= 1, "a bootstrap needs at least one replicate")
    precondition(confidence > 0 && confidence < 1, "confidence must lie strictly between 0 and 1")
    guard !a.isEmpty, !b.isEmpty else { return nil }
    let differences = MeanDifferenceBootstrap.replicates(a, b, count: replicates, using: &generator)
        .sorted()
    let tail = (1 - confidence) / 2
    return PercentileInterval(
        lower: MeanDifferenceBootstrap.quantile(sorted: differences, probability: tail),
        upper: MeanDifferenceBootstrap.quantile(sorted: differences, probability: 1 - tail)
    )
}

/// The pieces of the bootstrap, exposed to the tests.
enum MeanDifferenceBootstrap {
    /// `count` bootstrap replicates of mean(a) − mean(b), in the order drawn.
    ///
    /// - Precondition: neither group is empty.
    static func replicates(
        _ a: ScoreCounts,
        _ b: ScoreCounts,
        count: Int,
        using generator: inout SeededGenerator
    ) -> [Double] {
        precondition(!a.isEmpty && !b.isEmpty, "cannot bootstrap an empty group")
        let nA = Double(a.n)
        let nB = Double(b.n)
        var differences: [Double] = []
        differences.reserveCapacity(count)
        for _ in 0..<count {
            let resampledA = a.resampled(using: &generator)
            let resampledB = b.resampled(using: &generator)
            differences.append(Double(resampledA.scoreSum) / nA - Double(resampledB.scoreSum) / nB)
        }
        return differences
    }

    /// Quantile of ascending `sorted` values by linear interpolation between the order
    /// statistics (Hyndman & Fan type 7, NumPy's default): with h = (N − 1)·q,
    /// x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), interpolated from the nearer end as NumPy does.
    ///
    /// - Precondition: `sorted` is non-empty and ascending; `probability` in 0…1.
    static func quantile(sorted: [Double], probability: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of an empty list")
        precondition(probability >= 0 && probability <= 1, "quantile probability must lie in 0...1")
        let position = Double(sorted.count - 1) * probability
        let below = Int(position.rounded(.down))
        let fraction = position - Double(below)
        guard below + 1 < sorted.count else { return sorted[sorted.count - 1] }
        let low = sorted[below]
        let high = sorted[below + 1]
        let step = high - low
        return fraction < 0.5 ? low + step * fraction : high - step * (1 - fraction)
    }
}
