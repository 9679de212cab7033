import Foundation
import Testing

@testable import Pairing

/// The structured solver against a plain Hungarian method on the expanded matrix, on survey-like
/// problems of a few hundred people (too big for brute force, small enough for O(n²·m)).
@Suite("Solver against a plain Hungarian method")
struct SolverCrossCheckTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var seed: UInt64
        var mentors: Int
        var mentees: Int
        var objective: PairingObjective
        var capacities: ClosedRange<Int>
        var rules: Bool
        var weights: [Double]?
        var testDescription: String {
            "\(mentors)×\(mentees) \(objective.rawValue) capacity \(capacities) rules \(rules) seed \(seed)"
        }
    }

    static let cases: [Case] = [
        Case(seed: 1, mentors: 300, mentees: 300, objective: .coverage, capacities: 1...1, rules: false, weights: nil),
        Case(seed: 2, mentors: 300, mentees: 300, objective: .score, capacities: 1...1, rules: false, weights: nil),
        Case(seed: 3, mentors: 150, mentees: 260, objective: .coverage, capacities: 1...3, rules: true, weights: nil),
        Case(
            seed: 4, mentors: 220, mentees: 180, objective: .score, capacities: 0...2, rules: true,
            weights: [1, 0.35, 2, 0, 1.25, 1, 0.5, 3]),
        Case(
            seed: 5, mentors: 120, mentees: 300, objective: .coverage, capacities: 2...4, rules: false,
            weights: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]),
        // Scores beyond 32 bits: the arcs keep them in 64 (see `everyScoreWidth`).
        Case(
            seed: 6, mentors: 150, mentees: 200, objective: .coverage, capacities: 1...2, rules: true,
            weights: Self.wideWeights),
        // Scores beyond 16 bits: the arcs keep them in 32.
        Case(
            seed: 7, mentors: 200, mentees: 200, objective: .score, capacities: 1...2, rules: true,
            weights: [10, 0.001, 1, 2, 0.5, 1, 3, 1]),
    ]

    static let wideWeights: [Double] = [1_000_000, 0.000001, 2, 1, 0.5, 1, 3, 1]

    @Test("The seed's and the hint's changed rows put together: ascending, each once")
    func dirtyRowsUnion() {
        #expect(PairingSolver.union([1, 4, 7], [0, 4, 5, 9]) == [0, 1, 4, 5, 7, 9])
        #expect(PairingSolver.union([], [2, 3]) == [2, 3] && PairingSolver.union([2], []) == [2])
        #expect(PairingSolver.union([3, 8], [3, 8]) == [3, 8])
    }

    @Test("The cases store arc scores in each width: 8, 16, 32 and 64 bits")
    func everyScoreWidth() throws {
        var widths = Set<Int>()
        for c in Self.cases {
            let problem = SolverTestProblems.survey(
                seed: c.seed, mentors: c.mentors, mentees: c.mentees, objective: c.objective,
                capacities: c.capacities, forbiddenPerMentee: 5, departmentRule: c.rules, locationRule: c.rules,
                weights: c.weights)
            widths.insert(PairingSolver.scoreBits(maxPairScore: try SolverInstance(problem).maxPairScore))
        }
        #expect(widths == [8, 16, 32, 64])
        #expect(PairingSolver.scoreBits(maxPairScore: 127) == 8 && PairingSolver.scoreBits(maxPairScore: 128) == 16)
        #expect(PairingSolver.scoreBits(maxPairScore: 32_768) == 32)
        #expect(PairingSolver.scoreBits(maxPairScore: Int64(Int32.max) + 1) == 64)
    }

    @Test("Same optimum as the Hungarian method, with a valid certificate", arguments: cases)
    func crossCheck(_ c: Case) throws {
        let problem = SolverTestProblems.survey(
            seed: c.seed, mentors: c.mentors, mentees: c.mentees, objective: c.objective, capacities: c.capacities,
            forbiddenPerMentee: 5, departmentRule: c.rules, locationRule: c.rules, weights: c.weights)
        let expected = SolverOracle.hungarian(problem)
        #expect(expected.score > 0)
        for tuning in [
            PairingSolver.Tuning(), PairingSolver.Tuning(auction: true), SolverCertificateCheck.starved,
            SolverCertificateCheck.singles, SolverCertificateCheck.profiles, SolverCertificateCheck.eager,
            SolverCertificateCheck.cold, SolverCertificateCheck.warm, SolverCertificateCheck.sampled,
            SolverCertificateCheck.sampledThirds, SolverCertificateCheck.sampledFromZero,
            SolverCertificateCheck.gatheredInTwo, SolverCertificateCheck.labelledRepairs,
            SolverCertificateCheck.phasedRepairs,
        ] {
            let certified = try PairingSolver.solveCertified(problem, tuning: tuning)
            SolverOracle.checkFeasible(problem, certified.solution)
            #expect(SolverOracle.value(problem, certified.solution) == expected)
            SolverCertificateCheck.check(certified)
        }
    }
}
