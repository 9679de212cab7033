import Foundation
import Ingest

/// Finds, for every mentee, mentors worth adding to the restricted problem: the *seed* arcs at
/// the start, then the arcs that violate the current dual prices (*pricing*).
///
/// **Profile pricing** (when asked for, and the table fits). `SolverProfileTransform` gives, for
/// every mentee, its `keysPerMentee` best mentors by `scale × score − u_i` (ties by index) over
/// all mentors of positive capacity in the mentee's location set (one transform per location set
/// when the location rule is on). That is exact for everything the rules decide by profile and
/// location; the per-pair exclusions (department rule, explicit pairs) are checked afterwards.
/// Pricing a mentee walks its list while entries violate:
/// - allowed entries are picks; then more members of the first pick's profile cell (same score,
///   in ascending price order, the violating prefix spread over by the mentee's index), and the
///   most violating of `sampleDraws` mentors drawn by a hash of the mentee and its value;
/// - an entry that does not violate ends the walk: nothing below it can violate either;
/// - if every entry violates and every one is excluded for this mentee, an exact scan over all
///   mentors answers for that mentee alone.
/// So no pick for any mentee proves `scale × p_ij ≤ u_i + v_j + slack` for every allowed pair.
/// The seed takes the allowed entries with `u = 0` (the first is the mentee's best score), cell
/// members, a greedy arc and hashed draws the same way.
///
/// **Direct pricing** (`SolverGroupPricing`) is used otherwise: when not asked for, when the
/// profile table would exceed `SolverProfileTransform.cellLimit` cells (more than 14 tools at the
/// default thresholds), or when a run's keys would not be exact in 64 bits.
struct SolverPricing: Sendable {
    enum Mode: Sendable {
        /// Pick up to `perMentee` arcs per mentee, best scores first, at most `perCode` per code,
        /// spread over each code's members by the mentee's index; also find each mentee's best
        /// score (`Output.best`).
        case seed(perMentee: Int, perCode: Int)
        /// Pick up to `perMentee` violating arcs per mentee, most violating codes first.
        /// With `scale` and `slack`, a pair violates when `scale × profit − u_i − v_j > slack`.
        /// With `tiesOnly` (the direct pricing only; not exact, for picking arcs by estimated
        /// prices), a projection offers only its cheapest members, spread over by mentee.
        case price(
            perMentee: Int, perCode: Int, mentorPrice: [Int64], menteeValue: [Int64], best: [Int64?],
            scale: Int64 = 1, slack: Int64 = 0, tiesOnly: Bool = false)
    }

    struct Output: Sendable {
        /// `perMentee` slots per mentee.
        var picks: [Int32]
        var pickCount: [Int32]
        var perMentee: Int
        /// Seed mode only: best allowed score (units) per mentee over mentors of positive capacity.
        var best: [Int64?]
        /// Mentees answered by an exact scan (their best mentor was excluded for them).
        var scans: Int = 0
        var totalPicks: Int { pickCount.reduce(0) { $0 + Int($1) } }
    }

    /// Seed arcs per mentee to mentors drawn evenly from all its usable mentors, so that the
    /// restricted problem has many alternatives everywhere (and no spurious bottlenecks).
    static let spreadArcs = 4
    /// Mentors are *plentiful* when their capacity is at least this many times the mentees
    /// (`mentorsArePlentiful`). Only then does the seed shorten small roots' scans (see `seed`):
    /// where mentors are scarce, most are priced and the cheap part of them offers poor arcs. The
    /// 1,000,000-row survey (225,109 mentors, nearly all of capacity 1, for 129,941 mentees)
    /// pairs about 13% faster with it; `pairing-bench` at 50,000² (capacity 1, as many mentors
    /// as mentees) took 7% longer with it, and does without.
    static let shortenFromCapacity = 1.5

    /// The mentors' capacity is at least `shortenFromCapacity` times the mentees.
    var mentorsArePlentiful: Bool {
        Double(instance.capacityTotal) >= Double(instance.menteeCount) * Self.shortenFromCapacity
    }

    /// Random draws per violating mentee and round (see `sample`).
    static let sampleDraws = 64

    /// Mentors grouped by profile cell, each cell's members in index order.
    struct MentorCells: Sendable {
        /// Dense cell id per mentor.
        var dense: [Int32]
        /// Members of dense cell `c`: `members[start[c]..<start[c + 1]]`.
        var start: [Int32]
        var members: [Int32]
    }

