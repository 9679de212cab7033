import Foundation
import TestScratch
import Testing

@testable import Analysis
@testable import Ingest
@testable import Pairing

/// What `report` keeps while rows stream past — the score tally and the candidate pool — is the
/// same whether a file is read in one piece or in pieces on several threads (their `append`s put
/// the pieces together).
@Suite("Tally and pool: pieces put together as one")
struct ChunkedConsumersTests {
    /// 6,000 people: departments and locations first seen late in the file, a capacity too large
    /// for the compact form, blank answers, opt-outs, emails, managers (the first managed by the
    /// last, so the chains hold a cycle).
    static func survey() -> String {
        var random = SolverTestRandom(seed: 11)
        var lines = ["id,Name,Email,Department,Level,Manager,Location,Mentor,Mentee,Capacity,TikTok,Slack,Canva"]
        let departments = ["Sales", "HR", "R&D", "Legal", "Ops"]
        for row in 0..<6_000 {
            let department = row < 3_000 ? departments[row % 2] : departments[Int(random.next() % 5)]
            let location = row > 4_500 ? "Lagos" : (row % 3 == 0 ? "Berlin" : "Lima")
            let capacity = row == 5_000 ? "99999999999" : (row % 7 == 0 ? "2" : "")
            let answers = (0..<3).map { _ in random.next() % 9 == 0 ? "" : String(random.next() % 5) }
            lines.append(
                "E\(row),Person \(row),p\(row)@example.com,\(department),L\(row % 9 + 1),"
                    + "\(row > 0 ? "E\(random.next() % UInt64(row))" : "E5999"),\(location),"
                    + "\(row % 4 == 0 ? "no" : "yes"),\(row % 5 == 0 ? "no" : "yes"),\(capacity),"
                    + answers.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func read<Consumer: RespondentConsumer>(
        _ path: String, chunks: Int, as consumer: Consumer.Type = TallyAndPool<Candidates>.self
    ) -> (Survey, Consumer) {
        var options = IngestOptions()
        options.parallelChunks = chunks
        options.parallelMinimumBytes = chunks > 1 ? 1 : Int.max
        options.read.chunkSize = 4096
        return SurveyIngestor(options: options).ingest([InputSource(path: path)], consumer: consumer)
    }

    /// Everything the pool tells about each candidate and each respondent.
    static func describe(_ pool: CandidatePool) -> [String] {
        var lines: [String] = []
        pool.forEachCandidate { number, candidate in
            lines.append(
                "\(number) \(pool.id(number)) \(pool.name(number) ?? "-") \(pool.email(number) ?? "-") "
                    + "band \(candidate.bandKey) \(pool.department(number) ?? "-") \(pool.location(number) ?? "-") "
                    + "\(candidate.mentor) \(candidate.mentee) \(pool.capacity(number).map(String.init) ?? "-") "
                    + "\(pool.scores(number))")
        }
        for respondent in 0..<pool.respondentCount {
            let manager = pool.withManager(ofRespondent: respondent) { FieldText.string($0) }
            let id = pool.withID(ofRespondent: respondent) { FieldText.string($0) }
            lines.append("respondent \(respondent) \(id) manager \(manager)")
        }
        return lines
    }

    @Test("the same tally and the same pool, read in one piece or in 2, 3 and 5 pieces")
    func samePiecesOrNot() throws {
        let path = try Scratch.file(Array(Self.survey().utf8), name: "survey.csv", label: "pieces")
        let (survey, whole) = Self.read(path, chunks: 1)
        #expect(survey.problems.isEmpty && survey.rowsUsed == 6_000)
        for chunks in [2, 3, 5] {
            let (chunkedSurvey, chunked) = Self.read(path, chunks: chunks)
            #expect(chunkedSurvey.inputs.first?.chunks ?? 1 > 1, "\(chunks) pieces")
            #expect(chunked.tally.people == whole.tally.people, "\(chunks) pieces")
            #expect(chunked.tally.departments == whole.tally.departments, "\(chunks) pieces")
            #expect(chunked.tally.counts == whole.tally.counts, "\(chunks) pieces")
            #expect(Self.describe(chunked.pool) == Self.describe(whole.pool), "\(chunks) pieces")
        }
    }

    @Test("validate's tally and manager data: the same in pieces or not, no candidates, the same chains as report's")
    func managersInPieces() throws {
        let path = try Scratch.file(Array(Self.survey().utf8), name: "survey.csv", label: "pieces")
        let (_, report) = Self.read(path, chunks: 1)
        let reportCycles = ManagementChains(pool: report.pool).cycles
        #expect(reportCycles.count == 1)
        for chunks in [1, 3] {
            let (_, kept) = Self.read(path, chunks: chunks, as: TallyAndPool<PeopleOnly>.self)
            #expect(kept.pool.candidateCount == 0, "\(chunks) pieces")
            #expect(kept.tally.people == report.tally.people, "\(chunks) pieces")
            #expect(kept.tally.counts == report.tally.counts, "\(chunks) pieces")
            #expect(Self.describe(kept.pool) == Self.describe(report.pool).filter { $0.hasPrefix("respondent") })
            #expect(ManagementChains(pool: kept.pool).cycles == reportCycles, "\(chunks) pieces")
        }
    }
}
