import Foundation

/// Cliff's delta of `a` versus `b`: P(a > b) − P(a < b) for one answer drawn from each group,
///
///     d = (#{(i, j) : a_i > b_j} − #{(i, j) : a_i < b_j}) / (n_a · n_b)
///
/// in −1…1; positive means `a` is the more familiar group. Ties count for neither side.
/// Equivalent to 2·U₁/(n_a·n_b) − 1 with U₁ the Mann–Whitney statistic of `a`.
///
/// - Returns: `nil` when either group is empty.
package func cliffsDelta(_ a: ScoreCounts, _ b: ScoreCounts) -> Double? {
    guard !a.isEmpty, !b.isEmpty else { return nil }
    let pairs = PairwiseOrdering(a, b)
    return (pairs.greater - pairs.less) / (Double(a.n) * Double(b.n))
}
