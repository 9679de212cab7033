import Foundation
import Testing

/// `--pseudonymize` (SPEC §5): names and emails replaced by stable pseudonyms in every output,
/// including a survey whose people are identified by their email addresses.
@Suite("--pseudonymize", .serialized)
struct PseudonymizeTests {
    /// Names and emails of the sample's people, read from its Name and Email columns.
    static func namesAndEmails() throws -> [String] {
        let text = try String(contentsOfFile: Genbridge.fixture("sample-survey.csv"), encoding: .utf8)
        var found: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            // The sample quotes no field before the email (column 3), so a plain split reaches it.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 2, !fields[1].hasPrefix("\"") else { continue }
            found.append(String(fields[1]))
            found.append(String(fields[2]))
        }
        return found.filter { !$0.isEmpty }
    }

    /// Every file written to `out`, and standard output, as text.
    static func outputs(_ out: URL, standardOutput: String) throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        return try names.map { ($0, try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8)) }
            + [("standard output", standardOutput)]
    }

    static func idsByEmailConfig() throws -> URL {
        let folder = try Genbridge.temporaryFolder()
        let config = folder.appendingPathComponent("by-email.yml")
        try "columns:\n  id: \"Email\"\n".write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    @Test("No name or email of the survey is left in any output", arguments: [false, true])
    func nothingLeft(idsAreEmails: Bool) throws {
        let people = try Self.namesAndEmails()
        #expect(people.count > 250)
        let out = try Genbridge.temporaryFolder()
        var arguments = ["report", Genbridge.fixture("sample-survey.csv"), "--pseudonymize", "--out", out.path]
        if idsAreEmails { arguments += ["--config", try Self.idsByEmailConfig().path] }
        let result = try Genbridge.run(arguments)
        #expect(result.status == 0)
        let files = try Self.outputs(out, standardOutput: result.standardOutput)
        #expect(files.count == 8)
        for (name, text) in files {
            #expect(!text.contains("@example.com"), "an email in \(name)")
            for person in people where text.contains(person) { Issue.record("\(person) in \(name)") }
        }
        // The pseudonyms are there instead, the same ones in every file.
        let pairs = try String(contentsOf: out.appendingPathComponent("pairings.csv"), encoding: .utf8)
        let first = try #require(pairs.split(separator: "\n").dropFirst().first)
        let fields = first.split(separator: ",")
        let mentorName = try #require(fields.count > 1 ? fields[1] : nil)
        #expect(mentorName.hasPrefix("Person "), "\(first)")
        for name in ["report.txt", "report.html", "summary.json"] {
            let text = try #require(files.first { $0.name == name }?.text)
            #expect(text.contains(mentorName), "\(mentorName) not in \(name)")
        }
    }

    @Test("A rejected row's email id is replaced too")
    func rejectedRows() throws {
        let folder = try Genbridge.temporaryFolder()
        let sample = try String(contentsOfFile: Genbridge.fixture("sample-survey.csv"), encoding: .utf8)
        let survey = folder.appendingPathComponent("with-ragged-row.csv")
        try
            (sample
            + "E9999,Zed Quux,zed.quux@example.com,Sales,L2,1999,E1381,Berlin,Yes,No,,2,4,2,4,2,2,3,4,2,1,4,4,1,x\n")
            .write(to: survey, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try Genbridge.run([
            "report", survey.path, "--config", try Self.idsByEmailConfig().path, "--pseudonymize", "--out", out.path,
        ])
        #expect(result.status == 0)
        let rejected = try String(contentsOf: out.appendingPathComponent("rejected.csv"), encoding: .utf8)
        #expect(rejected.contains(",ragged_row,") && rejected.contains("@pseudonym.invalid"), "\(rejected)")
        for (name, text) in try Self.outputs(out, standardOutput: result.standardOutput) {
            #expect(!text.contains("zed.quux") && !text.contains("Zed Quux"), "in \(name)")
        }
    }

    @Test("Ids that are not emails stay, so pairs can be traced back")
    func idsStay() throws {
        let out = try Genbridge.temporaryFolder()
        let result = try Genbridge.run([
            "report", Genbridge.fixture("sample-survey.csv"), "--pseudonymize", "--out", out.path, "--stdout", "none",
        ])
        #expect(result.status == 0)
        let pairs = try String(contentsOf: out.appendingPathComponent("pairings.csv"), encoding: .utf8)
        let first = try #require(pairs.split(separator: "\n").dropFirst().first)
        #expect(first.hasPrefix("E1"), "\(first)")
    }

    /// A pseudonymised `pairings.csv` names people identified by email by their pseudonyms;
    /// `--exclude-pairs` must still know them.
    @Test("A pseudonymised pairings.csv keeps its pairs from coming back")
    func roundTrip() throws {
        let config = try Self.idsByEmailConfig().path
        func pairs(excluding earlier: URL?) throws -> (Set<String>, URL) {
            let out = try Genbridge.temporaryFolder()
            var arguments = [
                "report", Genbridge.fixture("sample-survey.csv"), "--config", config, "--pseudonymize", "--out",
                out.path, "--stdout", "none",
            ]
            if let earlier { arguments += ["--exclude-pairs", earlier.appendingPathComponent("pairings.csv").path] }
            let result = try Genbridge.run(arguments)
            #expect(result.status == 0, "\(result.standardError)")
            let text = try String(contentsOf: out.appendingPathComponent("pairings.csv"), encoding: .utf8)
            let header = text.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
            let mentor = try #require(header.firstIndex(of: "mentor_id"))
            let mentee = try #require(header.firstIndex(of: "mentee_id"))
            let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            return (Set(rows.map { "\($0[mentor]) \($0[mentee])" }), out)
        }
        let (first, out) = try pairs(excluding: nil)
        let (again, _) = try pairs(excluding: nil)
        let (next, _) = try pairs(excluding: out)
        #expect(first.count == 25 && first.allSatisfy { $0.contains("@pseudonym.invalid") })
        #expect(again == first)
        #expect(first.isDisjoint(with: next), "\(first.intersection(next))")
        #expect(!next.isEmpty)
    }
}
