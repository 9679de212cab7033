import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Reading one large input in chunks at the same time, one libcsv parser per chunk, with every
/// result exactly what reading it in one piece gives.
///
/// The header rows are read first, in one piece. The data rows are then cut into chunks at line
/// breaks chosen to fall between records (a quote-aware look at the bytes after each cut), and each
/// chunk is parsed by its own parser from a fresh state, its lines counted from 1. A cut is right
/// exactly when the parser of the chunk before it ends between records there: then that parser's
/// state is a fresh parser's, and the chunk after was parsed as one piece would have parsed it. Each
/// chunk feeds its own `RowReader` and consumer; they are put together in file order, lines moved
/// on by the lines of the chunks before and chunk numbers made the survey's.
///
/// Anything unusual — a cut inside a quoted field, bytes that are not UTF-8, a parse error, a file
/// that shrinks or grows while it is read — and the chunks are dropped, the run's state put back,
/// and the input is read in one piece, which then reports exactly what it always reports.
enum ParallelReading {
    /// Chunks read at the same time by default: one per processor, at most 8.
    static let defaultChunks = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Reads `input` in chunks and puts them into `run`; nil when it must be read in one piece.
    static func read<C: RespondentConsumer>(
        _ input: InputSource, run: IngestRun<C>, file: FileState<C>, progress: ((Int, Int?) -> Void)?
    ) throws(IngestError) -> CSVInputFormat? {
        let options = run.options
        guard run.sink == nil, options.parallelChunks > 1, !input.isStandardInput else { return nil }
        guard let opened = try? input.open(), let size = opened.expectedSize, size >= options.parallelMinimumBytes,
            size >= 2
        else { return nil }
        let saved = run.state
        if let format = try? attempt(opened, size: size, run: run, file: file, progress: progress) {
            return format
        }
        run.state = saved
        file.reset()
        return nil
    }

    /// One try; nil (or an error) when the input must be read in one piece instead.
    private static func attempt<C: RespondentConsumer>(
        _ opened: ChunkedFile, size: Int, run: IngestRun<C>, file: FileState<C>, progress: ((Int, Int?) -> Void)?
    ) throws(IngestError) -> CSVInputFormat? {
        let options = run.options
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: options.read.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        let filled = try opened.read(into: buffer, at: 0)
        let first = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
        guard let (format, bodyOffset) = CSVReader.chunkableFormat(first, options: options.read) else { return nil }

        // The header, in one piece, up to the line where it is complete.
        file.expectedBytes = size / max(1, options.parallelChunks)
        guard let header = try readHeader(first, from: bodyOffset, format: format, run: run, file: file),
            let firstChunk = file.chunk
        else { return nil }
        file.chunk = nil
        var chunks = [firstChunk]

        // Cuts between records, then one parser per chunk.
        let count = max(
            1, min(options.parallelChunks, (size - header.dataStart) / max(1, options.parallelMinimumBytes / 4)))
        var cuts = [header.dataStart]
        for index in 1..<max(count, 1) {
            let target = header.dataStart + (size - header.dataStart) * index / count
            guard let cut = try cut(opened, near: max(target, cuts[cuts.count - 1] + 1), format: format),
                cut < size
            else { break }
            if cut > cuts[cuts.count - 1] { cuts.append(cut) }
        }
        cuts.append(size)
        for index in 2..<cuts.count {
            guard let reader = run.makeReader(file: file) else { return nil }
            chunks.append(Chunk<C>(reader: reader, expectedBytes: cuts[index] - cuts[index - 1]))
        }

        let job = ChunkJob(
            file: opened, name: file.name, cuts: cuts, firstLine: header.dataLine, format: format,
            limits: options.read.limits, bufferSize: options.read.chunkSize, chunkCount: chunks.count,
            progress: progress, size: size)
        job.handlers = chunks.map { ChunkJob.Handler(read: $0.read) }
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in job.run(index) }
        job.handlers = []
        guard job.outcomes.allSatisfy({ $0.isExact }) else { return nil }
        progress?(size, size)

