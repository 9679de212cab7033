/// Many short texts kept back to back in byte buffers, each found by its number: the compact form
/// of a column of text (one entry per respondent) that later stages read only for a few. An empty
/// entry stands for "no value".
///
/// Columns filled by chunks read at the same time are put together without copying: appending a
/// column appends its buffers (segments), and an entry is found in the segment that holds it.
package struct TextColumn: Sendable {
    /// One buffer of entries.
    private struct Segment: Sendable {
        var bytes: [UInt8] = []
        /// End offset of each entry, while the buffer is below 4 GiB.
        var ends: [UInt32] = []
        /// End offsets once the buffer has grown past 4 GiB.
        var wideEnds: [Int]?

        var count: Int { wideEnds?.count ?? ends.count }

        @inline(__always)
        mutating func appendEnd(_ end: Int) {
            if wideEnds == nil, end <= Int(UInt32.max) {
                ends.append(UInt32(truncatingIfNeeded: end))
                return
            }
            appendWideEnd(end)
        }

        /// The buffer has grown past 4 GiB: ends are kept as `Int`s from now on.
        @inline(never)
        mutating func appendWideEnd(_ end: Int) {
            if wideEnds == nil {
                wideEnds = ends.map(Int.init)
                ends = []
            }
            wideEnds?.append(end)
        }

        @inline(__always)
        func end(_ index: Int) -> Int {
            if let wideEnds { return wideEnds[index] }
            return Int(ends[index])
        }

        @inline(__always)
        func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : end(index - 1))..<end(index) }
    }

    private var segments = [Segment()]
    /// The number of the first entry of each segment.
    private var starts = [0]

    package init() {}

    package var count: Int { starts[starts.count - 1] + segments[segments.count - 1].count }

    /// Bytes held, for sizing.
    package var byteCount: Int { segments.reduce(0) { $0 + $1.bytes.count } }

    package mutating func reserveCapacity(entries: Int, bytes byteCount: Int) {
        let last = segments.count - 1
        if segments[last].wideEnds == nil { segments[last].ends.reserveCapacity(segments[last].ends.count + entries) }
        segments[last].bytes.reserveCapacity(segments[last].bytes.count + byteCount)
    }

    package mutating func append(_ text: UnsafeRawBufferPointer) {
        let last = segments.count - 1
        segments[last].bytes.append(contentsOf: text)
        segments[last].appendEnd(segments[last].bytes.count)
    }

    package mutating func append(_ text: String) {
        let last = segments.count - 1
        segments[last].bytes.append(contentsOf: text.utf8)
        segments[last].appendEnd(segments[last].bytes.count)
    }

    /// Appends an empty entry (no value).
    package mutating func appendEmpty() {
        let last = segments.count - 1
        segments[last].appendEnd(segments[last].bytes.count)
    }

    /// Appends every entry of `other`, in order, without copying its bytes.
    package mutating func append(contentsOf other: TextColumn) {
        let first = count
        if segments.count == 1, segments[0].count == 0 {
            self = other
            return
        }
        for (index, segment) in other.segments.enumerated() where segment.count > 0 {
            starts.append(first + other.starts[index])
            segments.append(segment)
        }
        // New entries go to a segment of their own, leaving the appended ones shared.
        starts.append(count)
        segments.append(Segment())
    }

    /// The segment holding entry `index`, and the entry's number in it.
    @inline(__always)
    private func locate(_ index: Int) -> (segment: Int, entry: Int) {
        var segment = segments.count - 1
        while starts[segment] > index { segment -= 1 }
        return (segment, index - starts[segment])
    }

    package func isEmpty(_ index: Int) -> Bool {
        let (segment, entry) = locate(index)
        return segments[segment].range(entry).isEmpty
    }

    /// Calls `body` with the bytes of entry `index`.
    @inline(__always)
    package func withText<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let (segment, entry) = locate(index)
        let range = segments[segment].range(entry)
        return segments[segment].bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Calls `body` with the number and the bytes of each entry of `range`, in order: the buffers
    /// of a segment are looked up once for all of its entries, not once per entry as `withText`
    /// does.
    package func forEachText(in range: Range<Int>, _ body: (Int, UnsafeRawBufferPointer) -> Void) {
        guard !range.isEmpty else { return }
        var segment = locate(range.lowerBound).segment
        var entry = range.lowerBound
        while entry < range.upperBound {
            let first = starts[segment]
            let last = min(range.upperBound, first + segments[segment].count)
            let current = segments[segment]
            current.bytes.withUnsafeBytes { bytes in
                var start = entry == first ? 0 : current.end(entry - first - 1)
                for number in entry..<last {
                    let end = current.end(number - first)
                    body(number, UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                    start = end
                }
            }
            entry = last
            segment += 1
        }
    }

    /// Calls `body` with a reader of the column's entries (`TextColumn.Reader`), valid inside
    /// `body` only: for many look-ups at random, on several threads at once.
    package func withReader<Result>(_ body: (Reader) -> Result) -> Result {
        let places = UnsafeMutableBufferPointer<Reader.Segment>.allocate(capacity: segments.count)
        defer { places.deallocate() }
        return starts.withUnsafeBufferPointer { starts in
            // Each segment's buffers are held open by a closure of its own, one inside the other.
            func open(_ k: Int) -> Result {
                guard k < segments.count else {
                    return body(Reader(starts: starts, segments: UnsafeBufferPointer(places)))
                }
                let segment = segments[k]
                return segment.bytes.withUnsafeBytes { bytes in
                    segment.ends.withUnsafeBufferPointer { ends in
                        (segment.wideEnds ?? []).withUnsafeBufferPointer { wideEnds in
                            places.initializeElement(
                                at: k,
                                to: Reader.Segment(
                                    bytes: bytes, ends: ends, wideEnds: segment.wideEnds == nil ? nil : wideEnds))
                            return open(k + 1)
                        }
                    }
                }
            }
            return open(0)
        }
    }

    /// The entries of a column through its buffers' addresses (see `withReader`). A look-up takes
    /// no reference to the column's buffers, as `withText` does for each entry: threads that look
    /// up entries of the same column at once would contend for those references' counts.
    package struct Reader {
        fileprivate struct Segment {
            let bytes: UnsafeRawBufferPointer
            let ends: UnsafeBufferPointer<UInt32>
            let wideEnds: UnsafeBufferPointer<Int>?

            @inline(__always)
            func end(_ index: Int) -> Int {
                if let wideEnds { return wideEnds[index] }
                return Int(ends[index])
            }
        }

        fileprivate let starts: UnsafeBufferPointer<Int>
        fileprivate let segments: UnsafeBufferPointer<Segment>

        /// The bytes of entry `index`.
        @inline(__always)
        package func text(_ index: Int) -> UnsafeRawBufferPointer {
            var k = segments.count - 1
            while starts[k] > index { k -= 1 }
            let segment = segments[k]
            let entry = index - starts[k]
            let start = entry == 0 ? 0 : segment.end(entry - 1)
            return UnsafeRawBufferPointer(rebasing: segment.bytes[start..<segment.end(entry)])
        }
    }

    /// Entry `index` as a `String`.
    package func string(_ index: Int) -> String {
        withText(index) { FieldText.string($0) }
    }

    /// Entry `index` as a `String`, or nil when it is empty.
    package func optionalString(_ index: Int) -> String? {
        isEmpty(index) ? nil : string(index)
    }
}

