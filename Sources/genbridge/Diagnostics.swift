#if canImport(Glibc)
import Glibc
#endif

/// Writes to standard error: errors, warnings and notes, each line prefixed with `genbridge:`.
enum Diagnostics {
    nonisolated(unsafe) static var quiet = false

    static func error(_ message: String) { write("genbridge: error: \(message)") }

    static func detail(_ message: String) { write("  \(message)") }

    static func warning(_ message: String) {
        if !quiet { write("genbridge: warning: \(message)") }
    }

    static func note(_ message: String) {
        if !quiet { write("genbridge: \(message)") }
    }

    static func write(_ line: String) {
        var bytes = Array((line + "\n").utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            bytes = bytes.dropFirst(count)
        }
    }
}