        file.chunks = chunks.count
        // Put together in file order, each chunk's lines moved on by the lines before it.
        let outcomes = job.outcomes
        var nextLine = outcomes[0].endLine
        run.absorb(chunks[0], file: file, lineOffset: 0)
        for index in 1..<chunks.count {
            let lineOffset = nextLine - 1
            run.absorb(chunks[index], file: file, lineOffset: lineOffset)
            nextLine = outcomes[index].endLine + lineOffset
        }
        return format
    }

    /// Where the data rows start: the byte offset, and the line there.
    private struct HeaderEnd {
        var dataStart: Int
        var dataLine: Int
    }

    /// Reads records from the start of `first` until the header rows are complete and the parser
    /// is between records at a line break; nil when that does not happen within `first`.
    private static func readHeader<C: RespondentConsumer>(
        _ first: UnsafeRawBufferPointer, from bodyOffset: Int, format: CSVInputFormat, run: IngestRun<C>,
        file: FileState<C>
    ) throws(IngestError) -> HeaderEnd? {
        let parser = CSVParser(
            file: file.name, delimiter: format.delimiter, limits: run.options.read.limits, firstLine: 1,
            onRecordView: { (record) throws(IngestError) in
                if let chunk = file.chunk {
                    try chunk.read(record)
                } else {
                    try run.collectHeader(record.record, file: file, atEnd: false)
                }
            })
        var offset = bodyOffset
        while offset < first.count {
            guard let base = first.baseAddress,
                let hit = memchr(base + offset, Int32(UInt8(ascii: "\n")), first.count - offset)
            else { return nil }
            let end = base.distance(to: UnsafeRawPointer(hit)) + 1
            try parser.feed(UnsafeRawBufferPointer(rebasing: first[offset..<end]))
            offset = end
            if file.chunk != nil {
                guard parser.isBetweenRecords else { return nil }
                return HeaderEnd(dataStart: offset, dataLine: parser.line)
            }
        }
        return nil
    }

    /// A line break after `target` that falls between records, as far as the bytes after it tell:
    /// reading on from it as if outside quotes must not meet a quote that strict CSV forbids; if
    /// it does, the line break was inside a quoted field, and the cut goes after the field's end.
    private static func cut(_ file: ChunkedFile, near target: Int, format: CSVInputFormat) throws(IngestError) -> Int? {
        let window = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
        defer { window.deallocate() }
        let count = try file.read(into: window, at: target)
        let bytes = UnsafeRawBufferPointer(rebasing: window[..<count])
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let start = newline + 1
        if QuoteScan.isConsistent(bytes, from: start, insideQuotes: false, delimiter: format.delimiter) {
            return target + start
        }
        // Inside a quoted field: the next line break outside quotes once it is closed.
        guard QuoteScan.isConsistent(bytes, from: start, insideQuotes: true, delimiter: format.delimiter),
            let next = QuoteScan.lineBreakOutsideQuotes(bytes, from: start, insideQuotes: true)
        else { return nil }
        return target + next + 1
    }
}

/// A quick look at CSV bytes that tracks only whether a position is inside quotes.
enum QuoteScan {
    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    /// False when reading `bytes` from `start` in the given state meets a quote strict CSV forbids
    /// (a quote inside an unquoted field, text after a closing quote).
    static func isConsistent(
        _ bytes: UnsafeRawBufferPointer, from start: Int, insideQuotes: Bool, delimiter: UInt8
    ) -> Bool {
        var state: State = insideQuotes ? .quoted : .fieldStart
        let quote = UInt8(ascii: "\"")
        for index in start..<bytes.count {
            let byte = bytes[index]
            switch state {
            case .fieldStart:
                if byte == quote {
                    state = .quoted
                } else if byte == delimiter || byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09 {
                    state = .fieldStart
                } else {
                    state = .unquoted
                }
            case .unquoted:
                if byte == quote { return false }
                if byte == delimiter || byte == 0x0A || byte == 0x0D { state = .fieldStart }
            case .quoted:
                if byte == quote { state = .afterQuote }
            case .afterQuote:
                if byte == quote {
                    state = .quoted
                } else if byte == delimiter || byte == 0x0A || byte == 0x0D {
                    state = .fieldStart
                } else if byte != 0x20 && byte != 0x09 {
                    return false
                }
            }
        }
        return true
    }

