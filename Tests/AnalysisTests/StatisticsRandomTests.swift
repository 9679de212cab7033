import Foundation
import Testing

@testable import Analysis

/// Known-answer values from an independent Python implementation of the published
/// algorithms (SplitMix64, xoshiro256** seeded by SplitMix64, FNV-1a 64):
///
/// ```python
/// M = (1 << 64) - 1
/// def splitmix64(state):
///     while True:
///         state = (state + 0x9E3779B97F4A7C15) & M
///         z = state
///         z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
///         z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
///         yield z ^ (z >> 31)
/// def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
/// def xoshiro256ss(seed):
///     sm = splitmix64(seed); s = [next(sm) for _ in range(4)]
///     while True:
///         result = (rotl((s[1] * 5) & M, 7) * 9) & M
///         t = (s[1] << 17) & M
///         s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
///         yield result
/// def fnv1a64(b):
///     h = 0xcbf29ce484222325
///     for c in b: h = ((h ^ c) * 0x100000001b3) & M
///     return h
/// g = splitmix64(1234567); print("splitmix64(1234567):", [next(g) for _ in range(5)])
/// for seed in (0, 1, 42):
///     g = xoshiro256ss(seed); print(f"xoshiro256** seed {seed}:", [next(g) for _ in range(4)])
/// for k in ["", "a", "foobar", "TikTok|Junior|Senior"]:
///     print(repr(k), hex(fnv1a64(k.encode())))
/// g = xoshiro256ss(42); print("unit doubles seed 42:", [ (next(g) >> 11) * 2.0**-53 for _ in range(3)])
/// ```
@Suite("SeededGenerator")
struct StatisticsSeededGeneratorTests {
    @Test("SplitMix64 matches the reference sequence for seed 1234567")
    func splitMix() {
        var generator = SplitMix64(state: 1_234_567)
        let values = (0..<5).map { _ in generator.next() }
        #expect(
            values == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
            ])
        #expect(SplitMix64.mix(0) == 0)
    }

    static let xoshiroReference: [(UInt64, [UInt64])] = [
        (
            0,
            [
                11_091_344_671_253_066_420, 13_793_997_310_169_335_082, 1_900_383_378_846_508_768,
                7_684_712_102_626_143_532,
            ]
        ),
        (
            1,
            [
                12_966_619_160_104_079_557, 9_600_361_134_598_540_522, 10_590_380_919_521_690_900,
                7_218_738_570_589_545_383,
            ]
        ),
        (
            42,
            [
                1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
                17_057_574_109_182_124_193,
            ]
        ),
    ]

    @Test("xoshiro256** seeded by SplitMix64 matches the reference", arguments: xoshiroReference)
    func xoshiro(seed: UInt64, expected: [UInt64]) {
        var generator = SeededGenerator(seed: seed)
        #expect((0..<4).map { _ in generator.next() } == expected)
    }

    @Test("unit doubles are the top 53 bits scaled by 2^-53")
    func unitDoubles() {
        var generator = SeededGenerator(seed: 42)
        let values = (0..<3).map { _ in generator.nextUnitDouble() }
        #expect(values == [0.08386297105988216, 0.3789802506626686, 0.6800434110281394])
        var many = SeededGenerator(seed: 5)
        for _ in 0..<10_000 {
            let u = many.nextUnitDouble()
            #expect(u >= 0 && u < 1)
            #expect(u * 0x1p53 == (u * 0x1p53).rounded())
        }
    }

    @Test(
        "FNV-1a 64 matches the reference",
        arguments: [
            ("", UInt64(0xCBF2_9CE4_8422_2325)), ("a", 0xAF63_DC4C_8601_EC8C), ("foobar", 0x8594_4171_F739_67E8),
            ("TikTok|Junior|Senior", 0x4397_7255_E6B4_C6A0),
        ]
    )
    func fnv(key: String, expected: UInt64) {
        #expect(SeededGenerator.fnv1a64(key) == expected)
    }

    @Test("streams: stream 0 is the plain seed, keys and derived seeds agree, streams differ")
    func streams() {
        #expect(SeededGenerator(seed: 9, stream: 0) == SeededGenerator(seed: 9))
        let key = "Slack|Gen Z|Boomers"
        #expect(SeededGenerator(seed: 9, key: key) == SeededGenerator(seed: SeededGenerator.derivedSeed(9, key: key)))
        #expect(SeededGenerator(seed: 9, key: key) == SeededGenerator(seed: 9, stream: SeededGenerator.fnv1a64(key)))

        // Distinct keys give distinct, uncorrelated-looking first outputs.
        var firstOutputs = Set<UInt64>()
        for tool in ["Slack", "TikTok", "Zoom", "X", "Canva"] {
            for pair in ["Junior|Mid", "Junior|Senior", "Mid|Senior"] {
                var generator = SeededGenerator(seed: 1, key: "\(tool)|\(pair)")
                firstOutputs.insert(generator.next())
            }
        }
        #expect(firstOutputs.count == 15)
        var differentRun = SeededGenerator(seed: 2, key: "Slack|Junior|Mid")
        var sameKey = SeededGenerator(seed: 1, key: "Slack|Junior|Mid")
        #expect(differentRun.next() != sameKey.next())
    }

    @Test("bits look uniform: each of the 64 bit positions is set about half the time")
    func bitBalance() {
        var generator = SeededGenerator(seed: 123)
        var setCounts = [Int](repeating: 0, count: 64)
        let draws = 20_000
        for _ in 0..<draws {
            let value = generator.next()
            for bit in 0..<64 where value & (1 << UInt64(bit)) != 0 { setCounts[bit] += 1 }
        }
        // Binomial(20000, ½): sd ≈ 70.7; 5 sd either side.
        for count in setCounts {
            #expect(abs(count - draws / 2) < 354)
        }
    }
}