    let instance: SolverInstance
    let transform: SolverProfileTransform?
    /// The transform that screens mentees before a direct pricing run (`screen`): the same as
    /// `transform` when profile pricing is on, else built for screening alone when it fits.
    let screenTransform: SolverProfileTransform?
    /// Best keys kept per mentee and cell by the transform.
    let keysPerMentee: Int
    private(set) var cells: MentorCells
    private let direct: SolverGroupPricing?
    /// Distinct (low-tool set, location) combinations of mentees.
    let menteeGroupCount: Int
    /// Whether the direct pricing's rounds are screened (see `screen`): not where a round that
    /// screens nothing out would visit fewer (root, mentor) pairs than `1/screenVisitShare` of
    /// the transform's list updates. A small problem with many tools is priced faster without:
    /// the 1,000,000-row survey's sample has 133 roots × 5,236 mentors (0.7 million visits)
    /// against 10 tools × 1.6 million cells (15.9 million updates), where each of its pricing
    /// rounds took 0.02 s, mostly the transform.
    let screens: Bool
    /// See `screens`. Screening is faster at 100,000 rows (260 roots × 22,506 mentors, 5.9 million
    /// visits against 15.9 million updates), at 5,000² (457 × 5,000, 2.3 million against 5.3
    /// million) and in the 50,000² bench instance's sample (326 × 2,500, 0.8 million against
    /// 5.3 million: 1.5% slower in all without).
    static let screenVisitShare = 10

    init(
        _ instance: SolverInstance, profiles: Bool = true, keysPerMentee: Int = 4,
        cellLimit: Int = SolverProfileTransform.cellLimit
    ) {
        self.instance = instance
        self.keysPerMentee = max(1, keysPerMentee)
        // The transform and the direct pricing's tables are independent: built side by side.
        let (screenTransform, directAlongside) = concurrently(
            { SolverProfileTransform(instance, cellLimit: cellLimit) },
            { profiles ? nil : SolverGroupPricing(instance, groups: SolverMenteeGroups(instance)) })
        let transform = profiles ? screenTransform : nil
        self.transform = transform
        self.screenTransform = screenTransform
        if let transform {
            direct = nil
            var groups = Set<[UInt64]>()
            for j in 0..<instance.menteeCount where instance.menteeLow[j] != 0 {
                groups.insert([instance.menteeLow[j], UInt64(bitPattern: Int64(instance.menteeLocation[j]))])
            }
            menteeGroupCount = groups.count
            cells = Self.makeCells((0..<instance.mentorCount).map { Int32(transform.mentorCell($0)) })
            // The direct pricing runs only where the profile keys would be inexact: screened.
            screens = true
        } else {
            // Made here when the transform was wanted for pricing but does not fit.
            let direct = directAlongside ?? SolverGroupPricing(instance, groups: SolverMenteeGroups(instance))
            self.direct = direct
            menteeGroupCount = direct.groups.count
            cells = MentorCells(dense: [], start: [0], members: [])
            screens =
                screenTransform.map {
                    direct.roots.count * instance.mentorCount * Self.screenVisitShare > $0.listUpdates
                } ?? false
        }
    }

    private static func makeCells(_ cellOf: [Int32]) -> MentorCells {
        let order = cellOf.indices.sorted { (cellOf[$0], $0) < (cellOf[$1], $1) }
        var dense = [Int32](repeating: 0, count: cellOf.count)
        var start: [Int32] = []
        var members: [Int32] = []
        members.reserveCapacity(cellOf.count)
        var previous: Int32 = -1
        for i in order {
            if start.isEmpty || cellOf[i] != previous {
                start.append(Int32(members.count))
                previous = cellOf[i]
            }
            dense[i] = Int32(start.count - 1)
            members.append(Int32(i))
        }
        start.append(Int32(members.count))
        return MentorCells(dense: dense, start: start, members: members)
    }

    func run(_ mode: Mode) -> Output {
        if let transform, let output = runProfiles(mode, transform) { return output }
        let fallback = direct ?? SolverGroupPricing(instance, groups: SolverMenteeGroups(instance))
        if case .price(_, _, let price, let value, _, let scale, let slack, _) = mode {
            let open = screens ? screen(price: price, value: value, scale: scale, slack: slack) : nil
            return fallback.run(mode, open: open)
        }
        return fallback.run(mode)
    }

