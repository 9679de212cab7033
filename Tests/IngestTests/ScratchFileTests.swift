import Foundation
import TestScratch
import Testing

@testable import Ingest

/// Arrays set aside in an unnamed temporary file, and text columns resting there.
@Suite("Scratch file")
struct ScratchFileTests {
    @Test("arrays of any width come back as written, empty ones too, wherever they lie in the file")
    func roundTrip() throws {
        let file = try #require(ScratchFile())
        let bytes = (0..<1_000_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let words: [Int] = (0..<70_001).map { $0 &* -7_919 }
        let empty: [Int32] = []
        let scores: [Int8] = [-1, 0, 4, 127, -128]
        let bytesPlace = try #require(file.write(bytes))
        let emptyPlace = try #require(file.write(empty))
        let wordsPlace = try #require(file.write(words))
        let scoresPlace = try #require(file.write(scores))
        // Read back out of order: places, not the order of writing, find them.
        #expect(file.read(scoresPlace, as: Int8.self) == scores)
        #expect(file.read(wordsPlace, as: Int.self) == words)
        #expect(file.read(emptyPlace, as: Int32.self) == empty)
        #expect(file.read(bytesPlace, as: UInt8.self) == bytes)
    }

    @Test("a place the file does not hold whole reads as nil, not as a short or made-up array")
    func shortRead() throws {
        let file = try #require(ScratchFile())
        let place = try #require(file.write([UInt8](repeating: 7, count: 10)))
        #expect(file.read(ScratchFile.Place(offset: place.offset, count: 11), as: UInt8.self) == nil)
        #expect(file.read(ScratchFile.Place(offset: 8, count: 1), as: Int.self) == nil)
        #expect(file.read(ScratchFile.Place(offset: 2, count: 8), as: UInt8.self) == [UInt8](repeating: 7, count: 8))
    }

    @Test("a text column in several segments, with empty entries, comes back entry for entry")
    func textColumn() throws {
        var first = TextColumn()
        for text in ["Ana", "", "Zoë \"Z\" Müller", "a,b\nc"] { first.append(text) }
        var second = TextColumn()
        for text in ["", "émile@example.com", "x"] { second.append(text) }
        first.append(contentsOf: second)
        first.append("last")
        let file = try #require(ScratchFile())
        let stashed = try #require(first.stash(in: file))
        let back = try #require(TextColumn(stashed, from: file))
        #expect(back.count == first.count)
        #expect((0..<back.count).map { back.optionalString($0) } == (0..<first.count).map { first.optionalString($0) })
        #expect(back.optionalString(4) == nil && back.string(5) == "émile@example.com" && back.string(7) == "last")
    }

    @Test("the file has no name from the start, and a directory that cannot hold one gives none")
    func unnamed() throws {
        let folder = try Scratch.folder("scratch-file")
        let file = try #require(ScratchFile(directory: folder.path))
        #expect(file.write([1, 2, 3] as [Int]) != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(ScratchFile(directory: folder.appendingPathComponent("missing/deeper").path) == nil)
    }
}
