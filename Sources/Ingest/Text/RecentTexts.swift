/// The short texts (16 bytes at most) a `TextTable` found last, with their numbers: a small
/// direct-mapped table keyed by the bytes themselves. A text found here needs no hash and no
/// comparison with the table's copy of it; one that is not here is looked up in the table as
/// before. Columns read on every row (opt-ins, levels, departments, locations) hold a few short
/// values, so nearly every look-up ends here.
struct RecentTexts: Sendable {
    /// A short text's bytes packed into two words, with its length: two texts of at most 16 bytes
    /// are equal exactly when their keys are.
    struct Key: Equatable, Sendable {
        var head: UInt64
        var tail: UInt64
        var count: Int

        /// The key of `text`; nil when it is longer than 16 bytes.
        @inline(__always)
        init?(_ text: UnsafeRawBufferPointer) {
            let count = text.count
            guard count <= 16 else { return nil }
            self.count = count
            guard count > 0, let base = text.baseAddress else {
                head = 0
                tail = 0
                return
            }
            // Loads that may overlap but never pass either end, and together cover every byte.
            if count >= 8 {
                head = base.loadUnaligned(as: UInt64.self)
                tail = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else if count >= 4 {
                head =
                    UInt64(base.loadUnaligned(as: UInt32.self))
                    | UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
                tail = 0
            } else {
                head =
                    UInt64(base.load(as: UInt8.self))
                    | UInt64(base.load(fromByteOffset: count >> 1, as: UInt8.self)) << 8
                    | UInt64(base.load(fromByteOffset: count - 1, as: UInt8.self)) << 16
                tail = 0
            }
        }

        init(head: UInt64, tail: UInt64, count: Int) {
            self.head = head
            self.tail = tail
            self.count = count
        }

        /// The entry of `RecentTexts` that may hold this key: the top bits of a wide product of
        /// the two words, which every bit of the key reaches.
        @inline(__always)
        var slot: Int {
            let product = (head ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(
                by: tail ^ UInt64(truncatingIfNeeded: count) ^ 0xE703_7ED1_A0B4_28DB)
            return Int(truncatingIfNeeded: (product.high ^ product.low) >> UInt64(64 - RecentTexts.slotBits))
        }
    }

    private struct Entry: Sendable {
        var key: Key
        var number: Int
    }

    static let slotBits = 6
    /// A key no text has (a negative length), in the entries not filled yet.
    private static let empty = Entry(key: Key(head: 0, tail: 0, count: -1), number: -1)
    private var entries = Array(repeating: RecentTexts.empty, count: 1 << RecentTexts.slotBits)

    /// The number remembered for `key`, if any.
    @inline(__always)
    func number(of key: Key) -> Int? {
        let entry = entries[key.slot]
        return entry.key == key ? entry.number : nil
    }

    /// Remembers `key`'s number, in place of the key that shared its entry.
    mutating func remember(_ key: Key, number: Int) {
        entries[key.slot] = Entry(key: key, number: number)
    }
}
