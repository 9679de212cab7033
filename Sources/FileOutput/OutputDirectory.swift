#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a set of files into a folder all or nothing: every file goes to a temporary file in
/// the same folder first, and all are flushed to disk; only then are they renamed over the old
/// ones. A failure removes the temporary files and leaves the old files as they were.
package struct OutputDirectory: Sendable {
    package let path: String

    package init(path: String) { self.path = path }

    package func write(_ files: [OutputFile]) throws(OutputError) {
        try createFolder(path)
        var open: [AtomicOutputFile] = []
        do throws(OutputError) {
            for file in files {
                let output = try AtomicOutputFile(path: path.hasSuffix("/") ? path + file.name : path + "/" + file.name)
                open.append(output)
                switch file.content {
                case .bytes(let bytes):
                    let outcome: Result<Void, OutputError> = bytes.withUnsafeBytes { bytes in
                        Result { () throws(OutputError) in try output.write(bytes) }
                    }
                    try outcome.get()
                case .produced(let produce):
                    // The first failure stops the writing; what is made after it is dropped.
                    var failure: OutputError?
                    produce { bytes in
                        guard failure == nil else { return }
                        do throws(OutputError) { try output.write(bytes) } catch { failure = error }
                    }
                    if let failure { throw failure }
                }
            }
            for output in open { try output.flush() }
            Self.pauseForTests()
            for output in open { try output.replace() }
        } catch {
            for output in open { output.discard() }
            throw error
        }
    }

    /// A test hook: `GENBRIDGE_TEST_PAUSE_BEFORE_RENAME=SECONDS` waits with every temporary file
    /// written and none renamed, so a test can interrupt the run at its most delicate moment.
    private static func pauseForTests() {
        guard let value = getenv("GENBRIDGE_TEST_PAUSE_BEFORE_RENAME"), let seconds = UInt32(String(cString: value))
        else {
            return
        }
        sleep(seconds)
    }

    /// Creates `folder` and its parents (like `mkdir -p`).
    private func createFolder(_ folder: String) throws(OutputError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .cannotCreate(path: folder, reason: "exists and is not a folder")
            }
            guard access(folder, W_OK) == 0 else {
                throw .cannotCreate(path: folder, reason: String(cString: strerror(errno)))
            }
            return
        }
        var partial = folder.hasPrefix("/") ? "/" : ""
        for component in folder.split(separator: "/") {
            partial += partial.isEmpty || partial.hasSuffix("/") ? String(component) : "/" + component
            if mkdir(partial, 0o755) != 0, errno != EEXIST {
                throw .cannotCreate(path: folder, reason: String(cString: strerror(errno)))
            }
        }
    }
}
