/// Which output row holds which response. Every row holds a person, except in Qualtrics exports,
/// where one row in every block of 40 (2.5 %) holds a response genbridge must exclude: a survey
/// preview, a test, spam, an offline preview or an unfinished attempt. The excluded row's place
/// in its block comes from the seed, never first, so the people can still be counted
/// arithmetically: row `p` holds person slot `p − (excluded rows before p)`.
struct RowPlan: Sendable {
    static let blockSize = 40

    let rows: Int
    let seed: UInt64
    let hasExcludedRows: Bool

    enum Slot {
        /// The `slot`-th person row (slots are permuted into people by the generator).
        case person(slot: Int)
        /// The excluded response of block `block`; `nextSlot` is the person slot that follows it.
        case excluded(block: Int, nextSlot: Int)
    }

    /// Where the excluded row of `block` sits in it: 1…39.
    func excludedOffset(block: Int) -> Int {
        1 + Int(Mix.hash(seed, 0x51A7, UInt64(block)) % UInt64(Self.blockSize - 1))
    }

    func slot(of position: Int) -> Slot {
        guard hasExcludedRows else { return .person(slot: position) }
        let block = position / Self.blockSize
        let within = position % Self.blockSize
        let offset = excludedOffset(block: block)
        if within == offset { return .excluded(block: block, nextSlot: position - block) }
        return .person(slot: position - block - (within > offset ? 1 : 0))
    }

    /// How many rows hold an excluded response.
    var excludedRows: Int {
        guard hasExcludedRows else { return 0 }
        let blocks = rows / Self.blockSize
        let rest = rows % Self.blockSize
        return blocks + (rest > excludedOffset(block: blocks) ? 1 : 0)
    }

    /// How many rows hold a person (at least 1 when there is a row at all: row 0 always does).
    var people: Int { rows - excludedRows }
}
