import Foundation
import Testing

@testable import Pairing

@Suite("Solver determinism")
struct SolverDeterminismTests {
    private func problem(_ seed: UInt64, _ objective: PairingObjective) -> PairingProblem {
        SolverTestProblems.survey(
            seed: seed, mentors: 160, mentees: 140, objective: objective, capacities: 1...2, forbiddenPerMentee: 4,
            departmentRule: seed % 2 == 0, locationRule: seed % 3 == 0)
    }

    @Test("Solving twice gives identical pairs", arguments: [PairingObjective.coverage, .score], [false, true])
    func twice(objective: PairingObjective, auction: Bool) throws {
        let p = problem(11, objective)
        let tuning = PairingSolver.Tuning(auction: auction)
        let first = try PairingSolver.solve(p, tuning: tuning)
        let second = try PairingSolver.solve(p, tuning: tuning)
        #expect(first.pairs == second.pairs)
        #expect(first.totalScoreMicros == second.totalScoreMicros)
        #expect(first.reach == second.reach)
    }

    @Test(
        "Columns and tight arcs made on two threads give the same pairs and prices as on one",
        arguments: [PairingObjective.coverage, .score], [UInt64(41), 42])
    func gatheredInTwo(objective: PairingObjective, seed: UInt64) throws {
        let p = problem(seed, objective)
        var one = SolverCertificateCheck.gatheredInTwo
        one.concurrentArcPassesFrom = .max
        let a = try PairingSolver.solveCertified(p, tuning: one)
        let b = try PairingSolver.solveCertified(p, tuning: SolverCertificateCheck.gatheredInTwo)
        #expect(a.solution.pairs == b.solution.pairs)
        #expect(a.mentorPrice == b.mentorPrice && a.menteeValue == b.menteeValue)
        SolverCertificateCheck.check(b)
    }

    @Test("Shuffled then sorted input gives identical pairs", arguments: [UInt64(21), 22, 23])
    func shuffledThenSorted(seed: UInt64) throws {
        let p = problem(seed, .coverage)
        // Give everyone an id, shuffle, sort back by id (as the business layer does), re-map exclusions.
        var rng = SolverTestRandom(seed: seed)
        let mentorOrder = Array(p.mentors.indices).shuffled(using: &rng)
        let menteeOrder = Array(p.mentees.indices).shuffled(using: &rng)
        let restoredMentors = mentorOrder.enumerated().sorted { $0.element < $1.element }.map { $0.offset }
        let restoredMentees = menteeOrder.enumerated().sorted { $0.element < $1.element }.map { $0.offset }
        let shuffledMentors = mentorOrder.map { p.mentors[$0] }
        let shuffledMentees = menteeOrder.map { p.mentees[$0] }
        var restored = p
        restored.mentors = restoredMentors.map { shuffledMentors[$0] }
        restored.mentees = restoredMentees.map { shuffledMentees[$0] }
        #expect(restored.mentors == p.mentors && restored.mentees == p.mentees)
        let a = try PairingSolver.solve(p)
        let b = try PairingSolver.solve(restored)
        #expect(a.pairs == b.pairs)
    }

    @Test("A shuffled input reaches the same optimum value", arguments: [PairingObjective.coverage, .score])
    func shuffledValue(objective: PairingObjective) throws {
        let p = problem(31, objective)
        var rng = SolverTestRandom(seed: 99)
        let mentorOrder = Array(p.mentors.indices).shuffled(using: &rng)
        let menteeOrder = Array(p.mentees.indices).shuffled(using: &rng)
        var mentorIndex = [Int](repeating: 0, count: p.mentors.count)
        for (new, old) in mentorOrder.enumerated() { mentorIndex[old] = new }
        var menteeIndex = [Int](repeating: 0, count: p.mentees.count)
        for (new, old) in menteeOrder.enumerated() { menteeIndex[old] = new }
        var shuffled = p
        shuffled.mentors = mentorOrder.map { p.mentors[$0] }
        shuffled.mentees = menteeOrder.map { p.mentees[$0] }
        shuffled.forbidden = CandidatePairList(
            p.forbidden.map { CandidatePair(mentor: mentorIndex[$0.mentor], mentee: menteeIndex[$0.mentee]) })
        let a = try PairingSolver.solve(p)
        let b = try PairingSolver.solve(shuffled)
        #expect(SolverOracle.value(p, a) == SolverOracle.value(shuffled, b))
    }
}
