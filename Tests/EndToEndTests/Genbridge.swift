import Foundation
import TestScratch
import Testing

/// Runs the built `genbridge` binary, as users and scripts do.
struct Genbridge {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var firstErrorLine: String { standardError.split(separator: "\n").first.map(String.init) ?? "" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary next to the test bundle (SwiftPM builds both into the same folder).
    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("genbridge")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/genbridge")
    }

    static func fixture(_ path: String) -> String { root.appendingPathComponent("Fixtures/\(path)").path }

    /// Runs genbridge with `arguments` in `folder` (default: the repository), feeding `input`.
    @discardableResult
    static func run(
        _ arguments: [String], in folder: URL? = nil, input: Data? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot fill a pipe and block.
        let collected = ReadBoth(output: output, error: error)
        process.waitUntilExit()
        let (out, err) = collected.wait()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
            standardError: String(decoding: err, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        try Scratch.folder("e2e")
    }
}

/// Drains two pipes on background threads.
final class ReadBoth: @unchecked Sendable {
    private var output = Data()
    private var error = Data()
    private let group = DispatchGroup()

    init(output: Pipe, error: Pipe) {
        group.enter()
        DispatchQueue.global().async {
            self.output = output.fileHandleForReading.readDataToEndOfFile()
            self.group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            self.error = error.fileHandleForReading.readDataToEndOfFile()
            self.group.leave()
        }
    }

    func wait() -> (Data, Data) {
        group.wait()
        return (output, error)
    }
}