@Suite("PortableMath")
struct StatisticsPortableMathTests {
    @Test("log, log1p and exp are within 2 ulp of the platform's libm")
    func againstLibm() {
        var generator = SeededGenerator(seed: 77)
        var worst = (log: 0.0, log1p: 0.0, exp: 0.0)
        for _ in 0..<50_000 {
            // Magnitudes spread over many binades, including subnormal and huge.
            let exponent = Int(generator.next() % 2_100) - 1_070
            let x = Double(sign: .plus, exponent: exponent, significand: 1 + generator.nextUnitDouble())
            if x.isFinite {
                worst.log = max(worst.log, StatisticsTolerance.ulps(PortableMath.log(x), Foundation.log(x)))
            }
            let small =
                (generator.nextUnitDouble() - 0.3)
                * Double(sign: .plus, exponent: -Int(generator.next() % 60), significand: 1)
            worst.log1p = max(worst.log1p, StatisticsTolerance.ulps(PortableMath.log1p(small), Foundation.log1p(small)))
            let argument = (generator.nextUnitDouble() - 0.5) * 1_400
            worst.exp = max(worst.exp, StatisticsTolerance.ulps(PortableMath.exp(argument), Foundation.exp(argument)))
            let modest = (generator.nextUnitDouble() - 0.5) * 40
            worst.exp = max(worst.exp, StatisticsTolerance.ulps(PortableMath.exp(modest), Foundation.exp(modest)))
        }
        #expect(worst.log <= 2, "log: \(worst.log) ulp")
        #expect(worst.log1p <= 2, "log1p: \(worst.log1p) ulp")
        #expect(worst.exp <= 2, "exp: \(worst.exp) ulp")
    }

    @Test("special values")
    func specialValues() {
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(PortableMath.log(.infinity) == .infinity)
        #expect(PortableMath.log(.nan).isNaN)
        #expect(abs(PortableMath.log(2) - 0.6931471805599453) <= 0.6931471805599453.ulp)
        #expect(abs(PortableMath.log(Double.leastNonzeroMagnitude) - -744.4400719213812) < 1e-12)
        #expect(PortableMath.log1p(0) == 0)
        #expect(PortableMath.log1p(-1) == -.infinity)
        #expect(PortableMath.log1p(-2).isNaN)
        #expect(PortableMath.log1p(1e-300) == 1e-300)
        #expect(PortableMath.exp(0) == 1)
        #expect(abs(PortableMath.exp(1) - 2.718281828459045) <= 2.718281828459045.ulp)
        #expect(PortableMath.exp(710) == .infinity)
        #expect(PortableMath.exp(-746) == 0)
        #expect(PortableMath.exp(.nan).isNaN)
        #expect(PortableMath.exp(709.7).isFinite)
        #expect(PortableMath.exp(-745) > 0)
    }
}

@Suite("BinomialSampler")
struct StatisticsBinomialTests {
    @Test("trivial parameters need no randomness")
    func trivial() {
        var generator = SeededGenerator(seed: 3)
        let untouched = generator
        #expect(BinomialSampler.draw(trials: 0, probability: 0.4, using: &generator) == 0)
        #expect(BinomialSampler.draw(trials: 50, probability: 0, using: &generator) == 0)
        #expect(BinomialSampler.draw(trials: 50, probability: 1, using: &generator) == 50)
        #expect(generator == untouched)
    }

