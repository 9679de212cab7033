import Foundation
import Testing

@testable import Pairing

/// The profile transform and the pricing built on it, against brute force over every pair.
@Suite("Profile pricing against brute force")
struct SolverProfilePricingTests {
    /// Small random problems, varied beyond `SolverTestProblems.small`: sometimes many tools (so
    /// the table is too large and pricing falls back), capacity 0 and above 1, zero and
    /// fractional weights, rules and exclusions.
    static func problem(seed: UInt64) -> PairingProblem {
        var rng = SolverTestRandom(seed: seed)
        var p = SolverTestProblems.small(seed: seed, objective: rng.chance(0.5) ? .coverage : .score)
        if rng.chance(0.25) {
            // 15–17 tools: 3^15 and more cells, beyond the table limit.
            let tools = rng.int(15...17)
            let weights: [Double] = [0, 1, 2, 0.5]
            p.weights = (0..<tools).map { _ in weights[rng.int(0...3)] }
            func scores(high: Bool) -> [Int8] {
                (0..<tools).map { _ in
                    if rng.chance(0.1) { return -1 }
                    let (a, b) = (rng.int(0...4), rng.int(0...4))
                    return Int8(high ? max(a, b) : min(a, b))
                }
            }
            for i in p.mentors.indices { p.mentors[i].scores = scores(high: true) }
            for j in p.mentees.indices { p.mentees[j].scores = scores(high: false) }
        }
        return p
    }

    /// Best allowed score per mentee over mentors of positive capacity, straight from the rules.
    private func bruteBest(_ problem: PairingProblem, _ instance: SolverInstance) -> [Int64?] {
        (0..<instance.menteeCount).map { j in
            (0..<instance.mentorCount).compactMap { i -> Int64? in
                guard instance.mentorCapacity[i] > 0, instance.groupRulesAllow(mentor: i, mentee: j),
                    !instance.isForbidden(mentor: i, mentee: j)
                else { return nil }
                return instance.score(mentor: i, mentee: j)
            }.max()
        }
    }

