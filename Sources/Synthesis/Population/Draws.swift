import Analysis

/// The random draws of one person (or one excluded response): a `SeededGenerator` stream chosen
/// by the run's seed and the person's number, so that anyone can be drawn again, alone, in any
/// order — which is what lets the generator stream a million rows in constant memory.
struct Draws {
    private var generator: SeededGenerator

    /// Stream `stream` of the run seeded with `seed`.
    init(seed: UInt64, stream: UInt64) {
        generator = SeededGenerator(seed: seed, stream: stream)
    }

    /// 64 random bits.
    mutating func bits() -> UInt64 { generator.next() }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double { generator.nextUnitDouble() }

    /// A uniform whole number in `0..<bound` (multiply-shift; the bias is below 2⁻³² for the
    /// small bounds used here). `bound` must be at least 1.
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: ((generator.next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// An approximately standard normal value: the Irwin–Hall sum of four uniforms, rescaled.
    /// One draw of 64 bits; the tails stop at ±3.46, which suits survey noise.
    mutating func normal() -> Double { Self.normal(from: generator.next()) }

    /// The same approximation from 48 of the given bits (bits 0–47), so that a caller can use the
    /// other 16 for something else.
    static func normal(from bits: UInt64) -> Double {
        let sum = (bits & 0xFFF) + ((bits >> 12) & 0xFFF) + ((bits >> 24) & 0xFFF) + ((bits >> 36) & 0xFFF)
        // Each 12-bit part is uniform on 0...4095: mean 2047.5, variance (4096² − 1) / 12, so the
        // sum has mean 8190 and standard deviation √(4 · (4096² − 1) / 12) ≈ 2364.8266.
        return (Double(sum) - 8190) / 2364.8266
    }

    /// An index of `weights`, drawn with those weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        var remaining = unit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.count - 1
    }
}

/// A 64-bit mixing function (the MurmurHash3 finaliser): a bijection with good avalanche, used
/// to derive per-block and per-round values from the seed without a generator.
enum Mix {
    static func hash(_ value: UInt64) -> UInt64 {
        var z = value
        z ^= z >> 33
        z &*= 0xFF51_AFD7_ED55_8CCD
        z ^= z >> 33
        z &*= 0xC4CE_B9FE_1A85_EC53
        z ^= z >> 33
        return z
    }

    /// A hash of a seed and two numbers.
    static func hash(_ seed: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        hash(seed ^ hash(a &+ 0x9E37_79B9_7F4A_7C15 ^ hash(b)))
    }
}
