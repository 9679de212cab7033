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
package final class CSVParser {
    package typealias RecordHandler = (CSVRecord) throws(IngestError) -> Void

    private var parser = csv_parser()
    private let file: String
    private let limits: CSVLimits
    private let onRecord: RecordHandler
    /// The byte that ends a physical line: LF, or CR for files with classic Mac line endings.
    private let lineBreak: UInt8

    /// The physical line being fed (1-based).
    private var currentLine = 1
    /// The line the record being built started on.
    private var recordStartLine = 1
    /// The line on which the last complete field of the record in progress ended.
    private var lastFieldEndLine = 1
    private var current = CSVRecord()
    private var finished: [CSVRecord] = []
    private var spare: [CSVRecord] = []
    /// Set by a callback that found a problem; thrown once libcsv returns.
    private var callbackError: IngestError?
    private var isFinished = false

    package init(
        file: String, delimiter: UInt8, lineBreak: UInt8 = UInt8(ascii: "\n"),
        limits: CSVLimits = .default, onRecord: @escaping RecordHandler
    ) {
        self.file = file
        self.limits = limits
        self.lineBreak = lineBreak
        self.onRecord = onRecord
        _ = csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
        csv_set_delim(&parser, delimiter)
        // Only the space character is trimmed around unquoted fields; a tab may be the delimiter.
        csv_set_space_func(&parser) { $0 == 0x20 ? 1 : 0 }
    }

    deinit { csv_free(&parser) }

    /// The line the next byte fed belongs to.
    package var line: Int { currentLine }

    /// The column (1-based field number) the next byte fed belongs to.
    package var column: Int { current.fieldCount + 1 }

    /// Feeds the next bytes of the input.
    package func feed(_ bytes: UnsafeRawBufferPointer) throws(IngestError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
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
            if endsLine { currentLine += 1 }
            base += segmentLength
            remaining -= segmentLength
        }
    }

    /// Ends the input: delivers a last record without a line break, or reports an open quote.
    package func finish() throws(IngestError) {
        guard !isFinished else { return }
        isFinished = true
        let context = Unmanaged.passUnretained(self).toOpaque()
        if csv_fini(&parser, fieldCallback, recordCallback, context) != 0 {
            let column = current.fieldCount + 1
            throw .unterminatedQuote(SourceLocation(file: file, line: lastFieldEndLineOrStart, column: column))
        }
        try deliver()
    }

    private var lastFieldEndLineOrStart: Int { current.fieldCount == 0 ? recordStartLine : lastFieldEndLine }

    private func parse(_ segment: UnsafeRawBufferPointer) throws(IngestError) {
        if parser.pstate == Int32(GENBRIDGE_CSV_ROW_NOT_BEGUN) { recordStartLine = currentLine }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let consumed = csv_parse(&parser, segment.baseAddress, segment.count, fieldCallback, recordCallback, context)
        if let callbackError { throw callbackError }
        if consumed != segment.count {
            let location = SourceLocation(file: file, line: currentLine, column: current.fieldCount + 1)
            switch csv_error(&parser) {
            case CSV_EPARSE: throw .malformedQuote(location)
            case CSV_ENOMEM, CSV_ETOOBIG: throw .parserOutOfMemory(location)
            default: throw .malformedQuote(location)
            }
        }
        if parser.entry_pos > limits.maxFieldBytes {
            throw .fieldTooLarge(
                SourceLocation(file: file, line: recordStartLine, column: current.fieldCount + 1),
                limit: limits.maxFieldBytes)
        }
        try deliver()
    }

    private func deliver() throws(IngestError) {
        guard !finished.isEmpty else { return }
        let records = finished
        finished.removeAll(keepingCapacity: true)
        for record in records { try onRecord(record) }
        for var record in records {
            record.reset()
            spare.append(record)
        }
    }

    fileprivate func addField(_ bytes: UnsafeRawBufferPointer) {
        guard callbackError == nil else { return }
        if current.fieldCount == 0 { current.line = recordStartLine }
        if bytes.count > limits.maxFieldBytes {
            callbackError = .fieldTooLarge(
                SourceLocation(file: file, line: recordStartLine, column: current.fieldCount + 1),
                limit: limits.maxFieldBytes)
            return
        }
        if current.fieldCount >= limits.maxColumns {
            callbackError = .tooManyColumns(
                SourceLocation(file: file, line: recordStartLine), count: current.fieldCount + 1,
                limit: limits.maxColumns)
            return
        }
        current.append(bytes)
        lastFieldEndLine = currentLine
    }

    fileprivate func endRecord() {
        guard callbackError == nil else { return }
        current.line = recordStartLine
        let next = spare.popLast() ?? CSVRecord()
        finished.append(current)
        current = next
    }
}

private func fieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let parser = Unmanaged<CSVParser>.fromOpaque(context).takeUnretainedValue()
    parser.addField(UnsafeRawBufferPointer(start: field, count: field == nil ? 0 : length))
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<CSVParser>.fromOpaque(context).takeUnretainedValue().endRecord()
}
