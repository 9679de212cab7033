import Foundation
import Ingest

/// Solves a `PairingProblem` exactly.
///
/// ## Algorithm: column generation on a restricted assignment, priced by profile projections
///
/// The problem is a maximum-profit bipartite b-matching: mentee `j` takes at most one mentor,
/// mentor `i` at most `c_i` mentees, an allowed pair earns `p_ij = bonus + s_ij` where `s_ij` is
/// its integer score (micro-units / gcd of the weights). Under `coverage`, `bonus` is one more than
/// the largest possible total score, so an assignment with more pairs always earns more, and among
/// equally many pairs the higher score earns more: maximising profit is exactly the lexicographic
/// objective. Under `score`, `bonus = 0` and pairs of score 0 are left out.
///
/// 1. **Seed.** Each mentee gets a few explicit arcs (see `SolverPricing`): mentors of its
///    best-scoring profile projections, spread over equally good mentors by mentee index; one
///    greedy arc (the best mentor with capacity left), so the arcs already pair nearly everyone who
///    can be paired; and a few arcs to mentors drawn evenly from all its allowed mentors, so the
///    restricted problem has no spurious bottleneck (which would inflate prices to `bonus` level).
///    On a large problem (`Tuning.sampleFrom` mentees or more) every `Tuning.sampleEvery`-th
///    mentor and mentee (or sparser, see `sampleSpacing(_:tuning:)`) are solved first, exactly, the
///    same way; their prices give estimated prices for everyone (`SolverPriceHint`), and each
///    mentee also gets arcs to the mentors it values most at those prices (equally good ones in a
///    hashed order; where mentors are plentiful, more of the cheapest members of fewer
///    projections), with fewer best-score arcs, found in the same scans of the mentors as the
///    seed's. The restricted optimum then starts close to the full one and takes fewer rounds
///    (two at 1,000,000 rows). When mentors are plentiful and no group rule
///    applies, the scans for roots that serve only a few mentees visit just the cheapest part of
///    the mentors there, and those mentees' best scores come from the profile transform
///    (`SolverPricing.seed`).
/// 2. **Restricted solve.** `SolverRestrictedAssignment` finds an optimal assignment `x` on the
///    explicit arcs together with dual prices `u ≥ 0` (mentors) and `v ≥ 0` (mentees) such that
///    `u_i + v_j ≥ p_ij` on every explicit arc, every assigned arc is tight, `v_j > 0` only for
///    assigned mentees, and `u_i > 0` only for full mentors. Each round's solve is warm, from the
///    last round's state, and repairs the mentors left with room; the first starts from the
///    estimated prices when there are any (every row is free then, so any prices will do); with
///    `Tuning.coldRestrictedSolves` each round solves from `u = 0` instead: prices then rise only
///    on full mentors and the last condition holds without repairs. (With
///    `Tuning.deferMentorRepair`,
///    the last condition is restored only when pricing finds nothing, then pricing runs again:
///    rounds in between are cheaper, and only the final state has to be a certificate.)
/// 3. **Pricing.** `SolverPricing` searches *all* allowed pairs for one with `p_ij > u_i + v_j`.
///    If there is none, stop; otherwise add the violating arcs found and go to 2.
///
/// **Why the result is optimal.** At the stop, `(u, v)` is feasible for the dual of the full
/// linear programme (step 3 checked every allowed pair; mentors of capacity 0 have no arcs and
/// take no part), `x` is feasible for the full primal, and complementary slackness holds (step 2),
/// so their objectives are equal and, by weak duality, `x` is an optimal solution of the LP
/// relaxation; being integral, it is an optimal assignment. Forbidden pairs and pairs excluded by
/// a group rule are never arcs and are skipped by pricing, so they are impossible, not penalised.
/// Pricing is exact either way. The direct pricing (`SolverGroupPricing`, the default) works per
/// mentee group (same low-tool set and location): mentors with equal projections give every
/// mentee of the group the same score, and each projection's mentors are examined in ascending
/// price order through the whole violating prefix; before each round, the transform below screens
/// out the mentees whose best pair over all mentors (exclusions ignored, an upper bound) does not
/// violate, so only groups with a possible violator are visited (where the scans would cost more
/// than the transform, see `SolverPricing.screens`). The profile pricing
/// (`Tuning.profilePricing`) uses that a pair's score is a sum over tools of a term that depends only on the two people's
/// states on that tool: `SolverProfileTransform` computes, for every mentee at once, the best
/// `p_ij − u_i` over all mentors of its location set by a max-plus transform over profile space,
/// one tool at a time; a mentee whose best mentors are all excluded for it (explicit pairs,
/// department rule) is answered by an exact scan of its own. Reach counts (`reach`) always come
/// from the transform side (`SolverReachCounts`, subset sums over tool masks).
/// **Termination:** a violating pair cannot already be an arc (arcs satisfy the dual), so each
/// round adds at least one new arc out of finitely many.
///
/// **Determinism and ties.** Every step depends only on the input order: keys and heaps break
/// ties by index, random-looking draws are hashes of indices and values, hash maps are used only
/// for look-ups, parallel work is always split over exactly two workers with an order-free merge
/// (a maximum). Among optimal assignments, the one returned is the one these rules reach; the same
/// input in the same order gives the same pairs, on any machine.
///
/// **Cost.** The direct pricing's seed and each of its pricing rounds visit every (root, mentor)
/// pair once: groups are the distinct (low-tool set, location) combinations, about 1,200 for
/// 5,000 survey-like mentees, and a root's scan serves the groups whose tool sets lie within its
/// own (788 roots for 2,319 groups on the 1,000,000-row survey); each mentee then looks at its
/// group's projections (hundreds), not at mentors. The profile pricing costs about `T × 3^T`
/// list updates (T kept tools; 6 million at 12) plus a few look-ups per mentee and mentor,
/// whatever the population, but needs more rounds
/// (tens instead of 5–10). In both, the restricted shortest-path solves dominate and grow faster
/// than linearly; see `BENCHMARKS.md`.
///
/// **Alternative method.** With `Tuning.auction`, an ε-scaling auction over all pairs
/// (`SolverAuction`, offers found in `SolverMentorTrie`) is tried first and its ε-optimality
/// certificate checked by the same exact pricing; column generation remains the fallback. It is
/// exact too (the tests run both) but slower on survey-like data, whose many ties make auctions
/// fight long price wars.
package enum PairingSolver {
    /// Knobs that change speed, never the optimum.
    package struct Tuning: Sendable, Hashable {
        /// Seed arcs per mentee.
        package var seedArcsPerMentee: Int = 16
        /// Arcs per mentee added in one pricing round. 16 rather than 8 since the restricted
        /// solves got cheaper per arc (fewer rounds): 50,000² 70.7, 74.1 s against 78.4, 92.9 s
        /// (8 rounds instead of 10); 22,000 × 12,700 3.42, 3.73 s against 3.95, 4.00 s; the
        /// 1,000,000-row survey's `report` 32.5, 32.8 s against 38.1, 34.2 s; 5,000² and the
        /// 100k-row survey within the noise.
        package var pricingArcsPerMentee: Int = 16
        /// At most this many arcs from one profile projection, per mentee and round.
        package var arcsPerProjection: Int = 2
        /// Try the ε-scaling auction first; column generation stays the fallback.
        package var auction: Bool = false
        /// The restricted solve searches from all free mentees at once until at most this many are
        /// left, then from one at a time. 0 (always all at once) measured fastest: 5,000², 3 runs
        /// interleaved, 2.49–2.64 s against 2.87–3.23 s at 256; a real 100k-row survey's pairing
        /// 3.55–3.74 s against 3.87–4.11 s; the same at 1,000,000 rows.
        package var singleSearchBelow: Int = 0
        /// From this many explicit arcs on, the restricted solves build their columns and gather
        /// their tight arcs on two threads (the same lists as one thread makes). See
        /// `BENCHMARKS.md`, fifteenth round.
        package var concurrentArcPassesFrom: Int = 1 << 18
        /// The restricted solves' mentor repairs take another phase instead of labelled searches
        /// while a phase's search scans fewer than 1/`repairPhaseArcShare` of the tight arcs (0:
        /// never) and its pass settles at least 1/`repairPhaseSettledShare` of the open mentors.
        /// See `SolverRestrictedAssignment.repairPhases` and `BENCHMARKS.md`, sixteenth round.
        package var repairPhaseArcShare: Int = 8
        package var repairPhaseSettledShare: Int = 4
        /// Seed and price with the profile transform (`SolverProfileTransform`) where it fits,
        /// instead of the direct pricing (`SolverGroupPricing`). Off by default: both are exact,
        /// and the transform is far cheaper per round, but its arcs (best mentors by index among
        /// huge ties, plus hashed draws) make column generation take several times more rounds
        /// than the direct pricing's arcs (spread over each projection's members), which costs
        /// more overall on every instance measured so far (see `BENCHMARKS.md`).
        package var profilePricing: Bool = false
        /// Best mentors the profile transform keeps per mentee (and per cell on the way).
        package var profileKeys: Int = 1
        /// Between pricing rounds, leave mentors with room at their raised prices; lower them only
        /// once pricing finds nothing (then price again).
        package var deferMentorRepair: Bool = false
        /// Solve every restricted problem from scratch (`u = 0`) instead of warm from the last
        /// round's prices: more searches, but no mentor price repairs. Off by default. Cold used
        /// to win when mentors were in surplus, while each repair was a search of its own (28.4 s
        /// warm, 17.1 s cold at 22,000 × 12,700); with repairs in phases warm is as fast there
        /// (3.04 and 3.63 s against 3.31 and 3.29 s), faster on the generated 1,000,000-row
        /// survey (37.6 s against 44.6 s, whole `report`) and at 5,000² (2.21 s against
        /// 2.90–3.02 s).
        package var coldRestrictedSolves: Bool = false
        /// With at least `sampleFrom` mentees, every `sampleEvery`-th mentor and mentee are solved
        /// first, and the seed adds `pricingArcsPerMentee` arcs per mentee chosen by the prices
        /// estimated from that sample (`SolverPriceHint`); 1 turns it off. 50,000²: 14.3, 15.5 s
        /// against 19.3, 20.0 s without (93.7 against 105.2 MB); the 1,000,000-row survey's
        /// `report` within the noise (15.8, 17.8 s against 15.3, 17.7 s) but 10 MB more; 5,000²
        /// (below `sampleFrom`) no faster with it, so not sampled. Every 20th rather than every
        /// 10th since the rest got faster: the sample's solve takes 0.15 s instead of 0.35 s at
        /// 1,000,000 rows, and the estimate it gives is as good (`report` 4.94 s against 5.05 s,
        /// medians of 4 interleaved runs; 50,000² 4.37–4.75 s against 4.78–4.82 s); every 30th is
        /// no faster.
        package var sampleEvery: Int = 20
        package var sampleFrom: Int = 20_000
        /// Without the location rule, the sample is sparser than every `sampleEvery`-th where
        /// that would hold more than this many mentees and as many mentors (see
        /// `sampleSpacing(_:tuning:)`); 0: never.
        /// A larger sample estimates the prices no better: at 1,000,000 rows every 20th, 30th or
        /// 40th gave the same seed and rounds, and every 43rd (3,000 mentees) `report` 2.80 s
        /// against 2.92 s (3.29 s against 3.41 s with the department rule). With the location
        /// rule each location gets its own part of the sample, and every 43rd took 6.9 s
        /// against 5.9 s there.
        package var sampleMentees: Int = 3_000
        /// Best-score seed arcs per mentee when estimated prices add their own: 4 rather than 16
        /// holds 10 MB less at 1,000,000 rows for the same time at 50,000².
        package var hintedSeedArcsPerMentee: Int = 4
        /// Where mentors are plentiful (`SolverPricing.mentorsArePlentiful`), the seed's picks by
        /// estimated prices take at most `plentifulHintArcsPerMentee` arcs per mentee and
        /// `plentifulHintArcsPerProjection` from each projection, instead of
        /// `pricingArcsPerMentee` and `arcsPerProjection`: more of the cheapest members of fewer
        /// projections. There the mentees' best mentors at the final prices are mostly among the
        /// cheap members of their best projections, and the solve takes 2 pricing rounds instead
        /// of 3, from fewer arcs (1,000,000 rows: 2.44 million instead of 2.68, `report` 3.08 s
        /// against 3.47 s, the same peak); where mentors are scarce it took longer (50,000²:
        /// 4.2–4.4 s against 3.8–4.1 s). See `BENCHMARKS.md`, sixteenth round.
        package var plentifulHintArcsPerMentee: Int = 12
        package var plentifulHintArcsPerProjection: Int = 5
        /// With estimated prices, plentiful mentors and no department or location rule, the seed's
        /// scans for the roots that serve at most `smallRootMentees` mentees visit only the
        /// cheapest `1/smallRootShare` of the mentors (see `SolverPricing.seed`); 0 or 1 scans
        /// every mentor for every root.
        /// Measured in `BENCHMARKS.md`, fourteenth round.
        package var smallRootMentees: Int = 20
        package var smallRootShare: Int = 3
        /// With estimated prices, the first restricted solve starts from them instead of from 0
        /// (warm solves only): its rows then mostly settle at once on mentors that are good value,
        /// instead of all bidding up the best-scoring ones. See `BENCHMARKS.md`, eleventh round.
        package var startFromEstimatedPrices = true

        package init(
            seedArcsPerMentee: Int = 16, pricingArcsPerMentee: Int = 16, arcsPerProjection: Int = 2,
            auction: Bool = false
        ) {
            self.seedArcsPerMentee = seedArcsPerMentee
            self.pricingArcsPerMentee = pricingArcsPerMentee
            self.arcsPerProjection = arcsPerProjection
            self.auction = auction
        }
    }

    /// The optimal assignment and the dual prices that prove it (used by tests).
    struct Certified: Sendable {
        var solution: PairingSolution
        var instance: SolverInstance
        var mentorPrice: [Int64]
        var menteeValue: [Int64]
        var mentorOfMentee: [Int32]
        /// Prices are in units of `1 / scale`, and hold up to `slack` (see `SolverAuction`).
        var scale: Int64
        var slack: Int64
    }

    /// Takes the problem over: it is let go of once the solver has its compact copy
    /// (`SolverInstance`), so a caller that keeps no copy of its own frees it early.
    package static func solve(
        _ problem: consuming PairingProblem, tuning: Tuning = Tuning()
    ) throws(PairingSolverError) -> PairingSolution {
        try solveCertified(problem, tuning: tuning).solution
    }

    /// Who could reach each mentee (see `MenteeReach`), without solving.
    package static func reach(_ problem: PairingProblem) throws(PairingSolverError) -> [MenteeReach] {
        let instance = try SolverInstance(problem)
        let pricing = SolverPricing(instance)
        return pricing.reach(best: pricing.run(.seed(perMentee: 1, perCode: 1)).best)
    }

    static func solveCertified(
        _ problem: consuming PairingProblem, tuning: Tuning
    ) throws(PairingSolverError) -> Certified {
        // A sample solved first gives estimated prices (any failure there only loses the estimate).
        let k = sampleSpacing(problem, tuning: tuning)
        var sample: Certified?
        if k > 1, !tuning.auction, problem.mentees.count >= max(k, tuning.sampleFrom), problem.mentors.count >= k {
            sample = try? solveCertified(SolverPriceHint.sample(problem, every: k), tuning: tuning)
        }
        // Moved into the initialiser, which lets it go: from here on only the instance remains.
        let instance = try SolverInstance(consume problem)
        let hint = sample.flatMap { SolverPriceHint.prices(instance, sample: $0, every: k) }
        return solveCertified(instance, tuning: tuning, hint: hint)
    }

    /// Every how many mentors and mentees the sample takes: `sampleEvery`, or more where that
    /// would give more than `sampleMentees` mentees and as many mentors, unless the location rule
    /// applies (each location's prices are then estimated from its own part of the sample).
    static func sampleSpacing(_ problem: borrowing PairingProblem, tuning: Tuning) -> Int {
        guard tuning.sampleEvery > 1, tuning.sampleMentees > 0, !problem.forbidDifferentLocation else {
            return tuning.sampleEvery
        }
        let smallerSide = min(problem.mentees.count, problem.mentors.count)
        return max(tuning.sampleEvery, smallerSide / tuning.sampleMentees)
    }

    /// `hint`: estimated mentor prices (`SolverPriceHint`) the seed picks more arcs by.
    private static func solveCertified(_ instance: SolverInstance, tuning: Tuning, hint: [Int64]? = nil) -> Certified {
        let pricing = SolverPricing(instance, profiles: tuning.profilePricing, keysPerMentee: tuning.profileKeys)
        let seed: SolverPricing.Output
        var hinted: SolverPricing.Output?
        if let hint {
            // The mentors each mentee values most at the estimated prices: the cheapest members
            // of its best projections (see `SolverPriceHint`), found with the seed.
            let plentiful = pricing.mentorsArePlentiful
            (seed, hinted) = pricing.seed(
                perMentee: tuning.hintedSeedArcsPerMentee, perCode: tuning.arcsPerProjection, hint: hint,
                hintPerMentee: plentiful ? tuning.plentifulHintArcsPerMentee : tuning.pricingArcsPerMentee,
                hintPerCode: plentiful ? tuning.plentifulHintArcsPerProjection : tuning.arcsPerProjection,
                small: (tuning.smallRootMentees, tuning.smallRootShare))
        } else {
            seed = pricing.run(.seed(perMentee: tuning.seedArcsPerMentee, perCode: tuning.arcsPerProjection))
        }
        let best = seed.best
        if tuning.auction, let auction = SolverAuction(instance), auction.sideConditionsHold {
            let check = pricing.run(
                .price(
                    perMentee: 1, perCode: 1, mentorPrice: auction.mentorPrice, menteeValue: auction.menteeValue,
                    best: best, scale: auction.scale, slack: 1))
            if check.totalPicks == 0 {
                let solution = makeSolution(
                    instance, auction.mentorOfMentee, reach: pricing.reach(best: best),
                    statistics: .init(
                        method: .auction, pricingRounds: 0, arcs: 0, menteeGroups: pricing.menteeGroupCount,
                        bids: auction.bids, phases: auction.phases))
                return Certified(
                    solution: solution, instance: instance, mentorPrice: auction.mentorPrice,
                    menteeValue: auction.menteeValue, mentorOfMentee: auction.mentorOfMentee, scale: auction.scale,
                    slack: 1)
            }
        }
        // Arc scores in the narrowest width that holds every pair's score (8 bits with the default
        // weights): the arcs and their column copy are the solver's largest arrays.
        switch scoreBits(maxPairScore: instance.maxPairScore) {
        case 8:
            return columnGeneration(
                instance, pricing: pricing, seed: seed, hinted: hinted, hint: hint, tuning: tuning,
                scores: Int8.self)
        case 16:
            return columnGeneration(
                instance, pricing: pricing, seed: seed, hinted: hinted, hint: hint, tuning: tuning,
                scores: Int16.self)
        case 32:
            return columnGeneration(
                instance, pricing: pricing, seed: seed, hinted: hinted, hint: hint, tuning: tuning,
                scores: Int32.self)
        default:
            return columnGeneration(
                instance, pricing: pricing, seed: seed, hinted: hinted, hint: hint, tuning: tuning,
                scores: Int64.self)
        }
    }

    /// The union of two ascending lists (`Arcs.add` returns its mentees in order), ascending and
    /// without repeats.
    static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            let next = j == b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
            if i < a.count && a[i] == next { i += 1 }
            if j < b.count && b[j] == next { j += 1 }
            result.append(next)
        }
        return result
    }

    /// The bits an arc's score is stored in: the narrowest signed width of 8, 16, 32 and 64 that
    /// holds `maxPairScore` (scores are never negative).
    static func scoreBits(maxPairScore: Int64) -> Int {
        if maxPairScore <= Int64(Int8.max) { return 8 }
        if maxPairScore <= Int64(Int16.max) { return 16 }
        if maxPairScore <= Int64(Int32.max) { return 32 }
        return 64
    }

    /// Steps 1–3 from the seed on, with arc scores stored as `Score`.
    private static func columnGeneration<Score: FixedWidthInteger & SignedInteger & Sendable>(
        _ instance: SolverInstance, pricing: SolverPricing, seed: consuming SolverPricing.Output,
        hinted: consuming SolverPricing.Output?, hint: [Int64]?, tuning: Tuning, scores: Score.Type
    ) -> Certified {
        let best = seed.best
        // The explicit arcs as compressed rows with their scores, carried from round to round.
        var arcs = Arcs<Score>(menteeCount: instance.menteeCount)
        var dirty = arcs.add(seed, instance)
        seed.picks = []  // kept for its best scores only
        if let picks = consume hinted {
            dirty = Self.union(dirty, arcs.add(picks, instance))
        }
        var restricted = SolverRestrictedAssignment<Score>(
            capacity: instance.mentorCapacity, menteeCount: instance.menteeCount, bonus: instance.bonus,
            singleSearchBelow: tuning.singleSearchBelow, concurrentArcPassesFrom: tuning.concurrentArcPassesFrom,
            repairPhases: (tuning.repairPhaseArcShare, tuning.repairPhaseSettledShare))
        let cold = tuning.coldRestrictedSolves
        if let hint, tuning.startFromEstimatedPrices, !cold { restricted.startPrices(hint) }
        var rounds = 0
        while true {
            if cold {
                restricted.reset()
                dirty = (0..<instance.menteeCount).map { Int32($0) }
            }
            restricted.update(
                rowStart: arcs.rowStart, arcMentor: arcs.mentor, arcScore: arcs.score, dirty: dirty,
                repairMentors: !tuning.deferMentorRepair)
            restricted.releaseColumns()
            // Each round's large arrays are freed in two steps (the restricted solve's column copy
            // here, the old arcs and the pricing output after `add`); their pages go back each time
            // rather than stay resident under the next step's (see `Allocator`).
            Allocator.returnFreePages()
            var repaired = !tuning.deferMentorRepair
            var violations = pricing.run(
                .price(
                    perMentee: tuning.pricingArcsPerMentee, perCode: tuning.arcsPerProjection,
                    mentorPrice: restricted.mentorPrice, menteeValue: restricted.menteeValue, best: best))
            if violations.totalPicks == 0 && !repaired {
                // No violation against prices that may still be too high on mentors with room:
                // lower them (the restricted optimum proper) and price again.
                restricted.repairMentors()
                repaired = true
                violations = pricing.run(
                    .price(
                        perMentee: tuning.pricingArcsPerMentee, perCode: tuning.arcsPerProjection,
                        mentorPrice: restricted.mentorPrice, menteeValue: restricted.menteeValue, best: best))
            }
            if violations.totalPicks == 0 {
                let solution = makeSolution(
                    instance, restricted.mentorOfMentee, reach: pricing.reach(best: best),
                    statistics: .init(
                        method: .columnGeneration, pricingRounds: rounds, arcs: arcs.mentor.count,
                        menteeGroups: pricing.menteeGroupCount, bids: 0, phases: 0))
                return Certified(
                    solution: solution, instance: instance, mentorPrice: restricted.mentorPrice,
                    menteeValue: restricted.menteeValue, mentorOfMentee: restricted.mentorOfMentee, scale: 1, slack: 0)
            }
            dirty = arcs.add(violations, instance)
            Allocator.returnFreePages()
            rounds += 1
        }
    }

    /// The restricted problem's arcs: mentee `j`'s are `mentor[rowStart[j]..<rowStart[j + 1]]`,
    /// each with its score (profit less the instance's `bonus`), in the order they were added.
    struct Arcs<Score: FixedWidthInteger & SignedInteger & Sendable> {
        var rowStart: [Int]
        var mentor: [Int32] = []
        var score: [Score] = []

        init(menteeCount: Int) {
            rowStart = [Int](repeating: 0, count: menteeCount + 1)
        }

        /// Appends the picked arcs that may be used (see `SolverInstance.profit`) to their rows;
        /// returns the mentees that got any picks. The rows are rebuilt once, at their exact size:
        /// at scale these arrays are the solver's largest, and growing them by doubling held up
        /// to twice their size again. Both steps run on every core: the picks' scores (-1 where a
        /// pick may not be used; scores are never negative), then each run of mentees' rows
        /// copied to their new places.
        mutating func add(_ picks: SolverPricing.Output, _ instance: SolverInstance) -> [Int32] {
            let menteeCount = rowStart.count - 1
            let old = self
            self = Arcs(menteeCount: 0)
            let perMentee = picks.perMentee
            var pickScore = [Score](repeating: -1, count: picks.picks.count)
            var rows = [Int](repeating: 0, count: menteeCount + 1)
            pickScore.withUnsafeMutableBufferPointer { pickScore in
                rows.withUnsafeMutableBufferPointer { rows in
                    guard let scores = pickScore.baseAddress, let lengths = rows.baseAddress else { return }
                    let (shared, rowLength) = (UnsafeSendableBuffer(scores), UnsafeSendableBuffer(lengths + 1))
                    concurrentRuns(count: menteeCount) { run in
                        for j in run {
                            var length = old.rowStart[j + 1] - old.rowStart[j]
                            let base = j * perMentee
                            for k in base..<base + Int(picks.pickCount[j]) {
                                if let p = instance.profit(mentor: Int(picks.picks[k]), mentee: j) {
                                    shared.pointer[k] = Score(p - instance.bonus)
                                    length += 1
                                }
                            }
                            rowLength.pointer[j] = length
                        }
                    }
                }
            }
            for j in 0..<menteeCount { rows[j + 1] += rows[j] }
            let total = rows[menteeCount]
            let (newStart, scoreOfPick) = (rows, pickScore)
            var scores: [Score] = []
            let mentors = [Int32](unsafeUninitializedCapacity: total) { mentorBuffer, mentorCount in
                scores = [Score](unsafeUninitializedCapacity: total) { scoreBuffer, scoreCount in
                    guard let mentorBase = mentorBuffer.baseAddress, let scoreBase = scoreBuffer.baseAddress else {
                        return
                    }
                    let (toMentor, toScore) = (UnsafeSendableBuffer(mentorBase), UnsafeSendableBuffer(scoreBase))
                    concurrentRuns(count: menteeCount) { run in
                        for j in run {
                            var at = newStart[j]
                            for a in old.rowStart[j]..<old.rowStart[j + 1] {
                                toMentor.pointer[at] = old.mentor[a]
                                toScore.pointer[at] = old.score[a]
                                at += 1
                            }
                            let base = j * perMentee
                            for k in base..<base + Int(picks.pickCount[j]) where scoreOfPick[k] >= 0 {
                                toMentor.pointer[at] = picks.picks[k]
                                toScore.pointer[at] = scoreOfPick[k]
                                at += 1
                            }
                        }
                    }
                    scoreCount = total
                }
                mentorCount = total
            }
            self = Arcs(rowStart: rows, mentor: mentors, score: scores)
            return (0..<menteeCount).filter { picks.pickCount[$0] > 0 }.map { Int32($0) }
        }

        private init(rowStart: [Int], mentor: [Int32], score: [Score]) {
            self.rowStart = rowStart
            self.mentor = mentor
            self.score = score
        }
    }

    private static func makeSolution(
        _ instance: SolverInstance, _ mentorOfMentee: [Int32], reach: [MenteeReach],
        statistics: PairingSolution.Statistics
    ) -> PairingSolution {
        var pairs: [ProposedPair] = []
        var total: Int64 = 0
        for (j, mentor) in mentorOfMentee.enumerated() where mentor >= 0 {
            let units = instance.score(mentor: Int(mentor), mentee: j) ?? 0
            let micros = units * instance.scoreUnitMicros
            pairs.append(ProposedPair(mentor: Int(mentor), mentee: j, scoreMicros: micros))
            total += micros
        }
        return PairingSolution(pairs: pairs, totalScoreMicros: total, reach: reach, statistics: statistics)
    }
}

/// Solves `problem` exactly for its objective (see `PairingSolver`).
package func solvePairing(_ problem: PairingProblem) throws(PairingSolverError) -> PairingSolution {
    try PairingSolver.solve(problem)
}
