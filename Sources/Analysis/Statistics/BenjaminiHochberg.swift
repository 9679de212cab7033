import Foundation

/// Benjamini–Hochberg adjusted p-values (q-values), in the order of the input.
///
/// With m p-values and p₍ᵢ₎ the i-th smallest,
///
///     q₍ᵢ₎ = min(1, min_{j ≥ i} p₍ⱼ₎ · m / j)
///
/// which is what R's `p.adjust(p, method = "BH")` and
/// `scipy.stats.false_discovery_control(p, method="bh")` return: monotone in p, never below
/// the p-value it adjusts, capped at 1. Equal p-values get equal q-values.
///
/// - Precondition: every p-value is in 0…1 (NaN is not allowed: a suppressed test must be left
///   out of the list, not passed as NaN).
package func benjaminiHochbergQValues(_ pValues: [Double]) -> [Double] {
    precondition(pValues.allSatisfy { $0 >= 0 && $0 <= 1 }, "p-values must lie in 0...1")
    let m = pValues.count
    guard m > 0 else { return [] }

    // Indices of the p-values, ascending by p (ties by index, so the order is reproducible).
    let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }

    var qValues = [Double](repeating: 0, count: m)
    var runningMinimum = 1.0
    for rank in stride(from: m, through: 1, by: -1) {
        let index = order[rank - 1]
        let scaled = pValues[index] * (Double(m) / Double(rank))
        runningMinimum = min(runningMinimum, scaled)
        qValues[index] = runningMinimum
    }
    return qValues
}
