import Ingest

/// A band × tool figure set beside the same figure in an earlier run.
package struct CellChange: Sendable, Hashable {
    package var band: Int
    package var tool: Int
    /// The earlier mean and share confident; nil when the earlier run suppressed them or lacked the cell.
    package var previousMean: Double?
    package var previousShareConfident: Double?
    /// Now minus then; nil when either side is missing or suppressed.
    package var meanChange: Double?
    package var shareConfidentChange: Double?
}

/// A headline gap beside the same gap in an earlier run.
package struct GapChange: Sendable, Hashable {
    package var tool: Int
    package var previousMeanDifference: Double?
    package var change: Double?
}

/// What changed since the run whose `summary.json` was given with `--previous`. Tools and bands
/// are matched by name.
package struct ChangeSincePrevious: Sendable, Hashable {
    /// The earlier summary's file, as given.
    package var source: String
    /// The earlier run's generation time, if it recorded one.
    package var previousGeneratedAt: String?
    package var cells: [CellChange]
    package var headline: [GapChange]
    /// Names found in one run only.
    package var toolsOnlyNow: [String]
    package var toolsOnlyBefore: [String]
    package var bandsOnlyNow: [String]
    package var bandsOnlyBefore: [String]
}
