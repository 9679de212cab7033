import Foundation
import Testing

/// The committed `reports/sample-survey/` is the example output of `Fixtures/sample-survey.csv`
/// and the golden file of every format: this test regenerates it and fails on any difference.
/// After an intended change, `make reports` rewrites it.
@Suite("Golden reports")
struct GoldenReportsTests {
    static let folder = Genbridge.root.appendingPathComponent("reports/sample-survey")

    @Test("reports/sample-survey is exactly what genbridge writes for the sample")
    func golden() throws {
        let out = try Genbridge.temporaryFolder()
        let result = try Genbridge.run(["report", "Fixtures/sample-survey.csv", "--out", out.path, "--stdout", "none"])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let committed = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(written == committed, "reports/sample-survey holds other files: run `make reports`")
        for name in written {
            let fresh = try Data(contentsOf: out.appendingPathComponent(name))
            let golden = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            #expect(fresh == golden, "reports/sample-survey/\(name) is stale: run `make reports` and review the diff")
        }
    }
}
