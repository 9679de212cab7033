import ArgumentParser
import FileOutput
import Pairing

#if canImport(Glibc)
    import Glibc
#endif

/// The `genbridge` command: subcommands for each job, errors mapped to sysexits in one place.
@main
struct Genbridge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genbridge",
        abstract:
            "Shows where generations differ in how well they know social-media and messaging tools, and proposes reverse-mentoring pairs.",
        discussion: """
            Examples:
              genbridge report survey.csv
              genbridge report export-uk.csv export-de.csv --out reports/q3 --stdout none
              genbridge validate survey.csv --strict
              genbridge generate --rows 1000 --layout qualtrics --output demo.csv
              genbridge init --output genbridge.yml
            """,
        subcommands: [ReportCommand.self, ValidateCommand.self, GenerateCommand.self, InitCommand.self]
    )

    /// Ends a successful run at once, its warnings written as `main` writes them: whatever the
    /// run still holds is left to the system, which takes the whole address space back in one go.
    /// A large `report` holds millions of small objects (every pair's texts and tools, the pool,
    /// the survey), and releasing them one by one took 0.05 s at 1,000,000 rows, 2% of the run.
    static func exitSucceeded() -> Never {
        Diagnostics.flushWarnings()
        Glibc.exit(EXIT_SUCCESS)
    }

    /// Parses the arguments and runs the subcommand. Every failure prints
    /// `genbridge: error: ...` first and exits with its sysexits code.
    static func main() {
        Allocator.limitArenas()
        signal(SIGPIPE, SIG_IGN)
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
            Diagnostics.flushWarnings()
        } catch let failure as Failure {
            failure.report()
            Diagnostics.flushWarnings()
            Glibc.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            if code.rawValue == 64 || error is ValidationError {
                Diagnostics.error(message(for: error))
                Diagnostics.detail("see 'genbridge --help'")
                Glibc.exit(64)
            }
            Diagnostics.error(fullMessage(for: error))
            Glibc.exit(code.rawValue == 1 ? 70 : code.rawValue)
        }
    }
}
