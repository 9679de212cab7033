import Foundation
import TestScratch
import Testing

@testable import Settings

/// The repository's top folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The path of a config fixture in `Fixtures/config/`.
func configFixture(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Fixtures/config/\(name)").path
}

/// Parses `text` as `genbridge.yml`, failing the test on an error.
func parsed(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> GenbridgeConfig {
    do {
        return try GenbridgeConfig.parse(text: text, file: "genbridge.yml")
    } catch {
        Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The error parsing `text` gives, or nil.
func parseError(_ text: String) -> ConfigError? {
    do {
        _ = try GenbridgeConfig.parse(text: text, file: "genbridge.yml")
        return nil
    } catch {
        return error
    }
}

/// The error loading a fixture gives, or nil.
func loadError(_ path: String) -> ConfigError? {
    do {
        _ = try GenbridgeConfig.load(path: path)
        return nil
    } catch {
        return error
    }
}

/// Writes `bytes` to a new temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "genbridge.yml") throws -> String {
    try Scratch.file(bytes, name: name, label: "settings")
}
