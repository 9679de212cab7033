/// What can go wrong while writing output: reports, a generated survey, a config file.
package enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, its folder, or the temporary file beside it cannot be created (exit 73).
    case cannotCreate(path: String, reason: String)
    /// Writing, flushing or renaming failed part-way (exit 74).
    case writeFailed(path: String, reason: String)
    /// Standard output's reader went away (`genbridge … | head -1`): the caller stops quietly.
    case closedPipe

    package var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "\(path): cannot create output: \(reason)"
        case .writeFailed(let path, let reason): "\(path): write failed: \(reason)"
        case .closedPipe: "standard output: the reader has gone"
        }
    }
}
