import Dispatch

/// The id of every respondent in the order they were read (the id column's value, or the line
/// when the row has none), where each row is, and the check that no id column value is used twice.
///
/// Ids are compared as `String`s compare (canonically equivalent spellings are one id), through a
/// hash table keyed by the bytes (their canonical composition when not ASCII) and confirmed on the
/// bytes: no false duplicate however many rows. A blank cell of an id column gets the row's line as
/// its id, checked like the others: should another row's id be that very number, the two cannot be
/// told apart, and that is reported as a duplicate (naming the blank).
struct RespondentIDs {
    private(set) var texts = TextColumn()
    /// The line of each row, while below 2^32; `wideLines` holds the others.
    private var lines: [UInt32] = []
    private var wideLines: [Int: Int] = [:]
    /// One bit per row: set when the id was made from the line (not checked for duplicates).
    private var generated: [UInt64] = []
    /// The hash of each row's id as `String`s compare ids (1 at least), 0 for an id made from the
    /// line: worked out as rows are read (on the chunk's thread), used by `checkNewRows`.
    private var hashes: [UInt64] = []
    /// The first row of each input, its name and its id column.
    private var inputs: [(firstRow: Int, name: String, idColumn: Int?)] = []
    /// Rows whose ids are in `tables` (the table of column ids, in parts) already.
    private var checked = 0
    private var tables: [IDTable] = []
    /// Set by the run: whether generated ids carry the file name.
    var multipleInputs = false
    /// Rows of an input with an id column whose id cell was blank.
    private(set) var blankIDs = 0

    var count: Int { texts.count }

    mutating func startInput(name: String, idColumn: Int?) {
        inputs.append((texts.count, name, idColumn))
    }

    mutating func reserveCapacity(_ rows: Int, bytes: Int) {
        texts.reserveCapacity(entries: rows, bytes: bytes)
        lines.reserveCapacity(rows)
        hashes.reserveCapacity(rows)
    }

    /// Adds one row: its id (empty: make one from the line) and its line.
    mutating func append(_ id: UnsafeRawBufferPointer, line: Int) {
        let row = texts.count
        if id.isEmpty {
            let generated = generatedID(line: line)
            texts.append(generated)
            setGenerated(row)
            if inputs.last?.idColumn != nil {
                // A blank id cell: checked, since a line number may also be some row's id.
                blankIDs += 1
                hashes.append(Self.hash(generated))
            } else {
                hashes.append(0)
            }
        } else {
            texts.append(id)
            hashes.append(Self.hash(id))
        }
        appendLine(line)
    }

    /// Adds the rows of a chunk read apart, whose lines count from `lineOffset + 1`.
    mutating func append(contentsOf chunk: RespondentIDs, lineOffset: Int) {
        let first = texts.count
        hashes.append(contentsOf: chunk.hashes)
        blankIDs += chunk.blankIDs
        if lineOffset == 0 || chunk.generated.allSatisfy({ $0 == 0 }) {
            texts.append(contentsOf: chunk.texts)
            for row in 0..<chunk.count where chunk.isGenerated(row) { setGenerated(first + row) }
        } else {
            for row in 0..<chunk.count {
                if chunk.isGenerated(row) {
                    let generated = generatedID(line: chunk.line(row) + lineOffset)
                    texts.append(generated)
                    setGenerated(first + row)
                    // A blank cell the chunk hashed by its own line: hashed again by the file's.
                    if chunk.hashes[row] != 0 { hashes[first + row] = Self.hash(generated) }
                } else {
                    chunk.texts.withText(row) { texts.append($0) }
                }
            }
        }
        lines.reserveCapacity(lines.count + chunk.count)
        for row in 0..<chunk.count { appendLine(chunk.line(row) + lineOffset) }
    }

    /// The hash of an id as the duplicate check takes it (never 0, which means "not checked").
    private static func hash(_ id: UnsafeRawBufferPointer) -> UInt64 {
        max(1, FieldText.withCanonical(id) { FieldText.hash($0) })
    }

