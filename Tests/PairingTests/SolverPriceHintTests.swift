import Foundation
import Testing

@testable import Pairing

@Suite("Estimated prices from a sample")
struct SolverPriceHintTests {
    @Test("A sample keeps every k-th mentor and mentee and the forbidden pairs between them", arguments: [2, 3])
    func sample(every k: Int) {
        let problem = SolverTestProblems.survey(
            seed: 5, mentors: 31, mentees: 29, objective: .coverage, capacities: 1...3, forbiddenPerMentee: 6)
        let sample = SolverPriceHint.sample(problem, every: k)
        #expect(sample.mentors == stride(from: 0, to: 31, by: k).map { problem.mentors[$0] })
        #expect(sample.mentees == stride(from: 0, to: 29, by: k).map { problem.mentees[$0] })
        let expected = Set(
            problem.forbidden.filter { $0.mentor % k == 0 && $0.mentee % k == 0 }
                .map { CandidatePair(mentor: $0.mentor / k, mentee: $0.mentee / k) })
        #expect(sample.forbidden == expected)
        #expect(!expected.isEmpty)
        #expect(sample.weights == problem.weights && sample.objective == problem.objective)
    }

    /// With the whole problem as its own sample, the transform must give, for every mentor, the
    /// most any paired mentee `j` (held by `x`) would pay for it, `s_ij + u_x − s_xj`, over the
    /// mentees it can teach something (rules and exclusions ignored), and at least 0.
    @Test("Estimated prices equal the direct maximum over the sample's paired mentees", arguments: 0..<60)
    func pricesMatchDirectMaximum(seed: Int) throws {
        let objective: PairingObjective = seed % 2 == 0 ? .coverage : .score
        let problem =
            seed % 3 == 0
            ? SolverTestProblems.survey(
                seed: UInt64(seed), mentors: 40, mentees: 35, objective: objective, capacities: 1...2,
                forbiddenPerMentee: 3, weights: seed % 4 == 0 ? [1, 2, 0.5, 1, 3, 1, 1, 0.25] : nil)
            : SolverTestProblems.small(seed: UInt64(seed), objective: objective)
        let certified = try PairingSolver.solveCertified(problem, tuning: SolverCertificateCheck.columnGeneration)
        let instance = certified.instance
        guard let prices = SolverPriceHint.prices(instance, sample: certified, every: 1) else {
            Issue.record("no estimate for \(instance.toolCount) tools")
            return
        }
        for i in 0..<instance.mentorCount {
            var expected: Int64 = 0
            for (j, x) in certified.mentorOfMentee.enumerated() where x >= 0 {
                guard let gain = instance.score(mentor: i, mentee: j),
                    let held = instance.score(mentor: Int(x), mentee: j)
                else { continue }
                expected = max(expected, gain + certified.mentorPrice[Int(x)] - held)
            }
            #expect(prices[i] == expected, "mentor \(i)")
        }
    }

    @Test("No estimate when the profile table would be too large")
    func tooManyTools() throws {
        let problem = SolverTestProblems.survey(
            seed: 3, mentors: 30, mentees: 30, tools: 16, objective: .coverage, forbiddenPerMentee: 0)
        let certified = try PairingSolver.solveCertified(problem, tuning: SolverCertificateCheck.columnGeneration)
        #expect(certified.instance.toolCount > 13)
        #expect(SolverPriceHint.prices(certified.instance, sample: certified, every: 1) == nil)
    }

    @Test("A sampled solve is optimal, certified and repeatable on a survey-like problem")
    func sampledSurvey() throws {
        let problem = SolverTestProblems.survey(
            seed: 17, mentors: 420, mentees: 400, objective: .coverage, capacities: 1...2, forbiddenPerMentee: 5)
        var tuning = SolverCertificateCheck.sampled
        tuning.sampleEvery = 4
        let first = try PairingSolver.solveCertified(problem, tuning: tuning)
        let second = try PairingSolver.solveCertified(problem, tuning: tuning)
        let plain = try PairingSolver.solveCertified(problem, tuning: SolverCertificateCheck.columnGeneration)
        SolverCertificateCheck.check(first)
        SolverOracle.checkFeasible(problem, first.solution)
        #expect(SolverOracle.value(problem, first.solution) == SolverOracle.value(problem, plain.solution))
        #expect(first.solution.pairs == second.solution.pairs)
    }
}
