import Foundation
import Testing

@testable import Ingest

/// Inputs where reading in chunks at the same time does not give what reading in one piece gives,
/// found with the differential fuzzer (`Fuzz/IngestFuzzer.swift`, `make fuzz`) and, for the
/// same causes, written out small. Each is read in one piece and in chunks with the same options
/// and buffer size, and everything ingest reports and every row a consumer sees must be equal.
@Suite("Reading in chunks = reading in one piece: fuzzer findings")
struct ChunkedFuzzRegressionTests {
    typealias Recording = ParallelReadingTests.RecordingConsumer

    static func read(_ path: String, options: IngestOptions) -> (Survey, Recording) {
        SurveyIngestor(options: options).ingest([InputSource(path: path)], consumer: Recording.self)
    }

    /// Reads `path` in one piece and in each of `chunkings` (chunks, smallest input read in
    /// chunks), all with `options` otherwise; expects the same survey and rows every way.
    static func expectSame(
        _ path: String, options: IngestOptions, chunkings: [(chunks: Int, minimumBytes: Int)],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        var serial = options
        serial.parallelChunks = 1
        let (survey, consumer) = read(path, options: serial)
        for (chunks, minimumBytes) in chunkings {
            var chunked = options
            chunked.parallelChunks = chunks
            chunked.parallelMinimumBytes = minimumBytes
            let (chunkedSurvey, chunkedConsumer) = read(path, options: chunked)
            #expect(
                ParallelReadingTests.account(chunkedSurvey) == ParallelReadingTests.account(survey),
                "\(chunks) chunks", sourceLocation: sourceLocation)
            #expect(chunkedConsumer.rows == consumer.rows, "\(chunks) chunks", sourceLocation: sourceLocation)
        }
    }

    /// The fuzzer's header mode: its bytes as data rows under this header.
    static let surveyHeader =
        "Employee ID,Name,Email,Department,Job level,Manager ID,Location,Willing to mentor,Would like a mentor,"
        + "Mentoring capacity,Pinterest,WhatsApp,LinkedIn,Comments\n"

    /// The fuzzer's input, minimised (`-minimize_crash=1`): a quoted field spanning lines, then
    /// `\r` ending its record and `yy`, a ragged row, after it on the same line. `CSVParser` set
    /// the line a record starts on only when a piece it hands libcsv (up to a line feed or a
    /// buffer's end) begins between records, so `yy` was put on line 3, where the record before it
    /// starts, unless a buffer ended right after the `\r` — as the one-piece reader's 200-byte
    /// buffer does here (file offset 200): line 8 in one piece, line 3 in chunks.
    @Test("fuzzer finding: a row after a bare CR that ends a multi-line record")
    func fuzzerFinding() throws {
        let input: [UInt8] = [
            0x4E, 0x61, 0x79, 0x79, 0x0D, 0x0A, 0x41, 0x31, 0x2C, 0x22, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x0A,
            0x0A, 0x0A, 0x61, 0x79, 0x79, 0x00, 0x00, 0x00, 0x64, 0x69, 0x65, 0x72, 0x22, 0x2C, 0x4C, 0x31, 0x2C, 0x32,
            0x2C, 0x6C, 0x61, 0x69, 0x34, 0x0D, 0x79, 0x79,
        ]
        let bytes = Array(Self.surveyHeader.utf8) + input
        #expect(bytes[199] == UInt8(ascii: "\r"))
        var options = IngestOptions()
        options.read.limits = CSVLimits(maxFieldBytes: 1312, maxColumns: 32)
        options.read.chunkSize = 200
        Self.expectSame(
            try temporaryFile(bytes), options: options, chunkings: [(3, 31), (2, 1), (3, 1), (4, 1)])
    }

    /// The same cause, written out: the record after the `\r` is on line 16; the one-piece
    /// reader's first buffer ends right after the `\r` and says 16, the chunks said 15 (the line
    /// the quoted field starts on), and the id made from the line differed.
    @Test("a record after a bare CR that ends a multi-line record")
    func recordAfterCarriageReturn() throws {
        let bufferSize = 128
        let tricky = "\"x\ny\",L1,3\r"
        var text = "Name,Job level,Pinterest\n"
        // Short rows, then one padded so that the CR is the last byte of the first buffer.
        while text.utf8.count + "A,L1,3\n".utf8.count * 2 + tricky.utf8.count <= bufferSize { text += "A,L1,3\n" }
        let padding = bufferSize - text.utf8.count - tricky.utf8.count - ",L1,3\n".utf8.count
        text += String(repeating: "Z", count: padding) + ",L1,3\n"
        text += tricky + "B,L2,4\n"
        for row in 0..<20 { text += "P\(row),L\(row % 5 + 1),\(row % 5)\n" }
        #expect(Array(text.utf8)[bufferSize - 1] == UInt8(ascii: "\r"))
        var options = IngestOptions()
        options.read.chunkSize = bufferSize
        Self.expectSame(try temporaryFile(text), options: options, chunkings: [(2, 1), (3, 1), (4, 1)])
    }

    /// A one-byte value padded with spaces past the field limit: libcsv keeps trailing spaces in
    /// its buffer until the field ends, and `CSVParser` compared that buffer with the limit each
    /// time a piece it hands libcsv ends, so a buffer boundary inside the spaces reported
    /// `fieldTooLarge` for a field one byte long. The one-piece reader's buffer ends inside the
    /// spaces (file offset 128) and the survey failed; the chunks' buffers do not, and all 21
    /// rows were used.
    @Test("a short field padded with spaces across a buffer boundary")
    func paddedFieldAcrossBufferBoundary() throws {
        var text = "Name,Job level,Pinterest\n" + "B" + String(repeating: " ", count: 115) + ",L1,3\n"
        for row in 0..<20 { text += "P\(row),L\(row % 5 + 1),\(row % 5)\n" }
        var options = IngestOptions()
        options.read.limits = CSVLimits(maxFieldBytes: 64, maxColumns: 64)
        options.read.chunkSize = 128
        Self.expectSame(try temporaryFile(text), options: options, chunkings: [(2, 1), (3, 1), (4, 1)])
    }
}

@Suite("Reading in chunks: a file that changes")
struct ChunkedGrowingFileTests {
    @Test("a file that grows while it is read in chunks is read in one piece, to its end")
    func grows() throws {
        var text = "Name,Job level,Pinterest\n"
        for row in 0..<40_000 { text += "P\(row),L\(row % 5 + 1),\(row % 5)\n" }
        let path = try temporaryFile(text)
        var options = IngestOptions()
        options.parallelChunks = 2
        options.parallelMinimumBytes = 1
        options.read.chunkSize = 256
        // The first progress report comes from the first chunk while the second is still reading.
        let appended = AppendOnce(path: path, text: "late,L1,4\n")
        let (survey, _) = SurveyIngestor(options: options).ingest(
            [InputSource(path: path)], consumer: ParallelReadingTests.RecordingConsumer.self,
            progress: { _, _, _ in appended.run() })
        #expect(appended.done)
        #expect(survey.problems.isEmpty)
        #expect(survey.rowsRead == 40_001)
        #expect(survey.inputs.first?.chunks == 1)
    }
}

/// Appends `text` to the file the first time it is run.
final class AppendOnce: @unchecked Sendable {
    let path: String
    let text: String
    private(set) var done = false

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    func run() {
        guard !done, let handle = FileHandle(forWritingAtPath: path) else { return }
        done = true
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }
}
