import FileOutput
import Foundation
import Ingest
import Testing

@testable import Synthesis

@Suite("Generated surveys written to files")
struct SyntheticSurveyFileTests {
    @Test("a generated survey written through an atomic file")
    func generated() throws {
        let path = try temporaryFolder().appendingPathComponent("big.csv").path
        let file = try AtomicOutputFile(path: path)
        try SyntheticSurvey(rows: 300, seed: 1, layout: .generic).write(chunkSize: 4096, to: file.write)
        try file.commit()
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == (try generate(rows: 300, layout: .generic)))
    }
}