    /// A seed run (`.seed(perMentee:perCode:)`), and the arcs each mentee values most at the
    /// estimated mentor prices `hint` (a `tiesOnly` pricing run with every mentee's value 0 and the
    /// seed's best scores, `hintPerMentee` and `hintPerCode` as its `perMentee` and `perCode`). The
    /// direct pricing finds both in one set of scans (`SolverGroupPricing.seed`); the profile
    /// pricing runs twice.
    ///
    /// `small` (direct pricing only, only when mentors are plentiful, see `shortenFromCapacity`,
    /// and only without the department and location rules): the scans of the roots that serve at most `small.mentees` mentees
    /// visit only the cheapest `1/small.share` of the mentors, and their mentees' best scores
    /// come from the profile transform instead (exact, as a profile seed finds them). A root's
    /// scan visits every mentor however few mentees it serves, and costs more the more tools it
    /// has: on the 1,000,000-row survey 524 of the 788 roots serve at most 20 mentees (2,479 of
    /// 118,611 in all, mostly low on 8–12 tools) and took three fifths of the seed's time. Where
    /// mentors are plentiful, many of them are cheap, and the arcs by estimated price are the
    /// cheapest members of good projections anyway. With the department or location rule the
    /// transform's best mentor is often excluded for the mentee (the same department, about one
    /// in six) and each such mentee needs an exact scan of its own, or it works per location: at
    /// 1,000,000 rows the pairing then took 3.82 s instead of 3.20 (department) and 5.04 s
    /// instead of 4.83 (location), so small roots are scanned in full there.
    func seed(
        perMentee: Int, perCode: Int, hint: [Int64], hintPerMentee: Int, hintPerCode: Int,
        small: (mentees: Int, share: Int) = (0, 1)
    ) -> (seed: Output, hinted: Output) {
        if transform == nil, let direct {
            let hinted = SolverGroupPricing.Hinted(price: hint, perMentee: hintPerMentee, perCode: hintPerCode)
            // The transform stands in for the full scans' best scores only where its keys hold
            // every score exactly (as they do for a seed run unless the weights are extreme).
            let shortened =
                mentorsArePlentiful && !instance.hasGroupRules && small.mentees > 0 && small.share > 1
                ? direct.smallRoots(upTo: small.mentees) : []
            guard shortened.contains(true), let screen = screenTransform, screen.fits(maxMagnitude: 0, scale: 1)
            else {
                return direct.seed(perMentee: perMentee, perCode: perCode, hinted: hinted)
            }
            var (seed, hintedOutput) = direct.seed(
                perMentee: perMentee, perCode: perCode, hinted: hinted, shortened: shortened, share: small.share)
            let mentees = direct.mentees(ofRoots: shortened)
            var profile = self
            profile.cells = Self.makeCells((0..<instance.mentorCount).map { Int32(screen.mentorCell($0)) })
            guard let exact = profile.runProfiles(.seed(perMentee: 1, perCode: 1), screen, only: mentees) else {
                preconditionFailure("a seed run fits the transform (checked above)")
            }
            for j in mentees.indices where mentees[j] { seed.best[j] = exact.best[j] }
            return (seed, hintedOutput)
        }
        let seed = run(.seed(perMentee: perMentee, perCode: perCode))
        let hinted = run(
            .price(
                perMentee: hintPerMentee, perCode: hintPerCode, mentorPrice: hint,
                menteeValue: [Int64](repeating: 0, count: instance.menteeCount), best: seed.best, tiesOnly: true))
        return (seed, hinted)
    }

    /// Who could reach each mentee: counts over teach masks (`SolverReachCounts`), whichever
    /// pricing runs, with the best scores a seed run found (`Output.best`). Asked for once the
    /// solve is over, so the counts are not held through it.
    func reach(best: [Int64?]) -> [MenteeReach] {
        var reach = SolverReachCounts.counts(instance)
        for j in 0..<instance.menteeCount {
            reach[j].bestScoreMicros = best[j].map { $0 * instance.scoreUnitMicros }
        }
        return reach
    }

    // MARK: Screening

