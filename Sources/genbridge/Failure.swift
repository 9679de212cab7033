import FileOutput
import Ingest
import Pairing
import Settings

/// A failure of a run, mapped to its sysexits exit code in this one place.
struct Failure: Error {
    /// The first line (after `genbridge: error: `), then detail lines.
    var message: String
    var details: [String] = []
    var exitCode: Int32

    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let config: Int32 = 78

    init(message: String, details: [String] = [], exitCode: Int32) {
        self.message = message
        self.details = details
        self.exitCode = exitCode
    }

    init(_ error: IngestError) {
        message = error.description
        details = error.details
        exitCode =
            switch error {
            case .cannotOpen: Self.noInput
            case .readFailed: Self.ioError
            default: Self.dataError
            }
    }

    /// Several ingest problems: the first leads, the others follow as further error lines.
    init(_ problems: [IngestError]) {
        let codes = problems.map { Failure($0).exitCode }
        // An input that cannot be opened or read outranks problems in the data.
        let first = problems.firstIndex { Failure($0).exitCode != Self.dataError } ?? 0
        self.init(problems[first])
        exitCode = codes[first]
        let others = problems.indices.filter { $0 != first }.map { problems[$0] }
        for other in others {
            details.append("genbridge: error: \(other.description)")
            details += other.details
        }
    }

    /// A pairing rule the data cannot serve: a band name in `pairing.mentor_bands` or
    /// `mentee_bands` that none of the data's bands has (exit 78, placed where the config wrote it).
    init(_ error: PairingError, config: GenbridgeConfig) {
        switch error {
        case .unknownBand(let setting, let name, _):
            let place = config.bandNamePlaces.place(of: name, setting: setting, in: config.pairing)
            self.init(message: "\(place?.description ?? "configuration"): \(error.description)", exitCode: Self.config)
        case .solver:
            self.init(message: error.description, exitCode: Self.software)
        case .scratchFileUnreadable:
            self.init(message: error.description, exitCode: Self.ioError)
        }
    }

    init(_ error: OutputError) {
        message = error.description
        exitCode =
            switch error {
            case .cannotCreate: Self.cannotCreate
            case .writeFailed, .closedPipe: Self.ioError
            }
    }

    func report() {
        Diagnostics.error(message)
        for detail in details {
            if detail.hasPrefix("genbridge: ") { Diagnostics.write(detail) } else { Diagnostics.detail(detail) }
        }
    }
}
