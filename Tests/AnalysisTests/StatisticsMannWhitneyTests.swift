import Foundation
import Testing

@testable import Analysis

/// A band comparison with figures computed independently by SciPy/NumPy.
struct StatisticsReferenceCase: Sendable, CustomTestStringConvertible {
    var name: String
    var a: [Int]
    var b: [Int]
    var u: Double
    var p: Double
    var delta: Double

    init(_ name: String, a: [Int], b: [Int], u: Double, p: Double, delta: Double) {
        self.name = name
        self.a = a
        self.b = b
        self.u = u
        self.p = p
        self.delta = delta
    }

    var testDescription: String { name }
}

/// Reference figures from SciPy 1.17.1 / NumPy 2.4.6, produced by this script (its output
/// lines are pasted below unchanged):
///
/// ```python
/// import numpy as np
/// from scipy.stats import mannwhitneyu, false_discovery_control
/// cases = [  # (name, counts of a at scores 0..4, counts of b)
///     ("small5_vs_37",   [1, 1, 1, 1, 1],                   [0, 2, 5, 20, 10]),
///     ("n5_vs_n5",       [0, 0, 2, 2, 1],                   [3, 1, 1, 0, 0]),
///     ("n37_vs_n150",    [2, 5, 10, 12, 8],                 [40, 35, 30, 30, 15]),
///     ("n150_vs_n150",   [10, 20, 40, 50, 30],              [30, 40, 40, 25, 15]),
///     ("n5000_vs_n5000", [500, 800, 1200, 1500, 1000],      [1800, 1200, 900, 700, 400]),
///     ("n37_vs_n5000",   [3, 4, 9, 14, 7],                  [500, 800, 1200, 1500, 1000]),
///     ("near_null",      [20, 30, 50, 30, 20],              [21, 30, 49, 31, 19]),
///     ("one_level_a",    [0, 0, 0, 5, 0],                   [1, 2, 3, 4, 5]),
///     ("far_apart",      [0, 0, 10, 200, 300],              [300, 200, 10, 0, 0]),
///     ("n1M_vs_n1M",     [100000, 200000, 300000, 250000, 150000], [150000, 250000, 300000, 200000, 100000]),
///     ("n1M_close",      [200000, 200000, 200000, 200000, 200000], [200600, 200000, 200000, 200000, 199400]),
/// ]
/// def expand(c):
///     return np.repeat(np.arange(5), c).astype(float)
/// ps = []
/// for name, a, b in cases:
///     x, y = expand(a), expand(b)
///     r = mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
///     if len(x) * len(y) <= 25_000_000:   # Cliff's delta by brute force over all pairs
///         s = np.sign(x[:, None] - y[None, :])
///         delta = s.sum() / s.size
///     else:                               # too many pairs: from SciPy's U, d = 2U/(n_a n_b) - 1
///         delta = 2 * r.statistic / (len(x) * len(y)) - 1
///     ps.append(r.pvalue)
///     print(f'.init("{name}", a: {a}, b: {b}, u: {float(r.statistic)!r}, p: {float(r.pvalue)!r}, delta: {float(delta)!r}),')
/// print("q:", [float(q) for q in false_discovery_control(ps, method="bh")])
/// ```
let statisticsSciPyCases: [StatisticsReferenceCase] = [
    .init(
        "small5_vs_37", a: [1, 1, 1, 1, 1], b: [0, 2, 5, 20, 10], u: 54.5, p: 0.11505988031178047,
        delta: -0.41081081081081083),
    .init("n5_vs_n5", a: [0, 0, 2, 2, 1], b: [3, 1, 1, 0, 0], u: 24.0, p: 0.018118911585663852, delta: 0.92),
    .init(
        "n37_vs_n150", a: [2, 5, 10, 12, 8], b: [40, 35, 30, 30, 15], u: 3807.5, p: 0.0003441561614761998,
        delta: 0.37207207207207205),
    .init(
        "n150_vs_n150", a: [10, 20, 40, 50, 30], b: [30, 40, 40, 25, 15], u: 15150.0, p: 1.0328921912558543e-07,
        delta: 0.3466666666666667),
    .init(
        "n5000_vs_n5000", a: [500, 800, 1200, 1500, 1000], b: [1800, 1200, 900, 700, 400], u: 17685000.0,
        p: 4.115067130374132e-295, delta: 0.4148),
    .init(
        "n37_vs_n5000", a: [3, 4, 9, 14, 7], b: [500, 800, 1200, 1500, 1000], u: 98450.0, p: 0.48762249359898546,
        delta: 0.06432432432432432),
    .init(
        "near_null", a: [20, 30, 50, 30, 20], b: [21, 30, 49, 31, 19], u: 11340.0, p: 0.9023540998649456, delta: 0.008),
    .init(
        "one_level_a", a: [0, 0, 0, 5, 0], b: [1, 2, 3, 4, 5], u: 40.0, p: 0.8532707084220552,
        delta: 0.06666666666666667),
    .init(
        "far_apart", a: [0, 0, 10, 200, 300], b: [300, 200, 10, 0, 0], u: 260050.0, p: 8.072611199321443e-180,
        delta: 0.9996155324875048),
    .init(
        "n1M_vs_n1M", a: [100000, 200000, 300000, 250000, 150000], b: [150000, 250000, 300000, 200000, 100000],
        u: 570000000000.0, p: 0.0, delta: 0.1399999999999999),
    .init(
        "n1M_close", a: [200000, 200000, 200000, 200000, 200000], b: [200600, 200000, 200000, 200000, 199400],
        u: 500480000000.0, p: 0.2301394312254288, delta: 0.0009600000000000719),
]

