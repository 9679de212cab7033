import Foundation

/// A confidence interval given by two percentiles of a bootstrap distribution.
package struct PercentileInterval: Sendable, Hashable, Codable {
    package var lower: Double
    package var upper: Double

    package init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// `upper − lower`.
    package var width: Double { upper - lower }

    /// Whether `value` lies in the closed interval.
    package func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }
}
