import ArgumentParser
import Ingest
import Pairing
import Settings

/// `genbridge validate INPUT...`: ingest and check only; every problem listed, nothing written.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check survey exports without writing anything; every problem is listed.",
        discussion: """
            Exits 0 when the input is usable (warnings allowed, a cycle in the manager data among
            them), 65 when it is not, and with --strict 65 when any row was rejected; 78 when the
            config names a pairing band the data does not have, as report would.

            Examples:
              genbridge validate survey.csv
              genbridge validate export-*.csv --strict
            """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        Diagnostics.quiet = input.quiet
        let config = try input.loadConfig()
        let run = try SurveyRun.ingest(input, config: config, listEveryRejection: true, keeping: .managers)
        let survey = run.survey
        // The management chains, as report follows them: a cycle is a warning (exit 0, --strict too).
        if survey.roles.contains(.manager), let people = run.pool {
            SurveyRun.warnAbout(managerCycles: ManagementChains(pool: people).cycles)
        }
        if survey.bands.count >= 2 {
            // The pairing bands the config names can be checked only against the data's bands.
            do {
                _ = try MentoringPlanner.pairingBands(
                    survey: survey, options: config.pairingOptions(base: PairingOptions()))
            } catch {
                throw Failure(error, config: config)
            }
        }
        var summary = "\(survey.inputs.map(\.name).joined(separator: ", ")): usable. "
        summary += "\(survey.rowsRead) rows read, \(survey.rowsUsed) used, \(survey.rejections.count) rejected; "
        summary += "\(survey.tools.count) tools (\(survey.tools.map(\.name).joined(separator: ", "))); "
        summary += "\(survey.bands.count) bands (\(survey.bands.map(\.name).joined(separator: ", "))); "
        summary += "\(survey.invalidAnswers) answers not understood."
        StandardOutputStream.write(summary + "\n")
    }
}