/// The script's last line: BH q-values of the p-values above, in the same order.
let statisticsSciPyQValues: [Double] = [
    0.18080838334708357, 0.03321800457371706, 0.0007571435552476396, 2.840453525953599e-07,
    2.263286921705773e-294, 0.5959830477320934, 0.9023540998649456, 0.9023540998649456,
    2.959957439751196e-179, 0.0, 0.31644171793496456,
]

@Suite("Mann–Whitney U and Cliff's delta")
struct StatisticsMannWhitneyTests {
    @Test("agree with SciPy (U, p) and brute-force NumPy (delta)", arguments: statisticsSciPyCases)
    func matchesSciPy(reference: StatisticsReferenceCase) throws {
        let a = ScoreCounts(counts: reference.a)
        let b = ScoreCounts(counts: reference.b)
        let result = try #require(mannWhitneyU(a, b))
        #expect(StatisticsTolerance.matchesReference(result.u, reference.u), "U \(result.u) vs \(reference.u)")
        #expect(StatisticsTolerance.matchesReference(result.p, reference.p), "p \(result.p) vs \(reference.p)")
        let delta = try #require(cliffsDelta(a, b))
        #expect(StatisticsTolerance.matchesReference(delta, reference.delta), "delta \(delta) vs \(reference.delta)")
        // The identity d = 2·U₁/(n_a·n_b) − 1 and the sign convention of z.
        let pairs = Double(a.n) * Double(b.n)
        #expect(abs(delta - (2 * result.u / pairs - 1)) < 1e-12)
        #expect(result.z == 0 || (result.z > 0) == (delta > 0))
    }

    @Test("swapping the groups mirrors U, z and delta and keeps p", arguments: statisticsSciPyCases)
    func swapSymmetry(reference: StatisticsReferenceCase) throws {
        let a = ScoreCounts(counts: reference.a)
        let b = ScoreCounts(counts: reference.b)
        let forward = try #require(mannWhitneyU(a, b))
        let backward = try #require(mannWhitneyU(b, a))
        #expect(forward.u + backward.u == Double(a.n) * Double(b.n))
        #expect(forward.p == backward.p)
        #expect(forward.z == -backward.z)
        #expect(try #require(cliffsDelta(a, b)) == -(try #require(cliffsDelta(b, a))))
    }

    /// a = {0, 1, 2}, b = {1, 2, 3}. Of the 9 pairs, a is higher in 1 (2 > 1), tied in 2
    /// (1 = 1, 2 = 2), lower in 6. So U₁ = 1 + 2/2 = 2, d = (1 − 6)/9 = −5/9.
    /// μ = 9/2; pooled ties t = (1, 2, 2, 1) give Σ(t³ − t) = 12, n = 6, so
    /// σ² = 9/12·(7 − 12/30) = 4.95; z = −(|2 − 4.5| − 0.5)/√4.95 = −0.8989331499509894;
    /// p = erfc(|z|/√2) = 0.3686882693617816 (Python's math.erfc; SciPy agrees).
    @Test("hand-derived case with ties")
    func handDerived() throws {
        let a = ScoreCounts(scores: [0, 1, 2])
        let b = ScoreCounts(scores: [1, 2, 3])
        let result = try #require(mannWhitneyU(a, b))
        #expect(result.u == 2)
        #expect(StatisticsTolerance.matchesReference(result.z, -0.8989331499509894))
        #expect(StatisticsTolerance.matchesReference(result.p, 0.3686882693617816))
        #expect(try #require(cliffsDelta(a, b)) == -5.0 / 9)
    }

