import Foundation

/// `log`, `log1p` and `exp` built only from IEEE-754 +, −, ×, ÷ (each correctly rounded) and
/// exact exponent/significand manipulation, so they return bit-identical results on every
/// platform. The platform `libm` functions do not promise that: glibc, Apple's libm and
/// musl may differ in the last bit, and one differing bit can flip an accept/reject decision
/// of the binomial sampler and so change a "reproducible" bootstrap interval.
///
/// Accuracy is within a couple of ulps (checked against Foundation in the tests), far more
/// than a random-variate generator needs. Swift does not contract `a * b + c` into a fused
/// multiply-add unless asked to (`addingProduct`), so the operations below are evaluated
/// exactly as written.
enum PortableMath {
    /// ln 2 split into a head with 21 trailing zero bits (so `k * ln2Head` is exact for
    /// |k| < 2¹¹) and a tail: ln 2 = ln2Head + ln2Tail to about 2⁻⁸⁶ (Cody–Waite reduction).
    static let ln2Head = Double(bitPattern: 0x3FE6_2E42_FEE0_0000)  // 6.93147180369123816490e-01
    static let ln2Tail = Double(bitPattern: 0x3DEA_39EF_3579_3C76)  // 1.90821492927058770002e-10

    private static let sqrt2 = 1.4142135623730951
    private static let inverseLn2 = 1.4426950408889634

    /// Natural logarithm. log(0) = −∞, log(x < 0) = NaN.
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return .infinity }
        // x = 2^k · m with m in [√2/2, √2); `exponent`/`significand` are exact, also for
        // subnormal x.
        var k = Int(x.exponent)
        var m = x.significand
        if m > sqrt2 {
            m *= 0.5
            k += 1
        }
        // m − 1 is exact here (Sterbenz: m is within a factor 2 of 1).
        return Double(k) * ln2Head + (log1pKernel(m - 1) + Double(k) * ln2Tail)
    }

    /// log(1 + x), accurate also for tiny |x| where 1 + x would lose x's low bits.
    static func log1p(_ x: Double) -> Double {
        if x.isNaN || x < -1 { return .nan }
        if x == -1 { return -.infinity }
        // When 1 + x lies in [√2/2, √2), x itself is the reduced argument f of `log`.
        if x > sqrt2 * 0.5 - 1, x < sqrt2 - 1 {
            return log1pKernel(x)
        }
        // Otherwise |log(1 + x)| > 0.34 and rounding 1 + x costs at most an ulp or two.
        return log(1 + x)
    }

    /// log(1 + f) for f in [√2/2 − 1, √2 − 1].
    ///
    /// With s = f/(2 + f), log(1 + f) = 2·atanh(s) = 2s + s·R(s²), R(z) = Σ_{j≥1} 2zʲ/(2j+1).
    /// Writing 2s = f − s·f and splitting off f²/2 gives the well-conditioned form
    /// log(1 + f) = f − (f²/2 − s·(f²/2 + R)). |s| ≤ 0.1716, so z ≤ 0.0295 and ten terms of
    /// R leave a truncation error below 2⁻⁶⁰ relative.
    private static func log1pKernel(_ f: Double) -> Double {
        let halfSquare = 0.5 * f * f
        let s = f / (2 + f)
        let z = s * s
        var series = 2.0 / 21
        series = 2.0 / 19 + z * series
        series = 2.0 / 17 + z * series
        series = 2.0 / 15 + z * series
        series = 2.0 / 13 + z * series
        series = 2.0 / 11 + z * series
        series = 2.0 / 9 + z * series
        series = 2.0 / 7 + z * series
        series = 2.0 / 5 + z * series
        series = 2.0 / 3 + z * series
        let r = z * series
        return f - (halfSquare - s * (halfSquare + r))
    }

    /// eˣ. Overflows to +∞ above ln(greatestFiniteMagnitude), underflows to 0 below
    /// ln(leastNonzeroMagnitude).
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        // x = k·ln 2 + r with |r| ≤ ln 2 / 2 (Cody–Waite: r = (x − k·ln2Head) − k·ln2Tail).
        let k = (x * inverseLn2).rounded()
        let head = x - k * ln2Head
        let tail = k * ln2Tail
        let r = head - tail
        // eʳ − 1 = r + r²·(1/2! + r/3! + … + r¹¹/13!); the next term is below 2⁻⁵⁸ of eʳ.
        var series = 1.0 / 6_227_020_800  // 1/13!
        series = 1.0 / 479_001_600 + r * series
        series = 1.0 / 39_916_800 + r * series
        series = 1.0 / 3_628_800 + r * series
        series = 1.0 / 362_880 + r * series
        series = 1.0 / 40_320 + r * series
        series = 1.0 / 5_040 + r * series
        series = 1.0 / 720 + r * series
        series = 1.0 / 120 + r * series
        series = 1.0 / 24 + r * series
        series = 1.0 / 6 + r * series
        series = 0.5 + r * series
        let expm1 = head - (tail - r * r * series)
        // Scale by 2^k exactly (with one rounding if the result is subnormal).
        return Double(sign: .plus, exponent: Int(k), significand: 1 + expm1)
    }
}
