import Foundation
import TestScratch
import Testing

@testable import Ingest
@testable import Pairing

/// The candidate pool as `report` fills it: from rows streamed by the ingest stage.
@Suite("Candidate pool")
struct CandidatePoolTests {
    static func pool(_ csv: String) throws -> CandidatePool {
        let path = try Scratch.file(Array(csv.utf8), name: "survey.csv", label: "pool")
        let (survey, pool) = SurveyIngestor(options: IngestOptions()).ingest(
            [InputSource(path: path)], consumer: CandidatePool.self)
        #expect(survey.problems.isEmpty)
        return pool
    }

    static let header = "id,Email,Level,Manager,Mentor,Mentee,TikTok\n"

    @Test("no manager named by email: only candidates' emails are kept, chains are unchanged")
    func emailsOfCandidatesOnly() throws {
        let pool = try Self.pool(
            Self.header + "boss,boss@example.com,L9,,no,no,0\nkid,kid@example.com,L1,boss,yes,no,4\n"
                + "mid,mid@example.com,L5,boss,no,no,2\n")
        #expect(pool.candidateCount == 1)
        #expect(pool.email(0) == "kid@example.com")
        #expect(pool.emails.isEmpty(0) && pool.emails.isEmpty(2))
        let chains = ManagementChains(pool: pool)
        #expect(chains.managers(of: chains.node(ofRespondent: 1)) == [0])
    }

    @Test("a manager named by email keeps everyone's email, so the chain is followed")
    func emailsKeptForChains() throws {
        let pool = try Self.pool(
            Self.header + "boss,Boss@Example.com,L9,,no,no,0\nkid,kid@example.com,L1,BOSS@example.com,yes,no,4\n")
        #expect(!pool.emails.isEmpty(0))
        let chains = ManagementChains(pool: pool)
        #expect(chains.managers(of: chains.node(ofRespondent: 1)) == [0])
    }

    @Test("an email without @ could be a manager value: everyone's email is kept")
    func oddEmailsKept() throws {
        let pool = try Self.pool(
            Self.header + "boss,head-office,L9,,no,no,0\nkid,kid@example.com,L1,HEAD-OFFICE,yes,no,4\n")
        #expect(!pool.emails.isEmpty(0))
        let chains = ManagementChains(pool: pool)
        #expect(chains.managers(of: chains.node(ofRespondent: 1)) == [0])
    }

    @Test("keeping some candidates numbers them anew, in order, with their names, scores and capacities")
    func keepCandidates() throws {
        var pool = try Self.pool(
            "id,Name,Email,Level,Manager,Mentor,Mentee,Capacity,TikTok,Slack\n"
                + "a,Ann,a@example.com,L1,c,yes,no,2,4,1\n" + "b,Bob,b@example.com,L5,c,yes,yes,,3,3\n"
                + "c,Cy,c@example.com,L9,,no,yes,99999999999,0,4\n" + "d,Di,d@example.com,L1,,yes,no,,1,2\n")
        #expect(pool.candidateCount == 4)
        pool.keepCandidates { $0.respondent != 1 }
        #expect(pool.candidateCount == 3)
        #expect((0..<3).map(pool.id) == ["a", "c", "d"])
        #expect((0..<3).map(pool.name) == ["Ann", "Cy", "Di"])
        #expect((0..<3).map(pool.email) == ["a@example.com", "c@example.com", "d@example.com"])
        #expect((0..<3).map(pool.scores) == [[4, 1], [0, 4], [1, 2]])
        #expect((0..<3).map(pool.capacity) == [2, 99_999_999_999, nil])
        #expect(pool.emails.isEmpty(1))
        let chains = ManagementChains(pool: pool)
        #expect(chains.managers(of: chains.node(ofRespondent: 1)) == [2])
    }

