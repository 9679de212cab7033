import Foundation
import Testing

@testable import Pairing

@Suite("Mentee reach")
struct SolverReachTests {
    @Test("Reach counts equal direct counting", arguments: 0..<60)
    func counts(seed: Int) throws {
        let problem = SolverTestProblems.small(
            seed: UInt64(5_000 + seed), objective: seed % 2 == 0 ? .coverage : .score)
        let reach = try PairingSolver.reach(problem)
        #expect(reach == (try PairingSolver.solve(problem)).reach)
        for j in problem.mentees.indices {
            let teachable = problem.mentors.indices.filter { SolverOracle.score(problem, mentor: $0, mentee: j) != nil }
            let afterRules = teachable.filter { SolverOracle.rulesAllow(problem, mentor: $0, mentee: j) }
            let allowed = afterRules.filter { !problem.forbidden.contains(CandidatePair(mentor: $0, mentee: j)) }
            let best = allowed.filter { problem.mentors[$0].capacity > 0 }
                .compactMap { SolverOracle.score(problem, mentor: $0, mentee: j) }.max()
            #expect(
                reach[j]
                    == MenteeReach(
                        teachableMentors: teachable.count, afterGroupRules: afterRules.count,
                        allowedMentors: allowed.count,
                        bestScoreMicros: best))
        }
    }
}
