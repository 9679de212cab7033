import ArgumentParser
import Ingest

/// Options about the inputs, shared by `report` and `validate`.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Survey CSV exports; '-' reads standard input. Several inputs are one population.", valueName: "input"))
    var inputs: [String]

    @Option(help: ArgumentHelp("Survey layout: auto, generic, qualtrics, surveymonkey, google-forms, microsoft-forms.", valueName: "layout"))
    var layout: LayoutOption = .auto

    @Option(help: ArgumentHelp("Field delimiter: ',' ';' 'tab' (or a tab character), or auto.", valueName: "delimiter"))
    var delimiter: String = "auto"

    @Option(help: ArgumentHelp("Input encoding: auto, utf-8, utf-16, windows-1252.", valueName: "encoding"))
    var encoding: EncodingOption = .auto

    @Option(help: ArgumentHelp("The longest field accepted, in bytes; a longer one is refused (exit 65).", valueName: "n"))
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
        _ = try delimiterByte()
        if maxFieldBytes < 1 { throw ValidationError("--max-field-bytes must be at least 1") }
        if maxColumns < 1 { throw ValidationError("--max-columns must be at least 1") }
    }

    /// The delimiter byte, or nil for sniffing.
    func delimiterByte() throws -> UInt8? {
        switch delimiter.lowercased() {
        case "auto": nil
        case ",", "comma": UInt8(ascii: ",")
        case ";", "semicolon": UInt8(ascii: ";")
        case "\t", "tab", "\\t": UInt8(ascii: "\t")
        default: throw ValidationError("--delimiter must be ',', ';', 'tab' or auto, not '\(delimiter)'")
        }
    }

    var sources: [InputSource] { inputs.map(InputSource.init(path:)) }

    func ingestOptions(referenceYear: Int) throws -> IngestOptions {
        var options = IngestOptions()
        options.read = CSVReadOptions(
            encoding: encoding.choice, delimiter: try delimiterByte(),
            limits: CSVLimits(maxFieldBytes: maxFieldBytes, maxColumns: maxColumns))
        options.layout = LayoutChoice(word: layout.rawValue) ?? .auto
        options.referenceYear = referenceYear
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
