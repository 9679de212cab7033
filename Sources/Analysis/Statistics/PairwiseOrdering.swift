import Foundation

/// How the n_a × n_b cross pairs (one answer from `a`, one from `b`) of two groups compare:
/// the shared tally behind Cliff's delta and the Mann–Whitney U.
///
/// From counts this costs O(5), not O(n_a·n_b): with `below(k)` the number of `b` answers
/// under score k,
///
///     greater = Σ_k a_k · below(k)        (pairs where a's score is higher)
///     tied    = Σ_k a_k · b_k
///     less    = Σ_k a_k · above(k)        (pairs where a's score is lower)
///
/// The tallies are held as `Double`. They are exact integers while they stay below 2^53
/// (groups of up to ~9·10^7 answers each), far beyond any survey; past that they carry the
/// usual relative rounding of 1e-16, which no reported figure can see.
struct PairwiseOrdering: Sendable, Hashable {
    /// Pairs where `a` is higher.
    var greater: Double
    /// Pairs where `a` is lower.
    var less: Double
    /// Pairs with equal scores.
    var tied: Double

    init(_ a: ScoreCounts, _ b: ScoreCounts) {
        var greater = 0.0
        var tied = 0.0
        var less = 0.0
        var bBelow = 0
        var bAbove = b.n
        for score in ScoreCounts.scores {
            let aCount = Double(a.count(of: score))
            let bCount = b.count(of: score)
            bAbove -= bCount
            greater += aCount * Double(bBelow)
            tied += aCount * Double(bCount)
            less += aCount * Double(bAbove)
            bBelow += bCount
        }
        self.greater = greater
        self.tied = tied
        self.less = less
    }
}
