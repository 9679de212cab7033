import Ingest

/// Familiarity of one band with one tool. When fewer than the minimum group size answered, the
/// statistics are suppressed (nil); `n` stays.
package struct BandToolCell: Sendable, Hashable {
    package var band: Int
    package var tool: Int
    package var n: Int
    package var suppressed: Bool
    /// Counts per score 0–4; nil when suppressed.
    package var counts: [Int]?
    package var mean: Double?
    package var median: Double?
    package var shareConfident: Double?

    init(band: Int, tool: Int, counts: ScoreCounts, minGroupSize: Int) {
        self.band = band
        self.tool = tool
        n = counts.n
        suppressed = counts.n < minGroupSize
        if !suppressed {
            self.counts = counts.counts
            mean = counts.mean
            median = counts.median
            shareConfident = counts.shareConfident
        }
    }
}