    private static func hash(_ id: String) -> UInt64 {
        var copy = id
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    /// The id a row gets when its id cell is blank: its line, and the file's name when the survey
    /// has several inputs.
    private func generatedID(line: Int) -> String {
        guard multipleInputs, let name = inputs.last?.name else { return "\(line)" }
        return "\(name):\(line)"
    }

    private mutating func appendLine(_ line: Int) {
        if line <= Int(UInt32.max) {
            lines.append(UInt32(line))
        } else {
            wideLines[lines.count] = line
            lines.append(0)
        }
    }

    func line(_ row: Int) -> Int { wideLines[row] ?? Int(lines[row]) }

    private func isGenerated(_ row: Int) -> Bool {
        let word = row >> 6
        return word < generated.count && generated[word] & (1 << UInt64(row & 63)) != 0
    }

    private mutating func setGenerated(_ row: Int) {
        let word = row >> 6
        while generated.count <= word { generated.append(0) }
        generated[word] |= 1 << UInt64(row & 63)
    }

    private func input(of row: Int) -> (firstRow: Int, name: String, idColumn: Int?) {
        var found = inputs[0]
        for input in inputs where input.firstRow <= row { found = input }
        return found
    }

    /// Checks the rows added since the last call against every id seen before them; returns the
    /// duplicates in row order. With `threads` > 1 the table is split by hash into that many parts
    /// (a power of two), each filled by its own thread in row order: first-seen stays first-seen.
    mutating func checkNewRows(threads: Int = 1) -> [IngestError] {
        let total = texts.count
        let first = checked
        checked = total
        guard total > first else { return [] }
        if tables.isEmpty {
            var parts = 1
            while parts * 2 <= threads, parts < 64 { parts *= 2 }
            tables = (0..<parts).map { _ in IDTable() }
        }
        let parts = tables.count
        let shift = UInt64(64 - parts.trailingZeroBitCount)
        let duplicates = hashes.withUnsafeBufferPointer { hashes in
            let work = IDCheck(
                ids: self, first: first, hashes: UnsafeBufferPointer(rebasing: hashes[first..<total]), tables: tables,
                shift: shift)
            if parts == 1 {
                work.insert(part: 0)
            } else {
                DispatchQueue.concurrentPerform(iterations: parts) { part in work.insert(part: part) }
            }
            return work.duplicates.flatMap { $0 }.sorted { $0.row < $1.row }
        }
        return duplicates.map { duplicate in
            let place = input(of: duplicate.row)
            let firstPlace = input(of: duplicate.first)
            let blank = [duplicate.first, duplicate.row].first(where: isGenerated).map { row in
                SourceLocation(file: input(of: row).name, line: line(row))
            }
            return .duplicateID(
                SourceLocation(file: place.name, line: line(duplicate.row), column: (place.idColumn ?? 0) + 1),
                id: texts.string(duplicate.row),
                firstSeen: SourceLocation(file: firstPlace.name, line: line(duplicate.first)), blankAt: blank)
        }
    }

    fileprivate func canonicalHash(_ row: Int) -> UInt64 { hashes[row] }

    /// True when the ids of two rows are equal as `String`s.
    fileprivate func sameID(_ a: Int, _ b: Int) -> Bool {
        texts.withText(a) { x in
            texts.withText(b) { y in
                if FieldText.same(x, y) { return true }
                if FieldText.isASCII(x), FieldText.isASCII(y) { return false }
                return FieldText.withCanonical(x) { left in FieldText.withCanonical(y) { FieldText.same(left, $0) } }
            }
        }
    }

    /// Frees the duplicate table once every input is read.
    mutating func dropTable() {
        tables = []
        lines = []
        wideLines = [:]
        hashes = []
    }
}

/// One part of the table of column ids: open addressing, each slot 0 or the top 32 bits of the
/// id's hash and the row's number + 1. Only `checkNewRows` touches it, one thread per part.
private final class IDTable: @unchecked Sendable {
    var slots = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 1024)
    var entries = 0

    init() { slots.initialize(repeating: 0) }

    deinit { slots.deallocate() }

    /// Makes room for `count` more entries at a load of at most one half.
    func reserve(_ count: Int, hashOf: (Int) -> UInt64) {
        let needed = (entries + count) * 2
        guard needed > slots.count else { return }
        var size = slots.count
        while size < needed { size <<= 1 }
        let old = slots
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0)
        let mask = size - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: hashOf(Int(entry & 0xFFFF_FFFF) - 1)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
        old.deallocate()
    }
}

/// The shared work of one duplicate check: hashing the new rows in parts, then filling each table
/// part from its own thread.
private final class IDCheck: @unchecked Sendable {
    let ids: RespondentIDs
    let first: Int
    /// The hashes of the rows checked (0: an id made from the line).
    let hashes: UnsafeBufferPointer<UInt64>
    let tables: [IDTable]
    let shift: UInt64
    /// Per part: (row, row that had the id first), in row order.
    private let found: UnsafeMutableBufferPointer<[(row: Int, first: Int)]>
    private let touched: UnsafeMutableBufferPointer<UInt64>

    var duplicates: [[(row: Int, first: Int)]] { Array(found) }

    init(ids: RespondentIDs, first: Int, hashes: UnsafeBufferPointer<UInt64>, tables: [IDTable], shift: UInt64) {
        self.ids = ids
        self.first = first
        self.hashes = hashes
        self.tables = tables
        self.shift = shift
        found = .allocate(capacity: tables.count)
        found.initialize(repeating: [])
        touched = .allocate(capacity: tables.count)
        touched.initialize(repeating: 0)
    }

    deinit {
        found.deinitialize()
        found.deallocate()
        touched.deallocate()
    }

    @inline(__always)
    private func part(_ hash: UInt64) -> Int { shift == 64 ? 0 : Int(truncatingIfNeeded: hash >> shift) }

    func insert(part: Int) {
        let table = tables[part]
        var mine = 0
        for hash in hashes where hash != 0 && self.part(hash) == part { mine += 1 }
        table.reserve(mine) { ids.canonicalHash($0) }
        let slots = table.slots
        let mask = slots.count - 1
        var duplicates: [(row: Int, first: Int)] = []
        var touch: UInt64 = 0
        var batch = 0
        while batch < hashes.count {
            let end = min(batch + 16, hashes.count)
            // Load the slots of a few rows before using them: the misses overlap.
            for index in batch..<end where hashes[index] != 0 && self.part(hashes[index]) == part {
                touch &+= slots[Int(truncatingIfNeeded: hashes[index]) & mask]
            }
            for index in batch..<end {
                let hash = hashes[index]
                guard hash != 0, self.part(hash) == part else { continue }
                let row = first + index
                let tag = hash >> 32
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 {
                        slots[slot] = tag << 32 | UInt64(row + 1)
                        table.entries += 1
                        break
                    }
                    if entry >> 32 == tag {
                        let other = Int(entry & 0xFFFF_FFFF) - 1
                        if ids.sameID(row, other) {
                            duplicates.append((row, other))
                            break
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
            batch = end
        }
        found[part] = duplicates
        touched[part] = touch
    }
}
