import Foundation
import Testing

@testable import Analysis

/// A percentile interval computed by NumPy for the same data.
struct StatisticsBootstrapReference: Sendable, CustomTestStringConvertible {
    var name: String
    var a: [Int]
    var b: [Int]
    var lower: Double
    var upper: Double

    init(_ name: String, a: [Int], b: [Int], lower: Double, upper: Double) {
        self.name = name
        self.a = a
        self.b = b
        self.lower = lower
        self.upper = upper
    }

    var testDescription: String { name }
}

/// 95% percentile bootstrap intervals of mean(a) − mean(b) from NumPy 2.4.6 with 400 000
/// replicates: raw answers resampled with replacement for the small groups, multinomial
/// counts (the same distribution, drawn by NumPy's own sampler) for the large ones.
///
/// ```python
/// import numpy as np
/// rng = np.random.default_rng(20240601)
/// R = 400_000
/// scores = np.arange(5)
/// cases = [
///     ("n37_vs_n150",    [2, 5, 10, 12, 8],            [40, 35, 30, 30, 15],           "raw"),
///     ("n150_vs_n150",   [10, 20, 40, 50, 30],         [30, 40, 40, 25, 15],           "raw"),
///     ("n5000_vs_n5000", [500, 800, 1200, 1500, 1000], [1800, 1200, 900, 700, 400],    "multinomial"),
///     ("n1M_vs_n1M",     [100000, 200000, 300000, 250000, 150000],
///                        [150000, 250000, 300000, 200000, 100000],                    "multinomial"),
/// ]
/// def boot_means(c, how):
///     c = np.asarray(c); n = c.sum()
///     if how == "raw":   # resample the raw answers with replacement, in chunks
///         x = np.repeat(scores, c)
///         return np.concatenate([rng.choice(x, size=(20_000, n)).mean(axis=1) for _ in range(R // 20_000)])
///     return rng.multinomial(n, c / n, size=R) @ scores / n
/// for name, a, b, how in cases:
///     d = boot_means(a, how) - boot_means(b, how)
///     lo, hi = np.percentile(d, [2.5, 97.5])
///     print(f'.init("{name}", a: {a}, b: {b}, lower: {float(lo)!r}, upper: {float(hi)!r}),')
/// ```
let statisticsNumPyBootstrapCases: [StatisticsBootstrapReference] = [
    .init(
        "n37_vs_n150", a: [2, 5, 10, 12, 8], b: [40, 35, 30, 30, 15], lower: 0.45441441441441444,
        upper: 1.2967567567567566),
    .init(
        "n150_vs_n150", a: [10, 20, 40, 50, 30], b: [30, 40, 40, 25, 15], lower: 0.4933333333333334,
        upper: 1.0333333333333334),
    .init(
        "n5000_vs_n5000", a: [500, 800, 1200, 1500, 1000], b: [1800, 1200, 900, 700, 400], lower: 0.9503999999999999,
        upper: 1.0500000000000003),
    .init(
        "n1M_vs_n1M", a: [100000, 200000, 300000, 250000, 150000], b: [150000, 250000, 300000, 200000, 100000],
        lower: 0.2966869999999999, upper: 0.3033020000000002),
]

@Suite("Bootstrap interval of the mean difference")
struct StatisticsBootstrapTests {
    static let junior = ScoreCounts(counts: [2, 5, 10, 12, 8])
    static let senior = ScoreCounts(counts: [40, 35, 30, 30, 15])

    /// Standard deviation of the bootstrap distribution of mean(a) − mean(b):
    /// √(s²_a/n_a + s²_b/n_b) with the plug-in (divide-by-n) variances, since each resample
    /// is n i.i.d. draws from the group's empirical distribution.
    static func bootstrapStandardDeviation(_ a: ScoreCounts, _ b: ScoreCounts) -> Double {
        func varianceOfMean(_ group: ScoreCounts) -> Double {
            let n = Double(group.n)
            let mean = Double(group.scoreSum) / n
            let meanSquare = ScoreCounts.scores.reduce(0.0) { $0 + Double($1 * $1 * group.count(of: $1)) } / n
            return (meanSquare - mean * mean) / n
        }
        return (varianceOfMean(a) + varianceOfMean(b)).squareRoot()
    }

    /// Monte-Carlo standard error of the 2.5% (or 97.5%) sample quantile of `replicates`
    /// draws: √(q(1 − q)/R)/f(x_q), with f the density there. The bootstrap distribution of
    /// a mean difference is close to normal (sd σ), so f(x_q) = φ(1.96)/σ = 0.05845/σ.
    static func quantileStandardError(replicates: Int, sd: Double) -> Double {
        (0.025 * 0.975 / Double(replicates)).squareRoot() / 0.058_445 * sd
    }

