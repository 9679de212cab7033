#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a set of report files into a folder all or nothing: every file goes to a temporary file
/// in the same folder first, flushed to disk; only when all are written are they renamed over
/// the old ones. A failure removes the temporary files and leaves the old reports as they were.
package struct OutputDirectory: Sendable {
    package let path: String

    package init(path: String) { self.path = path }

    /// Names of temporary files being written, so a signal handler can remove them.
    package static let temporaryPrefix = ".genbridge-tmp-"

    package func write(_ files: [ReportFile]) throws(ReportError) {
        try createFolder(path)
        let targets = files.map { file in
            (temporary: join(path, "\(Self.temporaryPrefix)\(getpid())-\(file.name)"), final: join(path, file.name))
        }
        InterruptCleanup.register(targets.map(\.temporary))
        defer { InterruptCleanup.clear() }
        var written: [(temporary: String, final: String)] = []
        do throws(ReportError) {
            for (file, target) in zip(files, targets) {
                written.append(target)
                try writeFile(target.temporary, bytes: file.bytes, shownAs: target.final)
            }
            Self.pauseForTests()
            for (temporary, final) in written where rename(temporary, final) != 0 {
                throw .writeFailed(path: final, reason: String(cString: strerror(errno)))
            }
        } catch {
            for (temporary, _) in written { unlink(temporary) }
            throw error
        }
    }

    /// A test hook: `GENBRIDGE_TEST_PAUSE_BEFORE_RENAME=SECONDS` waits with every temporary file
    /// written and none renamed, so a test can interrupt the run at its most delicate moment.
    private static func pauseForTests() {
        guard let value = getenv("GENBRIDGE_TEST_PAUSE_BEFORE_RENAME"), let seconds = UInt32(String(cString: value)) else {
            return
        }
        sleep(seconds)
    }

    private func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Creates `folder` and its parents (like `mkdir -p`).
    private func createFolder(_ folder: String) throws(ReportError) {
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

    private func writeFile(_ temporary: String, bytes: [UInt8], shownAs final: String) throws(ReportError) {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotCreate(path: final, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: final, reason: String(cString: strerror(errno)))
            }
            offset += count
        }
        if fsync(fd) != 0, errno != EINVAL, errno != EROFS {
            throw .writeFailed(path: final, reason: String(cString: strerror(errno)))
        }
    }
}
