#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small file read whole: the config file, an earlier `summary.json`. Anything readable that is
/// not a directory will do: a regular file, a pipe (`<(…)`, `/dev/stdin`), `/dev/null` (empty).
package enum WholeFile {
    /// The file's bytes. Throws `cannotOpen` (missing, unreadable, a directory) or `readFailed`.
    package static func read(_ path: String) throws(IngestError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let reason =
                switch errno {
                case ENOENT: "no such file"
                case EACCES: "permission denied"
                case let code: String(cString: strerror(code))
                }
            throw .cannotOpen(file: path, reason: reason)
        }
        var info = stat()
        let known = fstat(descriptor, &info) == 0
        if known, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .cannotOpen(file: path, reason: "it is a directory")
        }
        let size = known && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        let file = ChunkedFile(descriptor: descriptor, name: path, ownsDescriptor: true, expectedSize: size)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size ?? 0)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try file.read(into: buffer)
            if count == 0 { return bytes }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }
}