    /// One answer each, 3 against 1: the single pair favours a, so U₁ = 1 and d = 1. With
    /// μ = ½ and σ² = 1/12·3 = ¼ the continuity correction uses up the whole distance:
    /// z = 0, p = 1 (SciPy also gives 1).
    @Test("one answer per group")
    func singleAnswers() throws {
        let a = ScoreCounts(scores: [3])
        let b = ScoreCounts(scores: [1])
        #expect(try #require(cliffsDelta(a, b)) == 1)
        #expect(try #require(cliffsDelta(b, a)) == -1)
        #expect(try #require(cliffsDelta(a, a)) == 0)
        let result = try #require(mannWhitneyU(a, b))
        #expect(result == MannWhitneyResult(u: 1, z: 0, p: 1))
    }

    /// Every answer in both groups is 2: all pairs tie, U₁ = n_a·n_b/2, σ = 0. We define
    /// p = 1, z = 0 (SciPy 1.17: p = 1 by clipping 2·Φ(+∞)).
    @Test("all answers equal: zero variance gives p = 1", arguments: [(3, 2), (5, 7), (1, 1), (300_000, 200_000)])
    func zeroVariance(nA: Int, nB: Int) throws {
        let a = ScoreCounts(counts: [0, 0, nA, 0, 0])
        let b = ScoreCounts(counts: [0, 0, nB, 0, 0])
        let result = try #require(mannWhitneyU(a, b))
        #expect(result.u == Double(nA) * Double(nB) / 2)
        #expect(result.z == 0)
        #expect(result.p == 1)
        #expect(try #require(cliffsDelta(a, b)) == 0)
    }

    @Test("identical non-degenerate groups: U at its mean, p = 1")
    func identicalGroups() throws {
        let a = ScoreCounts(counts: [4, 6, 9, 12, 5])
        let result = try #require(mannWhitneyU(a, a))
        #expect(result.u == Double(a.n * a.n) / 2)
        #expect(result.z == 0)
        #expect(result.p == 1)
    }

    @Test("complete separation: delta ±1 and a small p")
    func separation() throws {
        let low = ScoreCounts(counts: [10, 10, 0, 0, 0])
        let high = ScoreCounts(counts: [0, 0, 0, 10, 10])
        #expect(try #require(cliffsDelta(high, low)) == 1)
        #expect(try #require(cliffsDelta(low, high)) == -1)
        let result = try #require(mannWhitneyU(high, low))
        #expect(result.u == 400)
        #expect(result.z > 5)
        #expect(result.p < 1e-6)
    }

    @Test("empty groups give nil")
    func emptyGroups() {
        let some = ScoreCounts(counts: [1, 2, 3, 4, 5])
        #expect(mannWhitneyU(ScoreCounts(), some) == nil)
        #expect(mannWhitneyU(some, ScoreCounts()) == nil)
        #expect(mannWhitneyU(ScoreCounts(), ScoreCounts()) == nil)
        #expect(cliffsDelta(ScoreCounts(), some) == nil)
        #expect(cliffsDelta(some, ScoreCounts()) == nil)
    }

    @Test("Cliff's delta equals brute force over all pairs, for random small groups")
    func deltaBruteForce() throws {
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<200 {
            let answersA = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                Int.random(in: 0...4, using: &generator)
            }
            let answersB = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                Int.random(in: 0...4, using: &generator)
            }
            var balance = 0
            for x in answersA {
                for y in answersB {
                    balance += x > y ? 1 : (x < y ? -1 : 0)
                }
            }
            let expected = Double(balance) / Double(answersA.count * answersB.count)
            let delta = try #require(cliffsDelta(ScoreCounts(scores: answersA), ScoreCounts(scores: answersB)))
            #expect(abs(delta - expected) < 1e-15)
        }
    }
}

@Suite("EffectMagnitude")
struct StatisticsEffectMagnitudeTests {
    @Test(
        "thresholds 0.147, 0.33, 0.474 on |d|, boundaries belong to the larger class",
        arguments: [
            (0.0, EffectMagnitude.negligible), (0.1469, .negligible), (-0.1469, .negligible),
            (0.147, .small), (-0.147, .small), (0.2, .small), (0.3299, .small),
            (0.33, .medium), (-0.33, .medium), (0.4739, .medium),
            (0.474, .large), (-0.474, .large), (0.9, .large), (1.0, .large), (-1.0, .large),
        ]
    )
    func classify(delta: Double, expected: EffectMagnitude) {
        #expect(EffectMagnitude(delta: delta) == expected)
    }

    @Test("encodes as its lower-case name")
    func coding() throws {
        let data = try JSONEncoder().encode([EffectMagnitude.negligible, .large])
        #expect(String(decoding: data, as: UTF8.self) == #"["negligible","large"]"#)
    }
}