    /// Per mentee, whether any pair of it can violate the dual at these prices: its best
    /// `scale × profit − u_i` over every mentor of positive capacity in its location set, by the
    /// transform, exceeds `v_j + slack`. The per-pair exclusions (department rule, explicit
    /// pairs) are ignored, so this is an upper bound: a mentee marked `false` has no violating
    /// pair, and the direct pricing can skip it. `nil` when no transform fits these prices.
    ///
    /// Most mentees stop violating after the first rounds, but the direct pricing visits every
    /// mentor for any group with one mentee it cannot rule out by the cheap bound (best score at
    /// the lowest price); the transform costs about the same whatever the population, so the
    /// last rounds, and the final round that proves optimality, get much cheaper.
    func screen(price: [Int64], value: [Int64], scale: Int64, slack: Int64) -> [Bool]? {
        guard let transform = screenTransform else { return nil }
        let (scaledBonus, overflow) = instance.bonus.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        var open = [Bool](repeating: false, count: instance.menteeCount)
        let fits = bestKeys(transform, price: price, scale: scale, k: 1, of: { _ in true }) { _, mentees, lists in
            for (position, j32) in mentees.enumerated() {
                let key = lists[position]
                guard key >= SolverProfileTransform.emptyBelow else { continue }
                let j = Int(j32)
                open[j] = scaledBonus + transform.value(of: key) > value[j] + slack
            }
        }
        return fits ? open : nil
    }

    /// The transform's `k` best keys, by `scale × score − u_i` (`price` `nil`: the score alone),
    /// of every mentee that is low on some tool and passes `include`, over the mentors of positive
    /// capacity in its location set: `visit(set, the set's mentees, their lists)` once per
    /// location set that has any (`k` keys per mentee, `empty`-padded). Returns false, without
    /// visiting, when some price would make the keys inexact.
    private func bestKeys(
        _ transform: SolverProfileTransform, price: [Int64]?, scale: Int64, k: Int, of include: (Int) -> Bool,
        visit: (_ set: Int, _ mentees: [Int32], _ lists: [Int64]) -> Void
    ) -> Bool {
        let instance = self.instance
        let m = instance.mentorCount
        var magnitude: Int64 = 0
        if let price {
            for i in 0..<m where instance.mentorCapacity[i] > 0 {
                guard price[i] != Int64.min else { return false }
                magnitude = max(magnitude, abs(price[i]))
            }
        }
        guard transform.fits(maxMagnitude: magnitude, scale: scale) else { return false }
        // Mentees per location set: 0 = all mentors, l = mentors of location l or unknown.
        let locationRule = instance.locationCount > 1
        var menteesOfSet = [[Int32]](repeating: [], count: locationRule ? instance.locationCount : 1)
        for j in 0..<instance.menteeCount where instance.menteeLow[j] != 0 && include(j) {
            menteesOfSet[locationRule ? Int(instance.menteeLocation[j]) : 0].append(Int32(j))
        }
        for set in 0..<menteesOfSet.count where !menteesOfSet[set].isEmpty {
            var mentorKey = [Int64](repeating: SolverProfileTransform.empty, count: m)
            for i in 0..<m where inSet(i, set) {
                mentorKey[i] = transform.key(value: price.map { -$0[i] } ?? 0, mentor: i)
            }
            visit(
                set, menteesOfSet[set],
                transform.best(mentorKey: mentorKey, mentees: menteesOfSet[set], k: k, scale: scale))
        }
        return true
    }

    // MARK: Profile pricing

    /// Everything one run needs, per mode.
    private struct Run {
        var isSeed: Bool
        var perMentee: Int
        var perCode: Int
        var price: [Int64]
        var value: [Int64]
        var best: [Int64?]
        var scale: Int64
        var slack: Int64
        /// `scale × bonus`.
        var scaledBonus: Int64
    }

