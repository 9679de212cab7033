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
    /// With `build(_:key:)`: the table in two parts by the hash's top bit, each its own open
    /// table (`slots` and `mask` then unused); empty otherwise.
    private var parts: [Part] = []

    private struct Part: Sendable {
        var slots: [UInt64]
        var mask: Int
    }

    package init(key: Key, capacity: Int) {
        self.key = key
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Every entry of `column`, added in order as `insert` adds them (the first entry with a text
    /// holds it), and for each entry the one that holds its text. The work is shared by two
    /// threads, each building the part of the table for its half of the hashes, with the slots
    /// of a few entries loaded ahead so that their cache misses overlap. Such an index takes no
    /// more entries.
    package static func build(_ column: TextColumn, key: Key) -> (index: ColumnIndex, holders: [Int32]) {
        var index = ColumnIndex(key: key, capacity: 0)
        var holders = [Int32](repeating: -1, count: column.count)
        index.parts = holders.withUnsafeMutableBufferPointer { holders in
            [Part](unsafeUninitializedCapacity: 2) { parts, initialized in
                guard let partStart = parts.baseAddress, let holderStart = holders.baseAddress else { return }
                let places = BuildPlaces(parts: partStart, holders: holderStart)
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    (places.parts + part).initialize(to: buildPart(part, of: column, key: key, holders: places.holders))
                }
                initialized = 2
            }
        }
        index.entries = column.count
        return (index, holders)
    }

    /// Where `build`'s workers put their parts and the holders of their entries (each its own).
    private struct BuildPlaces: @unchecked Sendable {
        let parts: UnsafeMutablePointer<Part>
        let holders: UnsafeMutablePointer<Int32>
    }

    @inline(__always)
    private static func hash(_ key: Key, _ column: TextColumn, _ entry: Int) -> UInt64 {
        column.withText(entry) { withKey(key, $0) { FieldText.hash($0) } }
    }

    /// Part `part` (0: hashes with the top bit clear) of `build`'s table.
    private static func buildPart(
        _ part: Int, of column: TextColumn, key: Key, holders: UnsafeMutablePointer<Int32>
    ) -> Part {
        let mine = UInt64(part)
        var members: [Int32] = []
        var hashes: [UInt64] = []
        for entry in 0..<column.count {
            let hash = Self.hash(key, column, entry)
            if hash >> 63 == mine {
                members.append(Int32(entry))
                hashes.append(hash)
            }
        }
        var size = 16
        while size < members.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        slots.withUnsafeMutableBufferPointer { slots in
            var touch: UInt64 = 0
            var batch = 0
            while batch < members.count {
                let end = min(batch + 16, members.count)
                for n in batch..<end { touch &+= slots[Int(truncatingIfNeeded: hashes[n]) & mask] }
                for n in batch..<end {
                    let entry = Int(members[n])
                    let tag = hashes[n] >> 32
                    var slot = Int(truncatingIfNeeded: hashes[n]) & mask
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
        return Part(slots: slots, mask: mask)
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
        let hash = FieldText.hash(keyed)
        if !parts.isEmpty {
            return parts[Int(truncatingIfNeeded: hash >> 63)].slots.withUnsafeBufferPointer {
                find(
                    keyed: keyed, hash: hash, slots: $0, mask: parts[Int(truncatingIfNeeded: hash >> 63)].mask,
                    in: column)
            }
        }
        return slots.withUnsafeBufferPointer { find(keyed: keyed, hash: hash, slots: $0, mask: mask, in: column) }
    }

    @inline(__always)
    private func find(
        keyed: UnsafeRawBufferPointer, hash: UInt64, slots: UnsafeBufferPointer<UInt64>, mask: Int,
        in column: TextColumn
    ) -> Int? {
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let content = slots[slot]
            if content == 0 { return nil }
            let entry = Int(content & 0xFFFF_FFFF) - 1
            if content >> 32 == tag, column.withText(entry, { Self.withKey(key, $0) { FieldText.same($0, keyed) } }) {
                return entry
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func place(_ entry: Int, of column: TextColumn, replacing: Bool) -> Int {
        precondition(parts.isEmpty, "an index made by build(_:key:) takes no more entries")
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
