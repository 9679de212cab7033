import Testing

@testable import Ingest

@Suite("CSV parser over libcsv")
struct CSVParserTests {
    @Test("plain records, with their physical lines")
    func plainRecords() throws {
        let records = try parse("a,b,c\n1,2,3\n4,5,6\n")
        #expect(
            records == [
                ParsedRecord(line: 1, fields: ["a", "b", "c"]),
                ParsedRecord(line: 2, fields: ["1", "2", "3"]),
                ParsedRecord(line: 3, fields: ["4", "5", "6"]),
            ])
    }

    @Test("quotes, doubled quotes and embedded delimiters are undone")
    func quoting() throws {
        let records = try parse("name,note\n\"Smith, Ann\",\"She said \"\"hi\"\"\"\n")
        #expect(records[1].fields == ["Smith, Ann", "She said \"hi\""])
    }

    @Test("a quoted newline does not start a record; lines stay physical")
    func quotedNewlines() throws {
        let records = try parse("h1,h2\n\"two\nlines\",x\n\"three\n\nlines\",y\nlast,z\n")
        #expect(
            records == [
                ParsedRecord(line: 1, fields: ["h1", "h2"]),
                ParsedRecord(line: 2, fields: ["two\nlines", "x"]),
                ParsedRecord(line: 4, fields: ["three\n\nlines", "y"]),
                ParsedRecord(line: 7, fields: ["last", "z"]),
            ])
    }

    @Test("CRLF line endings, blank lines skipped but counted")
    func crlfAndBlankLines() throws {
        let records = try parse("a,b\r\n1,2\r\n\r\n\r\n3,4\r\n")
        #expect(
            records == [
                ParsedRecord(line: 1, fields: ["a", "b"]),
                ParsedRecord(line: 2, fields: ["1", "2"]),
                ParsedRecord(line: 5, fields: ["3", "4"]),
            ])
    }

    @Test("classic Mac line endings (CR only) count as lines")
    func carriageReturnOnly() throws {
        let collector = RecordCollector()
        let parser = CSVParser(file: "mac.csv", delimiter: UInt8(ascii: ","), lineBreak: UInt8(ascii: "\r")) { record in
            collector.records.append(
                ParsedRecord(line: record.line, fields: (0..<record.fieldCount).map { record.string($0) ?? "" }))
        }
        try feed(parser, "a,b\r1,2\r3,4".utf8)
        try parser.finish()
        #expect(collector.records.map(\.line) == [1, 2, 3])
    }

    @Test("a last record without a line break is delivered")
    func noFinalNewline() throws {
        #expect(
            try parse("a,b\n1,2") == [
                ParsedRecord(line: 1, fields: ["a", "b"]), ParsedRecord(line: 2, fields: ["1", "2"]),
            ])
    }

    @Test("ragged rows come through with their own field count")
    func raggedRows() throws {
        let records = try parse("a,b,c\n1,2\n1,2,3,4\n")
        #expect(records.map(\.fields.count) == [3, 2, 4])
    }

    @Test("empty fields, and a tab inside a comma file is kept")
    func emptyFieldsAndTabs() throws {
        let records = try parse("a,b,c\n,,\nx\ty,,z\n")
        #expect(records[1].fields == ["", "", ""])
        #expect(records[2].fields == ["x\ty", "", "z"])
    }

    @Test("tab-delimited fields keep their spaces")
    func tabDelimited() throws {
        let records = try parse("a\tb\nhello world\t 3\n", delimiter: "\t")
        #expect(records[1].fields == ["hello world", "3"])
    }

    @Test("an unterminated quote names the record's line and the field")
    func unterminatedQuote() {
        #expect(throws: IngestError.unterminatedQuote(SourceLocation(file: "test.csv", line: 3, column: 2))) {
            try parse("a,b\n1,2\n3,\"never closed\n4,5\n")
        }
    }

    @Test("text after a closing quote is a malformed quote at its line")
    func malformedQuote() {
        #expect(throws: IngestError.malformedQuote(SourceLocation(file: "test.csv", line: 2, column: 1))) {
            try parse("a,b\n\"x\"y,2\n")
        }
    }

    @Test("a NUL byte is flagged with its field")
    func nulByte() throws {
        let collector = RecordCollector()
        var firstNUL: [Int?] = []
        let parser = CSVParser(file: "nul.csv", delimiter: UInt8(ascii: ",")) { record in
            firstNUL.append(record.firstFieldWithNUL)
            collector.records.append(ParsedRecord(line: record.line, fields: []))
        }
        try feed(parser, "a,b,c\n1,2\u{0}x,3\n".utf8)
        try parser.finish()
        #expect(firstNUL == [nil, 1])
    }

    @Test("the result does not depend on where chunks are cut", arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundaries(chunkSize: Int) throws {
        let text =
            "id,\"Full name\",note\r\n1,\"Okafor, Chidi\",\"line\r\nbreak\"\r\n\r\n2,Zoë,\"\"\"quoted\"\"\"\r\n3,Søren,plain"
        let whole = try parse(text)
        #expect(try parse(text, chunkSize: chunkSize) == whole)
        #expect(whole.map(\.line) == [1, 2, 5, 6])
    }

    @Test("a bare CR ending a record that spans lines: the next record is on that line, however cut")
    func bareCarriageReturnAfterQuotedNewline() throws {
        let text = "a,b\n\"x\ny\",1\rnext,2\nlast,3\n"
        for chunkSize in [1, 2, 3, 7, 11, 12, 13, 64] {
            let records = try parse(text, chunkSize: chunkSize)
            #expect(records.map(\.line) == [1, 2, 3, 4], "cut every \(chunkSize) bytes")
            #expect(records.map(\.fields) == [["a", "b"], ["x\ny", "1"], ["next", "2"], ["last", "3"]])
        }
    }

    @Test("spaces after a short field do not count toward the limit, wherever the input is cut")
    func trailingSpacesAreNotCounted() throws {
        let limits = CSVLimits(maxFieldBytes: 10, maxColumns: 100)
        let bytes = Array(
            ("a,b\nshort" + String(repeating: " ", count: 100) + ",\"q\"" + String(repeating: " ", count: 50)
                + "\n").utf8)
        for chunkSize in [1, 8, 16, 64, 1 << 20] {
            let records = try parse(bytes, chunkSize: chunkSize, limits: limits)
            #expect(records.last?.fields == ["short", "q"], "cut every \(chunkSize) bytes")
        }
        #expect(throws: IngestError.fieldTooLarge(SourceLocation(file: "test.csv", line: 2, column: 1), limit: 10)) {
            try parse(Array("a\nthis is too long   \n".utf8), chunkSize: 4, limits: limits)
        }
    }

    @Test("a field of nothing but spaces is refused once they pass the allowance, so memory stays bounded")
    func endlessSpaces() {
        let limits = CSVLimits(maxFieldBytes: 10, maxColumns: 100)
        let bytes = Array("a\nx".utf8) + [UInt8](repeating: 0x20, count: CSVParser.spacesAllowance + 1024)
        #expect(throws: IngestError.fieldTooLarge(SourceLocation(file: "test.csv", line: 2, column: 1), limit: 10)) {
            try parse(bytes, chunkSize: 1 << 20, limits: limits)
        }
    }

    @Test("a field over the size limit is refused with its place")
    func fieldTooLarge() {
        let limits = CSVLimits(maxFieldBytes: 10, maxColumns: 100)
        #expect(throws: IngestError.fieldTooLarge(SourceLocation(file: "test.csv", line: 2, column: 2), limit: 10)) {
            try parse(Array("a,b\n1,\"this field is too long\"\n".utf8), limits: limits)
        }
    }

    @Test("a record over the column limit is refused")
    func tooManyColumns() {
        let limits = CSVLimits(maxFieldBytes: 100, maxColumns: 3)
        #expect(throws: IngestError.tooManyColumns(SourceLocation(file: "test.csv", line: 1), count: 4, limit: 3)) {
            try parse(Array("a,b,c,d\n".utf8), limits: limits)
        }
    }
}
