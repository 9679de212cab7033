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

    private func compare(_ problem: PairingProblem) throws {
        let expected = SolverOracle.bruteForce(problem)
        for tuning in [
            PairingSolver.Tuning(), SolverCertificateCheck.columnGeneration, SolverCertificateCheck.starved,
            SolverCertificateCheck.singles, SolverCertificateCheck.profiles, SolverCertificateCheck.eager,
            SolverCertificateCheck.cold, SolverCertificateCheck.warm,
        ] {
            let certified = try PairingSolver.solveCertified(problem, tuning: tuning)
            SolverOracle.checkFeasible(problem, certified.solution)
            #expect(SolverOracle.value(problem, certified.solution) == expected)
            SolverCertificateCheck.check(certified)
        }
    }
}
