#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One input: a file path, or `-` for standard input. Read in chunks, never whole.
package struct InputSource: Sendable, Hashable {
    /// The path as the user gave it (`-` for standard input); errors and reports name it so.
    package var path: String

    package init(path: String) { self.path = path }

    package var isStandardInput: Bool { path == "-" }

    /// The name reports use for the file: `stdin` for standard input.
    package var displayName: String { isStandardInput ? "stdin" : path }

    /// The file's stem, for the default output folder (`reports/<stem>`).
    package var stem: String {
        if isStandardInput { return "stdin" }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = base.lastIndex(of: "."), dot != base.startIndex {
            return String(base[..<dot])
        }
        return base
    }

    /// Opens the input for reading.
    package func open() throws(IngestError) -> ChunkedFile {
        if isStandardInput { return ChunkedFile(descriptor: STDIN_FILENO, name: displayName, ownsDescriptor: false) }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw .cannotOpen(file: displayName, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .cannotOpen(file: displayName, reason: "it is a directory")
        }
        let size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        return ChunkedFile(descriptor: fd, name: displayName, ownsDescriptor: true, expectedSize: size)
    }
}

/// An open input read chunk by chunk with read(2). It notices a regular file that shrinks while
/// being read (a truncated export), which is an I/O error, not a shorter survey.
package final class ChunkedFile {
    package let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The size a regular file had when opened; nil for pipes and terminals.
    package let expectedSize: Int?
    package private(set) var bytesRead = 0

    init(descriptor: Int32, name: String, ownsDescriptor: Bool, expectedSize: Int? = nil) {
        self.descriptor = descriptor
        self.name = name
        self.ownsDescriptor = ownsDescriptor
        self.expectedSize = expectedSize
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads up to `buffer.count` bytes at `offset` without moving the read position (several
    /// threads may read one file this way); returns how many were read, 0 at the end.
    package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(IngestError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
            if count > 0 {
                filled += count
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw .readFailed(file: name, reason: String(cString: strerror(errno)))
            }
        }
        return filled
    }

    /// Fills `buffer` (up to its capacity) and returns how many bytes were read; 0 at the end.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(IngestError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(descriptor, base, buffer.count)
            if count >= 0 {
                bytesRead += count
                if count == 0, let expectedSize, bytesRead < expectedSize {
                    throw .readFailed(
                        file: name,
                        reason: "the file shrank while being read (\(bytesRead) of \(expectedSize) bytes)")
                }
                return count
            }
            if errno == EINTR { continue }
            throw .readFailed(file: name, reason: String(cString: strerror(errno)))
        }
    }
}
