import ArgumentParser
import Ingest
import Settings

#if canImport(Glibc)
    import Glibc
#endif

/// Options about the inputs and the config file, shared by `report` and `validate`. An option
/// given on the command line wins over the config file, which wins over the default.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Survey CSV exports; '-' reads standard input. Several inputs are one population.", valueName: "input"))
    var inputs: [String]

    @Option(help: ArgumentHelp("The config file (default: ./genbridge.yml if present).", valueName: "file"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "Survey layout: auto, generic, qualtrics, surveymonkey, google-forms, microsoft-forms.", valueName: "layout"
        ))
    var layout: LayoutOption?

    @Option(help: ArgumentHelp("Field delimiter: ',' ';' 'tab', or auto.", valueName: "delimiter"))
    var delimiter: String?

    @Option(help: ArgumentHelp("Input encoding: auto, utf-8, utf-16, windows-1252.", valueName: "encoding"))
    var encoding: EncodingOption?

    @Option(
        help: ArgumentHelp("The longest field accepted, in bytes; a longer one is refused (exit 65).", valueName: "n"))
    var maxFieldBytes: Int = CSVLimits.default.maxFieldBytes

    @Option(help: ArgumentHelp("The most columns a row may have; more are refused (exit 65).", valueName: "n"))
    var maxColumns: Int = CSVLimits.default.maxColumns

    @Flag(help: "Treat any rejected row as an error (exit 65).")
    var strict = false

    @Flag(help: "No warnings or notes on standard error, no progress bar.")
    var quiet = false

    @Flag(help: "More detail on standard error: every rejected row.")
    var verbose = false

    @Flag(help: "No progress bar.")
    var noProgress = false

    mutating func validate() throws {
        if inputs.isEmpty {
            throw ValidationError("no input given: name at least one survey CSV, or '-' for standard input")
        }
        if inputs.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input ('-') can be named only once")
        }
        _ = try delimiterChoice()
        if maxFieldBytes < 1 { throw ValidationError("--max-field-bytes must be at least 1") }
        if maxColumns < 1 { throw ValidationError("--max-columns must be at least 1") }
    }

    /// The delimiter given on the command line: nil when not given, `.some(nil)` for auto.
    func delimiterChoice() throws -> UInt8?? {
        guard let delimiter else { return nil }
        switch delimiter.lowercased() {
        case "auto": return .some(nil)
        case ",", "comma": return UInt8(ascii: ",")
        case ";", "semicolon": return UInt8(ascii: ";")
        case "\t", "tab", "\\t": return UInt8(ascii: "\t")
        default: throw ValidationError("--delimiter must be ',', ';', 'tab' or auto, not '\(delimiter)'")
        }
    }

    var sources: [InputSource] { inputs.map(InputSource.init(path:)) }

    /// The config file: `--config`, else `./genbridge.yml` when it exists, else the defaults.
    func loadConfig() throws -> GenbridgeConfig {
        let path: String
        if let config {
            path = config
        } else if access(ConfigFile.defaultName, F_OK) == 0 {
            path = ConfigFile.defaultName
        } else {
            return GenbridgeConfig()
        }
        do {
            return try GenbridgeConfig.load(path: path)
        } catch {
            switch error {
            case .cannotRead: throw Failure(message: error.description, exitCode: Failure.noInput)
            case .readFailed: throw Failure(message: error.description, exitCode: Failure.ioError)
            default: throw Failure(message: error.description, exitCode: Failure.config)
            }
        }
    }

    /// Ingest options: the defaults, then the config file, then the command line.
    func ingestOptions(config: GenbridgeConfig, referenceYear: Int) throws -> IngestOptions {
        var options = config.ingestOptions(base: IngestOptions())
        options.referenceYear = referenceYear
        if let layout = config.layout { options.layout = LayoutChoice(word: layout.rawValue) ?? .auto }
        if let layout { options.layout = LayoutChoice(word: layout.rawValue) ?? .auto }
        if let choice = try delimiterChoice() { options.read.delimiter = choice }
        if let encoding { options.read.encoding = encoding.choice }
        options.read.limits = CSVLimits(maxFieldBytes: maxFieldBytes, maxColumns: maxColumns)
        return options
    }
}

enum LayoutOption: String, ExpressibleByArgument, CaseIterable {
    case auto, generic, qualtrics, surveymonkey
    case googleForms = "google-forms"
    case microsoftForms = "microsoft-forms"
}

enum EncodingOption: String, ExpressibleByArgument, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1252 = "windows-1252"

    var choice: EncodingChoice {
        switch self {
        case .auto: .auto
        case .utf8: .utf8
        case .utf16: .utf16
        case .windows1252: .windows1252
        }
    }
}
