/// Distinct byte strings, numbered 0, 1, 2… in the order they were first added, and found again
/// by their bytes through an open-addressing hash table: the interning and memo table of ingest.
package struct TextTable: Sendable {
    /// The texts back to back, and where each ends.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// 0 for an empty slot, else the top 32 bits of the hash and the entry's number + 1.
    private var slots: [UInt64]
    private var mask: Int
    /// The short texts found last (see `find(_:)`).
    private var recent = RecentTexts()

    package init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    package var count: Int { ends.count }

    /// The number of `text`, if it was added.
    @inline(__always)
    package func index(of text: UnsafeRawBufferPointer) -> Int? {
        index(of: text, hash: FieldText.hash(text))
    }

    @inline(__always)
    package func index(of text: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            ends.withUnsafeBufferPointer { ends in
                bytes.withUnsafeBytes { bytes in
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return nil }
                        if entry >> 32 == tag {
                            let index = Int(entry & 0xFFFF_FFFF) - 1
                            let start = index == 0 ? 0 : ends[index - 1]
                            if FieldText.same(UnsafeRawBufferPointer(rebasing: bytes[start..<ends[index]]), text) {
                                return index
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The number of `text`, if it was added. A short text found lately is found again by its
    /// bytes alone (`RecentTexts`), without hashing it; any other is looked up by its hash, and
    /// remembered when short.
    @inline(__always)
    package mutating func find(_ text: UnsafeRawBufferPointer) -> Int? {
        guard let key = RecentTexts.Key(text) else { return index(of: text) }
        if let number = recent.number(of: key) { return number }
        guard let number = index(of: text) else { return nil }
        recent.remember(key, number: number)
        return number
    }

    /// Adds `text`, which must not be in the table yet, and returns its number.
    @discardableResult
    package mutating func insert(_ text: UnsafeRawBufferPointer, hash: UInt64) -> Int {
        let index = ends.count
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        if (index + 1) * 2 > slots.count {
            grow()
        } else {
            place(index, hash: hash)
        }
        return index
    }

    /// The number of `text`, added if new.
    @inline(__always)
    package mutating func intern(_ text: UnsafeRawBufferPointer) -> (index: Int, isNew: Bool) {
        let hash = FieldText.hash(text)
        if let index = index(of: text, hash: hash) { return (index, false) }
        return (insert(text, hash: hash), true)
    }

    package func withText<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    package func string(_ index: Int) -> String { withText(index) { FieldText.string($0) } }

    private mutating func place(_ index: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(index + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for index in 0..<ends.count {
            place(index, hash: withText(index) { FieldText.hash($0) })
        }
    }
}

/// The distinct values of a text column such as the department or the location, in order of
/// first appearance. Each exact spelling has a number (reports show a person's own spelling), and
/// spellings that are equal as `String`s (canonically equivalent) share one value number (counts
/// group by value, as a `String`-keyed dictionary would).
package struct ValueCatalog: Sendable {
    package private(set) var spellings = TextTable()
    /// The value number of each spelling.
    package private(set) var valueOfSpelling: [Int] = []
    /// Each value as first spelled.
    package private(set) var values: [String] = []
    private var valueIndex: [String: Int] = [:]

    package init() {}

    /// The spelling's and the value's number of `text`, added if new.
    @inline(__always)
    package mutating func intern(_ text: UnsafeRawBufferPointer) -> (spelling: Int, value: Int) {
        if let spelling = spellings.find(text) { return (spelling, valueOfSpelling[spelling]) }
        return add(text, hash: FieldText.hash(text))
    }

    private mutating func add(_ text: UnsafeRawBufferPointer, hash: UInt64) -> (spelling: Int, value: Int) {
        let spelling = spellings.insert(text, hash: hash)
        let string = FieldText.string(text)
        let value: Int
        if let known = valueIndex[string] {
            value = known
        } else {
            value = values.count
            valueIndex[string] = value
            values.append(string)
        }
        valueOfSpelling.append(value)
        return (spelling, value)
    }

    package var spellingCount: Int { spellings.count }

    /// Spelling `index` as a `String`.
    package func spelling(_ index: Int) -> String { spellings.string(index) }
}
