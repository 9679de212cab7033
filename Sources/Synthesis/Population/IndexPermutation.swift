/// A pseudo-random bijection of `0..<count` that needs no table: a four-round Feistel network on
/// the smallest even number of bits that covers `count`, with cycle walking (a value that lands
/// outside the range is permuted again until it falls inside; fewer than four steps on average).
/// Used for the order of the output rows, for employee numbers and for the choice of names, so
/// that each is a stateless function of a person's number.
struct IndexPermutation: Sendable {
    let count: Int
    private let halfBits: UInt64
    private let mask: UInt64
    private let keys: (UInt64, UInt64, UInt64, UInt64)

    init(count: Int, seed: UInt64, purpose: UInt64) {
        self.count = count
        var bits: UInt64 = 0
        while bits < 62, (1 << bits) < count { bits += 1 }
        halfBits = (bits + 1) / 2
        mask = (1 << halfBits) - 1
        keys = (
            Mix.hash(seed, purpose, 1), Mix.hash(seed, purpose, 2), Mix.hash(seed, purpose, 3),
            Mix.hash(seed, purpose, 4)
        )
    }

    /// The image of `index` (which must be in `0..<count`).
    func callAsFunction(_ index: Int) -> Int {
        guard count > 1 else { return index }
        var value = UInt64(index)
        repeat {
            value = permuteOnce(value)
        } while value >= UInt64(count)
        return Int(value)
    }

    private func permuteOnce(_ value: UInt64) -> UInt64 {
        var left = value >> halfBits
        var right = value & mask
        feistelRound(&left, &right, keys.0)
        feistelRound(&left, &right, keys.1)
        feistelRound(&left, &right, keys.2)
        feistelRound(&left, &right, keys.3)
        return (left << halfBits) | right
    }

    private func feistelRound(_ left: inout UInt64, _ right: inout UInt64, _ key: UInt64) {
        let next = left ^ (Mix.hash(right ^ key) & mask)
        left = right
        right = next
    }
}
