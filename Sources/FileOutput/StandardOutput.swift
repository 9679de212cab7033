#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output, written whole, retried on EINTR. When the reader has gone (`genbridge … |
/// head -1`, with SIGPIPE ignored) the write fails with EPIPE, which becomes
/// `OutputError.closedPipe` so the caller can stop quietly.
package enum StandardOutput {
    package static func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        do {
            try AtomicOutputFile.writeAll(STDOUT_FILENO, bytes)
        } catch {
            if error.code == EPIPE { throw .closedPipe }
            throw .writeFailed(path: "standard output", reason: String(cString: strerror(error.code)))
        }
    }

    package static func write(_ text: String) throws(OutputError) {
        var text = text
        let outcome: Result<Void, OutputError> = text.withUTF8 { buffer in
            Result { () throws(OutputError) in try write(UnsafeRawBufferPointer(buffer)) }
        }
        try outcome.get()
    }
}