    static func greatestCommonDivisor(_ x: Int, _ y: Int) -> Int {
        y == 0 ? x : greatestCommonDivisor(y, x % y)
    }

    @Test("empty groups give nil")
    func emptyGroups() {
        #expect(bootstrapMeanDifferenceInterval(ScoreCounts(), Self.senior, seed: 1) == nil)
        #expect(bootstrapMeanDifferenceInterval(Self.junior, ScoreCounts(), seed: 1) == nil)
    }

    @Test("the same seed gives the identical interval; another seed a different one")
    func determinism() throws {
        let first = try #require(bootstrapMeanDifferenceInterval(Self.junior, Self.senior, seed: 42))
        let again = try #require(bootstrapMeanDifferenceInterval(Self.junior, Self.senior, seed: 42))
        let other = try #require(bootstrapMeanDifferenceInterval(Self.junior, Self.senior, seed: 43))
        #expect(first == again)
        #expect(first != other)
        let keyed = try #require(
            bootstrapMeanDifferenceInterval(
                Self.junior, Self.senior, seed: SeededGenerator.derivedSeed(42, key: "TikTok|Junior|Senior")))
        #expect(keyed != first)
        var generator = SeededGenerator(seed: 42, key: "TikTok|Junior|Senior")
        #expect(bootstrapMeanDifferenceInterval(Self.junior, Self.senior, generator: &generator) == keyed)
    }

    /// Pins the exact output for a fixed seed, so that any change to the generator, the
    /// samplers or the order in which random numbers are used — each of which would change
    /// every published interval — is noticed. Update deliberately, never casually.
    @Test("the random stream is stable across versions (golden values)")
    func goldenValues() throws {
        let interval = try #require(bootstrapMeanDifferenceInterval(Self.junior, Self.senior, seed: 1))
        #expect(interval == PercentileInterval(lower: 0.468328828828829, upper: 1.3056126126126124))
        let large = try #require(
            bootstrapMeanDifferenceInterval(
                ScoreCounts(counts: [100_000, 200_000, 300_000, 250_000, 150_000]),
                ScoreCounts(counts: [150_000, 250_000, 300_000, 200_000, 100_000]),
                seed: 1))
        #expect(large == PercentileInterval(lower: 0.29661050000000017, upper: 0.3031826000000003))
    }

    @Test(
        "the interval contains the observed difference",
        arguments: [
            ([2, 5, 10, 12, 8], [40, 35, 30, 30, 15]),
            ([1, 1, 1, 1, 1], [0, 2, 5, 20, 10]),
            ([0, 0, 2, 2, 1], [3, 1, 1, 0, 0]),
            ([20, 30, 50, 30, 20], [21, 30, 49, 31, 19]),
            ([0, 1, 0, 3, 40], [12, 1, 0, 0, 0]),
            ([500, 800, 1200, 1500, 1000], [1800, 1200, 900, 700, 400]),
        ]
    )
    func containsObserved(a: [Int], b: [Int]) throws {
        let groupA = ScoreCounts(counts: a)
        let groupB = ScoreCounts(counts: b)
        let observed = try #require(groupA.mean) - (try #require(groupB.mean))
        let interval = try #require(bootstrapMeanDifferenceInterval(groupA, groupB, seed: 7))
        #expect(interval.lower <= interval.upper)
        #expect(interval.contains(observed), "\(interval) vs \(observed)")
        #expect(interval.lower >= -4 && interval.upper <= 4)
    }

    /// Scaling every count by 10 keeps the distributions and divides the bootstrap sd by √10.
    @Test("the width shrinks like 1/√n")
    func widthShrinks() throws {
        var widths: [Double] = []
        for factor in [1, 10, 100, 1_000] {
            let a = ScoreCounts(counts: Self.junior.counts.map { $0 * factor })
            let b = ScoreCounts(counts: Self.senior.counts.map { $0 * factor })
            widths.append(try #require(bootstrapMeanDifferenceInterval(a, b, seed: 11)).width)
        }
        for (wide, narrow) in zip(widths, widths.dropFirst()) {
            #expect(narrow < wide)
            // √10 = 3.16; with 2000 replicates the width itself is uncertain by a few percent.
            #expect(wide / narrow > 2.6 && wide / narrow < 3.8, "width ratio \(wide / narrow)")
        }
    }

    @Test("degenerate groups: no variation gives a point interval")
    func degenerate() throws {
        let threes = ScoreCounts(counts: [0, 0, 0, 8, 0])
        let ones = ScoreCounts(counts: [0, 5, 0, 0, 0])
        #expect(bootstrapMeanDifferenceInterval(threes, ones, seed: 1) == PercentileInterval(lower: 2, upper: 2))
        // One answer against a varied group: a − b spans 4 − (b's bootstrap mean).
        let single = ScoreCounts(scores: [4])
        let interval = try #require(bootstrapMeanDifferenceInterval(single, Self.senior, seed: 1))
        #expect(interval.lower > 2 && interval.upper < 3.5 && interval.lower < interval.upper)
        // A single replicate is its own interval.
        let one = try #require(bootstrapMeanDifferenceInterval(Self.junior, Self.senior, replicates: 1, seed: 1))
        #expect(one.lower == one.upper)
    }

    @Test("higher confidence widens the interval around the same replicates")
    func nestedConfidence() throws {
        let narrow = try #require(bootstrapMeanDifferenceInterval(Self.junior, Self.senior, confidence: 0.5, seed: 5))
        let usual = try #require(bootstrapMeanDifferenceInterval(Self.junior, Self.senior, confidence: 0.95, seed: 5))
        let wide = try #require(bootstrapMeanDifferenceInterval(Self.junior, Self.senior, confidence: 0.99, seed: 5))
        #expect(wide.lower <= usual.lower && usual.lower <= narrow.lower)
        #expect(narrow.upper <= usual.upper && usual.upper <= wide.upper)
    }

    /// The replicates' mean is an unbiased estimate of the observed difference (standard error
    /// σ/√R) and their sd estimates σ (standard error about σ/√(2R)); 6 standard errors each.
    @Test("replicates have the theoretical mean and spread", arguments: statisticsNumPyBootstrapCases)
    func replicateMoments(reference: StatisticsBootstrapReference) throws {
        let a = ScoreCounts(counts: reference.a)
        let b = ScoreCounts(counts: reference.b)
        var generator = SeededGenerator(seed: 8, key: reference.name)
        let count = 20_000
        let differences = MeanDifferenceBootstrap.replicates(a, b, count: count, using: &generator)
        let sd = Self.bootstrapStandardDeviation(a, b)
        let observed = try #require(a.mean) - (try #require(b.mean))
        let mean = differences.reduce(0, +) / Double(count)
        let sampleSD = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)).squareRoot()
        #expect(abs(mean - observed) < 6 * sd / Double(count).squareRoot())
        #expect(abs(sampleSD - sd) < 6 * sd / (2 * Double(count)).squareRoot())
    }

    /// Tolerance: both our estimate and NumPy's are sample quantiles with Monte-Carlo error
    /// (see `quantileStandardError`); we allow 6 combined standard errors, plus one step of
    /// the lattice the differences live on (1/lcm(n_a, n_b)), by which two correct estimates of
    /// the same quantile of a discrete distribution can differ.
    @Test(
        "quantiles agree with a NumPy percentile bootstrap within Monte-Carlo error",
        arguments: statisticsNumPyBootstrapCases, [2_000, 50_000])
    func agreesWithNumPy(reference: StatisticsBootstrapReference, replicates: Int) throws {
        let a = ScoreCounts(counts: reference.a)
        let b = ScoreCounts(counts: reference.b)
        let interval = try #require(bootstrapMeanDifferenceInterval(a, b, replicates: replicates, seed: 2_024))
        let sd = Self.bootstrapStandardDeviation(a, b)
        let ours = Self.quantileStandardError(replicates: replicates, sd: sd)
        let numpy = Self.quantileStandardError(replicates: 400_000, sd: sd)
        let lcm = a.n / Self.greatestCommonDivisor(a.n, b.n) * b.n
        let tolerance = 6 * (ours * ours + numpy * numpy).squareRoot() + 1 / Double(lcm)
        #expect(
            abs(interval.lower - reference.lower) < tolerance,
            "lower \(interval.lower) vs \(reference.lower) ± \(tolerance)")
        #expect(
            abs(interval.upper - reference.upper) < tolerance,
            "upper \(interval.upper) vs \(reference.upper) ± \(tolerance)")
    }

    @Test(
        "quantiles interpolate linearly like numpy.percentile",
        arguments: [(0.0, 1.0), (0.025, 1.075), (0.25, 1.75), (0.5, 2.5), (0.975, 3.925), (1.0, 4.0)]
    )
    func quantile(probability: Double, expected: Double) {
        let value = MeanDifferenceBootstrap.quantile(sorted: [1, 2, 3, 4], probability: probability)
        #expect(abs(value - expected) < 1e-12)
        #expect(MeanDifferenceBootstrap.quantile(sorted: [7], probability: probability) == 7)
    }
}
