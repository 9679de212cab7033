import Foundation
import Testing

@testable import Pairing

/// The direct pricing's two scans of a group's mentors (packed words, digit rows) must agree
/// exactly: same arcs in the same order, same best scores and reach, in both modes.
@Suite("Direct pricing: packed and digit scans agree")
struct SolverGroupPricingTests {
    private func problems(seed: Int) -> [PairingProblem] {
        let s = UInt64(seed)
        return [
            SolverProfilePricingTests.problem(seed: 31_000 + s),
            SolverTestProblems.survey(
                seed: 32_000 + s, mentors: 90, mentees: 60, tools: 6 + seed % 10,
                objective: seed % 2 == 0 ? .coverage : .score, capacities: 0...2,
                departmentRule: seed % 3 == 0, locationRule: seed % 4 < 2),
        ]
    }

    private func expectSame(_ a: SolverPricing.Output, _ b: SolverPricing.Output, _ label: String) {
        #expect(a.pickCount == b.pickCount, "\(label): pick counts")
        #expect(a.picks == b.picks, "\(label): picks")
        #expect(a.best == b.best, "\(label): best scores")
        #expect(a.reach == b.reach, "\(label): reach")
    }

    @Test("Seed and pricing runs give identical output", arguments: 0..<60)
    func identical(seed: Int) throws {
        for (index, problem) in problems(seed: seed).enumerated() {
            let instance = try SolverInstance(problem)
            let groups = SolverMenteeGroups(instance)
            let packed = SolverGroupPricing(instance, groups: groups)
            let digits = SolverGroupPricing(instance, groups: groups, packed: false)
            let packable = instance.mentorCount > 0 && instance.toolCount <= SolverGroupPricing.packedToolLimit
            #expect(packed.mentorWord.isEmpty != packable)
            #expect(digits.mentorWord.isEmpty)
            let seedRun = SolverPricing.Mode.seed(perMentee: 4, perCode: 2)
            let seedOutput = packed.run(seedRun)
            expectSame(seedOutput, digits.run(seedRun), "problem \(index), seed")

            // Prices and values that leave some pairs violating and others not, with ties.
            var rng = SolverTestRandom(seed: UInt64(33_000 + seed * 2 + index))
            let top = instance.bonus + instance.maxPairScore
            let price = (0..<instance.mentorCount).map { _ in rng.chance(0.4) ? 0 : Int64(rng.int(0...Int(top))) }
            let value = (0..<instance.menteeCount).map { _ in Int64(rng.int(0...Int(top))) }
            let priceRun = SolverPricing.Mode.price(
                perMentee: 3, perCode: 1, mentorPrice: price, menteeValue: value, best: seedOutput.best)
            expectSame(packed.run(priceRun), digits.run(priceRun), "problem \(index), pricing")
        }
    }
}
