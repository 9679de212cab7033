import Foundation
import Testing

@testable import Ingest

/// For random valid and invalid inputs in every layout: every data row read is used or rejected,
/// never lost, and the count of rows read is the count of records written after the header.
@Suite("Nothing lost: rows read = rows used + rows rejected")
struct RowAccountingPropertyTests {
    typealias Random = TestRandom

    /// The header rows of each layout, taken from the real exports in Fixtures/exports.
    static func headerRows(_ file: String, count: Int) throws -> [[String]] {
        var rows: [[String]] = []
        try CSVReader.read(InputSource(path: fixture(file))) { record in
            if rows.count < count { rows.append((0..<record.fieldCount).map { record.string($0) ?? "" }) }
        }
        return rows
    }

    static let layouts: [(file: String, headerRows: Int)] = [
        ("sample-survey.csv", 1), ("exports/qualtrics-choice-text.csv", 3), ("exports/surveymonkey.csv", 2),
        ("exports/google-forms.csv", 1), ("exports/microsoft-forms.csv", 1), ("exports/qualtrics-legacy.csv", 2),
    ]

    static func quote(_ field: String) -> String {
        field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// A random cell: mostly plausible answers, sometimes junk, blanks, quotes and line breaks.
    static func cell(_ random: inout Random, column: Int) -> String {
        switch random.below(20) {
        case 0: return ""
        case 1: return "N/A"
        case 2: return "Expert / could teach others"
        case 3: return "x, \"quoted\"\nline"
        case 4: return "Yes"
        case 5: return ["L1", "L4", "L8", "", "Gen Z"][random.below(5)]
        case 6: return String(1950 + random.below(60))
        case 7: return ["0", "1", "16", "True", "False", "Survey Preview", "Spam"][random.below(7)]
        case 8: return "\u{0}"
        default: return String(random.below(6))
        }
    }

    @Test("random rows in every layout", arguments: Array(0..<layouts.count), Array(1...6))
    func randomRows(layoutIndex: Int, seed: UInt64) throws {
        let layout = Self.layouts[layoutIndex]
        let header = try Self.headerRows(layout.file, count: layout.headerRows)
        let width = header[0].count
        var random = Random(state: seed &* 7919 &+ UInt64(layoutIndex))
        var text = header.map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        let rows = 20 + random.below(60)
        for _ in 0..<rows {
            var fields = (0..<width).map { Self.cell(&random, column: $0) }
            if random.chance(8) { fields.removeLast(1 + random.below(3)) }  // ragged: too few
            if random.chance(5) { fields.append("extra") }  // ragged: too many
            text += fields.map(Self.quote).joined(separator: ",") + (random.chance(50) ? "\r\n" : "\n")
        }
        let path = try temporaryFile(text)
        var options = IngestOptions()
        options.layout = .auto
        let (survey, respondents) = ingest([path], options: options)
        // Duplicate ids and missing roles are file-level problems; rows are still all accounted for.
        #expect(survey.rowsRead == rows, "\(survey.problems)")
        #expect(survey.rowsRead == survey.rowsUsed + survey.rejections.count)
        #expect(respondents.count == survey.rowsUsed)
    }

    @Test("random bytes: never a crash, and what was read is accounted for", arguments: Array(1...40))
    func randomBytes(seed: UInt64) throws {
        var random = Random(state: seed)
        let alphabet = Array("id,Level,TikTok,Slack\n\"\r;\t 0123L\u{0}é".utf8)
        var bytes = Array("id,Level,TikTok,Slack\n".utf8)
        for _ in 0..<(50 + random.below(400)) {
            bytes.append(random.chance(3) ? UInt8(random.below(256)) : alphabet[random.below(alphabet.count)])
        }
        let (survey, respondents) = ingest([try temporaryFile(bytes)])
        #expect(survey.rowsRead == survey.rowsUsed + survey.rejections.count)
        #expect(respondents.count == survey.rowsUsed)
    }
}
