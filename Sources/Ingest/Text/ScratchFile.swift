#if canImport(Glibc)
    import Glibc
#endif

/// An unnamed temporary file that large arrays can rest in while memory is better spent elsewhere
/// (the candidate pool's texts and profiles while the pairing solver runs). It is made in
/// `$TMPDIR` (else `/tmp`) and unlinked at once, so it has no name and is gone when the last
/// reference lets go of it, however the process ends.
package final class ScratchFile {
    /// Where an array was written: its offset, and how many elements it holds.
    package struct Place: Sendable, Hashable {
        let offset: Int
        let count: Int
    }

    private let descriptor: Int32
    /// Bytes written so far; the next array goes there.
    private var end = 0

    /// A file in `directory`, by default `$TMPDIR` (else `/tmp`). Nil when no file can be made
    /// there (no such directory, or not writable): callers keep their arrays.
    package init?(directory: String? = nil) {
        let directory = directory ?? Self.temporaryDirectory
        var template = Array("\(directory)/genbridge-scratch-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { name in name.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return nil }
        _ = template.withUnsafeBufferPointer { name in name.baseAddress.map { unlink($0) } }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// `$TMPDIR`, else `/tmp`.
    private static var temporaryDirectory: String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }

    /// Appends `array`'s elements; nil when the file cannot take them (disk full, say).
    package func write<Element: BitwiseCopyable>(_ array: [Element]) -> Place? {
        let offset = end
        let written = array.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return true }
            var done = 0
            while done < bytes.count {
                let count = pwrite(descriptor, start + done, bytes.count - done, off_t(offset + done))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                done += count
            }
            return true
        }
        guard written else { return nil }
        end += array.count * MemoryLayout<Element>.stride
        return Place(offset: offset, count: array.count)
    }

    /// The array written at `place`; nil when it cannot be read back whole.
    package func read<Element: BitwiseCopyable>(_ place: Place, as _: Element.Type = Element.self) -> [Element]? {
        var complete = true
        let array = [Element](unsafeUninitializedCapacity: place.count) { buffer, initialized in
            let bytes = UnsafeMutableRawBufferPointer(buffer)
            var done = 0
            while done < bytes.count, let start = bytes.baseAddress {
                let count = pread(descriptor, start + done, bytes.count - done, off_t(place.offset + done))
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    complete = false
                    break
                }
                done += count
            }
            initialized = complete ? place.count : 0
        }
        return complete ? array : nil
    }
}
