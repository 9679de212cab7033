import Foundation
import Ingest
import Synthesis
import TestScratch

/// A survey written into memory.
func generate(rows: Int, seed: UInt64 = 1, layout: SurveyLayout, chunkSize: Int = 1 << 20) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try SyntheticSurvey(rows: rows, seed: seed, layout: layout).write(chunkSize: chunkSize) { chunk in
        bytes.append(contentsOf: chunk)
    }
    return bytes
}

/// A new empty folder for one test.
func temporaryFolder() throws -> URL {
    try Scratch.folder("synthesis")
}

/// `bytes` in a new temporary file; returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "survey.csv") throws -> String {
    let url = try temporaryFolder().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// Every record of a file as genbridge's CSV reader sees it, as text (Windows-1252 decoded).
func records(ofFile path: String) throws -> [[String]] {
    var result: [[String]] = []
    try CSVReader.read(InputSource(path: path)) { record in
        result.append((0..<record.fieldCount).map { record.string($0) ?? "" })
    }
    return result
}

/// A survey ingested with genbridge's defaults (no config file), and its respondents.
func ingest(_ path: String) -> (Survey, [Respondent]) {
    var respondents: [Respondent] = []
    let survey = SurveyIngestor(options: IngestOptions()).ingest([InputSource(path: path)]) { respondents.append($0) }
    return (survey, respondents)
}

/// One 2,000-row survey per layout, generated, written and ingested once for all the tests that
/// read it (each layout's on first use, so the layouts are still prepared in parallel).
struct GeneratedSample: Sendable {
    static let rows = 2000
    static let seed: UInt64 = 11

    let survey: SyntheticSurvey
    let bytes: [UInt8]
    let path: String
    let ingested: Survey
    let respondents: [Respondent]

    private init(_ layout: SurveyLayout) {
        survey = SyntheticSurvey(rows: Self.rows, seed: Self.seed, layout: layout)
        do {
            bytes = try generate(rows: Self.rows, seed: Self.seed, layout: layout)
            path = try temporaryFile(bytes)
        } catch {
            fatalError("cannot write the \(layout) sample: \(error)")
        }
        (ingested, respondents) = ingest(path)
    }

    private static let generic = GeneratedSample(.generic)
    private static let qualtrics = GeneratedSample(.qualtrics)
    private static let surveymonkey = GeneratedSample(.surveymonkey)
    private static let googleForms = GeneratedSample(.googleForms)
    private static let microsoftForms = GeneratedSample(.microsoftForms)

    static func of(_ layout: SurveyLayout) -> GeneratedSample {
        switch layout {
        case .generic: generic
        case .qualtrics: qualtrics
        case .surveymonkey: surveymonkey
        case .googleForms: googleForms
        case .microsoftForms: microsoftForms
        }
    }
}
