import Foundation
import Testing

@testable import Pairing

@Suite("Solver against exhaustive search")
struct SolverBruteForceTests {
    @Test("Coverage optimum equals brute force on small random problems", arguments: 0..<250)
    func coverage(seed: Int) throws {
        try compare(SolverTestProblems.small(seed: UInt64(seed), objective: .coverage))
    }

    @Test("Score optimum equals brute force on small random problems", arguments: 0..<250)
    func score(seed: Int) throws {
        try compare(SolverTestProblems.small(seed: UInt64(1_000 + seed), objective: .score))
    }

    @Test(
        "Weights far apart (a wide score range, codes ordered by comparison) still give the optimum", arguments: 0..<60)
    func wideWeights(seed: Int) throws {
        var problem = SolverTestProblems.small(
            seed: UInt64(2_000 + seed), objective: seed.isMultiple(of: 2) ? .coverage : .score)
        // 1,000 and 0.001 alternate: with both kept, one pair can score millions of units.
        problem.weights = problem.weights.indices.map { ($0 + seed).isMultiple(of: 2) ? 1_000 : 0.001 }
        let instance = try SolverInstance(problem)
        if Set(instance.weight).count > 1 {
            #expect(instance.maxPairScore > SolverGroupPricing.countingSortLimit)
        }
        // The seed's best score per mentee comes from its codes in score order.
        let seeded = SolverPricing(instance, profiles: false).run(.seed(perMentee: 2, perCode: 1))
        for j in 0..<instance.menteeCount {
            let best = (0..<instance.mentorCount).compactMap { i -> Int64? in
                guard instance.mentorCapacity[i] > 0, instance.groupRulesAllow(mentor: i, mentee: j),
                    !instance.isForbidden(mentor: i, mentee: j)
                else { return nil }
                return instance.score(mentor: i, mentee: j)
            }.max()
            #expect(seeded.best[j] == best, "mentee \(j)")
        }
        try compare(problem)
    }

    private func compare(_ problem: PairingProblem) throws {
        let expected = SolverOracle.bruteForce(problem)
        for tuning in [
            PairingSolver.Tuning(), SolverCertificateCheck.columnGeneration, SolverCertificateCheck.starved,
            SolverCertificateCheck.singles, SolverCertificateCheck.profiles, SolverCertificateCheck.eager,
            SolverCertificateCheck.cold, SolverCertificateCheck.warm, SolverCertificateCheck.sampled,
            SolverCertificateCheck.sampledThirds, SolverCertificateCheck.sampledFromZero,
        ] {
            let certified = try PairingSolver.solveCertified(problem, tuning: tuning)
            SolverOracle.checkFeasible(problem, certified.solution)
            #expect(SolverOracle.value(problem, certified.solution) == expected)
            SolverCertificateCheck.check(certified)
        }
    }
}
