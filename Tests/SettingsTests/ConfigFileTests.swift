import Testing

@testable import Settings

@Suite("Configuration file name")
struct ConfigFileTests {
    @Test("genbridge looks for genbridge.yml")
    func defaultName() {
        #expect(ConfigFile.defaultName == "genbridge.yml")
    }
}
