import Foundation
import Testing

@testable import Pairing

/// The direct pricing's two scans of a group's mentors (packed words, digit rows) must agree
/// exactly: same arcs in the same order, same best scores, in both modes; and groups
/// priced from a larger group's scan must get exactly the violating arcs, as on their own.
@Suite("Direct pricing: packed and digit scans agree, served groups stay exact")
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
    }

    @Test("A mask's bits gathered by table are those gathered one position at a time")
    func bitGather() {
        var generator = SolverTestRandom(seed: 7)
        for trial in 0..<300 {
            // Ascending positions anywhere in 0..<64, from none to many.
            let positions = (0..<64).filter { _ in generator.next() % UInt64(2 + trial % 9) == 0 }
            let gather = BitGather(positions)
            for _ in 0..<20 {
                let mask = generator.next()
                var expected = 0
                for (k, position) in positions.enumerated() where mask >> UInt64(position) & 1 != 0 {
                    expected |= 1 << k
                }
                #expect(gather(mask) == expected, "positions \(positions), mask \(mask)")
            }
        }
        #expect(BitGather([])(UInt64.max) == 0)
        #expect(BitGather([0, 9, 63])(1 << 63 | 1 << 9 | 1 << 8) == 0b110)
    }

    @Test("Seed and pricing runs give identical output", arguments: 0..<60)
    func identical(seed: Int) throws {
        for (index, problem) in problems(seed: seed).enumerated() {
            let instance = try SolverInstance(problem)
            let groups = SolverMenteeGroups(instance)
            let packed = SolverGroupPricing(instance, groups: groups, serving: false)
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

    /// 40 survey-like problems (objectives, rules and tool counts varied) with their direct
    /// pricing, numbered from `firstSeed`; expects that some groups are served.
    private func servedProblems(
        firstSeed: UInt64, _ body: (Int, SolverInstance, SolverGroupPricing) throws -> Void
    ) throws {
        var servedGroups = 0
        for seed in 0..<40 {
            let problem = SolverTestProblems.survey(
                seed: firstSeed + UInt64(seed), mentors: 70, mentees: 140, tools: 6 + seed % 5,
                objective: seed % 2 == 0 ? .coverage : .score, capacities: 0...2, departmentRule: seed % 3 == 0,
                locationRule: seed % 4 == 0)
            let instance = try SolverInstance(problem)
            let groups = SolverMenteeGroups(instance)
            let pricing = SolverGroupPricing(instance, groups: groups)
            servedGroups += groups.count - pricing.roots.count
            try body(seed, instance, pricing)
        }
        #expect(servedGroups > 0, "no group was served: the test does not exercise serving")
    }

    @Test("Served groups: a pick exactly where a violating pair exists, only violating picks")
    func served() throws {
        try servedProblems(firstSeed: 34_000) { seed, instance, pricing in
            var rng = SolverTestRandom(seed: UInt64(35_000 + seed))
            let top = Int(instance.bonus + instance.maxPairScore)
            // Values near the top, so that only some pairs violate.
            let u = (0..<instance.mentorCount).map { _ in Int64(rng.chance(0.5) ? 0 : rng.int(0...top / 8)) }
            let v = (0..<instance.menteeCount).map { _ in Int64(rng.int(top * 3 / 4...top)) }
            let best = pricing.run(.seed(perMentee: 1, perCode: 1)).best
            for perCode in [1, 2] {
                let output = pricing.run(
                    .price(perMentee: 5, perCode: perCode, mentorPrice: u, menteeValue: v, best: best))
                for j in 0..<instance.menteeCount {
                    let violating = Set(
                        (0..<instance.mentorCount).filter { i in
                            instance.profit(mentor: i, mentee: j).map { $0 - u[i] - v[j] > 0 } ?? false
                        })
                    let picks = (0..<Int(output.pickCount[j])).map { Int(output.picks[j * output.perMentee + $0]) }
                    #expect(picks.isEmpty == violating.isEmpty, "seed \(seed), mentee \(j)")
                    #expect(Set(picks).isSubset(of: violating), "seed \(seed), mentee \(j)")
                    #expect(Set(picks).count == picks.count, "seed \(seed), mentee \(j)")
                }
            }
        }
    }

    @Test("Served groups in the seed: best scores as brute force, usable distinct arcs for everyone")
    func servedSeed() throws {
        try servedProblems(firstSeed: 36_000) { seed, instance, pricing in
            let output = pricing.run(.seed(perMentee: 4, perCode: 2))
            for j in 0..<instance.menteeCount {
                let allowed = (0..<instance.mentorCount).filter { i in
                    instance.mentorCapacity[i] > 0 && instance.groupRulesAllow(mentor: i, mentee: j)
                        && !instance.isForbidden(mentor: i, mentee: j) && instance.score(mentor: i, mentee: j) != nil
                }
                let best = allowed.compactMap { instance.score(mentor: $0, mentee: j) }.max()
                #expect(output.best[j] == best, "seed \(seed), mentee \(j)")
                let picks = (0..<Int(output.pickCount[j])).map { Int(output.picks[j * output.perMentee + $0]) }
                #expect(picks.allSatisfy { instance.profit(mentor: $0, mentee: j) != nil }, "seed \(seed), mentee \(j)")
                #expect(Set(picks).count == picks.count, "seed \(seed), mentee \(j)")
                let usable = allowed.contains { instance.profit(mentor: $0, mentee: j) != nil }
                #expect(picks.isEmpty != usable, "seed \(seed), mentee \(j)")
            }
        }
    }

    /// The seed with estimated prices (`SolverGroupPricing.seed`) scans once for two outputs: its
    /// hinted picks must be exactly those of a separate `tiesOnly` pricing run at those prices,
    /// and its seed must still find every best score and give usable, distinct arcs.
    @Test("Seed with estimated prices: the hinted picks as a separate run, the seed still sound")
    func hintedSeed() throws {
        try servedProblems(firstSeed: 37_000) { seed, instance, pricing in
            var rng = SolverTestRandom(seed: UInt64(38_000 + seed))
            let top = Int(instance.maxPairScore)
            // Estimated prices with many ties, as a sample's are.
            let hint = (0..<instance.mentorCount).map { _ in Int64(rng.chance(0.5) ? 0 : rng.int(0...top)) }
            let zero = [Int64](repeating: 0, count: instance.menteeCount)
            let digits = SolverGroupPricing(instance, groups: pricing.groups, packed: false)
            for (label, run) in [("packed", pricing), ("digits", digits)] {
                let (seedOutput, hinted) = run.seed(
                    perMentee: 4, perCode: 2, hinted: .init(price: hint, perMentee: 5, perCode: 2))
                let plain = run.run(.seed(perMentee: 4, perCode: 2))
                #expect(seedOutput.best == plain.best, "seed \(seed), \(label): best scores")
                let separate = run.run(
                    .price(
                        perMentee: 5, perCode: 2, mentorPrice: hint, menteeValue: zero, best: plain.best,
                        tiesOnly: true))
                expectSame(hinted, separate, "seed \(seed), \(label), hinted picks")
                #expect(hinted.totalPicks > 0, "seed \(seed), \(label): no hinted picks")
                for j in 0..<instance.menteeCount {
                    let picks = (0..<Int(seedOutput.pickCount[j])).map {
                        Int(seedOutput.picks[j * seedOutput.perMentee + $0])
                    }
                    let usable = (0..<instance.mentorCount).contains {
                        instance.mentorCapacity[$0] > 0 && instance.profit(mentor: $0, mentee: j) != nil
                    }
                    #expect(picks.allSatisfy { instance.profit(mentor: $0, mentee: j) != nil }, "seed \(seed), \(j)")
                    #expect(Set(picks).count == picks.count, "seed \(seed), mentee \(j)")
                    #expect(picks.isEmpty != usable, "seed \(seed), \(label), mentee \(j)")
                }
            }
        }
    }
}
