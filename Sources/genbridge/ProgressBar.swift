#if canImport(Glibc)
    import Glibc
#endif

/// A progress bar on standard error for long work: only when standard error is a terminal and
/// neither --no-progress nor --quiet was given; never in files or pipes. Plain characters, no
/// colour, so NO_COLOR has nothing to turn off.
final class ProgressBar {
    /// Inputs smaller than this finish too fast for a bar to help.
    static let minimumBytes = 8 << 20

    private let enabled: Bool
    private var lastPercent = -1
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    /// Shows how far reading `file` has come.
    func reading(_ file: String, bytesRead: Int, totalBytes: Int?) {
        guard enabled, let totalBytes, totalBytes >= Self.minimumBytes else { return }
        let percent = min(100, bytesRead * 100 / max(1, totalBytes))
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let name = file.count > 24 ? "…" + file.suffix(23) : file
        draw("reading \(name) [\(bar)] \(percent)% \(bytesRead >> 20)/\(totalBytes >> 20) MiB")
    }

    /// Shows a step that has no measurable fraction.
    func step(_ text: String) {
        guard enabled else { return }
        lastPercent = -1
        draw(text)
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled, shown else { return }
        Diagnostics.raw("\r\u{1B}[K")
        shown = false
    }

    private func draw(_ text: String) {
        shown = true
        Diagnostics.raw("\r\u{1B}[K" + text)
    }
}
