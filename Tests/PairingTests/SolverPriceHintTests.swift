import Foundation
import Testing

@testable import Analysis
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
        #expect(Set(sample.forbidden) == expected)
        #expect(!expected.isEmpty)
        #expect(sample.weights == problem.weights && sample.objective == problem.objective)
    }

    /// With the whole problem as its own sample, the transform must give, for every mentor, the
    /// most any paired mentee `j` (held by `x`) would pay for it, `s_ij + u_x − s_xj`, over the
    /// mentees it can teach something (rules and exclusions ignored), and at least 0.
    /// With the first tools' passes made block by block (`SolverPriceHint.blockCells`): the whole
    /// table one block (the default here), blocks of 1, 3 and 27 cells (every pass, one pass or
    /// three over the whole table).
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
        for blockCells in [SolverPriceHint.blockCells, 1, 3, 27] {
            guard let prices = SolverPriceHint.prices(instance, sample: certified, every: 1, blockCells: blockCells)
            else {
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
                #expect(prices[i] == expected, "mentor \(i), blocks of \(blockCells) cells")
            }
        }
    }

    @Test("The sample holds about sampleMentees mentees, or every sampleEvery-th, and more under the location rule")
    func sampleSize() {
        let person = PairingCandidate(scores: [1, 4])
        var problem = PairingProblem(
            mentors: [PairingCandidate](repeating: person, count: 225_000),
            mentees: [PairingCandidate](repeating: person, count: 130_000), weights: [1, 1])
        var tuning = PairingSolver.Tuning()
        #expect(PairingSolver.sampleSpacing(problem, tuning: tuning) == 43)
        // Few mentors: the sample keeps about as many of them.
        problem.mentors = [PairingCandidate](repeating: person, count: 90_000)
        #expect(PairingSolver.sampleSpacing(problem, tuning: tuning) == 30)
        problem.mentors = [PairingCandidate](repeating: person, count: 10)
        #expect(PairingSolver.sampleSpacing(problem, tuning: tuning) == 20)
        tuning.sampleMentees = 0
        #expect(PairingSolver.sampleSpacing(problem, tuning: tuning) == 20)
        tuning.sampleMentees = 10_000
        #expect(PairingSolver.sampleSpacing(problem, tuning: tuning) == 20)
        tuning.sampleMentees = 3_000
        problem.forbidDifferentLocation = true
        #expect(PairingSolver.sampleSpacing(problem, tuning: tuning) == 20)
        problem.forbidDifferentLocation = false
        tuning.sampleEvery = 1
        #expect(PairingSolver.sampleSpacing(problem, tuning: tuning) == 1)
    }

    @Test("No estimate when the profile table would be too large")
    func tooManyTools() throws {
        let problem = SolverTestProblems.survey(
            seed: 3, mentors: 30, mentees: 30, tools: 16, objective: .coverage, forbiddenPerMentee: 0)
        let certified = try PairingSolver.solveCertified(problem, tuning: SolverCertificateCheck.columnGeneration)
        #expect(certified.instance.toolCount > 13)
        #expect(SolverPriceHint.prices(certified.instance, sample: certified, every: 1) == nil)
    }

    /// The restricted solve from any start prices: every row is free at first, so prices too high
    /// (repaired where the mentor keeps room), too low or random must all end in an assignment as
    /// good as the one from 0, with prices that prove it on the arcs; whether the mentor repairs
    /// take labelled searches (`repairPhases` share 0), another phase when it looks cheap (the
    /// default), or another phase whenever the last one settled anyone.
    @Test("A restricted solve from any start prices ends optimal, with its certificate", arguments: 0..<24)
    func startPrices(seed: Int) throws {
        var phasesWithoutLabels: [Int] = []
        for repairPhases in [(8, 4), (0, 4), (1, 1_000_000)] {
            phasesWithoutLabels.append(try startPrices(seed: seed, repairPhases: repairPhases))
        }
        #expect(phasesWithoutLabels[1] == 0)
    }

    @Test("Mentor repairs that prefer phases do leave open mentors to the next phase")
    func repairsWithoutLabels() throws {
        var total = 0
        for seed in 0..<24 { total += try startPrices(seed: seed, repairPhases: (1, 1_000_000)) }
        #expect(total > 0)
    }

    /// The checks of `startPrices(seed:)` with the given `repairPhases`; returns how many repair
    /// phases went without labelled searches.
    private func startPrices(seed: Int, repairPhases: (arcShare: Int, settledShare: Int)) throws -> Int {
        let problem = SolverTestProblems.survey(
            seed: UInt64(seed), mentors: 45, mentees: 40, objective: seed % 2 == 0 ? .coverage : .score,
            capacities: 0...2, forbiddenPerMentee: 4)
        let instance = try SolverInstance(problem)
        var rowStart = [0]
        var arcMentor: [Int32] = []
        var arcScore: [Int64] = []
        for j in 0..<instance.menteeCount {
            for i in 0..<instance.mentorCount {
                guard let profit = instance.profit(mentor: i, mentee: j) else { continue }
                arcMentor.append(Int32(i))
                arcScore.append(profit - instance.bonus)
            }
            rowStart.append(arcMentor.count)
        }
        func solve(start: [Int64]?) -> SolverRestrictedAssignment<Int64> {
            var restricted = SolverRestrictedAssignment<Int64>(
                capacity: instance.mentorCapacity, menteeCount: instance.menteeCount, bonus: instance.bonus,
                repairPhases: repairPhases)
            if let start { restricted.startPrices(start) }
            restricted.update(
                rowStart: rowStart, arcMentor: arcMentor, arcScore: arcScore,
                dirty: (0..<instance.menteeCount).map { Int32($0) })
            return restricted
        }
        func total(_ solved: SolverRestrictedAssignment<Int64>) -> Int64 {
            solved.mentorOfMentee.enumerated().reduce(0) { sum, entry in
                entry.element < 0 ? sum : sum + (instance.profit(mentor: Int(entry.element), mentee: entry.offset) ?? 0)
            }
        }
        let expected = total(solve(start: nil))
        var phasesWithoutLabels = 0
        var generator = SeededGenerator(seed: UInt64(seed))
        let top = 2 * (instance.bonus + instance.maxPairScore)
        for start in [
            [Int64](repeating: top, count: instance.mentorCount),
            (0..<instance.mentorCount).map { _ in Int64.random(in: 0...top, using: &generator) },
            (0..<instance.mentorCount).map { _ in Int64.random(in: -5...3, using: &generator) },
        ] {
            let solved = solve(start: start)
            phasesWithoutLabels += solved.repairPhasesWithoutLabels
            #expect(total(solved) == expected)
            var load = [Int32](repeating: 0, count: instance.mentorCount)
            for mentor in solved.mentorOfMentee where mentor >= 0 { load[Int(mentor)] += 1 }
            for j in 0..<instance.menteeCount {
                let v = solved.menteeValue[j]
                #expect(v >= 0 && (solved.mentorOfMentee[j] >= 0 || v == 0))
                for a in rowStart[j]..<rowStart[j + 1] {
                    let i = Int(arcMentor[a])
                    let reduced = solved.mentorPrice[i] + v - (instance.bonus + arcScore[a])
                    #expect(reduced >= 0)
                    if solved.mentorOfMentee[j] == Int32(i) { #expect(reduced == 0) }
                }
            }
            for i in 0..<instance.mentorCount {
                #expect(solved.mentorPrice[i] >= 0)
                if solved.mentorPrice[i] > 0 { #expect(load[i] == instance.mentorCapacity[i]) }
            }
        }
        return phasesWithoutLabels
    }

    /// The seed's scans for small roots visit only the cheapest third of the mentors (at the
    /// estimated prices); those mentees' best scores come from the profile transform instead, and
    /// must be exactly what the full scans find: pricing trusts them as bounds, and the unpaired
    /// mentees' reasons read them.
    @Test(
        "Shortened scans for small roots leave every best score as the full scans find it, and pick allowed pairs",
        arguments: 0..<12)
    func shortenedSeed(seed: Int) throws {
        let problem = SolverTestProblems.survey(
            seed: UInt64(100 + seed), mentors: 150, mentees: 140, tools: 6 + seed % 5,
            objective: seed % 3 == 0 ? .score : .coverage, capacities: 1...2, forbiddenPerMentee: 4,

            weights: seed % 5 == 0 ? [1, 0, 2, 1, 0.5, 1] : nil)
        let sample = try PairingSolver.solveCertified(
            SolverPriceHint.sample(problem, every: 2), tuning: SolverCertificateCheck.columnGeneration)
        let instance = try SolverInstance(problem)
        let pricing = SolverPricing(instance, profiles: false)
        let hint = try #require(SolverPriceHint.prices(instance, sample: sample, every: 2))
        func seedRun(_ small: (mentees: Int, share: Int)) -> (seed: SolverPricing.Output, hinted: SolverPricing.Output)
        {
            pricing.seed(perMentee: 4, perCode: 2, hint: hint, hintPerMentee: 16, hintPerCode: 2, small: small)
        }
        let full = seedRun((0, 1))
        let shortened = seedRun((Int.max, 3))
        #expect(shortened.seed.best == full.seed.best)
        var differs = false
        for output in [(shortened.seed, full.seed), (shortened.hinted, full.hinted)] {
            let (short, whole) = output
            for j in 0..<instance.menteeCount {
                let base = j * short.perMentee
                let picks = short.picks[base..<base + Int(short.pickCount[j])]
                for i in picks {
                    #expect(instance.profit(mentor: Int(i), mentee: j) != nil, "mentor \(i), mentee \(j)")
                }
                let wholePicks = whole.picks[base..<base + Int(whole.pickCount[j])]
                if Array(picks) != Array(wholePicks) { differs = true }
            }
        }
        // The shortened scans did run: some mentee's arcs come from the cheaper part only.
        #expect(differs)
    }

    /// Where mentors are scarce the cheap part of them offers poor arcs; with the department or
    /// location rule the transform's best mentor is often excluded, and its exact best scores would
    /// cost a scan per such mentee.
    @Test(
        "Where mentors are scarce, or with the department or location rule, no seed scan is shortened",
        arguments: [(140, 1...1, false, false), (200, 1...2, true, false), (200, 1...2, false, true)])
    func notShortened(mentors: Int, capacities: ClosedRange<Int>, departmentRule: Bool, locationRule: Bool) throws {
        let problem = SolverTestProblems.survey(
            seed: 7, mentors: mentors, mentees: 140, objective: .coverage, capacities: capacities,
            forbiddenPerMentee: 3, departmentRule: departmentRule, locationRule: locationRule)
        let sample = try PairingSolver.solveCertified(
            SolverPriceHint.sample(problem, every: 2), tuning: SolverCertificateCheck.columnGeneration)
        let instance = try SolverInstance(problem)
        let pricing = SolverPricing(instance, profiles: false)
        let hint = try #require(SolverPriceHint.prices(instance, sample: sample, every: 2))
        let full = pricing.seed(perMentee: 4, perCode: 2, hint: hint, hintPerMentee: 16, hintPerCode: 2)
        let asked = pricing.seed(
            perMentee: 4, perCode: 2, hint: hint, hintPerMentee: 16, hintPerCode: 2, small: (Int.max, 3))
        #expect(asked.seed.picks == full.seed.picks && asked.hinted.picks == full.hinted.picks)
        #expect(asked.seed.best == full.seed.best)
    }

    @Test("A sampled solve is optimal and certified when every root's seed scan is shortened", arguments: 0..<6)
    func shortenedSolve(seed: Int) throws {
        let problem = SolverTestProblems.survey(
            seed: UInt64(200 + seed), mentors: 200, mentees: 150, objective: seed % 2 == 0 ? .coverage : .score,
            capacities: 1...2, forbiddenPerMentee: 5)
        #expect(SolverPricing(try SolverInstance(problem), profiles: false).mentorsArePlentiful)
        var tuning = SolverCertificateCheck.sampled
        tuning.smallRootMentees = Int.max
        // With plentiful mentors the picks by estimated prices take `plentifulHintArcsPer…`:
        // the defaults, the fewest, and as many as a mentee has.
        for (share, perMentee, perProjection) in [(2, 12, 5), (3, 12, 5), (10, 12, 5), (3, 1, 1), (3, 200, 200)] {
            tuning.smallRootShare = share
            tuning.plentifulHintArcsPerMentee = perMentee
            tuning.plentifulHintArcsPerProjection = perProjection
            let solved = try PairingSolver.solveCertified(problem, tuning: tuning)
            SolverCertificateCheck.check(solved)
            SolverOracle.checkFeasible(problem, solved.solution)
            #expect(
                SolverOracle.value(problem, solved.solution) == SolverOracle.hungarian(problem),
                "share \(share), \(perMentee) hinted arcs per mentee, \(perProjection) per projection")
        }
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
        var fromZero = tuning
        fromZero.startFromEstimatedPrices = false
        let zero = try PairingSolver.solveCertified(problem, tuning: fromZero)
        SolverCertificateCheck.check(first)
        SolverCertificateCheck.check(zero)
        #expect(SolverOracle.value(problem, zero.solution) == SolverOracle.value(problem, plain.solution))
        SolverOracle.checkFeasible(problem, first.solution)
        #expect(SolverOracle.value(problem, first.solution) == SolverOracle.value(problem, plain.solution))
        #expect(first.solution.pairs == second.solution.pairs)
    }
}