    /// With `only`, the mentees marked `false` in it get no picks and no best score.
    private func runProfiles(_ mode: Mode, _ transform: SolverProfileTransform, only: [Bool]? = nil) -> Output? {
        let instance = self.instance
        let m = instance.mentorCount
        let n = instance.menteeCount
        var run: Run
        switch mode {
        case .seed(let k, let q):
            run = Run(
                isSeed: true, perMentee: max(1, k) + 1 + Self.spreadArcs, perCode: max(1, q), price: [], value: [],
                best: [], scale: 1, slack: 0, scaledBonus: instance.bonus)
        case .price(let k, let q, let u, let v, let b, let scale, let slack, _):
            let (scaledBonus, overflow) = instance.bonus.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            run = Run(
                isSeed: false, perMentee: max(1, k), perCode: max(1, q), price: u, value: v, best: b, scale: scale,
                slack: slack, scaledBonus: scaledBonus)
        }
        var output = Output(
            picks: [Int32](repeating: -1, count: n * run.perMentee),
            pickCount: [Int32](repeating: 0, count: n),
            perMentee: run.perMentee, best: [])
        if run.isSeed {
            output.best = [Int64?](repeating: nil, count: n)
        }

        let lowestPrice =
            run.isSeed ? 0 : ((0..<m).filter { instance.mentorCapacity[$0] > 0 }.map { run.price[$0] }.min() ?? 0)
        // Cheap bound when pricing: even the best score at the lowest price does not violate.
        func mayViolate(_ j: Int) -> Bool {
            guard !run.isSeed else { return true }
            guard let b = run.best[j] else { return false }
            let (top, overflow) = (instance.bonus + b).multipliedReportingOverflow(by: run.scale)
            return overflow || top - lowestPrice > run.value[j] + run.slack
        }
        var scratch = Scratch(cells: cells, run: run)
        let k = keysPerMentee
        let fits = bestKeys(
            transform, price: run.isSeed ? nil : run.price, scale: run.scale, k: k,
            of: { (only?[$0] ?? true) && mayViolate($0) }
        ) { set, mentees, lists in
            for (position, j32) in mentees.enumerated() {
                let list = lists[position * k..<position * k + k]
                if run.isSeed {
                    seedMentee(Int(j32), list: list, set: set, transform: transform, scratch: &scratch, output: &output)
                } else {
                    priceMentee(
                        Int(j32), list: list, set: set, transform: transform, scratch: &scratch, output: &output)
                }
            }
        }
        guard fits else { return nil }
        return output
    }

    /// Per-run working memory.
    private struct Scratch {
        var run: Run
        /// Members per dense cell, sorted by (price, index) once a mentee needs the cell.
        var members: [Int32]
        var sorted: [Bool]
        /// Seed: first member of each cell that may still have greedy room.
        var cursor: [Int32]
        /// Seed: mentees taken per mentor by the greedy arcs so far.
        var greedyLoad: [Int32]
        /// Exact scans: the best (value, mentor) pairs so far, best first.
        var top: [(value: Int64, mentor: Int32)] = []

        init(cells: MentorCells, run: Run) {
            self.run = run
            members = cells.members
            sorted = run.isSeed ? [] : [Bool](repeating: false, count: cells.start.count - 1)
            cursor = run.isSeed ? Array(cells.start.dropLast()) : []
            greedyLoad = run.isSeed ? [Int32](repeating: 0, count: cells.dense.count) : []
        }
    }

    /// Mentor `i` belongs to location set `set` and has capacity.
    private func inSet(_ i: Int, _ set: Int) -> Bool {
        guard instance.mentorCapacity[i] > 0 else { return false }
        let l = instance.mentorLocation[i]
        return set == 0 || l == 0 || Int(l) == set
    }

    /// The pair may be used: allowed by every rule and, under `score`, of positive score.
    private func usable(_ i: Int, _ j: Int) -> Bool { instance.profit(mentor: i, mentee: j) != nil }

    /// Allowed by the per-pair exclusions (the rest is settled by profile and location set).
    private func notExcluded(_ i: Int, _ j: Int) -> Bool {
        instance.groupRulesAllow(mentor: i, mentee: j) && !instance.isForbidden(mentor: i, mentee: j)
    }

