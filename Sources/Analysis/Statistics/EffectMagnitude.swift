import Foundation

/// Verbal size of a Cliff's delta, with the thresholds of Romano et al. (2006) that SPEC §3
/// fixes: |d| < 0.147 negligible, < 0.33 small, < 0.474 medium, otherwise large.
package enum EffectMagnitude: String, Sendable, Codable, CaseIterable {
    case negligible
    case small
    case medium
    case large

    /// Classifies a delta by its absolute value; the sign (which band is ahead) is ignored.
    /// A boundary value belongs to the larger class (|d| = 0.147 is small).
    ///
    /// - Precondition: `delta` is not NaN.
    package init(delta: Double) {
        precondition(!delta.isNaN, "Cliff's delta must not be NaN")
        let size = abs(delta)
        if size < 0.147 {
            self = .negligible
        } else if size < 0.33 {
            self = .small
        } else if size < 0.474 {
            self = .medium
        } else {
            self = .large
        }
    }
}
