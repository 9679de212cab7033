/// Failures while writing reports.
package enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output folder or a file in it cannot be created (exit 73).
    case cannotCreate(path: String, reason: String)
    /// Writing, flushing or renaming failed part-way (exit 74).
    case writeFailed(path: String, reason: String)

    package var path: String {
        switch self {
        case .cannotCreate(let path, _), .writeFailed(let path, _): path
        }
    }

    package var summary: String {
        switch self {
        case .cannotCreate(_, let reason): "cannot create output: \(reason)"
        case .writeFailed(_, let reason): "write failed: \(reason)"
        }
    }

    package var description: String { "\(path): \(summary)" }
}
