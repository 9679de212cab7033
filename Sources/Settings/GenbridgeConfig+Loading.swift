import Ingest
internal import Yams

extension GenbridgeConfig {
    /// Reads and checks the config file at `path`.
    package static func load(path: String) throws(ConfigError) -> GenbridgeConfig {
        // Read through the file descriptor, not Foundation: a pipe (`<(…)`) or /dev/null is a
        // readable config file too.
        let bytes: [UInt8]
        do {
            bytes = try WholeFile.read(path)
        } catch {
            switch error {
            case .cannotOpen(_, let reason): throw .cannotRead(file: path, reason: reason)
            case .readFailed(_, let reason): throw .readFailed(file: path, reason: reason)
            default: throw .cannotRead(file: path, reason: error.summary)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8(firstInvalidByte(in: bytes, file: path))
        }
        return try parse(text: text, file: path)
    }

    /// Parses and checks config text; `file` names it in errors.
    package static func parse(text: String, file: String) throws(ConfigError) -> GenbridgeConfig {
        // libyaml skips a byte-order mark but counts it as a column.
        let yaml = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, text: yaml, file: file)
        } catch {
            throw .syntax(SourceLocation(file: file, line: 1, column: 1), problem: "\(error)")
        }
        var reader = ConfigReader(file: file)
        return try reader.read(root)
    }

    private static func syntaxError(_ error: YamlError, text: String, file: String) -> ConfigError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        func problem(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return problem }
            // Yams' own composer message reads as one sentence: "expected … but found …".
            if problem.hasPrefix("but ") { return "\(context.text) \(problem)" }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let text, let mark, _), .parser(let context, let text, let mark, _),
            .composer(let context, let text, let mark, _):
            return .syntax(at(mark), problem: problem(context, text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .duplicateKey(at(context.mark), key: duplicates.first ?? "")
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { position(ofCharacter: $0, in: text) } ?? (1, 1)
            return .syntax(SourceLocation(file: file, line: line, column: column), problem: problem)
        default:
            return .syntax(SourceLocation(file: file, line: 1, column: 1), problem: "\(error)")
        }
    }

    /// Line and column (1-based, in characters) of the character at `offset`.
    private static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Where the first byte that is not UTF-8 is.
    private static func firstInvalidByte(in data: [UInt8], file: String) -> SourceLocation {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error:
                return SourceLocation(file: file, line: line, column: column)
            }
        }
    }
}
