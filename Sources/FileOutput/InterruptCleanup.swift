#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes the temporary files of output being written when SIGINT or SIGTERM arrives, so an
/// interrupted run leaves neither half a file nor stray temporary files. The handler only reads
/// a fixed table of C strings and calls `unlink` and `_exit`, which are safe in a signal handler;
/// a slot is filled before its file is created and emptied after it is renamed or removed.
package enum InterruptCleanup {
    private static let capacity = 64
    nonisolated(unsafe) fileprivate static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()

    /// Installs the handlers for SIGINT and SIGTERM.
    package static func install() {
        _ = slots
        signal(SIGINT, handleSignal)
        signal(SIGTERM, handleSignal)
        // A parent may have started us with these signals blocked (the mask is inherited).
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Remembers a temporary file; returns its slot, or nil when the table is full (the file is
    /// then only removed by the normal error paths).
    static func register(_ path: String) -> Int? {
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return index
        }
        return nil
    }

    /// Forgets a temporary file (it was renamed or removed).
    static func unregister(_ slot: Int?) {
        guard let slot, let path = slots[slot] else { return }
        slots[slot] = nil
        free(path)
    }

    fileprivate static func removeRegistered() {
        for index in 0..<capacity {
            if let path = slots[index] { unlink(path) }
        }
    }
}

private func handleSignal(_ number: Int32) {
    InterruptCleanup.removeRegistered()
    _exit(128 + number)
}
