import Testing
@testable import Pairing
@Test func probe() throws {
    var nonzero = 0, rounds = 0, withRounds = 0
    for seed in 0..<250 {
        for obj in [PairingObjective.coverage, .score] {
            let p = SolverTestProblems.small(seed: UInt64(obj == .coverage ? seed : 1000 + seed), objective: obj)
            let v = SolverOracle.bruteForce(p)
            if v.score > 0 || v.pairs > 0 { nonzero += 1 }
            let c = try PairingSolver.solveCertified(p, tuning: SolverCertificateCheck.starved)
            rounds += c.solution.statistics.pricingRounds
            if c.solution.statistics.pricingRounds > 0 { withRounds += 1 }
        }
    }
    print("PROBE nonzero \(nonzero)/500 rounds \(rounds) withRounds \(withRounds)")
}
