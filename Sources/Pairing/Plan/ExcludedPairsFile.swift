import Ingest

/// Reads `--exclude-pairs` files: any CSV with `mentor_id` and `mentee_id` columns, such as the
/// `pairings.csv` of earlier runs. The file must be whole: a ragged row or a NUL byte, which a
/// survey would only reject, stops the run here (a pair read wrongly could be proposed again), at
/// the line and column where a survey would place it.
package enum ExcludedPairsFile {
    package static func read(_ path: String) throws(IngestError) -> Set<ExcludedPair> {
        var pairs = Set<ExcludedPair>()
        var columns: (mentor: Int, mentee: Int)?
        var width = 0
        var sawHeader = false
        let source = InputSource(path: path)
        try CSVReader.read(source) { (record) throws(IngestError) in
            func at(_ column: Int) -> SourceLocation {
                SourceLocation(file: source.displayName, line: record.line, column: column)
            }
            guard sawHeader else {
                sawHeader = true
                if let column = record.firstFieldWithNUL { throw .nulByteInHeader(at(column + 1)) }
                width = record.fieldCount
                let headers = (0..<record.fieldCount).map { record.string($0) ?? "" }
                let folded = headers.map { HeaderText.fold($0.drop { $0 == "\u{FEFF}" }) }
                guard let mentor = folded.firstIndex(of: "mentor id"), let mentee = folded.firstIndex(of: "mentee id")
                else {
                    throw .missingRole(
                        file: source.displayName,
                        what:
                            "mentor_id and mentee_id columns (an --exclude-pairs file is the pairings.csv of an earlier run)",
                        headersFound: headers)
                }
                columns = (mentor, mentee)
                return
            }
            if record.fieldCount != width {
                throw .raggedRow(at(min(width, record.fieldCount) + 1), expected: width, found: record.fieldCount)
            }
            if let column = record.firstFieldWithNUL { throw .nulByte(at(column + 1)) }
            guard let columns else { return }
            let mentor = unneutralised(record.string(columns.mentor) ?? "")
            let mentee = unneutralised(record.string(columns.mentee) ?? "")
            if !mentor.isEmpty, !mentee.isEmpty { pairs.insert(ExcludedPair(mentorID: mentor, menteeID: mentee)) }
        }
        if !sawHeader { throw .noHeader(file: source.displayName) }
        return pairs
    }

    /// An id as it was before genbridge's CSV output neutralised it (`'=x` → `=x`).
    static func unneutralised(_ text: String) -> String {
        let trimmed = text.trimmingSpaces
        guard trimmed.hasPrefix("'"), let next = trimmed.dropFirst().unicodeScalars.first,
            ["=", "+", "-", "@", "\t", "\r"].contains(next)
        else { return trimmed }
        return String(trimmed.dropFirst())
    }
}
