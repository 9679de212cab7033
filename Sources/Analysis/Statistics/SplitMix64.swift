import Foundation

/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; constants as in Vigna's reference `splitmix64.c`). Used only to expand a
/// 64-bit seed into the 256-bit state of `SeededGenerator`, as the xoshiro authors recommend.
struct SplitMix64: Sendable, Hashable {
    /// The Weyl-sequence state; each call advances it by the golden-ratio increment.
    var state: UInt64

    init(state: UInt64) {
        self.state = state
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 output function: a bijection on 64-bit words with strong avalanche
    /// (every input bit affects every output bit). `mix(0) == 0`.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
