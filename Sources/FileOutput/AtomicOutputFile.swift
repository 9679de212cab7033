#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written all or nothing: bytes go to a temporary file in the same folder
/// (`.genbridge-tmp-<pid>-<name>`), which is flushed to disk and renamed over the file only by
/// `commit()`. Until then the old file, if any, is untouched; `discard()` (or dropping the value
/// uncommitted) removes the temporary file. A symbolic link is followed, so the file it points
/// to is replaced and the link stays. A path that is not a regular file — `/dev/null`,
/// `/dev/stdout`, a named pipe — is written directly, since it cannot be replaced.
package final class AtomicOutputFile {
    package let path: String
    /// The temporary file, or nil when writing directly.
    package let temporaryPath: String?
    /// Where the temporary file is renamed to: `path`, or the file its symbolic link names.
    private var finalPath: String
    private var descriptor: Int32
    private var finished = false
    private var flushed = false
    /// The temporary file's slot in the interrupt-cleanup table.
    private var cleanupSlot: Int?

    /// The prefix of temporary files, shared with the report writer's.
    package static let temporaryPrefix = ".genbridge-tmp-"

    package init(path: String) throws(OutputError) {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw .cannotCreate(path: path, reason: "it is a folder")
            case S_IFREG:
                break
            default:
                temporaryPath = nil
                finalPath = path
                descriptor = open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else {
                    throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
                }
                return
            }
        }
        let target = Self.resolvingLink(path)
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[...$0]) } ?? ""
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        guard !name.isEmpty, name != ".", name != ".." else {
            throw .cannotCreate(path: path, reason: "not a file name")
        }
        let temporary = "\(folder)\(Self.temporaryPrefix)\(getpid())-\(name)"
        temporaryPath = temporary
        finalPath = target
        cleanupSlot = InterruptCleanup.register(temporary)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            InterruptCleanup.unregister(cleanupSlot)
            throw .cannotCreate(path: path, reason: reason)
        }
    }

    /// `path` with a symbolic link resolved, or `path` itself.
    private static func resolvingLink(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) else {
            return path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    deinit { discard() }

    /// Appends bytes to the temporary file (or the file itself, writing directly).
    package func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard !finished else { throw .writeFailed(path: path, reason: "the file is already closed") }
        do {
            try Self.writeAll(descriptor, bytes)
        } catch {
            throw .writeFailed(path: path, reason: String(cString: strerror(error.code)))
        }
    }

    /// Flushes the temporary file to disk and renames it over the file (or, writing directly,
    /// closes it).
    package func commit() throws(OutputError) {
        try flush()
        try replace()
    }

    /// Flushes and closes the file; the first half of `commit()`, for callers that flush several
    /// files before renaming any.
    package func flush() throws(OutputError) {
        guard !finished, !flushed else { return }
        if temporaryPath != nil, fsync(descriptor) != 0, errno != EINVAL, errno != EROFS {
            let reason = String(cString: strerror(errno))
            discard()
            throw .writeFailed(path: path, reason: reason)
        }
        let closed = close(descriptor)
        let closeError = errno
        descriptor = -1
        flushed = true
        if closed != 0 {
            discard()
            throw .writeFailed(path: path, reason: String(cString: strerror(closeError)))
        }
    }

    /// Renames the flushed temporary file over the file; the second half of `commit()`.
    package func replace() throws(OutputError) {
        guard !finished else { return }
        try flush()
        finished = true
        guard let temporaryPath else { return }
        defer { InterruptCleanup.unregister(cleanupSlot) }
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// Closes and removes the temporary file, leaving the file as it was.
    package func discard() {
        guard !finished else { return }
        finished = true
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        if let temporaryPath { unlink(temporaryPath) }
        InterruptCleanup.unregister(cleanupSlot)
    }

    /// An `errno` value.
    struct SystemError: Error {
        var code: Int32
    }

    /// write(2) until every byte is written, retrying on EINTR.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError(code: errno)
            }
            offset += count
        }
    }
}