    @Test("letting everyone's texts go keeps each candidate's id, email and id order, in one piece or in parts")
    func candidateTextsOnly() throws {
        let path = try Scratch.file(Array(ChunkedConsumersTests.survey().utf8), name: "survey.csv", label: "texts")
        for chunks in [1, 3] {
            var pool = ChunkedConsumersTests.read(path, chunks: chunks).1.pool
            if chunks == 1 { pool.keepCandidates { $0.respondent % 3 != 0 } }
            func shown(_ pool: CandidatePool) -> [String] {
                (0..<pool.candidateCount).map { "\(pool.id($0)) \(pool.email($0) ?? "-") \(pool.name($0) ?? "-")" }
            }
            let before = shown(pool)
            let respondents = pool.respondentCount
            let order = (0..<pool.candidateCount).sorted { pool.idPrecedes($0, $1) }
            pool.keepCandidateTextsOnly()
            #expect(pool.textsByCandidate)
            #expect(shown(pool) == before, "\(chunks) pieces")
            #expect(pool.respondentCount == respondents)
            #expect((0..<pool.candidateCount).sorted { pool.idPrecedes($0, $1) } == order)
            #expect(pool.ids.count == pool.candidateCount && pool.emails.count == pool.candidateCount)
            #expect(pool.managers.count == 0)
        }
    }

    @Test("a stashed pool lets its arrays go and comes back whole, in one piece or in parts, texts let go or not")
    func stashRoundTrip() throws {
        let path = try Scratch.file(Array(ChunkedConsumersTests.survey().utf8), name: "survey.csv", label: "stash")
        for chunks in [1, 3] {
            for textsOnly in [false, true] {
                var pool = ChunkedConsumersTests.read(path, chunks: chunks).1.pool
                if textsOnly { pool.keepCandidateTextsOnly() }
                func shown(_ pool: CandidatePool) -> [String] {
                    (0..<pool.candidateCount).map { n in
                        let texts = "\(pool.id(n)) \(pool.email(n) ?? "-") \(pool.name(n) ?? "-")"
                        let place = "\(pool.department(n) ?? "-") \(pool.location(n) ?? "-")"
                        return
                            "\(texts) \(place) \(pool.candidate(n)) \(Array(pool.scores(n))) \(pool.capacity(n) ?? -1)"
                    }
                }
                func managers(_ pool: CandidatePool) -> [String] {
                    textsOnly
                        ? []
                        : (0..<pool.respondentCount).map { pool.withManager(ofRespondent: $0) { FieldText.string($0) } }
                }
                let before = shown(pool)
                let managersBefore = managers(pool)
                #expect(before.count > 10)
                let file = try #require(ScratchFile())
                let stashed = pool.stash(in: file)
                #expect(stashed)
                #expect(pool.isStashed)
                #expect(pool.ids.count == 0 && pool.emails.count == 0, "the arrays are let go while stashed")
                let unstashed = pool.unstash(from: file)
                #expect(unstashed)
                #expect(!pool.isStashed)
                #expect(shown(pool) == before, "\(chunks) pieces, texts only: \(textsOnly)")
                #expect(managers(pool) == managersBefore)
            }
        }
    }

    @Test("a pool whose scratch file cannot give its arrays back stays stashed, and says so")
    func unstashFails() throws {
        let path = try Scratch.file(Array(ChunkedConsumersTests.survey().utf8), name: "survey.csv", label: "unstash")
        var pool = ChunkedConsumersTests.read(path, chunks: 1).1.pool
        pool.keepCandidateTextsOnly()
        let firstID = pool.id(0)
        let file = try #require(ScratchFile())
        let stashed = pool.stash(in: file)
        #expect(stashed)
        // Another (empty) file holds none of the places the pool was written to.
        let empty = try #require(ScratchFile())
        let fromEmpty = pool.unstash(from: empty)
        #expect(!fromEmpty)
        #expect(pool.isStashed)
        let fromOwn = pool.unstash(from: file)
        #expect(fromOwn && !pool.isStashed)
        #expect(pool.id(0) == firstID)
    }
}
