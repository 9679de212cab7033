import ArgumentParser
import FileOutput
import Settings

#if canImport(Glibc)
    import Glibc
#endif

/// `genbridge init`: a starter genbridge.yml, every key documented with its default.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter genbridge.yml: every key with its default and a one-line comment.",
        discussion: """
            Without --output the file goes to standard output. An existing file is not replaced
            unless --force is given.

            Examples:
              genbridge init --output genbridge.yml
              genbridge init > my-survey.yml
            """
    )

    @Option(help: ArgumentHelp("Where to write the file (default: standard output).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        let text = GenbridgeConfig.defaultFileText
        guard let output else {
            StandardOutputStream.write(text)
            return
        }
        if !force, access(output, F_OK) == 0 {
            throw Failure(
                message: "\(output): cannot create output: the file exists", details: ["use --force to replace it"],
                exitCode: Failure.cannotCreate)
        }
        do throws(OutputError) {
            let file = try AtomicOutputFile(path: output)
            let bytes = Array(text.utf8)
            let outcome: Result<Void, OutputError> = bytes.withUnsafeBytes { buffer in
                Result { () throws(OutputError) in try file.write(buffer) }
            }
            try outcome.get()
            try file.commit()
        } catch {
            throw Failure(error)
        }
        Diagnostics.note("wrote \(output)")
    }
}
