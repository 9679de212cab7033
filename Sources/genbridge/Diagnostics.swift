#if canImport(Glibc)
    import Glibc
#endif

/// Writes to standard error: errors, warnings and notes, each line prefixed with `genbridge:`.
/// Warnings wait until the run ends, so that a failing run's first line is always its error.
enum Diagnostics {
    nonisolated(unsafe) static var quiet = false
    nonisolated(unsafe) private static var pendingWarnings: [String] = []

    static func error(_ message: String) { write("genbridge: error: \(message)") }

    static func detail(_ message: String) { write("  \(message)") }

    static func warning(_ message: String) {
        if !quiet { pendingWarnings.append("genbridge: warning: \(message)") }
    }

    /// A detail for `--verbose`, held back with the warnings.
    static func info(_ message: String) {
        if !quiet { pendingWarnings.append("genbridge: \(message)") }
    }

    /// Writes the warnings held back so far.
    static func flushWarnings() {
        for line in pendingWarnings { write(line) }
        pendingWarnings.removeAll()
    }

    static func note(_ message: String) {
        flushWarnings()
        if !quiet { write("genbridge: \(message)") }
    }

    static func write(_ line: String) { raw(line + "\n") }

    /// Writes text as it is, without a line break.
    static func raw(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return }
            bytes = bytes.dropFirst(count)
        }
    }
}
