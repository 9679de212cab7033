import Foundation

/// A small, fast, reproducible random number generator: xoshiro256** (Blackman & Vigna,
/// "Scrambled linear pseudorandom number generators", ACM TOMS 2021), its 256-bit state
/// filled from the 64-bit seed by SplitMix64.
///
/// Everything here is integer arithmetic on fixed-width words, so a seed gives the same
/// stream on every platform and every Swift version — unlike `SystemRandomNumberGenerator`
/// (not seedable) or `Hasher` (randomly seeded per process).
///
/// Independent streams: each (band pair, tool) test should draw from its own stream, so that
/// adding a tool or a band does not change the numbers of the others. Use
/// `SeededGenerator(seed: runSeed, key: "TikTok|Junior|Senior")` (or `derivedSeed(_:key:)` to
/// pass a plain seed along). The key is hashed with 64-bit FNV-1a over its UTF-8 bytes and the
/// hash, scrambled by SplitMix64's output function, is XORed into the run seed. Distinct keys
/// give distinct generator states for the same run seed (both steps are bijections).
package struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `seed`. The four state words are four consecutive SplitMix64 outputs;
    /// SplitMix64's output function is a bijection of distinct states, so at most one of them
    /// can be zero and the forbidden all-zero xoshiro state cannot occur.
    package init(seed: UInt64) {
        var expander = SplitMix64(state: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// Stream number `stream` of the run seeded with `seed`. Stream 0 is `init(seed:)` itself.
    package init(seed: UInt64, stream: UInt64) {
        self.init(seed: seed ^ SplitMix64.mix(stream))
    }

    /// The stream named by `key` (for example `"TikTok|Junior|Senior"`) of the run seeded
    /// with `seed`. Stable across runs, processes and platforms.
    package init(seed: UInt64, key: String) {
        self.init(seed: seed, stream: Self.fnv1a64(key))
    }

    /// The plain seed equivalent to `init(seed:key:)`:
    /// `SeededGenerator(seed: derivedSeed(s, key: k)) == SeededGenerator(seed: s, key: k)`.
    package static func derivedSeed(_ seed: UInt64, key: String) -> UInt64 {
        seed ^ SplitMix64.mix(fnv1a64(key))
    }

    /// 64-bit FNV-1a of the key's UTF-8 bytes (offset basis 0xcbf29ce484222325,
    /// prime 0x100000001b3).
    package static func fnv1a64(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The next 64 random bits (xoshiro256**).
    package mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// A uniform `Double` in [0, 1): the top 53 bits of `next()` times 2⁻⁵³, so every value is
    /// a multiple of 2⁻⁵³ and the conversion is exact.
    package mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by amount: UInt64) -> UInt64 {
        (self << amount) | (self >> (64 - amount))
    }
}
