#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files of a report being written when SIGINT or SIGTERM arrives, so an
/// interrupted run leaves neither half a report nor stray files. The handler only calls
/// `unlink` and `_exit`, which are safe in a signal handler; the paths are C strings prepared
/// before the files are created.
package enum InterruptCleanup {
    nonisolated(unsafe) private static var paths: [UnsafeMutablePointer<CChar>] = []
    nonisolated(unsafe) private static var table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    nonisolated(unsafe) private static var count: Int = 0

    /// Installs the handlers for SIGINT and SIGTERM.
    package static func install() {
        signal(SIGINT, handleSignal)
        signal(SIGTERM, handleSignal)
        // A parent may have started us with these signals blocked (the mask is inherited).
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// The temporary files to remove if a signal arrives now.
    static func register(_ files: [String]) {
        clear()
        let block = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: max(1, files.count))
        for (index, file) in files.enumerated() {
            let copy = strdup(file)
            block[index] = copy
            if let copy { paths.append(copy) }
        }
        table = block
        count = files.count
    }

    /// Nothing left to remove.
    static func clear() {
        count = 0
        table?.deallocate()
        table = nil
        for path in paths { free(path) }
        paths = []
    }

    fileprivate static func removeRegistered() {
        guard let table else { return }
        for index in 0..<count {
            if let path = table[index] { unlink(path) }
        }
    }
}

private func handleSignal(_ number: Int32) {
    InterruptCleanup.removeRegistered()
    _exit(128 + number)
}
