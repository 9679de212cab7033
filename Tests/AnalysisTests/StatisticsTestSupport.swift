import Foundation

/// Floating-point comparisons shared by the statistics tests.
enum StatisticsTolerance {
    /// Reference values from SciPy/NumPy agree to 1e-9 relative, or 1e-12 absolute near zero.
    static func matchesReference(_ actual: Double, _ expected: Double) -> Bool {
        if actual == expected { return true }
        let difference = abs(actual - expected)
        return difference <= 1e-12 || difference <= 1e-9 * abs(expected)
    }

    /// Distance in units in the last place of `expected`.
    static func ulps(_ actual: Double, _ expected: Double) -> Double {
        if actual == expected { return 0 }
        return abs(actual - expected) / expected.ulp
    }
}

/// Turns a table of counts into the individual answers, index = score.
func statisticsExpand(_ counts: [Int]) -> [Int] {
    counts.enumerated().flatMap { score, count in Array(repeating: score, count: count) }
}
