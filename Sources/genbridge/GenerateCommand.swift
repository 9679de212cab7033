import ArgumentParser
import FileOutput
import Ingest
import Synthesis

/// `genbridge generate`: a realistic synthetic survey in any layout, for demos and benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic survey in any export layout (to standard output without --output).",
        discussion: """
            A management hierarchy (one CEO at L8, chains several levels deep), six
            departments, levels L1-L8 in a pyramid, birth years that follow level, five
            offices, mentoring opt-ins, and familiarity 0-4 with thirteen tools that
            depends on age, department and tool as staff surveys find it. Like real
            exports it has blanks, N/A, names with commas, quotes and accents, and line
            breaks in quoted comments; Qualtrics exports also hold previews, tests, spam
            and unfinished responses (about one row in forty), which genbridge excludes.
            Every layout ingests without a config file. The same --rows, --seed and
            --layout give the same bytes. Rows are streamed: memory stays small.

            Examples:
              genbridge generate --output survey.csv
              genbridge generate --rows 2000 --layout qualtrics --output q.csv
              genbridge generate --rows 1000000 --output big.csv
              genbridge generate --layout google-forms | head -3
            """
    )

    @Option(help: ArgumentHelp("Data rows to write, 1 to 100000000.", valueName: "n"))
    var rows: Int = SyntheticSurvey.defaultRows

    @Option(help: ArgumentHelp("Seed: the same seed gives the same survey.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The survey tool whose export to imitate.", valueName: "layout"))
    var layout: GeneratedLayout = .generic

    @Option(
        help: ArgumentHelp(
            "File to write, replaced whole at the end ('-' or none: standard output).", valueName: "file"))
    var output: String?

    enum GeneratedLayout: String, ExpressibleByArgument, CaseIterable {
        case generic, qualtrics, surveymonkey
        case googleForms = "google-forms"
        case microsoftForms = "microsoft-forms"

        var surveyLayout: SurveyLayout {
            switch self {
            case .generic: .generic
            case .qualtrics: .qualtrics
            case .surveymonkey: .surveymonkey
            case .googleForms: .googleForms
            case .microsoftForms: .microsoftForms
            }
        }
    }

    func validate() throws {
        guard (1...SyntheticSurvey.maximumRows).contains(rows) else {
            throw ValidationError("--rows must be between 1 and \(SyntheticSurvey.maximumRows), not \(rows)")
        }
        if output?.isEmpty == true { throw ValidationError("--output needs a file name") }
    }

    func run() throws {
        let survey = SyntheticSurvey(rows: rows, seed: seed, layout: layout.surveyLayout)
        guard let output, output != "-" else {
            do {
                try survey.write(to: StandardOutput.write)
            } catch .closedPipe {
                // The reader has what it wanted (`genbridge generate | head`): not an error.
            } catch {
                throw Self.failure(error)
            }
            return
        }
        let file: AtomicOutputFile
        do {
            file = try AtomicOutputFile(path: output)
        } catch {
            throw Self.failure(error)
        }
        do {
            try survey.write(to: file.write)
            try file.commit()
        } catch {
            file.discard()
            throw Self.failure(error)
        }
    }

    /// The exit code of each way writing can fail: 73 cannot create, 74 cannot write.
    static func failure(_ error: OutputError) -> Failure { Failure(error) }
}
