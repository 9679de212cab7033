import Foundation

/// Exact Binomial(n, p) variates in O(1) expected time for any n, reproducible bit for bit
/// from a `SeededGenerator` (only `PortableMath` and correctly rounded arithmetic are used).
///
/// By the symmetry X ~ B(n, p) ⇔ n − X ~ B(n, 1 − p) the work is done with p ≤ ½, then:
/// - n·p < 10: inversion — walk the probability mass function from 0, using
///   f(0) = (1 − p)ⁿ and f(x) = f(x − 1)·((n + 1)/x − 1)·p/(1 − p), until the uniform is
///   used up (Kachitvichyanukul & Schmeiser's BINV; expected n·p + 1 steps, so ≤ 11).
/// - n·p ≥ 10: BTRS, Hörmann's transformed rejection with squeeze (W. Hörmann, "The
///   generation of binomial random variates", J. Statist. Comput. Simul. 46, 1993), about
///   1.15 uniform pairs per variate and most draws accepted without evaluating a logarithm.
///
/// Both methods are exact: their output distribution is the binomial itself, not an
/// approximation of it (up to floating-point rounding and the Stirling tail below, whose
/// error is under 4·10⁻¹³ in the log of the acceptance ratio).
enum BinomialSampler {
    /// Draws the number of successes in `trials` independent trials of probability
    /// `probability`.
    ///
    /// - Precondition: `trials >= 0` and `probability` in 0…1.
    static func draw(trials: Int, probability: Double, using generator: inout SeededGenerator) -> Int {
        precondition(trials >= 0, "binomial trials must be non-negative")
        precondition(probability >= 0 && probability <= 1, "binomial probability must lie in 0...1")
        if trials == 0 || probability == 0 { return 0 }
        if probability == 1 { return trials }
        if probability > 0.5 {
            // 1 − p is exact for p in [½, 1] (Sterbenz).
            return trials - draw(trials: trials, probability: 1 - probability, using: &generator)
        }
        if Double(trials) * probability < 10 {
            return inversion(trials: trials, probability: probability, using: &generator)
        }
        return transformedRejection(trials: trials, probability: probability, using: &generator)
    }

    /// Sequential search of the cumulative distribution (p ≤ ½, n·p < 10).
    static func inversion(trials n: Int, probability p: Double, using generator: inout SeededGenerator) -> Int {
        let ratio = p / (1 - p)
        let scaledRatio = Double(n + 1) * ratio
        // (1 − p)ⁿ via log1p: exact enough even for p ≪ 1/n, and ≥ e⁻¹⁴ because n·p < 10.
        let massAtZero = PortableMath.exp(Double(n) * PortableMath.log1p(-p))
        while true {
            var u = generator.nextUnitDouble()
            var x = 0
            var mass = massAtZero
            // Return x when F(x − 1) ≤ u < F(x): subtract f(0), f(1), … from u.
            while u >= mass {
                u -= mass
                x += 1
                if x > n { break }
                mass *= scaledRatio / Double(x) - ratio
            }
            // x > n only when rounding left u above the computed total mass: draw again.
            if x <= n { return x }
        }
    }

    /// Hörmann's BTRS (p ≤ ½, n·p ≥ 10).
    ///
    /// A uniform u′ = U − ½ is mapped to k = ⌊(2a/(½ − |u′|) + b)·u′ + c⌋, whose density
    /// dominates the binomial's. The pair is accepted at once inside the inner box
    /// (½ − |u′| ≥ 0.07 and v ≤ v_r); otherwise when
    ///
    ///     log(v·α/(a/(½ − |u′|)² + b)) ≤ log f(k) − log f(m),   m = ⌊(n + 1)p⌋ (the mode).
    ///
    /// The right side is a difference of log-factorials, written with Stirling's form
    /// log j! = (j + ½)·log(j + 1) − (j + 1) + ½·log 2π + tail(j), the constants cancel, and
    /// the remaining terms are grouped so no large logarithms cancel:
    ///
    ///     (m + ½)·log((m + 1)/(r(n − m + 1))) + (n + 1)·log((n − m + 1)/(n − k + 1))
    ///       + (k + ½)·log(r(n − k + 1)/(k + 1)) + tail(m) + tail(n − m) − tail(k) − tail(n − k)
    ///
    /// with r = p/(1 − p).
    static func transformedRejection(
        trials n: Int,
        probability p: Double,
        using generator: inout SeededGenerator
    ) -> Int {
        let trials = Double(n)
        let q = 1 - p
        let spread = (trials * p * q).squareRoot()
        let b = 1.15 + 2.53 * spread
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = trials * p + 0.5
        let boxHeight = 0.92 - 4.2 / b
        let alpha = (2.83 + 5.1 / b) * spread
        let r = p / q
        let mode = ((trials + 1) * p).rounded(.down)
        // The part of the bound that depends only on the mode.
        let modeTerm =
            (mode + 0.5) * PortableMath.log((mode + 1) / (r * (trials - mode + 1)))
            + stirlingTail(mode) + stirlingTail(trials - mode)

        while true {
            let u = generator.nextUnitDouble() - 0.5
            var v = generator.nextUnitDouble()
            let distanceFromEdge = 0.5 - abs(u)
            // Compare in floating point first: a u at the very edge gives ±∞, not an Int.
            let k = ((2 * a / distanceFromEdge + b) * u + c).rounded(.down)
            guard k >= 0, k <= trials else { continue }
            if distanceFromEdge >= 0.07, v <= boxHeight {
                return Int(k)
            }
            v = PortableMath.log(v * alpha / (a / (distanceFromEdge * distanceFromEdge) + b))
            let bound =
                modeTerm
                + (trials + 1) * PortableMath.log((trials - mode + 1) / (trials - k + 1))
                + (k + 0.5) * PortableMath.log(r * (trials - k + 1) / (k + 1))
                - stirlingTail(k) - stirlingTail(trials - k)
            if v <= bound {
                return Int(k)
            }
        }
    }

    /// tail(j) = log j! − ((j + ½)·log(j + 1) − (j + 1) + ½·log 2π), the error of Stirling's
    /// formula for j!, for a whole number j ≥ 0.
    static func stirlingTail(_ j: Double) -> Double {
        if j < 10 {
            return stirlingTailTable[Int(j)]
        }
        // Asymptotic series in x = j + 1:
        // 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷); error < 1/(1188x⁹) ≤ 4·10⁻¹³.
        let x = j + 1
        let inverseSquare = 1 / (x * x)
        let series = 1.0 / 12 - inverseSquare * (1.0 / 360 - inverseSquare * (1.0 / 1260 - inverseSquare / 1680))
        return series / x
    }

    /// tail(0) … tail(9), evaluated to 40 digits (mpmath) and rounded to Double.
    private static let stirlingTailTable: [Double] = [
        0.08106146679532726,
        0.0413406959554093,
        0.02767792568499834,
        0.020790672103765093,
        0.016644691189821193,
        0.013876128823070748,
        0.01189670994589177,
        0.010411265261972096,
        0.009255462182712733,
        0.00833056343336287,
    ]
}