    private func priceMentee(
        _ j: Int, list: ArraySlice<Int64>, set: Int, transform: SolverProfileTransform, scratch s: inout Scratch,
        output: inout Output
    ) {
        let run = s.run
        let threshold = run.value[j] + run.slack - run.scaledBonus
        let base = j * run.perMentee
        var taken = 0
        var above = 0
        var first: (mentor: Int, score: Int64)?
        for key in list {
            if key < SolverProfileTransform.emptyBelow || transform.value(of: key) <= threshold { break }
            above += 1
            let i = transform.mentor(of: key)
            guard taken < run.perMentee, notExcluded(i, j), usable(i, j),
                let score = instance.score(mentor: i, mentee: j)
            else { continue }
            if first == nil { first = (i, score) }
            output.picks[base + taken] = Int32(i)
            taken += 1
        }
        if taken == 0 {
            // Every listed violator is excluded for this mentee: only a scan can tell what is next.
            if above == list.count { scan(j, set: set, scratch: &s, output: &output) }
            return
        }
        taken = sample(j, set: set, taken: taken, run: run, output: &output)
        // More members of the best violator's cell (same score), in (price, index) order: the
        // violating ones are a prefix; spread over it by the mentee's index.
        if let (star, score) = first, taken < run.perMentee {
            let c = Int(cells.dense[star])
            let from = Int(cells.start[c])
            let to = Int(cells.start[c + 1])
            let price = run.price
            if !s.sorted[c] {
                s.members[from..<to].sort { (price[Int($0)], $0) < (price[Int($1)], $1) }
                s.sorted[c] = true
            }
            let limit = run.scale * (instance.bonus + score) - run.value[j] - run.slack
            var lo = from
            var hi = to
            while lo < hi {
                let mid = (lo + hi) >> 1
                if price[Int(s.members[mid])] < limit { lo = mid + 1 } else { hi = mid }
            }
            let length = lo - from
            if length > 1 {
                let offset = (j &* run.perCode) % length
                for step in 0..<length where taken < run.perMentee {
                    let i = Int(s.members[from + (offset + step) % length])
                    guard inSet(i, set), notExcluded(i, j),
                        !output.picks[base..<base + taken].contains(Int32(i))
                    else { continue }
                    output.picks[base + taken] = Int32(i)
                    taken += 1
                }
            }
        }
        output.pickCount[j] = Int32(taken)
    }