    /// Over N draws the sample mean has standard error √(npq/N) and the sample variance
    /// about npq·√((2 + (1 − 6pq)/(npq))/N) (binomial excess kurtosis (1 − 6pq)/(npq)).
    /// Both are required within 5 standard errors — loose enough never to trip by chance
    /// (fixed seeds make each run the same anyway), tight enough to catch a wrong branch,
    /// an off-by-one or a biased acceptance test.
    @Test(
        "mean and variance over many draws",
        arguments: [
            (10, 0.3),  // inversion
            (19, 0.5),  // n·p = 9.5: inversion at its largest
            (20, 0.5),  // n·p = 10: BTRS at its smallest
            (60, 0.9),  // mirrored to p = 0.1, inversion
            (1_000, 0.3),  // BTRS
            (1_000_000, 0.5),
            (1_000_000, 0.999),  // mirrored, BTRS
            (1_000_000, 0.000_003),  // inversion with a huge n
            (2_000_000_000, 0.25),  // BTRS far beyond any survey
        ]
    )
    func moments(trials: Int, probability: Double) {
        var generator = SeededGenerator(seed: 2_718, key: "\(trials)/\(probability)")
        let n = Double(trials)
        let p = probability
        let expectedMean = n * p
        let expectedVariance = n * p * (1 - p)
        // Accumulate deviations from the known mean n·p: no cancellation even for huge n.
        let draws = 100_000
        var deviationSum = 0.0
        var squaredDeviationSum = 0.0
        for _ in 0..<draws {
            let x = BinomialSampler.draw(trials: trials, probability: probability, using: &generator)
            #expect(x >= 0 && x <= trials)
            let deviation = Double(x) - expectedMean
            deviationSum += deviation
            squaredDeviationSum += deviation * deviation
        }
        let meanDeviation = deviationSum / Double(draws)
        let variance = squaredDeviationSum / Double(draws)
        let meanError = (expectedVariance / Double(draws)).squareRoot()
        let excessKurtosis = (1 - 6 * p * (1 - p)) / expectedVariance
        let varianceError = expectedVariance * ((2 + excessKurtosis) / Double(draws)).squareRoot()
        #expect(abs(meanDeviation) < 5 * meanError, "mean \(expectedMean + meanDeviation) vs \(expectedMean)")
        #expect(abs(variance - expectedVariance) < 5 * varianceError, "variance \(variance) vs \(expectedVariance)")
    }

    /// Pearson's χ² of 400 000 draws against the exact probability mass function, cells with
    /// expected count < 5 pooled into the tails. A correct sampler gives χ² ≈ df ± √(2·df);
    /// the bound df + 6√(2·df) is passed by chance with probability > 1 − 10⁻⁵, while any
    /// mistake in a rejection sampler's acceptance region shows up as χ² in the hundreds.
    @Test(
        "distribution matches the binomial mass function (chi-square)",
        arguments: [
            (30, 0.2, "inversion"),
            (200, 0.1, "inversion"),
            (25, 0.5, "transformed rejection"),
            (200, 0.1, "transformed rejection"),
            (1_000, 0.45, "transformed rejection"),
            (100_000, 0.02, "transformed rejection"),
        ]
    )
    func chiSquare(trials: Int, probability: Double, method: String) {
        var generator = SeededGenerator(seed: 31_337, key: "\(trials)/\(probability)/\(method)")
        let draws = 400_000
        var histogram: [Int: Int] = [:]
        for _ in 0..<draws {
            let x =
                method == "inversion"
                ? BinomialSampler.inversion(trials: trials, probability: probability, using: &generator)
                : BinomialSampler.transformedRejection(trials: trials, probability: probability, using: &generator)
            histogram[x, default: 0] += 1
        }
        // Exact pmf via log-gamma, over the whole support.
        let n = Double(trials)
        func mass(_ k: Int) -> Double {
            let x = Double(k)
            let logChoose: Double = lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1)
            let logPowers: Double = x * Foundation.log(probability) + (n - x) * Foundation.log1p(-probability)
            return Foundation.exp(logChoose + logPowers)
        }
        // Cells: pool from each end until the expected count reaches 5.
        var cells: [(expected: Double, observed: Int)] = []
        var pendingExpected = 0.0
        var pendingObserved = 0
        for k in 0...trials {
            pendingExpected += mass(k) * Double(draws)
            pendingObserved += histogram[k, default: 0]
            if pendingExpected >= 5 {
                cells.append((pendingExpected, pendingObserved))
                pendingExpected = 0
                pendingObserved = 0
            }
        }
        if let last = cells.popLast() {
            cells.append((last.expected + pendingExpected, last.observed + pendingObserved))
        }
        let chiSquare = cells.reduce(0.0) { total, cell in
            let difference = Double(cell.observed) - cell.expected
            return total + difference * difference / cell.expected
        }
        let degreesOfFreedom = Double(cells.count - 1)
        #expect(cells.count > 5)
        #expect(
            chiSquare < degreesOfFreedom + 6 * (2 * degreesOfFreedom).squareRoot(),
            "chi-square \(chiSquare) with \(degreesOfFreedom) degrees of freedom")
    }

    @Test("Stirling tail: the table joins the series smoothly")
    func stirlingTail() {
        // tail(j) = log j! − ((j + ½)·log(j + 1) − (j + 1) + ½·log 2π), by log-gamma.
        for j in [0, 1, 5, 9, 10, 11, 20, 50] {
            let x = Double(j)
            let stirling: Double = (x + 0.5) * Foundation.log(x + 1) - (x + 1) + 0.5 * Foundation.log(2 * Double.pi)
            let direct: Double = lgamma(x + 1) - stirling
            #expect(abs(BinomialSampler.stirlingTail(x) - direct) < 1e-12, "j = \(j)")
        }
    }
}
