import Analysis
import Foundation
import Ingest

/// The parts of an earlier run's `summary.json` that `--previous` compares with.
package struct PreviousSummary: Sendable, Decodable {
    package struct Cell: Sendable, Decodable {
        var band: String
        var tool: String
        /// Answers the figures rest on (absent in a file that does not say).
        var n: Int?
        var mean: Double?
        var shareConfident: Double?

        enum CodingKeys: String, CodingKey {
            case band, tool, n, mean
            case shareConfident = "share_confident"
        }
    }

    package struct Gap: Sendable, Decodable {
        var tool: String
        var juniorN: Int?
        var seniorN: Int?
        var meanDifference: Double?

        enum CodingKeys: String, CodingKey {
            case tool
            case juniorN = "junior_n"
            case seniorN = "senior_n"
            case meanDifference = "mean_difference"
        }
    }

    package struct Named: Sendable, Decodable { var name: String }

    var schema: String
    var generatedAt: String?
    var tools: [Named]
    var bands: [Named]
    var familiarity: [Cell]
    var headline: [Gap]

    enum CodingKeys: String, CodingKey {
        case schema, tools, bands, familiarity, headline
        case generatedAt = "generated_at"
    }

    /// Problems with the file given to `--previous`.
    package enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Missing, unreadable, a directory.
        case cannotOpen(path: String, reason: String)
        /// Reading failed part-way (an I/O error).
        case readFailed(path: String, reason: String)
        case notASummary(path: String, reason: String)

        package var description: String {
            switch self {
            case .cannotOpen(let path, let reason): "\(path): cannot open --previous summary: \(reason)"
            case .readFailed(let path, let reason): "\(path): reading the --previous summary failed: \(reason)"
            case .notASummary(let path, let reason): "\(path): not a genbridge summary.json: \(reason)"
            }
        }
    }

    /// Reads and checks an earlier `summary.json`.
    package static func load(_ path: String) throws(LoadError) -> PreviousSummary {
        // Read through the file descriptor, not Foundation: a pipe (`<(…)`) is a readable file too.
        let data: Data
        do {
            data = Data(try WholeFile.read(path))
        } catch {
            switch error {
            case .cannotOpen(_, let reason): throw .cannotOpen(path: path, reason: reason)
            case .readFailed(_, let reason): throw .readFailed(path: path, reason: reason)
            default: throw .cannotOpen(path: path, reason: error.summary)
            }
        }
        let summary: PreviousSummary
        do {
            summary = try JSONDecoder().decode(PreviousSummary.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let place = context.codingPath.isEmpty ? "" : " in \(Self.place(context.codingPath))"
            throw .notASummary(path: path, reason: "the key \"\(key.stringValue)\" is missing\(place)")
        } catch let DecodingError.typeMismatch(_, context) {
            let what = context.codingPath.isEmpty ? ": a summary.json is a JSON object" : ""
            throw .notASummary(path: path, reason: "\(Self.place(context.codingPath)) has the wrong type\(what)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .notASummary(path: path, reason: "\(Self.place(context.codingPath)) is null")
        } catch {
            throw .notASummary(path: path, reason: "not valid JSON")
        }
        guard summary.schema == SummaryJSON.schema else {
            throw .notASummary(
                path: path, reason: "schema is \"\(summary.schema)\", expected \"\(SummaryJSON.schema)\"")
        }
        return summary
    }

    /// Where in the file a value is, as a reader would write it: `tools[0].name`; the whole file
    /// (a JSON list, say, where a summary is an object) is "the top level".
    static func place(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the top level" }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// The figures, by name, for `ChangeSincePrevious`, under this run's privacy threshold: an
    /// earlier figure resting on fewer than `minGroupSize` answers is suppressed here too, even if
    /// the earlier run (with a lower threshold) showed it.
    package func earlierRun(minGroupSize: Int) -> EarlierRun {
        func shown(_ counts: Int?...) -> Bool { counts.allSatisfy { ($0 ?? 0) >= minGroupSize } }
        var gaps: [String: Double?] = [:]
        for gap in headline { gaps[gap.tool] = shown(gap.juniorN, gap.seniorN) ? gap.meanDifference : nil }
        return EarlierRun(
            generatedAt: generatedAt, tools: tools.map(\.name), bands: bands.map(\.name),
            cells: familiarity.map {
                EarlierRun.Cell(
                    band: $0.band, tool: $0.tool, mean: shown($0.n) ? $0.mean : nil,
                    shareConfident: shown($0.n) ? $0.shareConfident : nil)
            },
            headline: gaps)
    }
}