// MARK: - Resting in a scratch file

extension TextColumn {
    /// A column written to a `ScratchFile` (see `stash(in:)`).
    package struct Stashed: Sendable {
        fileprivate struct Segment: Sendable {
            var bytes: ScratchFile.Place
            var ends: ScratchFile.Place
            var wideEnds: ScratchFile.Place?
        }

        fileprivate var segments: [Segment]
        fileprivate var starts: [Int]
    }

    /// Writes the column to `file`; nil (the column still whole) when the file cannot take it.
    package func stash(in file: ScratchFile) -> Stashed? {
        var stashed = Stashed(segments: [], starts: starts)
        for segment in segments {
            guard let bytes = file.write(segment.bytes), let ends = file.write(segment.ends) else { return nil }
            var wideEnds: ScratchFile.Place?
            if let wide = segment.wideEnds {
                guard let place = file.write(wide) else { return nil }
                wideEnds = place
            }
            stashed.segments.append(.init(bytes: bytes, ends: ends, wideEnds: wideEnds))
        }
        return stashed
    }

    /// The column `stash(in:)` wrote; nil when `file` cannot give it back whole.
    package init?(_ stashed: Stashed, from file: ScratchFile) {
        var segments: [Segment] = []
        for place in stashed.segments {
            guard let bytes = file.read(place.bytes, as: UInt8.self), let ends = file.read(place.ends, as: UInt32.self)
            else { return nil }
            var segment = Segment(bytes: bytes, ends: ends)
            if let wide = place.wideEnds {
                guard let wideEnds = file.read(wide, as: Int.self) else { return nil }
                segment.wideEnds = wideEnds
            }
            segments.append(segment)
        }
        self.init()
        self.segments = segments
        self.starts = stashed.starts
    }
}
