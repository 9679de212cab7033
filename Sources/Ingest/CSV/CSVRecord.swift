/// One record as libcsv delivered it: the bytes of its fields back to back, where each field ends,
/// and the physical line the record starts on. Fields are already unquoted (doubled quotes undone).
package struct CSVRecord: Sendable {
    /// Physical line (1-based) where the record starts; a quoted newline does not start a record.
    package var line = 0
    package private(set) var bytes: [UInt8] = []
    package private(set) var fieldEnds: [Int] = []
    /// The first field (0-based) that holds a NUL byte, if any.
    package private(set) var firstFieldWithNUL: Int?

    package init() {}

    /// Builds a record from strings; for tests and for callers that synthesise rows.
    package init(line: Int, fields: [String]) {
        self.line = line
        for field in fields { append(field.utf8) }
    }

    package var fieldCount: Int { fieldEnds.count }

    /// The bytes of field `index` (0-based).
    package func field(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return bytes[start..<fieldEnds[index]]
    }

    /// Field `index` as text, or nil when its bytes are not valid UTF-8.
    package func string(_ index: Int) -> String? {
        field(index).withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    }

    mutating func append(_ field: some Collection<UInt8>) {
        if firstFieldWithNUL == nil, field.contains(0) { firstFieldWithNUL = fieldEnds.count }
        bytes.append(contentsOf: field)
        fieldEnds.append(bytes.count)
    }

    /// Empties the record, keeping its storage for the next one.
    mutating func reset() {
        line = 0
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        firstFieldWithNUL = nil
    }

    /// Calls `body` with a view of the record.
    package func withView<Result>(_ body: (CSVRecordView) throws(IngestError) -> Result) throws(IngestError) -> Result {
        // One spare element each, so that the buffers always have storage; it is never read.
        let storage = bytes + [0]
        let endStorage = fieldEnds + [0]
        let outcome: Swift.Result<Result, IngestError> = storage.withUnsafeBufferPointer { bytes in
            endStorage.withUnsafeBufferPointer { ends in
                let view = CSVRecordView(
                    line: line, bytes: bytes.baseAddress.unsafelyUnwrapped, ends: ends.baseAddress.unsafelyUnwrapped,
                    start: 0, fieldCount: fieldEnds.count, firstFieldWithNUL: firstFieldWithNUL)
                return Swift.Result { () throws(IngestError) in try body(view) }
            }
        }
        return try outcome.get()
    }
}

/// A record inside the parser's buffer, handed to a callback: valid only during that call. The
/// hot path reads fields through it without copying them into arrays or strings.
package struct CSVRecordView {
    /// Physical line (1-based) where the record starts.
    package let line: Int
    package let fieldCount: Int
    /// The first field (0-based) that holds a NUL byte, if any.
    package let firstFieldWithNUL: Int?
    private let bytes: UnsafePointer<UInt8>
    /// End offset (into `bytes`) of each field of the record.
    private let ends: UnsafePointer<Int>
    private let start: Int

    init(
        line: Int, bytes: UnsafePointer<UInt8>, ends: UnsafePointer<Int>, start: Int, fieldCount: Int,
        firstFieldWithNUL: Int?
    ) {
        self.line = line
        self.bytes = bytes
        self.ends = ends
        self.start = start
        self.fieldCount = fieldCount
        self.firstFieldWithNUL = firstFieldWithNUL
    }

    /// The bytes of all the fields (unquoted), for estimates.
    package var byteCount: Int { fieldCount == 0 ? 0 : ends[fieldCount - 1] - start }

    /// The bytes of field `index` (0-based, below `fieldCount`).
    @inline(__always)
    package func field(_ index: Int) -> UnsafeRawBufferPointer {
        let from = index == 0 ? start : ends[index - 1]
        return UnsafeRawBufferPointer(start: bytes + from, count: ends[index] - from)
    }

    /// Field `index` as text, or nil when its bytes are not valid UTF-8.
    package func string(_ index: Int) -> String? {
        String(validating: field(index).assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }

    /// A copy that outlives the call.
    package var record: CSVRecord {
        var copy = CSVRecord()
        copy.line = line
        for index in 0..<fieldCount { copy.append(field(index)) }
        return copy
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes as a typed buffer (they are bytes already).
    @inline(__always)
    func assumingMemoryBound(to: UInt8.Type) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: baseAddress?.assumingMemoryBound(to: UInt8.self), count: count)
    }
}