    @Test("Seed: best scores and reach equal brute force, every seed arc is usable", arguments: 0..<200)
    func seed(seed: Int) throws {
        let problem = Self.problem(seed: UInt64(7_000 + seed))
        let instance = try SolverInstance(problem)
        let best = bruteBest(problem, instance)
        for pricing in [SolverPricing(instance), SolverPricing(instance, profiles: false)] {
            let output = pricing.run(.seed(perMentee: 3, perCode: 1))
            #expect(output.best == best)
            let reach = pricing.reach(best: output.best)
            for j in 0..<instance.menteeCount {
                for k in 0..<Int(output.pickCount[j]) {
                    let i = Int(output.picks[j * output.perMentee + k])
                    #expect(instance.profit(mentor: i, mentee: j) != nil, "seed arc (\(i), \(j)) is not usable")
                }
                #expect(reach[j].bestScoreMicros == best[j].map { $0 * instance.scoreUnitMicros })
            }
        }
        #expect(
            try PairingSolver.reach(problem).map(\.teachableMentors)
                == problem.mentees.indices.map { j in
                    problem.mentors.indices.filter { SolverOracle.score(problem, mentor: $0, mentee: j) != nil }.count
                })
    }

    /// Prices on both sides around the profits, so about half of the pairs violate; sometimes
    /// scaled, with a slack.
    private func randomDuals(
        _ instance: SolverInstance, seed: Int
    ) -> (scale: Int64, slack: Int64, u: [Int64], v: [Int64]) {
        var rng = SolverTestRandom(seed: UInt64(seed))
        let top = instance.bonus + instance.maxPairScore
        let scale: Int64 = rng.chance(0.3) ? 3 : 1
        let slack: Int64 = scale == 1 ? 0 : Int64(rng.int(0...2))
        let u = (0..<instance.mentorCount).map { _ in scale * Int64(rng.int(0...Int(top))) }
        let v = (0..<instance.menteeCount).map { _ in scale * Int64(rng.int(0...Int(top))) }
        return (scale, slack, u, v)
    }

    @Test("Pricing finds a violating arc exactly where one exists, and only violating arcs", arguments: 0..<300)
    func price(seed: Int) throws {
        let problem = Self.problem(seed: UInt64(9_000 + seed))
        let instance = try SolverInstance(problem)
        let (scale, slack, u, v) = randomDuals(instance, seed: seed)
        let best = bruteBest(problem, instance)
        for pricing in [
            SolverPricing(instance), SolverPricing(instance, profiles: false),
            SolverPricing(instance, keysPerMentee: 3),
        ] {
            let output = pricing.run(
                .price(
                    perMentee: 2, perCode: 1, mentorPrice: u, menteeValue: v, best: best, scale: scale, slack: slack
                ))
            for j in 0..<instance.menteeCount {
                let violating = (0..<instance.mentorCount).filter { i in
                    instance.profit(mentor: i, mentee: j).map { scale * $0 - u[i] - v[j] > slack } ?? false
                }
                let picks = (0..<Int(output.pickCount[j])).map { Int(output.picks[j * output.perMentee + $0]) }
                #expect(picks.isEmpty == violating.isEmpty, "mentee \(j): picks \(picks), violating \(violating)")
                #expect(Set(picks).isSubset(of: violating), "mentee \(j): picks \(picks), violating \(violating)")
                #expect(Set(picks).count == picks.count)
            }
        }
    }

    @Test(
        "Screening rules out only mentees without a violating pair, and leaves the picks as they were",
        arguments: 0..<200)
    func screening(seed: Int) throws {
        let problem = Self.problem(seed: UInt64(13_000 + seed))
        let instance = try SolverInstance(problem)
        let (scale, slack, u, v) = randomDuals(instance, seed: seed)
        let top = instance.bonus + instance.maxPairScore
        let pricing = SolverPricing(instance, profiles: false)
        guard let open = pricing.screen(price: u, value: v, scale: scale, slack: slack) else {
            #expect(pricing.screenTransform == nil)
            return
        }
        var closed = 0
        for j in 0..<instance.menteeCount where !open[j] {
            closed += 1
            for i in 0..<instance.mentorCount {
                guard let p = instance.profit(mentor: i, mentee: j) else { continue }
                #expect(scale * p - u[i] - v[j] <= slack, "mentee \(j) screened out but violates with mentor \(i)")
            }
        }
        let best = bruteBest(problem, instance)
        let mode = SolverPricing.Mode.price(
            perMentee: 3, perCode: 1, mentorPrice: u, menteeValue: v, best: best, scale: scale, slack: slack)
        let groups = SolverGroupPricing(instance, groups: SolverMenteeGroups(instance))
        let screened = groups.run(mode, open: open)
        let full = groups.run(mode)
        #expect(screened.pickCount == full.pickCount)
        #expect(screened.picks == full.picks)
        if instance.menteeCount > 0 && closed == 0 && v.allSatisfy({ $0 >= scale * top }) {
            Issue.record("values at the top should screen every mentee out")
        }
    }

    @Test("The transform's best keys equal sorting all mentors", arguments: 0..<150)
    func bestKeys(seed: Int) throws {
        var problem = Self.problem(seed: UInt64(11_000 + seed))
        problem.forbidDifferentLocation = false
        let instance = try SolverInstance(problem)
        guard let transform = SolverProfileTransform(instance) else { return }
        var rng = SolverTestRandom(seed: UInt64(seed))
        let scale = Int64(rng.int(1...3))
        let price = (0..<instance.mentorCount).map { _ in Int64(rng.int(-20...20)) }
        let included = (0..<instance.mentorCount).map { _ in rng.chance(0.8) }
        let keys = (0..<instance.mentorCount).map { i in
            included[i] ? transform.key(value: -price[i], mentor: i) : SolverProfileTransform.empty
        }
        let mentees = (0..<instance.menteeCount).filter { instance.menteeLow[$0] != 0 }.map { Int32($0) }
        for k in [1, 2, 4] {
            let lists = transform.best(mentorKey: keys, mentees: mentees, k: k, scale: scale)
            for (position, j32) in mentees.enumerated() {
                let j = Int(j32)
                let expected = (0..<instance.mentorCount).compactMap { i -> Int64? in
                    guard included[i], let s = instance.score(mentor: i, mentee: j) else { return nil }
                    return transform.key(value: scale * s - price[i], mentor: i)
                }.sorted(by: >).prefix(k)
                let found = lists[position * k..<position * k + k].filter { $0 >= SolverProfileTransform.emptyBelow }
                #expect(Array(found) == Array(expected), "mentee \(j), k \(k)")
            }
        }
    }

    @Test("Slabs: a table split over outer tools gives the same keys", arguments: 0..<20)
    func slabs(seed: Int) throws {
        let problem = SolverTestProblems.survey(
            seed: UInt64(seed), mentors: 60, mentees: 40, tools: 11, objective: .coverage, capacities: 0...2,
            weights: [1, 0, 2, 0.5, 1, 1, 3, 1, 1, 0.25, 1])
        let instance = try SolverInstance(problem)
        let transform = try #require(SolverProfileTransform(instance))
        #expect(transform.outerTools > 0)
        let keys = (0..<instance.mentorCount).map { transform.key(value: -Int64($0 % 5), mentor: $0) }
        let mentees = (0..<instance.menteeCount).filter { instance.menteeLow[$0] != 0 }.map { Int32($0) }
        let lists = transform.best(mentorKey: keys, mentees: mentees, k: 2, scale: 1)
        for (position, j32) in mentees.enumerated() {
            let j = Int(j32)
            let expected = (0..<instance.mentorCount).compactMap { i -> Int64? in
                instance.score(mentor: i, mentee: j).map { transform.key(value: $0 - Int64(i % 5), mentor: i) }
            }.sorted(by: >).prefix(2)
            #expect(
                Array(lists[position * 2..<position * 2 + 2].filter { $0 >= SolverProfileTransform.emptyBelow })
                    == Array(expected))
        }
    }

    @Test("Profile pricing: solving twice gives identical pairs", arguments: [PairingObjective.coverage, .score])
    func determinism(objective: PairingObjective) throws {
        let problem = SolverTestProblems.survey(
            seed: 41, mentors: 180, mentees: 150, objective: objective, capacities: 1...2, forbiddenPerMentee: 4,
            departmentRule: true, locationRule: true)
        let first = try PairingSolver.solve(problem, tuning: SolverCertificateCheck.profiles)
        let second = try PairingSolver.solve(problem, tuning: SolverCertificateCheck.profiles)
        #expect(first.pairs == second.pairs)
        #expect(first.reach == second.reach)
        #expect(SolverOracle.value(problem, first) == SolverOracle.value(problem, try PairingSolver.solve(problem)))
    }

    /// Screening pays only where a round's scans would cost more than the transform: not for a
    /// handful of mentors on 12 tools (the transform's 12 × 3^12 updates against a few hundred
    /// visits), but for hundreds of mentors on 4 tools (4 × 81 updates).
    @Test("Pricing rounds are screened only where the scans cost more than the transform")
    func screensWhereItPays() throws {
        let few = SolverTestProblems.survey(seed: 3, mentors: 12, mentees: 10, tools: 12, objective: .coverage)
        let many = SolverTestProblems.survey(seed: 3, mentors: 400, mentees: 300, tools: 4, objective: .coverage)
        let small = SolverPricing(try SolverInstance(few), profiles: false)
        let large = SolverPricing(try SolverInstance(many), profiles: false)
        #expect(small.screenTransform != nil && !small.screens)
        #expect(large.screenTransform != nil && large.screens)
        // Either way the solve is exact (certified against every allowed pair).
        for problem in [few, many] {
            let certified = try PairingSolver.solveCertified(problem, tuning: SolverCertificateCheck.columnGeneration)
            SolverCertificateCheck.check(certified)
        }
    }

    @Test("Too many tools: the table is refused and pricing falls back")
    func fallback() throws {
        let wide = PairingProblem(
            mentors: [PairingCandidate(scores: [Int8](repeating: 4, count: 16), capacity: 2)],
            mentees: (0..<3).map { PairingCandidate(scores: [Int8](repeating: Int8($0 % 2), count: 16)) },
            weights: [Double](repeating: 1, count: 16))
        let instance = try SolverInstance(wide)
        #expect(SolverProfileTransform(instance) == nil)
        #expect(SolverPricing(instance).transform == nil)
        let solution = try PairingSolver.solve(wide)
        #expect(solution.pairs.count == 2 && solution.totalScoreMicros == 2 * 16 * 4_000_000)
    }
}