    /// Adds violating arcs to mentors drawn by a hash of the mentee and its value (so the draws
    /// change from round to round): where many mentors would violate equally, the best-keys list
    /// names the same few for every mentee of a profile, and draws spread them out.
    private func sample(_ j: Int, set: Int, taken initial: Int, run: Run, output: inout Output) -> Int {
        var taken = initial
        let m = instance.mentorCount
        guard m > 0, taken < output.perMentee else { return taken }
        let base = j * output.perMentee
        let low = instance.menteeLow[j]
        let vj = run.value[j] + run.slack
        let room = output.perMentee - taken
        var found: [(value: Int64, mentor: Int32)] = []
        var mixed =
            UInt64(truncatingIfNeeded: j) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: vj) &* 0xD1B5_4A32_D192_ED03
        for _ in 0..<Self.sampleDraws {
            mixed = (mixed ^ (mixed >> 31)) &* 0xBF58_476D_1CE4_E5B9
            mixed ^= mixed >> 29
            let i = Int(mixed % UInt64(m))
            guard instance.mentorTeach[i] & low != 0, inSet(i, set), let p = instance.profit(mentor: i, mentee: j)
            else { continue }
            let value = run.scale * p - run.price[i]
            guard value > vj, !output.picks[base..<base + taken].contains(Int32(i)),
                !found.contains(where: { $0.mentor == Int32(i) })
            else { continue }
            if found.count == room, let last = found.last, value <= last.value { continue }
            var position = found.count
            while position > 0 && found[position - 1].value < value { position -= 1 }
            found.insert((value, Int32(i)), at: position)
            if found.count > room { found.removeLast() }
        }
        for entry in found {
            output.picks[base + taken] = entry.mentor
            taken += 1
        }
        return taken
    }

    /// Exact scan for one mentee: the `perMentee` best usable mentors by (value, index), where
    /// value is `scale × profit − price` (seed: the score), keeping only violating ones when pricing.
    private func scan(_ j: Int, set: Int, scratch s: inout Scratch, output: inout Output) {
        let run = s.run
        let capacity = run.isSeed ? run.perMentee - 1 - Self.spreadArcs : run.perMentee
        s.top.removeAll(keepingCapacity: true)
        output.scans += 1
        let low = instance.menteeLow[j]
        var best: Int64?
        var greedy: (score: Int64, mentor: Int)?
        for i in 0..<instance.mentorCount where instance.mentorTeach[i] & low != 0 && inSet(i, set) {
            guard notExcluded(i, j), let score = instance.score(mentor: i, mentee: j) else { continue }
            let value: Int64
            if run.isSeed {
                best = max(best ?? score, score)
                guard usable(i, j) else { continue }
                value = score
                if s.greedyLoad[i] < instance.mentorCapacity[i], greedy.map({ score > $0.score }) ?? true {
                    greedy = (score, i)
                }
            } else {
                guard usable(i, j) else { continue }
                value = run.scale * (instance.bonus + score) - run.price[i]
                if value <= run.value[j] + run.slack { continue }
            }
            if s.top.count == capacity, let last = s.top.last, value <= last.value { continue }
            var position = s.top.count
            while position > 0 && s.top[position - 1].value < value { position -= 1 }
            s.top.insert((value, Int32(i)), at: position)
            if s.top.count > capacity { s.top.removeLast() }
        }
        let base = j * run.perMentee
        for (k, entry) in s.top.enumerated() { output.picks[base + k] = entry.mentor }
        var taken = s.top.count
        if run.isSeed {
            output.best[j] = best
            if let greedy {
                s.greedyLoad[greedy.mentor] += 1
                if !s.top.contains(where: { Int($0.mentor) == greedy.mentor }) {
                    output.picks[base + taken] = Int32(greedy.mentor)
                    taken += 1
                }
            }
        }
        output.pickCount[j] = Int32(taken)
    }

    private func seedMentee(
        _ j: Int, list: ArraySlice<Int64>, set: Int, transform: SolverProfileTransform, scratch s: inout Scratch,
        output: inout Output
    ) {
        let run = s.run
        let base = j * run.perMentee
        let bestArcs = run.perMentee - 1 - Self.spreadArcs
        var taken = 0
        var star: Int?
        var listed = 0
        for key in list {
            if key < SolverProfileTransform.emptyBelow { break }  // fewer mentors than slots
            listed += 1
            let i = transform.mentor(of: key)
            guard notExcluded(i, j) else { continue }
            if star == nil {
                star = i
                output.best[j] = transform.value(of: key)
            }
            if taken < bestArcs && usable(i, j) {
                output.picks[base + taken] = Int32(i)
                taken += 1
            }
        }
        guard let star else {
            // Every listed mentor is excluded for this mentee: scan (nothing listed: nobody teaches j).
            if listed == list.count {
                scan(j, set: set, scratch: &s, output: &output)
                spread(j, taken: Int(output.pickCount[j]), output: &output)
            }
            return
        }
        guard usable(star, j) else {
            output.pickCount[j] = Int32(taken)
            return
        }
        let c = Int(cells.dense[star])
        let from = Int(cells.start[c])
        let to = Int(cells.start[c + 1])
        let length = to - from
        let offset = (j &* run.perCode) % length
        for step in 0..<length where taken < bestArcs {
            let i = Int(s.members[from + (offset + step) % length])
            guard inSet(i, set), notExcluded(i, j), !output.picks[base..<base + taken].contains(Int32(i)) else {
                continue
            }
            output.picks[base + taken] = Int32(i)
            taken += 1
        }
        // Greedy arc: the first member with room left, which then takes this mentee.
        while Int(s.cursor[c]) < to {
            let i = Int(s.members[Int(s.cursor[c])])
            if s.greedyLoad[i] < instance.mentorCapacity[i] { break }
            s.cursor[c] += 1
        }
        var position = Int(s.cursor[c])
        while position < to {
            let i = Int(s.members[position])
            position += 1
            guard s.greedyLoad[i] < instance.mentorCapacity[i], inSet(i, set), notExcluded(i, j) else { continue }
            s.greedyLoad[i] += 1
            if !output.picks[base..<base + taken].contains(Int32(i)) {
                output.picks[base + taken] = Int32(i)
                taken += 1
            }
            break
        }
        spread(j, taken: taken, output: &output)
    }

    /// Spread arcs: mentors drawn by a hash of the mentee, kept when usable.
    private func spread(_ j: Int, taken initial: Int, output: inout Output) {
        var taken = initial
        let m = instance.mentorCount
        let base = j * output.perMentee
        if m > 0 {
            var mixed = UInt64(truncatingIfNeeded: j) &* 0x9E37_79B9_7F4A_7C15
            for _ in 0..<Self.spreadArcs * 4 where taken < output.perMentee {
                mixed = (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
                let i = Int(mixed % UInt64(m))
                if usable(i, j) && !output.picks[base..<base + taken].contains(Int32(i)) {
                    output.picks[base + taken] = Int32(i)
                    taken += 1
                }
            }
        }
        output.pickCount[j] = Int32(taken)
    }
}
