import Foundation
import Testing

@testable import Ingest
@testable import Pairing

/// Management chains and the pairs they forbid on a survey large enough that both are worked out
/// on every core, checked against a plain walk of the manager column.
@Suite("Management chains at scale")
struct ManagementChainsScaleTests {
    /// 80,000 people: managers named by id or (in other case) by email, some outside the survey,
    /// a cycle, blank managers; juniors (L1) and seniors (L9), some opted out.
    static func survey() -> (csv: String, managerOf: [String: String], emailOf: [String: String]) {
        var random = SolverTestRandom(seed: 7)
        var lines = ["id,Email,Level,Manager,Mentor,Mentee,TikTok"]
        var managerOf: [String: String] = [:]
        var emailOf: [String: String] = [:]
        let count = 80_000
        for index in 0..<count {
            let id = "P\(index)"
            let email = "p\(index)@example.com"
            emailOf[email] = id
            var manager = ""
            switch random.next() % 10 {
            case 0: manager = ""
            case 1: manager = "outside-\(index)"
            case 2 where index > 0: manager = "P\(Int(random.next() % UInt64(index)))@EXAMPLE.com"
            default: if index > 0 { manager = "P\(Int(random.next() % UInt64(index)))" }
            }
            if index == 10 { manager = "P12" }
            if index == 12 { manager = "P10" }
            if !manager.isEmpty { managerOf[id] = manager }
            let level = random.next() % 2 == 0 ? "L1" : "L9"
            let mentor = random.next() % 5 == 0 ? "no" : "yes"
            lines.append("\(id),\(email),\(level),\(manager),\(mentor),\(mentor),\(random.next() % 5)")
        }
        return (lines.joined(separator: "\n") + "\n", managerOf, emailOf)
    }

    @Test("every chain and every forbidden pair is what a plain walk finds")
    func chainsAndForbiddenPairs() throws {
        let (csv, managerOf, emailOf) = Self.survey()
        let run = try MentoringPlannerTests.run(csv: csv)
        let pool = run.pool
        let chains = ManagementChains(pool: pool)
        #expect(chains.cycles == [["P10", "P12"]])

        // The plain walk: a manager value is an id, else an email (any case), else nothing.
        func manager(of id: String) -> String? {
            guard let value = managerOf[id] else { return nil }
            if value.hasPrefix("P"), !value.contains("@") { return value }
            return emailOf[value.lowercased()]
        }
        func above(_ id: String) -> [String] {
            var chain: [String] = []
            var current = id
            while let next = manager(of: current), next != id, !chain.contains(next) {
                chain.append(next)
                current = next
            }
            return chain
        }
        var checked = 0
        for respondent in stride(from: 0, to: pool.respondentCount, by: 7) {
            let id = pool.withID(ofRespondent: respondent) { FieldText.string($0) }
            let found = chains.managers(of: chains.node(ofRespondent: respondent)).map {
                pool.withID(ofRespondent: $0) { FieldText.string($0) }
            }
            #expect(found == above(id), "chain of \(id)")
            checked += 1
        }
        #expect(checked > 10_000)

        // Forbidden pairs: mentor and mentee candidates as the planner takes them (L1 mentors, L9 mentees).
        var mentors: [Int] = []
        var mentees: [Int] = []
        pool.forEachCandidate { number, candidate in
            let level = run.respondents[Int(candidate.respondent)].bandKey
            let band = run.survey.bandOfKey[level]
            if candidate.mentor, band == 0 { mentors.append(number) }
            if candidate.mentee, band == run.survey.bands.count - 1 { mentees.append(number) }
        }
        var forbidden = ForbiddenPairs(mentors: mentors, mentees: mentees, pool: pool, chains: chains, excluded: [])
        var expected = Set<CandidatePair>()
        let menteeIndex = Dictionary(uniqueKeysWithValues: mentees.enumerated().map { (pool.id($1), $0) })
        let mentorIndex = Dictionary(uniqueKeysWithValues: mentors.enumerated().map { (pool.id($1), $0) })
        for (index, number) in mentors.enumerated() {
            for id in above(pool.id(number)) {
                if let mentee = menteeIndex[id] { expected.insert(CandidatePair(mentor: index, mentee: mentee)) }
            }
        }
        for (index, number) in mentees.enumerated() {
            for id in above(pool.id(number)) {
                if let mentor = mentorIndex[id] { expected.insert(CandidatePair(mentor: mentor, mentee: index)) }
            }
        }
        #expect(mentors.count > 20_000 && mentees.count > 20_000)
        #expect(expected.count > 10_000)
        #expect(forbidden.count == expected.count)
        let wrong = Set(forbidden.takeAll()).symmetricDifference(expected)
        #expect(wrong.isEmpty, "\(wrong.count) pairs differ, e.g. \(wrong.sorted().prefix(3))")
    }
}
