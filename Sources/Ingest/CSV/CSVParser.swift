internal import CLibCSV

#if canImport(Glibc)
    import Glibc
#endif

/// Limits that keep hostile input from exhausting memory.
package struct CSVLimits: Sendable, Hashable {
    /// The longest field, in bytes.
    package var maxFieldBytes: Int
    /// The most fields in one record.
    package var maxColumns: Int

    package static let `default` = CSVLimits(maxFieldBytes: 1 << 20, maxColumns: 4096)

    package init(maxFieldBytes: Int, maxColumns: Int) {
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
    }
}

/// A push parser over libcsv: feed it UTF-8 bytes in chunks of any size, and it hands each
/// complete record, with the physical line it starts on, to `onRecord`.
///
/// Strict quoting (`CSV_STRICT | CSV_STRICT_FINI`). Lines are counted by feeding libcsv one
/// physical line at a time and reading its parser state between calls: a record starts on the
/// first line that is fed while libcsv is between records, however many quoted newlines it spans.
///
/// The fields of the record being built live in one growing byte buffer owned by the parser; a
/// record is handed over as a `CSVRecordView` into that buffer, so the hot path copies each field
/// once and allocates nothing. libcsv's callbacks reach that buffer through a plain pointer (no
/// reference counting, no exclusivity checks).
package final class CSVParser {
    package typealias RecordHandler = (CSVRecord) throws(IngestError) -> Void
    package typealias RecordViewHandler = (CSVRecordView) throws(IngestError) -> Void

    /// libcsv's state, in memory of its own: a class's stored property passed `inout` would be
    /// checked for exclusive access at every call.
    private let parser: UnsafeMutablePointer<csv_parser>
    private let state: UnsafeMutablePointer<RecordBuffer>
    private let onRecord: RecordViewHandler
    /// The byte that ends a physical line: LF, or CR for files with classic Mac line endings.
    private let lineBreak: UInt8
    private var isFinished = false
    /// How many bytes of spaces beyond the field limit an open field may hold before it is refused.
    static let spacesAllowance = 64 << 20

    /// A parser that hands over copies of the records (`CSVRecord`), for callers that keep them.
    package convenience init(
        file: String, delimiter: UInt8, lineBreak: UInt8 = UInt8(ascii: "\n"),
        limits: CSVLimits = .default, onRecord: @escaping RecordHandler
    ) {
        self.init(
            file: file, delimiter: delimiter, lineBreak: lineBreak, limits: limits, firstLine: 1,
            onRecordView: { (view) throws(IngestError) in try onRecord(view.record) })
    }

    /// A parser that hands over views of its buffer, valid only during the call. `firstLine` is
    /// the number of the first line fed (a chunk of a file that starts further on counts from there).
    package init(
        file: String, delimiter: UInt8, lineBreak: UInt8 = UInt8(ascii: "\n"),
        limits: CSVLimits = .default, firstLine: Int, onRecordView: @escaping RecordViewHandler
    ) {
        self.lineBreak = lineBreak
        self.onRecord = onRecordView
        state = .allocate(capacity: 1)
        state.initialize(to: RecordBuffer(file: file, limits: limits, firstLine: firstLine))
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        _ = csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
        csv_set_delim(parser, delimiter)
    }

    deinit {
        csv_free(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
        state.pointee.release()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The line the next byte fed belongs to.
    package var line: Int { state.pointee.currentLine }

    /// The line where the record the next byte fed belongs to starts (errors name a record by
    /// the line it starts on, even when the byte at fault is on a later line of a quoted field).
    package var recordLine: Int { isBetweenRecords ? state.pointee.currentLine : state.pointee.recordStartLine }

    /// The column (1-based field number) the next byte fed belongs to.
    package var column: Int { state.pointee.fieldsInRecord + 1 }

    /// True when libcsv is between records: the next byte fed starts a new record.
    package var isBetweenRecords: Bool { parser.pointee.pstate == Int32(GENBRIDGE_CSV_ROW_NOT_BEGUN) }

    /// Feeds the next bytes of the input.
    package func feed(_ bytes: UnsafeRawBufferPointer) throws(IngestError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        // Only the space character is trimmed around unquoted fields (a tab may be the delimiter).
        // libcsv's own test, used when no function is set, also counts tabs as spaces, but it is
        // inline where a function costs a call per byte: bytes without a tab get the inline test,
        // which answers the same for every one of them.
        let hasTab = memchr(base, Int32(UInt8(ascii: "\t")), remaining) != nil
        csv_set_space_func(parser, hasTab ? onlySpaceIsSpace : nil)
        // NUL bytes are rare: fields are searched for one only once the input has shown one.
        if !state.pointee.checksNUL, memchr(base, 0, remaining) != nil { state.pointee.checksNUL = true }
        while remaining > 0 {
            let segmentLength: Int
            let endsLine: Bool
            if let hit = memchr(base, Int32(lineBreak), remaining) {
                segmentLength = base.distance(to: UnsafeRawPointer(hit)) + 1
                endsLine = true
            } else {
                segmentLength = remaining
                endsLine = false
            }
            try parse(UnsafeRawBufferPointer(start: base, count: segmentLength))
            if endsLine { state.pointee.currentLine += 1 }
            base += segmentLength
            remaining -= segmentLength
        }
    }

    /// Ends the input: delivers a last record without a line break, or reports an open quote.
    package func finish() throws(IngestError) {
        guard !isFinished else { return }
        isFinished = true
        if csv_fini(parser, fieldCallback, recordCallback, UnsafeMutableRawPointer(state)) != 0 {
            let buffer = state.pointee
            let line = buffer.fieldsInRecord == 0 ? buffer.recordStartLine : buffer.lastFieldEndLine
            throw .unterminatedQuote(SourceLocation(file: buffer.file, line: line, column: buffer.fieldsInRecord + 1))
        }
        if let error = state.pointee.error { throw error }
        try deliver()
    }

    private func parse(_ segment: UnsafeRawBufferPointer) throws(IngestError) {
        if parser.pointee.pstate == Int32(GENBRIDGE_CSV_ROW_NOT_BEGUN) {
            state.pointee.recordStartLine = state.pointee.currentLine
        }
        let fieldsBefore = state.pointee.endCount
        let consumed = csv_parse(
            parser, segment.baseAddress, segment.count, fieldCallback, recordCallback, UnsafeMutableRawPointer(state))
        if state.pointee.failed, let error = state.pointee.error { throw error }
        // A segment is one physical line or part of one: a field completed in it ended on it.
        if state.pointee.endCount != fieldsBefore {
            state.pointee.lastFieldEndLine = state.pointee.currentLine
        }
        if consumed != segment.count {
            let buffer = state.pointee
            let location = SourceLocation(
                file: buffer.file, line: buffer.currentLine, column: buffer.fieldsInRecord + 1)
            switch csv_error(parser) {
            case CSV_EPARSE: throw .malformedQuote(location)
            case CSV_ENOMEM, CSV_ETOOBIG: throw .parserOutOfMemory(location)
            default: throw .malformedQuote(location)
            }
        }
        // A field still open: libcsv's buffer holds the spaces after it (and, after a closing
        // quote, that quote), which it drops if the field ends there. Only what the field
        // certainly holds is measured, so the answer does not depend on where the input was cut;
        // the spaces are bounded apart, so a field of spaces cannot exhaust memory either.
        let entry = parser.pointee.entry_pos
        let pending = parser.pointee.spaces + (parser.pointee.pstate == GENBRIDGE_CSV_FIELD_MIGHT_HAVE_ENDED ? 1 : 0)
        let limit = state.pointee.maxFieldBytes
        if entry > limit, entry - min(pending, entry) > limit || entry - limit > Self.spacesAllowance {
            let buffer = state.pointee
            throw .fieldTooLarge(
                SourceLocation(file: buffer.file, line: buffer.recordStartLine, column: buffer.fieldsInRecord + 1),
                limit: limit)
        }
        if state.pointee.doneCount > 0 { try deliver() }
    }

    private func deliver() throws(IngestError) {
        let count = state.pointee.doneCount
        guard count > 0 else { return }
        for index in 0..<count {
            let done = state.pointee.done[index]
            try onRecord(
                CSVRecordView(
                    line: done.line, bytes: UnsafePointer(state.pointee.bytes),
                    ends: UnsafePointer(state.pointee.ends + done.firstField),
                    start: done.firstByte, fieldCount: done.fieldCount,
                    firstFieldWithNUL: done.firstFieldWithNUL < 0 ? nil : done.firstFieldWithNUL))
        }
        state.pointee.compact()
    }
}

/// The parser's buffer: the fields of the records completed during the current call into libcsv
/// and of the record in progress, back to back, and where each ends.
struct RecordBuffer {
    /// A record libcsv completed: its fields are `ends[firstField ..< firstField + fieldCount]`.
    struct Done {
        var firstField: Int
        var fieldCount: Int
        var firstByte: Int
        var line: Int
        var firstFieldWithNUL: Int
    }

    let file: String
    let maxFieldBytes: Int
    let maxColumns: Int
    /// Fields up to this long (16 bytes, or less under a lower limit) are copied inline.
    let shortFieldLimit: Int
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCapacity = 4096
    var byteCount = 0
    /// End offset (into `bytes`) of each field.
    var ends: UnsafeMutablePointer<Int>
    var endCapacity = 256
    var endCount = 0
    /// Where the record in progress starts.
    var recordFirstField = 0
    var recordFirstByte = 0
    var recordNUL = -1
    var done: UnsafeMutablePointer<Done>
    var doneCapacity = 4
    var doneCount = 0
    /// The physical line being fed (1-based).
    var currentLine: Int
    /// The line the record being built started on.
    var recordStartLine: Int
    /// The line on which the last complete field of the record in progress ended (set by
    /// `CSVParser.parse` after each call into libcsv that completed a field).
    var lastFieldEndLine: Int
    var checksNUL = false
    /// Set by a callback that found a problem; thrown once libcsv returns.
    var error: IngestError? {
        didSet { failed = error != nil }
    }
    /// `error != nil`, cheap to test in the callbacks.
    private(set) var failed = false

    init(file: String, limits: CSVLimits, firstLine: Int) {
        self.file = file
        maxFieldBytes = limits.maxFieldBytes
        maxColumns = limits.maxColumns
        shortFieldLimit = min(16, limits.maxFieldBytes)
        currentLine = firstLine
        recordStartLine = firstLine
        lastFieldEndLine = firstLine
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: endCapacity)
        done = .allocate(capacity: doneCapacity)
    }

    func release() {
        bytes.deallocate()
        ends.deallocate()
        done.deallocate()
    }

    var fieldsInRecord: Int { endCount - recordFirstField }

    /// Called by libcsv for every field, so the common case (a short field that fits, no error
    /// recorded, no NUL byte to look for) makes no call at all: with nothing to keep across a
    /// call, it needs no registers saved either. Anything else is `addFieldOutOfLine`'s.
    @inline(__always)
    mutating func addField(_ field: UnsafeRawPointer?, _ length: Int) {
        if length <= shortFieldLimit, !failed, !checksNUL, endCount &- recordFirstField < maxColumns,
            byteCount &+ length <= byteCapacity, endCount < endCapacity
        {
            if length > 0, let field {
                copyShortField(from: field, count: length, to: UnsafeMutableRawPointer(bytes + byteCount))
            }
            byteCount &+= length
            ends[endCount] = byteCount
            endCount &+= 1
            return
        }
        addFieldOutOfLine(field, length)
    }

    /// `addField` in full: limits, errors, growth, long fields and NUL bytes.
    @inline(never)
    private mutating func addFieldOutOfLine(_ field: UnsafeRawPointer?, _ length: Int) {
        let column = endCount &- recordFirstField
        guard !failed, length <= maxFieldBytes, column < maxColumns else {
            refuseField(length: length, column: column)
            return
        }
        if byteCount + length > byteCapacity { growBytes(byteCount + length) }
        if endCount == endCapacity { growEnds() }
        if length > 0, let field {
            UnsafeMutableRawPointer(bytes + byteCount).copyMemory(from: field, byteCount: length)
            if checksNUL, recordNUL < 0, memchr(field, 0, length) != nil { recordNUL = column }
        }
        byteCount &+= length
        ends[endCount] = byteCount
        endCount &+= 1
    }

    /// Copies a field of 1 to 16 bytes: two loads and two stores that may overlap (of 8, 4 or 1
    /// bytes, never past either end) instead of a call to `memcpy`.
    @inline(__always)
    private func copyShortField(from source: UnsafeRawPointer, count: Int, to target: UnsafeMutableRawPointer) {
        if count >= 8 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            // 1 to 3 bytes: the first, the middle and the last cover them all.
            let first = source.load(as: UInt8.self)
            let middle = source.load(fromByteOffset: count >> 1, as: UInt8.self)
            let last = source.load(fromByteOffset: count - 1, as: UInt8.self)
            target.storeBytes(of: first, as: UInt8.self)
            target.storeBytes(of: middle, toByteOffset: count >> 1, as: UInt8.self)
            target.storeBytes(of: last, toByteOffset: count - 1, as: UInt8.self)
        }
    }

    /// Records why a field cannot be taken (unless an error is recorded already).
    @inline(never)
    private mutating func refuseField(length: Int, column: Int) {
        guard !failed else { return }
        if length > maxFieldBytes {
            error = .fieldTooLarge(
                SourceLocation(file: file, line: recordStartLine, column: column + 1), limit: maxFieldBytes)
        } else {
            error = .tooManyColumns(
                SourceLocation(file: file, line: recordStartLine), count: column + 1, limit: maxColumns)
        }
    }

    mutating func endRecord() {
        guard !failed else { return }
        if doneCount == doneCapacity {
            let larger = UnsafeMutablePointer<Done>.allocate(capacity: doneCapacity * 2)
            larger.moveInitialize(from: done, count: doneCount)
            done.deallocate()
            done = larger
            doneCapacity *= 2
        }
        (done + doneCount).initialize(
            to: Done(
                firstField: recordFirstField, fieldCount: endCount - recordFirstField, firstByte: recordFirstByte,
                line: recordStartLine, firstFieldWithNUL: recordNUL))
        doneCount += 1
        recordFirstField = endCount
        recordFirstByte = byteCount
        recordNUL = -1
        // The next record starts on this line, unless the terminator was the line break that ends
        // the piece being parsed: then the next piece sets it (`CSVParser.parse`). A bare CR in a
        // file of LF lines ends a record in the middle of a piece.
        recordStartLine = currentLine
    }

    /// Drops the delivered records, moving the fields of the record in progress to the front.
    mutating func compact() {
        doneCount = 0
        let fields = endCount - recordFirstField
        if fields == 0 {
            byteCount = 0
            endCount = 0
        } else {
            let length = byteCount - recordFirstByte
            if recordFirstByte > 0 { bytes.update(from: bytes + recordFirstByte, count: length) }
            for index in 0..<fields { ends[index] = ends[recordFirstField + index] - recordFirstByte }
            byteCount = length
            endCount = fields
        }
        recordFirstField = 0
        recordFirstByte = 0
    }

    private mutating func growBytes(_ needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = larger
        byteCapacity = capacity
    }

    private mutating func growEnds() {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
        larger.update(from: ends, count: endCount)
        ends.deallocate()
        ends = larger
        endCapacity *= 2
    }
}

private func onlySpaceIsSpace(_ byte: UInt8) -> Int32 { byte == 0x20 ? 1 : 0 }

// Inlined into the C entry points libcsv calls, so that a field costs one call, not two.
@inline(__always)
private func fieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    context.unsafelyUnwrapped.assumingMemoryBound(to: RecordBuffer.self).pointee.addField(
        field, field == nil ? 0 : length)
}

@inline(__always)
private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context.unsafelyUnwrapped.assumingMemoryBound(to: RecordBuffer.self).pointee.endRecord()
}
