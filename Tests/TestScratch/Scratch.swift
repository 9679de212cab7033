import Foundation

/// Temporary folders for tests. Every folder a test process asks for lies under one folder of its
/// own in the system's temporary directory, which is removed when the process exits, so a test run
/// leaves nothing behind (it used to leave thousands of folders in `/tmp`).
public enum Scratch {
    /// `genbridge-tests-<pid>-<uuid>`, created on first use.
    private static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "genbridge-tests-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { Scratch.removeAll() }
        return url
    }()

    /// A new, empty folder; `label` makes it recognisable while the tests run.
    public static func folder(_ label: String = "test") throws -> URL {
        let folder = root.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `bytes` written to a new file `name` in a new folder; returns its path.
    public static func file(_ bytes: some Sequence<UInt8>, name: String, label: String = "test") throws -> String {
        let url = try folder(label).appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private static func removeAll() {
        try? FileManager.default.removeItem(at: root)
    }
}
