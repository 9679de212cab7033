/// Everything that stops ingestion as a whole. Row-level problems are not errors: they reject the
/// row (see `RowRejection`) and the run goes on.
package enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input cannot be opened: missing, unreadable, or a directory.
    case cannotOpen(file: String, reason: String)
    /// Reading failed part-way (an I/O error, or the file changed under us).
    case readFailed(file: String, reason: String)
    /// A quoted field opens and is never closed.
    case unterminatedQuote(SourceLocation)
    /// A quote where RFC 4180 does not allow one, such as text after a closing quote.
    case malformedQuote(SourceLocation)
    /// Bytes that are not valid in the input's encoding.
    case invalidEncoding(SourceLocation, encoding: String)
    /// A header cell holds a NUL byte (a data row with one is only rejected).
    case nulByteInHeader(SourceLocation)
    /// A row with more or fewer fields than the header, in a file that must be whole (an
    /// `--exclude-pairs` file); a survey only rejects such a row (`RejectionReason.raggedRow`).
    /// The location's column is the first extra (or missing) field.
    case raggedRow(SourceLocation, expected: Int, found: Int)
    /// A data field holding a NUL byte, in a file that must be whole (an `--exclude-pairs` file); a
    /// survey only rejects such a row (`RejectionReason.nulByte`).
    case nulByte(SourceLocation)
    /// The file does not look like text at all.
    case binaryContent(file: String)
    /// The file holds no header row.
    case noHeader(file: String)
    /// The file holds a header but no data row.
    case noDataRows(file: String)
    /// Two rows carry the same id; `blankAt`: the row of the two whose id cell was blank (its
    /// line number stands in for its id).
    case duplicateID(SourceLocation, id: String, firstSeen: SourceLocation, blankAt: SourceLocation? = nil)
    /// A role the run needs has no column.
    case missingRole(file: String, what: String, headersFound: [String])
    /// A field longer than the configured bound.
    case fieldTooLarge(SourceLocation, limit: Int)
    /// A row with more columns than the configured bound.
    case tooManyColumns(SourceLocation, count: Int, limit: Int)
    /// Several inputs whose columns do not map to the same roles.
    case inconsistentInputs(file: String, differences: String)
    /// libcsv could not allocate its buffer.
    case parserOutOfMemory(SourceLocation)

    /// The place the error names first.
    package var location: SourceLocation {
        switch self {
        case .cannotOpen(let file, _), .readFailed(let file, _), .binaryContent(let file),
            .noHeader(let file), .noDataRows(let file), .missingRole(let file, _, _),
            .inconsistentInputs(let file, _):
            SourceLocation(file: file)
        case .unterminatedQuote(let location), .malformedQuote(let location),
            .invalidEncoding(let location, _), .nulByteInHeader(let location), .raggedRow(let location, _, _),
            .nulByte(let location), .duplicateID(let location, _, _, _),
            .fieldTooLarge(let location, _), .tooManyColumns(let location, _, _),
            .parserOutOfMemory(let location):
            location
        }
    }

    /// What went wrong, in one line, without the location.
    package var summary: String {
        switch self {
        case .cannotOpen(_, let reason): "cannot open input: \(reason)"
        case .readFailed(_, let reason): "read failed: \(reason)"
        case .unterminatedQuote: "unterminated quoted field: the quote opened here is never closed"
        case .malformedQuote: "malformed quoting: a quote inside an unquoted field or text after a closing quote"
        case .invalidEncoding(_, let encoding): "bytes that are not valid \(encoding)"
        case .nulByteInHeader: "NUL byte in a header cell"
        // Worded as the survey's rejected rows are.
        case .raggedRow(_, let expected, let found):
            RejectionReason.raggedRow(expected: expected, found: found).description
        case .nulByte(let location): RejectionReason.nulByte(column: location.column ?? 0).description
        case .binaryContent: "binary content: this does not look like a CSV text file"
        case .noHeader: "no header row: the file is empty"
        case .noDataRows: "no data row: the file holds a header only"
        case .duplicateID(_, let id, _, _): "duplicate id \(Self.quoted(id))"
        case .missingRole(_, let what, _): "required column missing: \(what)"
        case .fieldTooLarge(_, let limit): "field longer than the limit of \(limit) bytes"
        case .tooManyColumns(_, let count, let limit): "\(count) columns, more than the limit of \(limit)"
        case .inconsistentInputs: "inputs do not map to the same columns"
        case .parserOutOfMemory: "out of memory while parsing"
        }
    }

    /// Further lines that help the reader fix the input.
    package var details: [String] {
        switch self {
        case .duplicateID(_, _, let firstSeen, let blank):
            ["first seen at \(firstSeen)"]
                + (blank.map {
                    ["the row at \($0) has a blank id, so its line number stands in for it: give that row an id"]
                } ?? [])
        case .missingRole(_, _, let headers):
            ["headers found: " + (headers.isEmpty ? "(none)" : headers.map(Self.quoted).joined(separator: ", "))]
        case .inconsistentInputs(_, let differences): [differences]
        case .unterminatedQuote:
            ["a field that starts with a double quote must end with one; a quote inside it is written twice (\"\")"]
        case .invalidEncoding:
            ["save the file as UTF-8 (Excel: \"CSV UTF-8\"), or name the encoding with --encoding"]
        default: []
        }
    }

    package var description: String { "\(location): \(summary)" }

    /// `text` in double quotes, on one line: a line break, tab or other control character inside
    /// it (a quoted cell may hold any), or a bidirectional override, is written as an escape
    /// (`ScalarRewriting.oneLineEscape`), so a message stays one line and reads in order.
    static func quoted(_ text: String) -> String {
        let inner = ScalarRewriting.rewrite(text) { scalar in
            scalar == "\"" || scalar == "\\" ? "\\" + String(scalar) : ScalarRewriting.oneLineEscape(scalar)
        }
        return "\"" + inner + "\""
    }
}
