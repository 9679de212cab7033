/// Wall time per stage of a run, for `--verbose`.
final class Stopwatch {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var laps: [(stage: String, seconds: Double)] = []

    init() { last = clock.now }

    /// Ends the stage `stage` now (a stage lapped twice adds up).
    func lap(_ stage: String) {
        let now = clock.now
        let elapsed = now - last
        last = now
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if let index = laps.firstIndex(where: { $0.stage == stage }) {
            laps[index].seconds += seconds
        } else {
            laps.append((stage, seconds))
        }
    }

    /// "ingest 1.02 s, analysis 0.05 s, …, total 1.50 s".
    var summary: String {
        let total = laps.reduce(0) { $0 + $1.seconds }
        return (laps + [("total", total)]).map { "\($0.stage) \(Self.format($0.seconds)) s" }.joined(separator: ", ")
    }

    private static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
