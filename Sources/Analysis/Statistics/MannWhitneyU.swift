import Foundation

/// Outcome of a two-sided Mann–Whitney U test of group `a` against group `b`.
package struct MannWhitneyResult: Sendable, Hashable, Codable {
    /// U₁, the statistic of `a`: the number of (a, b) answer pairs in which `a` is higher, ties
    /// counting one half. U₁ + U₂ = n_a·n_b. (What `scipy.stats.mannwhitneyu(a, b)` returns.)
    package var u: Double
    /// Continuity-corrected, tie-corrected standard score of U₁, signed so that positive means
    /// `a` tends to score higher: sign(U₁ − μ)·max(0, |U₁ − μ| − ½)/σ. 0 when the variance is
    /// zero or U₁ = μ.
    package var z: Double
    /// Two-sided p-value from the normal approximation, in 0…1.
    package var p: Double

    package init(u: Double, z: Double, p: Double) {
        self.u = u
        self.z = z
        self.p = p
    }
}

/// Two-sided Mann–Whitney U test (Wilcoxon rank-sum) of `a` against `b` by the normal
/// approximation with tie correction and continuity correction — the same figures as
/// `scipy.stats.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic",
/// use_continuity=True)` on the expanded answers.
///
/// With n = n_a + n_b and t_k the number of answers (both groups) at score k:
///
///     U₁ = #{a > b} + ½·#{a = b}                      (rank-sum form: R₁ − n_a(n_a+1)/2)
///     μ  = n_a·n_b / 2
///     σ² = n_a·n_b/12 · ((n + 1) − Σ_k (t_k³ − t_k) / (n(n − 1)))
///     z  = (max(U₁, U₂) − μ − ½) / σ
///     p  = min(1, 2·(1 − Φ(z))) = min(1, erfc(z/√2))
///
/// Zero variance (every answer in both groups is the same score): the test has no
/// information, and we define p = 1, z = 0. SciPy 1.17.1 also returns p = 1 there (checked
/// for groups of up to 3 million): its z is −½/0 = −∞ and the doubled tail, 2, is clipped to
/// 1. We do not depend on that arithmetic: the case is detected from the counts, so no
/// division by zero or NaN can arise.
///
/// Everything but the last step is exact or correctly rounded arithmetic; p comes from the
/// platform's `erfc`, so it can differ between platforms in the last bit (never in a reported
/// digit).
///
/// - Returns: `nil` when either group is empty.
package func mannWhitneyU(_ a: ScoreCounts, _ b: ScoreCounts) -> MannWhitneyResult? {
    let nA = a.n
    let nB = b.n
    guard nA > 0, nB > 0 else { return nil }

    let pairs = PairwiseOrdering(a, b)
    let u1 = pairs.greater + 0.5 * pairs.tied
    let pairCount = Double(nA) * Double(nB)
    let mu = pairCount / 2

    let n = Double(nA + nB)
    var tieTerm = 0.0
    var occupiedScores = 0
    for score in ScoreCounts.scores {
        let t = Double(a.count(of: score) + b.count(of: score))
        tieTerm += t * t * t - t
        if t > 0 { occupiedScores += 1 }
    }
    let variance = pairCount / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
    guard occupiedScores > 1, variance > 0 else {
        return MannWhitneyResult(u: u1, z: 0, p: 1)
    }
    let sigma = variance.squareRoot()

    // Distance of the larger of U₁, U₂ from its mean, less the continuity correction.
    let uLarger = max(u1, pairCount - u1)
    let corrected = uLarger - mu - 0.5
    let zMagnitude = corrected / sigma
    let p = min(1, erfc(zMagnitude * (0.5).squareRoot()))

    let z: Double
    if corrected <= 0 {
        z = 0
    } else {
        z = u1 > mu ? zMagnitude : -zMagnitude
    }
    return MannWhitneyResult(u: u1, z: z, p: p)
}
