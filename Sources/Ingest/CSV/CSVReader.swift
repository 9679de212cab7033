/// How to read an input: which encoding and delimiter (or detect them), and the resource limits.
package struct CSVReadOptions: Sendable, Hashable {
    package var encoding: EncodingChoice = .auto
    /// nil: sniff among `,` `;` tab.
    package var delimiter: UInt8?
    package var limits: CSVLimits = .default
    package var chunkSize = 1 << 20

    package init(encoding: EncodingChoice = .auto, delimiter: UInt8? = nil, limits: CSVLimits = .default) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.limits = limits
    }
}

/// What the reader found out about an input's bytes.
package struct CSVInputFormat: Sendable, Hashable {
    package var encoding: TextEncoding
    package var hadByteOrderMark: Bool
    package var delimiter: UInt8
}

/// Streams an input's records: reads chunks, detects a byte-order mark and the encoding, turns the
/// bytes into UTF-8, sniffs the delimiter, and hands the chunks to libcsv through `CSVParser`.
/// Memory stays at about one chunk, however large the file.
package enum CSVReader {
    /// Reads `source` to its end. `onFormat` is called once, before the first record.
    @discardableResult
    package static func read(
        _ source: InputSource,
        options: CSVReadOptions = CSVReadOptions(),
        progress: ((_ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil,
        onFormat: (CSVInputFormat) -> Void = { _ in },
        onRecord: @escaping CSVParser.RecordHandler
    ) throws(IngestError) -> CSVInputFormat {
        try readViews(
            source, options: options, progress: progress, onFormat: onFormat,
            onRecord: { (view) throws(IngestError) in try onRecord(view.record) })
    }

    /// Reads `source` to its end, handing each record over as a view into the parser's buffer
    /// (valid only during the call). `onFormat` is called once, before the first record.
    @discardableResult
    package static func readViews(
        _ source: InputSource,
        options: CSVReadOptions = CSVReadOptions(),
        progress: ((_ bytesRead: Int, _ totalBytes: Int?) -> Void)? = nil,
        onFormat: (CSVInputFormat) -> Void = { _ in },
        onRecord: @escaping CSVParser.RecordViewHandler
    ) throws(IngestError) -> CSVInputFormat {
        let file = try source.open()
        let name = source.displayName
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: options.chunkSize, alignment: 16)
        defer { buffer.deallocate() }

        // The first chunk decides the encoding, the delimiter and the line break.
        var filled = 0
        while filled < buffer.count {
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        let first = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
        let bom = ByteOrderMark.detect(in: first)
        var encoding = try chooseEncoding(options.encoding, bom: bom, sample: first, file: name)
        if options.encoding == .auto, bom == nil, encoding == .utf8, let size = file.expectedSize, size > filled,
            try !restIsValidUTF8(source, after: first)
        {
            encoding = .windows1252
        }
        let body = UnsafeRawBufferPointer(rebasing: first[(bom?.length ?? 0)...])
        if bom == nil || bom?.encoding == .utf8, ContentSniffer.looksBinary(body) {
            throw .binaryContent(file: name)
        }

        var transcoder = TranscodingStream(encoding: encoding)
        var parser: CSVParser?
        var format = CSVInputFormat(encoding: encoding, hadByteOrderMark: bom != nil, delimiter: UInt8(ascii: ","))

        func push(_ chunk: UnsafeRawBufferPointer) throws(IngestError) {
            let ok = try transcoder.convert(chunk) { (utf8) throws(IngestError) in
                if parser == nil {
                    format.delimiter = options.delimiter ?? DelimiterSniffer.sniff(utf8)
                    let lineBreak = lineBreakByte(in: utf8)
                    onFormat(format)
                    parser = CSVParser(
                        file: name, delimiter: format.delimiter, lineBreak: lineBreak, limits: options.limits,
                        firstLine: 1, onRecordView: onRecord)
                }
                try parser?.feed(utf8)
            }
            if !ok {
                throw .invalidEncoding(
                    SourceLocation(file: name, line: parser?.recordLine ?? 1, column: parser?.column ?? 1),
                    encoding: encoding.displayName)
            }
        }

        try push(body)
        progress?(file.bytesRead, file.expectedSize)
        while true {
            let count = try file.read(into: buffer)
            if count == 0 { break }
            try push(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            progress?(file.bytesRead, file.expectedSize)
        }
        if !transcoder.endsCleanly {
            throw .invalidEncoding(
                SourceLocation(file: name, line: parser?.recordLine ?? 1, column: parser?.column ?? 1),
                encoding: encoding.displayName + " (the file ends inside a character)")
        }
        try parser?.finish()
        return format
    }

    /// What the first bytes of an input say, when they allow reading it in chunks at the same
    /// time: UTF-8 (by its byte-order mark, or valid so far and not ruled out by the options) with
    /// LF line breaks. The bytes after these must still be checked to be UTF-8. nil otherwise.
    static func chunkableFormat(
        _ first: UnsafeRawBufferPointer, options: CSVReadOptions
    )
        -> (format: CSVInputFormat, bodyOffset: Int)?
    {
        let bom = ByteOrderMark.detect(in: first)
        if let bom, bom.encoding != .utf8 { return nil }
        guard options.encoding == .auto || options.encoding == .utf8 else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: first[(bom?.length ?? 0)...])
        var validator = UTF8Validator()
        guard validator.firstInvalidOffset(body) == nil, !ContentSniffer.looksBinary(body),
            lineBreakByte(in: body) == UInt8(ascii: "\n")
        else { return nil }
        let delimiter = options.delimiter ?? DelimiterSniffer.sniff(body)
        return (CSVInputFormat(encoding: .utf8, hadByteOrderMark: bom != nil, delimiter: delimiter), bom?.length ?? 0)
    }

    /// Reads the whole of a regular file once to tell UTF-8 from Windows-1252 before any record
    /// is parsed, so that a bad byte deep in the file does not leave half the rows read in the
    /// wrong encoding. Standard input cannot be read twice and is judged by its first chunk.
    private static func restIsValidUTF8(
        _ source: InputSource, after first: UnsafeRawBufferPointer
    ) throws(IngestError) -> Bool {
        var validator = UTF8Validator()
        if validator.firstInvalidOffset(first) != nil { return false }
        let file = try source.open()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        var skip = first.count
        while true {
            let count = try file.read(into: buffer)
            if count == 0 { return validator.isComplete }
            let start = min(skip, count)
            skip -= start
            if validator.firstInvalidOffset(UnsafeRawBufferPointer(rebasing: buffer[start..<count])) != nil {
                return false
            }
        }
    }

    private static func chooseEncoding(
        _ choice: EncodingChoice, bom: ByteOrderMark?, sample: UnsafeRawBufferPointer, file: String
    ) throws(IngestError) -> TextEncoding {
        switch choice {
        case .utf8:
            if let bom, bom.encoding != .utf8 {
                throw .invalidEncoding(
                    SourceLocation(file: file, line: 1),
                    encoding: "UTF-8 (the file starts with a \(bom.encoding.displayName) byte-order mark)")
            }
            return .utf8
        case .windows1252:
            return bom?.encoding ?? .windows1252
        case .utf16:
            if let bom, bom.encoding != .utf8 { return bom.encoding }
            throw .invalidEncoding(
                SourceLocation(file: file, line: 1),
                encoding: "UTF-16 (no byte-order mark: save it as Excel's \"Unicode Text\", which writes one)")
        case .auto:
            if let bom { return bom.encoding }
            var validator = UTF8Validator()
            return validator.firstInvalidOffset(sample) == nil ? .utf8 : .windows1252
        }
    }

    /// LF, unless the text has carriage returns and no line feed at all (classic Mac line endings).
    private static func lineBreakByte(in text: UnsafeRawBufferPointer) -> UInt8 {
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        return !text.contains(lf) && text.contains(cr) ? cr : lf
    }
}
