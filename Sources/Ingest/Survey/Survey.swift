/// One input as read: its name, bytes format and how many data rows it held.
package struct InputSummary: Sendable, Hashable {
    package var name: String
    package var format: CSVInputFormat?
    package var layout: String
    package var rowsRead: Int
    /// Which header became which role or tool, and which columns were ignored.
    package var columns: [ColumnUse] = []
    /// In how many chunks the input was read at the same time (1: in one piece).
    package var chunks = 1
}

/// An answer that was neither a score nor a missing-value word.
package struct AnswerIssue: Sendable, Hashable {
    package var location: SourceLocation
    package var tool: String
    package var text: String
}

/// Everything ingest learnt about the survey apart from the respondents themselves, which it
/// streams to the next stage: columns, tools, bands, and an account of every row.
package struct Survey: Sendable {
    package var inputs: [InputSummary] = []
    /// The survey's tools, in the order of the first input's columns.
    package var tools: [Tool] = []
    /// The roles found in the header (the same for every input).
    package var roles: Set<ColumnRole> = []
    package var bandSource: BandSource = .level
    /// Bands, most junior first.
    package var bands: [Band] = []
    /// The band (index into `bands`) of each band key a respondent carries.
    package var bandOfKey: [Int] = []
    package var rowsRead = 0
    package var rowsUsed = 0
    package var rejections: [RowRejection] = []
    /// Answers that were blank or a missing-value word.
    package var missingAnswers = 0
    /// Answers off the scale or unknown (treated as missing), and the first few of them.
    package var invalidAnswers = 0
    package var invalidAnswerExamples: [AnswerIssue] = []
    package var invalidAnswersByTool: [String: Int] = [:]
    /// Notes for standard error: columns left out, values that could not be read.
    package var warnings: [String] = []
    /// File-level problems (the run cannot go on when there is any); every one found is listed.
    package var problems: [IngestError] = []
    /// The departments and locations of the usable rows, numbered as `RespondentRow` numbers them.
    package var departments = ValueCatalog()
    package var locations = ValueCatalog()

    package init() {}

    package var hasIDColumn: Bool { roles.contains(.id) }
    /// Rows whose id cell was blank: the line number of the row stands in for their id.
    package var blankIDs = 0

    /// Rejected rows counted by reason code, in a stable order.
    package var rejectionCounts: [(reason: String, count: Int)] {
        var counts: [String: Int] = [:]
        for rejection in rejections { counts[rejection.reason.code, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The band of a respondent.
    package func band(of respondent: Respondent) -> Band { bands[bandOfKey[respondent.bandKey]] }
}
