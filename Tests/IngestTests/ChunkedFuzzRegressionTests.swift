import Foundation
import Testing

@testable import Ingest

/// Inputs where reading in chunks at the same time does not give what reading in one piece gives,
/// found with the differential fuzzer (`Fuzz/IngestFuzzer.swift`, `make fuzz`). Each is read in one
/// piece and in 2–4 chunks with the same options and buffer size, and everything must be equal.
@Suite("Reading in chunks = reading in one piece: fuzzer findings")
struct ChunkedFuzzRegressionTests {
    /// Reads `path` in one piece and in 2–4 chunks (the chunk threshold at 1 byte, as the fuzzer
    /// sets it) with a buffer of `bufferSize` bytes; expects the same survey and rows every way.
    static func expectSame(
        _ path: String, bufferSize: Int, options: IngestOptions = IngestOptions(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let (survey, consumer) = ParallelReadingTests.read([path], chunks: 1, bufferSize: bufferSize, options: options)
        for chunks in 2...4 {
            let (chunked, chunkedConsumer) = ParallelReadingTests.read(
                [path], chunks: chunks, bufferSize: bufferSize, options: options)
            #expect(
                ParallelReadingTests.account(chunked) == ParallelReadingTests.account(survey), "\(chunks) chunks",
                sourceLocation: sourceLocation)
            #expect(chunkedConsumer.rows == consumer.rows, "\(chunks) chunks", sourceLocation: sourceLocation)
        }
    }

    /// A short value padded with spaces past the field limit: libcsv keeps trailing spaces in its
    /// buffer until the field ends, and `CSVParser` compares that buffer with the limit whenever a
    /// buffer of input ends, so a buffer boundary inside the spaces reports `fieldTooLarge` for a
    /// field that is one byte long. The one-piece reader meets a boundary there; the chunks do not.
    @Test("a short field padded with spaces across a buffer boundary")
    func paddedFieldAcrossBufferBoundary() throws {
        let header = "Name,Job level,Pinterest\n"
        var text = header + "B" + String(repeating: " ", count: 100) + ",L1,3\n"
        for row in 0..<20 { text += "P\(row),L\(row % 5 + 1),\(row % 5)\n" }
        var options = IngestOptions()
        options.read.limits = CSVLimits(maxFieldBytes: 64, maxColumns: 64)
        Self.expectSame(try temporaryFile(text), bufferSize: 128, options: options)
    }

    /// A record ending with a bare carriage return on a line that a quoted line break started:
    /// `CSVParser` sets the line a record starts on only when a piece of input it parses (up to a
    /// line feed or the end of a buffer) begins between records, so the record after the CR takes
    /// the line of the record before it unless a buffer boundary falls right after the CR. Here
    /// it does in the one-piece reader and not in the chunks: the generated id (the line) differs.
    @Test("a record after a bare CR that ends a multi-line record")
    func recordAfterCarriageReturn() throws {
        let bufferSize = 128
        let header = "Name,Job level,Pinterest\n"
        let tricky = "\"x\ny\",L1,3\r"
        var text = header
        // Short rows, then one padded so that the CR is the last byte of the first buffer.
        while text.utf8.count + "A,L1,3\n".utf8.count * 2 + tricky.utf8.count <= bufferSize { text += "A,L1,3\n" }
        let padding = bufferSize - text.utf8.count - tricky.utf8.count - ",L1,3\n".utf8.count
        text += String(repeating: "Z", count: padding) + ",L1,3\n"
        text += tricky + "B,L2,4\n"
        for row in 0..<20 { text += "P\(row),L\(row % 5 + 1),\(row % 5)\n" }
        #expect(Array(text.utf8)[bufferSize - 1] == UInt8(ascii: "\r"))
        Self.expectSame(try temporaryFile(text), bufferSize: bufferSize)
    }
}
