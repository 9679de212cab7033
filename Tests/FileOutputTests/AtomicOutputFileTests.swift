import Foundation
import TestScratch
import Testing

@testable import FileOutput

@Suite("Writing one file atomically")
struct AtomicOutputFileTests {
    @Test("a committed file replaces the old one; nothing is left beside it")
    func commit() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("survey.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let file = try AtomicOutputFile(path: path)
        try Array("new".utf8).withUnsafeBytes { try file.write($0) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["survey.csv"])
    }

    @Test("a discarded file leaves the old one as it was")
    func discard() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("survey.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let file = try AtomicOutputFile(path: path)
        try Array("half".utf8).withUnsafeBytes { try file.write($0) }
        file.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["survey.csv"])
    }

    @Test("a missing folder or a folder in the way cannot be created")
    func cannotCreate() throws {
        let folder = try temporaryFolder()
        #expect(throws: OutputError.self) {
            try AtomicOutputFile(path: folder.appendingPathComponent("no/such.csv").path)
        }
        #expect(throws: OutputError.self) { try AtomicOutputFile(path: folder.path) }
    }

    @Test("a symbolic link is followed: the file it names is replaced, the link stays")
    func symbolicLink() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("real.csv").path
        let link = folder.appendingPathComponent("link.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let file = try AtomicOutputFile(path: link)
        try Array("new".utf8).withUnsafeBytes { try file.write($0) }
        try file.commit()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test("a path that is not a regular file (a named pipe) is written directly, not replaced")
    func namedPipe() throws {
        let fifo = try temporaryFolder().appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let file = try AtomicOutputFile(path: fifo)
        #expect(file.temporaryPath == nil)
        try Array("through the pipe".utf8).withUnsafeBytes { try file.write($0) }
        try file.commit()
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "through the pipe")
        var info = stat()
        #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }
}

@Suite("Writing a set of files all or nothing")
struct OutputDirectoryTests {
    @Test("every file is written, and no temporary file is left")
    func writesAll() throws {
        let folder = try temporaryFolder().appendingPathComponent("new/nested")
        try OutputDirectory(path: folder.path).write([
            OutputFile(name: "a.txt", text: "alpha"), OutputFile(name: "b.txt", text: "beta"),
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.txt", "b.txt"])
        #expect(try String(contentsOfFile: folder.appendingPathComponent("b.txt").path, encoding: .utf8) == "beta")
    }

    @Test("when one file cannot be written, none is replaced")
    func allOrNothing() throws {
        let folder = try temporaryFolder()
        try Data("old a".utf8).write(to: folder.appendingPathComponent("a.txt"))
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("b.txt"), withIntermediateDirectories: false)
        #expect(throws: OutputError.cannotCreate(path: folder.path + "/b.txt", reason: "it is a folder")) {
            try OutputDirectory(path: folder.path).write([
                OutputFile(name: "a.txt", text: "new a"), OutputFile(name: "b.txt", text: "new b"),
            ])
        }
        #expect(try String(contentsOfFile: folder.appendingPathComponent("a.txt").path, encoding: .utf8) == "old a")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.txt", "b.txt"])
    }

    @Test("a file made while it is written arrives whole, chunk after chunk")
    func producedFile() throws {
        let folder = try temporaryFolder()
        let chunks = (0..<300).map { "chunk \($0) " + String(repeating: "x", count: $0) + "\n" }
        try OutputDirectory(path: folder.path).write([
            OutputFile(name: "made.txt") { emit in
                for chunk in chunks {
                    var chunk = chunk
                    chunk.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
                }
            }
        ])
        let written = try String(contentsOfFile: folder.appendingPathComponent("made.txt").path, encoding: .utf8)
        #expect(written == chunks.joined())
    }

    @Test("text files are made one at a time, as each is written, and arrive whole, non-ASCII too")
    func textMadeWhenWritten() throws {
        let folder = try temporaryFolder()
        let order = Order()
        let files = ["a.txt", "b.txt"].map { name in
            OutputFile(name: name, makingText: { order.note(name) })
        }
        #expect(order.made.isEmpty, "nothing is made before the files are written")
        try OutputDirectory(path: folder.path).write(files)
        #expect(order.made == ["a.txt", "b.txt"])
        for name in ["a.txt", "b.txt"] {
            let text = try String(contentsOfFile: folder.appendingPathComponent(name).path, encoding: .utf8)
            #expect(text == "Zoë, \(name)\n")
        }
    }

    /// The names of the texts made so far, in order (one thread writes the files).
    final class Order: @unchecked Sendable {
        private(set) var made: [String] = []

        func note(_ name: String) -> String {
            made.append(name)
            return "Zoë, \(name)\n"
        }
    }

    @Test("a made file that cannot be written fails the set, and leaves nothing behind")
    func producedFileFails() throws {
        let folder = try temporaryFolder()
        try Data("old".utf8).write(to: folder.appendingPathComponent("a.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("full.txt").path, withDestinationPath: "/dev/full")
        #expect(throws: OutputError.self) {
            try OutputDirectory(path: folder.path).write([
                OutputFile(name: "a.txt", text: "new"),
                OutputFile(name: "full.txt") { emit in
                    for _ in 0..<4 { [UInt8](repeating: 65, count: 1 << 16).withUnsafeBytes { emit($0) } }
                },
            ])
        }
        #expect(try String(contentsOfFile: folder.appendingPathComponent("a.txt").path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.txt", "full.txt"])
    }

    @Test("a path that exists and is not a folder cannot be created")
    func notAFolder() throws {
        let file = try temporaryFolder().appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        #expect(throws: OutputError.cannotCreate(path: file.path, reason: "exists and is not a folder")) {
            try OutputDirectory(path: file.path).write([OutputFile(name: "a.txt", text: "a")])
        }
    }
}

/// A new empty folder for one test.
func temporaryFolder() throws -> URL {
    try Scratch.folder("output")
}
