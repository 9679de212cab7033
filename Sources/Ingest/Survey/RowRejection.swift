/// Why a data row was not used. Every data row is used or rejected with one of these.
package enum RejectionReason: Error, Sendable, Hashable, CustomStringConvertible {
    /// The row has a different number of fields from the header.
    case raggedRow(expected: Int, found: Int)
    /// A field holds a NUL byte (column is 1-based).
    case nulByte(column: Int)
    /// The row fits no band (why, in words).
    case noBand(String)
    /// The survey tool marks the response as not a real one (preview, test, spam, offline preview).
    case excludedResponse(String)
    /// The survey tool marks the response as unfinished.
    case unfinished

    /// A short stable name for counting and for CSV output.
    package var code: String {
        switch self {
        case .raggedRow: "ragged_row"
        case .nulByte: "nul_byte"
        case .noBand: "no_band"
        case .excludedResponse: "excluded_response"
        case .unfinished: "unfinished"
        }
    }

    package var description: String {
        switch self {
        case .raggedRow(let expected, let found): "ragged row: \(found) fields where the header has \(expected)"
        case .nulByte(let column): "NUL byte in column \(column)"
        case .noBand(let why): "fits no band: \(why)"
        case .excludedResponse(let status): "excluded response (status: \(status))"
        case .unfinished: "unfinished response"
        }
    }
}

/// One rejected row: where it is, its id if it has one, and why.
package struct RowRejection: Sendable, Hashable {
    package var location: SourceLocation
    package var id: String?
    package var reason: RejectionReason

    package init(location: SourceLocation, id: String?, reason: RejectionReason) {
        self.location = location
        self.id = id
        self.reason = reason
    }
}
