import Foundation
import Testing

@testable import Ingest

@Suite("Reading inputs: encodings, delimiters, bad bytes")
struct CSVReaderTests {
    func read(_ path: String, options: CSVReadOptions = CSVReadOptions()) throws -> (CSVInputFormat, [ParsedRecord]) {
        let collector = RecordCollector()
        let format = try CSVReader.read(InputSource(path: path), options: options) { record in
            collector.records.append(
                ParsedRecord(
                    line: record.line, fields: (0..<record.fieldCount).map { record.string($0) ?? "<invalid>" }))
        }
        return (format, collector.records)
    }

    @Test("a UTF-8 BOM is stripped; CRLF and quoted newlines keep physical lines")
    func bomAndCRLF() throws {
        let (format, records) = try read(fixture("edge/bom-crlf-quoted-newline.csv"))
        #expect(format.encoding == .utf8)
        #expect(format.hadByteOrderMark)
        #expect(records[0].fields[0] == "Employee ID")
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records[1].fields[1] == "Line one\r\nline two")
        #expect(records[2].fields[1] == "Zoë \"Z\" Müller")
    }

    @Test("UTF-16 with a byte-order mark, tab-separated", arguments: ["edge/utf16le-tab.txt", "edge/utf16be-tab.txt"])
    func utf16(path: String) throws {
        let (format, records) = try read(fixture(path))
        #expect(format.delimiter == UInt8(ascii: "\t"))
        #expect(records.count == 4)
        #expect(records[1].fields == ["1", "Zoë", "L1", "4", "3"])
        #expect(records[3].fields[1] == "😀 Emoji")
    }

    @Test("Windows-1252 is detected and converted; ';' is sniffed past quoted ';'")
    func windows1252() throws {
        let (format, records) = try read(fixture("edge/windows-1252-semicolon.csv"))
        #expect(format.encoding == .windows1252)
        #expect(format.delimiter == UInt8(ascii: ";"))
        #expect(records[1].fields[1] == "Müller; Stefan")
        #expect(records[2].fields[1] == "François")
        #expect(records[3].fields[1] == "€uro")
    }

    @Test("bytes invalid in a forced UTF-8 name their line and column")
    func invalidUTF8() {
        var options = CSVReadOptions()
        options.encoding = .utf8
        #expect(
            throws: IngestError.invalidEncoding(
                SourceLocation(file: fixture("bad/invalid-utf8-late.csv"), line: 3, column: 2), encoding: "UTF-8")
        ) {
            try read(fixture("bad/invalid-utf8-late.csv"), options: options)
        }
    }

    @Test("an invalid byte deep in a large file switches detection to Windows-1252 before any record")
    func lateInvalidByteInLargeFile() throws {
        var text = "id,Level,TikTok\n"
        for index in 0..<120_000 { text += "\(index),L\(index % 5),3\n" }
        // The last row's id is "é" in Windows-1252: one byte, 0xE9, past the first 1 MiB chunk.
        let path = try temporaryFile(Array(text.utf8) + [0xE9] + Array(",L2,1\n".utf8))
        let (format, records) = try read(path)
        #expect(format.encoding == .windows1252)
        #expect(records.last?.fields == ["é", "L2", "1"])
    }

    @Test("binary content and workbooks are refused")
    func binary() throws {
        #expect(throws: IngestError.binaryContent(file: fixture("bad/binary.bin"))) {
            try read(fixture("bad/binary.bin"))
        }
        let workbook = try temporaryFile(
            [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 100), name: "survey.xlsx")
        #expect(throws: IngestError.binaryContent(file: workbook)) { try read(workbook) }
    }

    @Test("a missing file and a folder cannot be opened")
    func cannotOpen() {
        #expect(throws: IngestError.self) { try read("/nonexistent/survey.csv") }
        do {
            _ = try read(repositoryRoot.path)
            Issue.record("reading a folder should fail")
        } catch {
            guard case .cannotOpen(_, let reason)? = error as? IngestError else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reason == "it is a directory")
        }
    }

    @Test("the delimiter sniffer ignores delimiters inside quotes")
    func sniffer() {
        func sniff(_ text: String) -> Character {
            Character(UnicodeScalar(Array(text.utf8).withUnsafeBytes { DelimiterSniffer.sniff($0) }))
        }
        #expect(sniff("a,b,c\n1,2,3\n") == ",")
        #expect(sniff("a;b;c\n\"x, y, z\";2;3\n") == ";")
        #expect(sniff("a\tb\tc\n1\t2,5\t3\n") == "\t")
        #expect(sniff("name;score\n\"Smith, Ann\";3,5\n") == ";")
    }
}

@Suite("Inputs that change under the reader")
struct ShrinkingInputTests {
    @Test("a file that shrinks after it was opened is a read failure, not a shorter survey")
    func shrinks() throws {
        let path = try temporaryFile(String(repeating: "1,L1,3\n", count: 10_000))
        let file = try InputSource(path: path).open()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1024, alignment: 8)
        defer { buffer.deallocate() }
        #expect(try file.read(into: buffer) == 1024)
        #expect(truncate(path, 2000) == 0)
        #expect(
            throws: IngestError.readFailed(file: path, reason: "the file shrank while being read (2000 of 70000 bytes)")
        ) {
            while try file.read(into: buffer) > 0 {}
        }
    }
}
