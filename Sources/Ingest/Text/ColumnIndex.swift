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

    package init(key: Key, capacity: Int) {
        self.key = key
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
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
