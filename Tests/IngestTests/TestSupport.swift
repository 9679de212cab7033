import Foundation
import TestScratch
import Testing

@testable import Ingest

/// The repository's top folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func fixture(_ path: String) -> String { repositoryRoot.appendingPathComponent("Fixtures/\(path)").path }

/// Writes `bytes` to a new temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
    try Scratch.file(bytes, name: name, label: "ingest")
}

func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
}

/// A record as plain values, for comparing.
struct ParsedRecord: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var description: String { "\(line): \(fields)" }
}

/// Feeds bytes to a parser (without finishing it).
func feed(_ parser: CSVParser, _ bytes: some Collection<UInt8>) throws {
    try Array(bytes).withUnsafeBytes { buffer in try parser.feed(buffer) }
}

/// Feeds `text` to a CSVParser in pieces of `chunkSize` bytes and collects the records.
func parse(
    _ bytes: [UInt8], delimiter: Character = ",", chunkSize: Int = 1 << 20, limits: CSVLimits = .default
)
    throws -> [ParsedRecord]
{
    let collector = RecordCollector()
    let parser = CSVParser(
        file: "test.csv", delimiter: UInt8(ascii: delimiter.unicodeScalars.first ?? ","), limits: limits
    ) {
        record in
        collector.records.append(
            ParsedRecord(line: record.line, fields: (0..<record.fieldCount).map { record.string($0) ?? "<invalid>" }))
    }
    var offset = 0
    while offset < bytes.count {
        let end = min(bytes.count, offset + chunkSize)
        try feed(parser, bytes[offset..<end])
        offset = end
    }
    try parser.finish()
    return collector.records
}

func parse(_ text: String, delimiter: Character = ",", chunkSize: Int = 1 << 20) throws -> [ParsedRecord] {
    try parse(Array(text.utf8), delimiter: delimiter, chunkSize: chunkSize)
}

final class RecordCollector: @unchecked Sendable {
    var records: [ParsedRecord] = []
}

/// Ingests files with default options and collects the respondents.
func ingest(_ paths: [String], options: IngestOptions = IngestOptions()) -> (Survey, [Respondent]) {
    var respondents: [Respondent] = []
    let survey = SurveyIngestor(options: options).ingest(paths.map(InputSource.init(path:))) { respondents.append($0) }
    return (survey, respondents)
}

/// A deterministic generator for the tests' own random inputs (SplitMix64).
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
