import Dispatch

/// Finds the entries of a `TextColumn` by their text, compared as `String`s compare (canonical
/// equivalence) or, for `.lowercased`, as `String.lowercased()` values compare. The index keeps
/// only entry numbers and hash tags: the texts stay in the column.
package struct ColumnIndex: Sendable {
    package enum Key: Sendable {
        case canonical
        case lowercased
    }

    private let key: Key
    /// 0 when empty, else the top 32 bits of the key's hash and the entry's number + 1.
    private var slots: [UInt64]
    private var mask: Int
    private var entries = 0
    /// Made by `build(_:key:)`: the table in two parts by the hash's top bit, each an open table of
    /// its own, the second starting at `secondPart` with `secondMask` (the first has `mask`).
    /// 0 for one table.
    private var secondPart = 0
    private var secondMask = 0

    package init(key: Key, capacity: Int) {
        self.key = key
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Every entry of `column`, added in order as `insert` adds them (the first entry with a text
    /// holds it), and for each entry the one that holds its text. Two threads share the work:
    /// each hashes half of the entries, then each fills the part of the table for its half of
    /// the hashes, with the slots of a few entries loaded ahead so that their cache misses
    /// overlap. Such an index takes no more entries.
    package static func build(_ column: TextColumn, key: Key) -> (index: ColumnIndex, holders: [Int32]) {
        let count = column.count
        var hashes = [UInt64](repeating: 0, count: count)
        var holders = [Int32](repeating: -1, count: count)
        var inSecond = [Int](repeating: 0, count: 2)
        hashes.withUnsafeMutableBufferPointer { hashes in
            inSecond.withUnsafeMutableBufferPointer { inSecond in
                let shared = BuildBuffers(hashes: hashes, counts: inSecond)
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    var second = 0
                    column.forEachText(in: (count * half / 2)..<(count * (half + 1) / 2)) { entry, text in
                        let hash = withKey(key, text) { FieldText.hash($0) }
                        shared.hashes[entry] = hash
                        second &+= Int(truncatingIfNeeded: hash >> 63)
                    }
                    shared.counts[half] = second
                }
            }
        }
        let second = inSecond[0] + inSecond[1]
        func size(_ entries: Int) -> Int {
            var size = 16
            while size < entries * 2 { size <<= 1 }
            return size
        }
        let (firstSize, secondSize) = (size(count - second), size(second))
        var index = ColumnIndex(key: key, capacity: 0)
        index.slots = [UInt64](repeating: 0, count: firstSize + secondSize)
        index.mask = firstSize - 1
        index.secondPart = firstSize
        index.secondMask = secondSize - 1
        index.entries = count
        hashes.withUnsafeBufferPointer { hashes in
            holders.withUnsafeMutableBufferPointer { holders in
                index.slots.withUnsafeMutableBufferPointer { slots in
                    let shared = BuildParts(
                        hashes: hashes, holders: holders,
                        parts: [
                            UnsafeMutableBufferPointer(rebasing: slots[0..<firstSize]),
                            UnsafeMutableBufferPointer(rebasing: slots[firstSize...]),
                        ])
                    DispatchQueue.concurrentPerform(iterations: 2) { part in
                        fillPart(part, shared: shared, column: column, key: key)
                    }
                }
            }
        }
        return (index, holders)
    }

    /// `build`'s first step: the entries' hashes, and how many of each half go to the second part.
    private struct BuildBuffers: @unchecked Sendable {
        let hashes: UnsafeMutableBufferPointer<UInt64>
        let counts: UnsafeMutableBufferPointer<Int>
    }

    /// `build`'s second step: each worker fills its own part and its own entries' holders.
    private struct BuildParts: @unchecked Sendable {
        let hashes: UnsafeBufferPointer<UInt64>
        let holders: UnsafeMutableBufferPointer<Int32>
        let parts: [UnsafeMutableBufferPointer<UInt64>]
    }

    /// Adds the entries whose hashes' top bit is `part` to that part of `build`'s table, in order.
    private static func fillPart(_ part: Int, shared: BuildParts, column: TextColumn, key: Key) {
        let (hashes, holders, slots) = (shared.hashes, shared.holders, shared.parts[part])
        let mask = slots.count - 1
        let mine = UInt64(part)
        var touch: UInt64 = 0
        var batch = 0
        while batch < hashes.count {
            let end = min(batch + 16, hashes.count)
            for entry in batch..<end where hashes[entry] >> 63 == mine {
                touch &+= slots[Int(truncatingIfNeeded: hashes[entry]) & mask]
            }
            for entry in batch..<end where hashes[entry] >> 63 == mine {
                let tag = hashes[entry] >> 32
                var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
                while true {
                    let content = slots[slot]
                    if content == 0 {
                        slots[slot] = tag << 32 | UInt64(entry + 1)
                        holders[entry] = Int32(entry)
                        break
                    }
                    let other = Int(content & 0xFFFF_FFFF) - 1
                    if content >> 32 == tag,
                        column.withText(
                            entry,
                            { text in
                                withKey(key, text) { keyed in
                                    column.withText(other) { withKey(key, $0) { FieldText.same($0, keyed) } }
                                }
                            })
                    {
                        holders[entry] = Int32(other)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
            batch = end
        }
        // Keeps the loads ahead from being optimised away.
        if touch == 1 { slots[0] = slots[0] }
    }

    /// Calls `body` with the key form of `text`.
    @inline(__always)
    package func withKey<Result>(_ text: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        Self.withKey(key, text, body)
    }

    @inline(__always)
    private static func withKey<Result>(
        _ key: Key, _ text: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        switch key {
        case .canonical: FieldText.withCanonical(text, body)
        case .lowercased: FieldText.withLowercasedCanonical(text, body)
        }
    }

    /// Adds entry `entry` of `column` unless an entry with an equal text is in; returns the entry
    /// that holds the text (the first added).
    package mutating func insert(_ entry: Int, of column: TextColumn) -> Int {
        place(entry, of: column, replacing: false)
    }

    /// Adds entry `entry` of `column`, replacing an entry with an equal text (the last added wins).
    package mutating func set(_ entry: Int, of column: TextColumn) {
        _ = place(entry, of: column, replacing: true)
    }

    /// The entry of `column` whose text, in key form, is `keyed` (already in key form: see `withKey`).
    package func find(keyed: UnsafeRawBufferPointer, in column: TextColumn) -> Int? {
        let table = Table(key: key, mask: mask, secondPart: secondPart, secondMask: secondMask)
        return slots.withUnsafeBufferPointer { slots in
            column.withReader { texts in
                let hash = FieldText.hash(keyed)
                return table.find(keyed: keyed, hash: hash, firstContent: slots[table.slot(hash)], in: slots, texts)
            }
        }
    }

    /// `find` for each entry of `values` in `run` that `wanted` accepts, in order: `found` gets
    /// the value's entry and the entry of `column` whose text equals it (as `find` compares), or
    /// nil. The texts of `column` are read through one `TextColumn.Reader` for the whole run, so
    /// several threads can look up in the same column at once without contending (the index
    /// itself is read through plain copies of its fields, never retained per value). Values go
    /// in batches of `findBatch`, in three passes so that the batch's cache misses overlap rather
    /// than follow one another: the first slot each value's hash points to, then the text of
    /// the entry found there (most look-ups end at that slot), then the rest of the probes.
    package func findEach(
        _ values: TextColumn, in run: Range<Int>, where wanted: (Int) -> Bool, in column: TextColumn,
        _ found: (_ value: Int, _ entry: Int?) -> Void
    ) {
        let table = Table(key: key, mask: mask, secondPart: secondPart, secondMask: secondMask)
        let size = Self.findBatch
        slots.withUnsafeBufferPointer { slots in
            column.withReader { texts in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size * 3) { buffer in
                    guard let hashes = buffer.baseAddress else { return }
                    let (first, settled) = (hashes + size, hashes + 2 * size)
                    var batch = run.lowerBound
                    while batch < run.upperBound {
                        let end = min(batch + size, run.upperBound)
                        values.forEachText(in: batch..<end) { value, text in
                            guard wanted(value) else { return }
                            let hash = Self.withKey(table.key, text) { FieldText.hash($0) }
                            hashes[value - batch] = hash
                            first[value - batch] = slots[table.slot(hash)]
                        }
                        values.forEachText(in: batch..<end) { value, text in
                            guard wanted(value) else { return }
                            let at = value - batch
                            settled[at] = Self.withKey(table.key, text) { keyed in
                                table.settle(keyed: keyed, hash: hashes[at], firstContent: first[at], texts)
                            }
                        }
                        values.forEachText(in: batch..<end) { value, text in
                            guard wanted(value) else { return }
                            let at = value - batch
                            switch settled[at] {
                            case Table.absent: found(value, nil)
                            case Table.unsettled:
                                found(
                                    value,
                                    Self.withKey(table.key, text) { keyed in
                                        table.find(
                                            keyed: keyed, hash: hashes[at], firstContent: first[at], in: slots, texts)
                                    })
                            case let entry: found(value, Int(entry))
                            }
                        }
                        batch = end
                    }
                }
            }
        }
    }

    /// Values per batch in `findEach`.
    private static let findBatch = 16

    /// The fields a look-up reads, copied out of the index so that no array is retained per look-up.
    private struct Table {
        let key: Key
        let mask: Int
        let secondPart: Int
        let secondMask: Int

        /// `settle`'s answers besides an entry: no entry has the text; the probe must go on.
        static let absent = UInt64.max
        static let unsettled = UInt64.max - 1

        /// The first slot `hash` probes (see `build(_:key:)` for the two parts).
        @inline(__always)
        func slot(_ hash: UInt64) -> Int {
            secondPart > 0 && hash >> 63 == 1
                ? secondPart + (Int(truncatingIfNeeded: hash) & secondMask)
                : Int(truncatingIfNeeded: hash) & mask
        }

        /// What the content of `slot(hash)` (`firstContent`) alone tells of `keyed`: the entry
        /// that holds it, `absent`, or `unsettled`.
        @inline(__always)
        func settle(
            keyed: UnsafeRawBufferPointer, hash: UInt64, firstContent content: UInt64, _ texts: TextColumn.Reader
        ) -> UInt64 {
            if content == 0 { return Self.absent }
            let entry = Int(content & 0xFFFF_FFFF) - 1
            if content >> 32 == hash >> 32, ColumnIndex.withKey(key, texts.text(entry), { FieldText.same($0, keyed) }) {
                return UInt64(entry)
            }
            return Self.unsettled
        }

        /// The entry whose text in key form is `keyed`, probing from `slot(hash)`, whose content
        /// the caller has loaded already (`firstContent`).
        @inline(__always)
        func find(
            keyed: UnsafeRawBufferPointer, hash: UInt64, firstContent: UInt64, in slots: UnsafeBufferPointer<UInt64>,
            _ texts: TextColumn.Reader
        ) -> Int? {
            let (base, partMask) = secondPart > 0 && hash >> 63 == 1 ? (secondPart, secondMask) : (0, mask)
            let tag = hash >> 32
            var offset = Int(truncatingIfNeeded: hash) & partMask
            var content = firstContent
            while true {
                if content == 0 { return nil }
                let entry = Int(content & 0xFFFF_FFFF) - 1
                if content >> 32 == tag, ColumnIndex.withKey(key, texts.text(entry), { FieldText.same($0, keyed) }) {
                    return entry
                }
                offset = (offset + 1) & partMask
                content = slots[base + offset]
            }
        }
    }

    private mutating func place(_ entry: Int, of column: TextColumn, replacing: Bool) -> Int {
        precondition(secondPart == 0, "an index made by build(_:key:) takes no more entries")
        if (entries + 1) * 2 > slots.count { grow(column) }
        let key = self.key
        return column.withText(entry) { text in
            Self.withKey(key, text) { keyed in
                let hash = FieldText.hash(keyed)
                let tag = hash >> 32
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let content = slots[slot]
                    if content == 0 {
                        slots[slot] = tag << 32 | UInt64(entry + 1)
                        entries += 1
                        return entry
                    }
                    let other = Int(content & 0xFFFF_FFFF) - 1
                    if content >> 32 == tag,
                        column.withText(other, { Self.withKey(key, $0) { FieldText.same($0, keyed) } })
                    {
                        if replacing { slots[slot] = tag << 32 | UInt64(entry + 1) }
                        return other
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func grow(_ column: TextColumn) {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for content in old where content != 0 {
            let entry = Int(content & 0xFFFF_FFFF) - 1
            let hash = column.withText(entry) { Self.withKey(key, $0) { FieldText.hash($0) } }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = content
        }
    }
}