    /// The first line break at or after `start` that is outside quotes.
    static func lineBreakOutsideQuotes(_ bytes: UnsafeRawBufferPointer, from start: Int, insideQuotes: Bool) -> Int? {
        var inside = insideQuotes
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                inside.toggle()
            } else if byte == 0x0A, !inside {
                return index
            }
        }
        return nil
    }
}

/// The work of the chunk readers, shared with the threads that run them: each thread touches only
/// its own chunk and outcome.
private final class ChunkJob: @unchecked Sendable {
    struct Outcome {
        /// True when the chunk was parsed exactly as one piece would parse it: no error, UTF-8
        /// throughout, and (but for the last) ending between records.
        var isExact = false
        /// The line after the chunk's last (counted as the chunk counts).
        var endLine = 1
    }

    let file: ChunkedFile
    let name: String
    let cuts: [Int]
    let firstLine: Int
    let format: CSVInputFormat
    let limits: CSVLimits
    let bufferSize: Int
    let chunkCount: Int
    /// A chunk's record handler (wrapped: a closure kept as an array element directly would be
    /// stored in the array's generic form and called through a conversion thunk).
    struct Handler {
        let read: CSVParser.RecordViewHandler
    }

    /// The record handler of each chunk (set by the caller, then cleared).
    var handlers: [Handler] = []
    let progress: ((Int, Int?) -> Void)?
    let size: Int
    let bytesDone = Atomic<Int>(0)
    private let results: UnsafeMutableBufferPointer<Outcome>

    init(
        file: ChunkedFile, name: String, cuts: [Int], firstLine: Int, format: CSVInputFormat, limits: CSVLimits,
        bufferSize: Int, chunkCount: Int, progress: ((Int, Int?) -> Void)?, size: Int
    ) {
        self.file = file
        self.name = name
        self.cuts = cuts
        self.firstLine = firstLine
        self.format = format
        self.limits = limits
        self.bufferSize = bufferSize
        self.chunkCount = chunkCount
        self.progress = progress
        self.size = size
        results = .allocate(capacity: chunkCount)
        results.initialize(repeating: Outcome())
    }

    deinit { results.deallocate() }

    var outcomes: [Outcome] { Array(results) }

    func run(_ index: Int) {
        let isLast = index == chunkCount - 1
        let read = handlers[index].read
        let parser = CSVParser(
            file: name, delimiter: format.delimiter, limits: limits, firstLine: index == 0 ? firstLine : 1,
            onRecordView: read)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        var validator = UTF8Validator()
        var offset = cuts[index]
        let end = cuts[index + 1]
        do throws(IngestError) {
            while offset < end {
                let wanted = min(buffer.count, end - offset)
                let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]), at: offset)
                guard count == wanted else { return }  // the file changed
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
                guard validator.firstInvalidOffset(bytes) == nil else { return }
                try parser.feed(bytes)
                offset += count
                let done = bytesDone.add(count, ordering: .relaxed).newValue
                if index == 0 { progress?(cuts[0] + done, size) }
            }
            if isLast {
                guard validator.isComplete else { return }
                // A file that grew while it was read: one piece reads it to its end instead.
                let probe = UnsafeMutableRawBufferPointer(rebasing: buffer[..<1])
                guard try file.read(into: probe, at: end) == 0 else { return }
                try parser.finish()
            } else {
                guard parser.isBetweenRecords else { return }
            }
        } catch {
            return
        }
        results[index] = Outcome(isExact: true, endLine: parser.line)
    }
}
