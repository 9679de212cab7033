import FileOutput

#if canImport(Glibc)
    import Glibc
#endif

/// Standard output that ends quietly when the reader has gone (`genbridge report … | head -1`).
enum StandardOutputStream {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    static func write(_ bytes: UnsafeRawBufferPointer) {
        do {
            try StandardOutput.write(bytes)
        } catch .closedPipe {
            exit(0)
        } catch {
            Diagnostics.error(error.description)
            exit(Failure.ioError)
        }
    }
}
