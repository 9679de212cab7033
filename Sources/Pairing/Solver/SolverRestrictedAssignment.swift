import Foundation
import Ingest

/// Exact maximum-profit assignment on an explicit, growing set of arcs, with dual prices.
///
/// Mentees are rows (each takes at most one mentor, or none at profit 0); mentors are columns of
/// capacity `c_i`. The linear programme and its dual are
///
///     max Σ p_ij x_ij   s.t.  Σ_i x_ij ≤ 1,  Σ_j x_ij ≤ c_i,  x ≥ 0
///     min Σ_j v_j + Σ_i c_i u_i   s.t.  u_i + v_j ≥ p_ij on every arc,  u, v ≥ 0.
///
/// The state kept between calls satisfies, for every *settled* row:
///
/// 1. dual feasibility: `u, v ≥ 0` and `u_i + v_j ≥ p_ij` on each of its arcs;
/// 2. complementary slackness: an assigned arc is tight, an unassigned row has `v_j = 0`.
///
/// `update(arcs:dirty:)` takes a new arc set (the old one plus arcs of the `dirty` rows), frees the
/// dirty rows, and settles every free row:
///
/// - **auction** (Jonker–Volgenant's augmenting row reduction): a free row takes its best mentor;
///   a full mentor takes the bidder and gives up the row it holds that loses least by leaving
///   (its margin over its own best other option, staying unpaired counting as 0), at a price
///   raised by the bidder's margin over its second-best option — or by less, when a row that
///   stays has a smaller margin: the rows that stay lose what the price gains, within their
///   margins. Prices only rise and no row drops below its best other option, so settled rows
///   stay feasible; rows still free after a few passes are left to
/// - **row shortest paths**: Dijkstra on reduced costs `u_i + v_j − p_ij ≥ 0` from the free row
///   to a mentor with room or to some row of the path giving up its mentor (at `d_j + v_j`; a
///   mentor wins ties), then the classical
///   potential update (finalised mentors `u += δ − d`, finalised rows `v −= δ − d`) and the
///   augmentation.
///
/// Finally every mentor with room and a positive price (the third optimality condition,
/// `u_i > 0 ⇒ mentor full`) is repaired by **mentor shortest paths**, the mirror image: Dijkstra
/// from the mentor through rows that could move to it, ending where lowering its price to 0 is
/// cheapest, at an unpaired row that takes it, or at a mentor that gives up a row and whose price
/// drops to 0; finalised mentors `u −= δ − d`, rows `v += δ − d`. Like the rows, the mentors to
/// repair are searched from all at once, in phases (`settleMentors`).
///
/// Each step keeps 1 and 2 (the standard Dijkstra argument: an arc between finalised nodes gets
/// reduced cost `rc + d(tail) − d(head) ≥ 0`, one leaving the finalised set loses at most what its
/// head's tentative distance exceeded `δ` by, path arcs become tight), so at the end all three
/// conditions hold and the assignment and prices prove each other optimal on these arcs.
/// Ties are broken by (distance, index); everything runs in index order: deterministic.
struct SolverRestrictedAssignment<Score: FixedWidthInteger & SignedInteger & Sendable>: Sendable {
    let mentorCount: Int
    let menteeCount: Int
    let capacity: [Int32]
    /// Mentor per mentee, `-1` when unpaired.
    private(set) var mentorOfMentee: [Int32]
    /// Dual price `u_i` per mentor.
    private(set) var mentorPrice: [Int64]
    /// Dual value `v_j` per mentee.
    private(set) var menteeValue: [Int64]

    private var rowStart: [Int] = []
    private var arcMentor: [Int32] = []
    /// Each arc's score: its profit less `bonus`, in the narrowest type that holds every score
    /// (at scale the arcs are the largest arrays; profits themselves may need 64 bits).
    private var arcScore: [Score] = []
    private var columnStart: [Int] = []
    private var columnRow: [Int32] = []
    private var columnScore: [Score] = []
    /// Added to every arc's score to give its profit (see `SolverInstance.bonus`).
    let bonus: Int64
    private var load: [Int32]
    private var head: [Int32]
    private var next: [Int32]
    private var prev: [Int32]
    private var distM: [Int64]
    private var distR: [Int64]
    private var seenM: [UInt32]
    private var seenR: [UInt32]
    private var doneM: [UInt32]
    private var doneR: [UInt32]
    /// Row via which a mentor was reached (row search: the row that takes it; mentor search: the row that leaves it).
    private var predM: [Int32]
    /// Mentor via which a row was reached (mentor search: the mentor the row moves to).
    private var predR: [Int32]
    /// Blocking-flow search state: the mentor a row moves to, the row that moves into its place,
    /// the next arc to try (kept through the phase: the arcs before it are spent), the phase
    /// that set it, and phase marks (seen in this search, or a dead end for the phase).
    private var moveTo: [Int32]
    private var parentRow: [Int32]
    private var cursor: [Int]
    private var cursorPhase: [UInt32]
    private var markM: [UInt32]
    private var markR: [UInt32]
    private var phase: UInt32 = 0
    /// The row searches' path stack, kept between searches.
    private var tightPath: [Int32] = []
    /// Distance labels of the tight graph (`labelTightGraph`): a row's label is valid where
    /// `seenR` holds `labelStamp`; the breadth-first queue is kept between calls.
    private var labelR: [Int32]
    private var labelStamp: UInt32 = 0
    /// The tight arcs (`gatherTightArcs`), by row and by mentor: row `j`'s mentors over a tight
    /// arc are `tightMentor[tightRowStart[j]..<tightRowStart[j + 1]]` (in arc order), mentor `i`'s
    /// rows `tightRow[tightStart[i]..<tightStart[i + 1]]`. Prices do not move while rows (or, in
    /// the repairs, mentors) augment along tight arcs, so one gathering after each shortest-path
    /// step serves every search and labelling until the next, and they look at no other arc.
    private var tightRowStart: [Int] = []
    private var tightMentor: [Int32] = []
    private var tightStart: [Int] = []
    private var tightRow: [Int32] = []
    private var labelQueue: [Int32] = []
    /// The mentor searches' labels, the same way (`labelMentors`): valid where `seenM` holds
    /// `labelStampM`.
    private var labelM: [Int32]
    private var labelStampM: UInt32 = 0
    /// Relabels left before the labels are recomputed from scratch.
    private var relabelBudget = 0
    /// A labelling allows one relabel per this many nodes it labelled. Stale labels send searches
    /// into dead ends that each cost a relabel, while a fresh labelling costs about as much per
    /// node: at 50,000² a budget of one per node spent 8.2 million relabels for 9.5 million labels,
    /// a quarter of that 2.4 million for 10.8 million (user time 35.8–38.1 s against 41.6–45.6 s,
    /// 3 runs each); at 1,000,000 rows 0.8 million relabels instead of 3.1 million, for the same
    /// labels.
    static var nodesPerRelabel: Int { 4 }
    /// The mentor searches' state, mirroring the rows': the next column arc to try and the phase
    /// that set it, the row a mentor gives up to the mentor before it on the path, that mentor,
    /// and the stack.
    private var cursorM: [Int]
    private var cursorPhaseM: [UInt32]
    private var viaRow: [Int32]
    private var parentMentor: [Int32]
    private var mentorPath: [Int32] = []
    private var heap = SolverHeap()
    private var epoch: UInt32 = 0
    /// Passes of the auction over the free rows; ties may only evict in the first.
    static var auctionPasses: Int { 4 }

    /// With at most this many free rows left, rows are settled one search each.
    let singleSearchBelow: Int
    /// The mentor repairs (`settleMentors`) go from phase to phase without labelled searches
    /// while the phases are cheap and effective: the phase's search scanned fewer than
    /// 1/`arcShare` of the tight arcs (`arcShare` 0: never), and its pass of depth-first searches
    /// settled at least 1/`settledShare` of the open mentors; from the first phase that is not,
    /// labelled searches as for the rows. A labelling visits every mentor that can reach an end
    /// (127,000 in each repair at 1,000,000 rows, where a search at δ = 0 scans a few thousand
    /// arcs and the pass leaves a few hundred mentors): there another phase is cheaper; at 50,000²
    /// a search scans a million arcs or more, and phases without labels took three times as long.
    let repairPhases: (arcShare: Int, settledShare: Int)
    /// Phases of the mentor repairs that left open mentors to the next phase rather than to
    /// labelled searches (for tests).
    private(set) var repairPhasesWithoutLabels = 0
    /// From this many arcs on, the passes over all arcs (`buildColumns`, `gatherTightArcs`) run
    /// on two threads.
    let concurrentArcPassesFrom: Int

    init(
        capacity: [Int32], menteeCount: Int, bonus: Int64, singleSearchBelow: Int = 0,
        concurrentArcPassesFrom: Int = 1 << 18, repairPhases: (arcShare: Int, settledShare: Int) = (8, 4)
    ) {
        self.singleSearchBelow = singleSearchBelow
        self.repairPhases = repairPhases
        self.concurrentArcPassesFrom = concurrentArcPassesFrom
        self.bonus = bonus
        let mentorCount = capacity.count
        self.mentorCount = mentorCount
        self.menteeCount = menteeCount
        self.capacity = capacity
        mentorOfMentee = [Int32](repeating: -1, count: menteeCount)
        mentorPrice = [Int64](repeating: 0, count: mentorCount)
        menteeValue = [Int64](repeating: 0, count: menteeCount)
        load = [Int32](repeating: 0, count: mentorCount)
        head = [Int32](repeating: -1, count: mentorCount)
        next = [Int32](repeating: -1, count: menteeCount)
        prev = [Int32](repeating: -1, count: menteeCount)
        distM = [Int64](repeating: 0, count: mentorCount)
        distR = [Int64](repeating: 0, count: menteeCount)
        seenM = [UInt32](repeating: 0, count: mentorCount)
        seenR = [UInt32](repeating: 0, count: menteeCount)
        doneM = [UInt32](repeating: 0, count: mentorCount)
        doneR = [UInt32](repeating: 0, count: menteeCount)
        predM = [Int32](repeating: -1, count: mentorCount)
        predR = [Int32](repeating: -1, count: menteeCount)
        moveTo = [Int32](repeating: -1, count: menteeCount)
        parentRow = [Int32](repeating: -1, count: menteeCount)
        cursor = [Int](repeating: 0, count: menteeCount)
        cursorPhase = [UInt32](repeating: 0, count: menteeCount)
        markM = [UInt32](repeating: 0, count: mentorCount)
        markR = [UInt32](repeating: 0, count: menteeCount)
        labelR = [Int32](repeating: 0, count: menteeCount)
        labelM = [Int32](repeating: 0, count: mentorCount)
        cursorM = [Int](repeating: 0, count: mentorCount)
        cursorPhaseM = [UInt32](repeating: 0, count: mentorCount)
        viaRow = [Int32](repeating: -1, count: mentorCount)
        parentMentor = [Int32](repeating: -1, count: mentorCount)
    }

    /// Sets the mentor prices the first `update` starts from (before any row is settled): any
    /// prices `u ≥ 0` will do, since every row is then free and settles feasibly against them, and
    /// the repairs lower the prices of the mentors left with room (mentors of capacity 0 take part
    /// in nothing and stay at 0). Estimated prices close to the optimum's save most of the work.
    mutating func startPrices(_ prices: [Int64]) {
        precondition(mentorOfMentee.allSatisfy { $0 < 0 }, "start prices are set before any row is settled")
        for i in 0..<mentorCount { mentorPrice[i] = capacity[i] > 0 ? max(0, prices[i]) : 0 }
    }

    /// Forgets the assignment and every price, so the next `update` (with every row dirty) solves
    /// from scratch. From `u = 0`, prices rise only on mentors that are full (a mentor with room
    /// ends any search that reaches it), so a cold solve never needs the mentor price repairs.
    mutating func reset() {
        for j in 0..<menteeCount {
            mentorOfMentee[j] = -1
            menteeValue[j] = 0
            next[j] = -1
            prev[j] = -1
        }
        for i in 0..<mentorCount {
            mentorPrice[i] = 0
            load[i] = 0
            head[i] = -1
        }
    }

    /// Replaces the arcs (compressed rows per mentee) and re-settles the `dirty` rows: those whose
    /// arcs changed. Every row's arcs must be a superset of what it had before unless it is dirty.
    mutating func update(
        rowStart: [Int], arcMentor: [Int32], arcScore: [Score], dirty: [Int32], repairMentors: Bool = true
    ) {
        self.rowStart = rowStart
        self.arcMentor = arcMentor
        self.arcScore = arcScore
        buildColumns()
        var free: [Int32] = []
        for row in dirty.sorted() {
            let j = Int(row)
            let mentor = mentorOfMentee[j]
            if mentor >= 0 {
                unlink(row, from: mentor)
                load[Int(mentor)] -= 1
                mentorOfMentee[j] = -1
            }
            menteeValue[j] = 0
            free.append(row)
        }
        let rest = auction(free)
        settleRows(rest)
        // `repairMentors` lets the search memory go itself.
        if repairMentors { self.repairMentors() } else { releaseSearchMemory() }
    }

    /// Lets go of what only the searches need between their calls: the heap holds stale entries
    /// as well as live ones and, at scale, grows to megabytes that would otherwise sit through the
    /// pricing round and the next arc rebuild, where the solver's memory peaks.
    private mutating func releaseSearchMemory() {
        heap = SolverHeap()
    }

    /// Drops the column copy of the arcs, rebuilt by the next `update` or `repairMentors`: between
    /// rounds only the prices and the assignment are needed, and at scale the columns are as
    /// large as the rows the caller builds meanwhile.
    mutating func releaseColumns() {
        columnStart = []
        columnRow = []
        columnScore = []
    }

    /// Restores the third condition, `u_i > 0 ⇒ mentor full`, which `update` may have left
    /// broken (with `repairMentors: false`): the assignment and prices are then optimal on these
    /// arcs only once this has run.
    mutating func repairMentors() {
        if columnStart.isEmpty { buildColumns() }
        var open: [Int32] = []
        for i in 0..<mentorCount {
            while load[i] < capacity[i] && mentorPrice[i] > 0 {
                if lowerPrice(i) { continue }
                open.append(Int32(i))
                break
            }
        }
        settleMentors(open)
        releaseSearchMemory()
    }

    /// Lowers the price of mentor `i` (which has room and a positive price) as far as its arcs to
    /// rows it does not hold allow, raising the values of the rows it holds by the same amount (so
    /// their arcs stay tight; a higher value never breaks feasibility). Returns false when the
    /// price cannot move: some other row's arc to `i` is already tight, a case for the search.
    private mutating func lowerPrice(_ i: Int) -> Bool {
        let mentor = Int32(i)
        var need: Int64 = 0
        for c in columnStart[i]..<columnStart[i + 1] {
            let j = Int(columnRow[c])
            if mentorOfMentee[j] == mentor { continue }
            need = max(need, columnProfit(c) - menteeValue[j])
        }
        let delta = mentorPrice[i] - need
        guard delta > 0 else { return false }
        mentorPrice[i] = need
        var r = head[i]
        while r >= 0 {
            menteeValue[Int(r)] += delta
            r = next[Int(r)]
        }
        return true
    }

    // MARK: Arcs

    /// Profit of row arc `a`.
    @inline(__always)
    private func arcProfit(_ a: Int) -> Int64 { bonus &+ Int64(arcScore[a]) }

    /// Profit of column arc `c`.
    @inline(__always)
    private func columnProfit(_ c: Int) -> Int64 { bonus &+ Int64(columnScore[c]) }

    /// Rows in runs of consecutive rows with about equal numbers of arcs, for the passes over all
    /// arcs that run on two threads: run `r` is rows `split[r]..<split[r + 1]`. One run below
    /// `concurrentArcPassesFrom` arcs.
    private func rowRuns() -> [Int] {
        let arcs = arcMentor.count
        guard arcs >= concurrentArcPassesFrom else { return [0, menteeCount] }
        // The second run starts at the first row whose arcs start in the second half.
        var (low, high) = (0, menteeCount)
        while low < high {
            let middle = (low + high) / 2
            if rowStart[middle] < arcs / 2 { low = middle + 1 } else { high = middle }
        }
        return [0, low, menteeCount]
    }

    /// From each run's count of arcs per mentor (`rowRuns`): where each mentor's list starts (one
    /// more entry, the total), and where each run's part of it starts, in 32 bits. The runs'
    /// parts follow each other in run order, so each list is in row order, as one thread makes it.
    private static func listStarts(runs counts: [[Int32]]) -> (starts: [Int], places: [[Int32]]) {
        let mentorCount = counts[0].count
        var starts = [Int](repeating: 0, count: mentorCount + 1)
        var places = [[Int32]](repeating: [Int32](repeating: 0, count: mentorCount), count: counts.count)
        for i in 0..<mentorCount {
            var at = starts[i]
            for r in counts.indices {
                places[r][i] = Int32(at)
                at += Int(counts[r][i])
            }
            starts[i + 1] = at
        }
        return (starts, places)
    }

    /// The columns: each mentor's arcs, rows in order, with their scores (`columnStart`), made
    /// from the rows on as many threads as `rowRuns` has runs.
    private mutating func buildColumns() {
        // The old columns go first: at scale they are as large as the new ones.
        columnRow = []
        columnScore = []
        let (rowStart, arcMentor, arcScore, mentorCount) = (
            self.rowStart, self.arcMentor, self.arcScore, self.mentorCount
        )
        let split = rowRuns()
        let runs = split.count - 1
        // Each run's count per mentor, in 32 bits (read and written at random: half the width
        // keeps more of them in cache).
        let counts = concurrentMap(count: runs, parts: runs) { r in
            var counts = [Int32](repeating: 0, count: mentorCount)
            counts.withUnsafeMutableBufferPointer { counts in
                for a in rowStart[split[r]]..<rowStart[split[r + 1]] { counts[Int(arcMentor[a])] += 1 }
            }
            return counts
        }
        let (start, places) = Self.listStarts(runs: counts)
        var rows = [Int32](repeating: 0, count: arcMentor.count)
        var scores = [Score](repeating: 0, count: arcMentor.count)
        rows.withUnsafeMutableBufferPointer { rows in
            scores.withUnsafeMutableBufferPointer { scores in
                guard let rows = rows.baseAddress, let scores = scores.baseAddress else { return }
                let shared = (UnsafeSendableBuffer(rows), UnsafeSendableBuffer(scores))
                DispatchQueue.concurrentPerform(iterations: runs) { r in
                    let (rows, scores) = (shared.0.pointer, shared.1.pointer)
                    var fill = places[r]
                    fill.withUnsafeMutableBufferPointer { fill in
                        for j in split[r]..<split[r + 1] {
                            for a in rowStart[j]..<rowStart[j + 1] {
                                let i = Int(arcMentor[a])
                                let place = Int(fill[i])
                                rows[place] = Int32(j)
                                scores[place] = arcScore[a]
                                fill[i] += 1
                            }
                        }
                    }
                }
            }
        }
        columnStart = start
        columnRow = rows
        columnScore = scores
    }

    private mutating func link(_ row: Int32, to mentor: Int32) {
        let h = head[Int(mentor)]
        next[Int(row)] = h
        prev[Int(row)] = -1
        if h >= 0 { prev[Int(h)] = row }
        head[Int(mentor)] = row
    }

    private mutating func unlink(_ row: Int32, from mentor: Int32) {
        let p = prev[Int(row)]
        let n = next[Int(row)]
        if p >= 0 { next[Int(p)] = n } else { head[Int(mentor)] = n }
        if n >= 0 { prev[Int(n)] = p }
        next[Int(row)] = -1
        prev[Int(row)] = -1
    }

    private mutating func assign(_ row: Int32, to mentor: Int32) {
        let old = mentorOfMentee[Int(row)]
        if old == mentor { return }
        if old >= 0 {
            unlink(row, from: old)
            load[Int(old)] -= 1
        }
        link(row, to: mentor)
        load[Int(mentor)] += 1
        mentorOfMentee[Int(row)] = mentor
    }

    // MARK: Auction

    /// Settles what it can of `free`; returns the rows left (sorted).
    private mutating func auction(_ initial: [Int32]) -> [Int32] {
        var deferred: [Int32] = []
        var free = initial
        for pass in 0..<Self.auctionPasses {
            var nextFree: [Int32] = []
            for row in free {
                let j = Int(row)
                var b1 = Int64.min
                var b2: Int64 = 0
                var i1: Int32 = -1
                for a in rowStart[j]..<rowStart[j + 1] {
                    let i = arcMentor[a]
                    let value = arcProfit(a) - mentorPrice[Int(i)]
                    if value > b1 {
                        b2 = max(b2, b1)
                        b1 = value
                        i1 = i
                    } else if value > b2 {
                        b2 = value
                    }
                }
                if b1 <= 0 {
                    menteeValue[j] = 0  // nothing worth taking: stays unpaired
                    continue
                }
                let target = Int(i1)
                if load[target] < capacity[target] {
                    assign(row, to: i1)
                    menteeValue[j] = b1
                    continue
                }
                if b1 == b2, let roomy = equallyGoodWithRoom(row: j, value: b1) {
                    assign(row, to: roomy)
                    menteeValue[j] = b1
                    continue
                }
                // The full mentor gives up the row that loses least by leaving; the price rises
                // by the bidder's margin, or less if a row that stays could not afford more.
                let (evicted, roomOfStayers) =
                    capacity[target] == 1 ? (head[target], Int64.max) : cheapestLeaver(of: target)
                let raise = min(b1 - b2, roomOfStayers)
                guard pass == 0 || raise > 0 else {
                    deferred.append(row)
                    continue
                }
                unlink(evicted, from: i1)
                load[target] -= 1
                mentorOfMentee[Int(evicted)] = -1
                menteeValue[Int(evicted)] = 0
                var stayer = head[target]
                while stayer >= 0 {
                    menteeValue[Int(stayer)] -= raise
                    stayer = next[Int(stayer)]
                }
                assign(row, to: i1)
                mentorPrice[target] += raise
                menteeValue[j] = b1 - raise
                nextFree.append(evicted)
            }
            free = nextFree
        }
        deferred.append(contentsOf: free)
        return deferred.sorted()
    }

    /// The first of row `j`'s mentors that is worth `value` to it at today's prices and has room.
    private func equallyGoodWithRoom(row j: Int, value: Int64) -> Int32? {
        for a in rowStart[j]..<rowStart[j + 1] {
            let i = Int(arcMentor[a])
            if load[i] < capacity[i] && arcProfit(a) - mentorPrice[i] == value { return arcMentor[a] }
        }
        return nil
    }

    /// Of the rows full mentor `i` holds, the one whose value exceeds its best other option
    /// (another mentor at today's prices, or staying unpaired at 0) by the least, and the least
    /// such margin among the others (`Int64.max` when it holds only that row): how far the
    /// mentor's price can rise with the others staying dual-feasible.
    private func cheapestLeaver(of i: Int) -> (row: Int32, roomOfStayers: Int64) {
        let mentor = Int32(i)
        var least = Int64.max
        var second = Int64.max
        var leaver: Int32 = -1
        var r = head[i]
        while r >= 0 {
            let j = Int(r)
            var other: Int64 = 0
            for a in rowStart[j]..<rowStart[j + 1] where arcMentor[a] != mentor {
                other = max(other, arcProfit(a) - mentorPrice[Int(arcMentor[a])])
            }
            let margin = menteeValue[j] - other
            if margin < least || (margin == least && r < leaver) {
                second = least
                least = margin
                leaver = r
            } else if margin < second {
                second = margin
            }
            r = next[j]
        }
        return (leaver, second)
    }

    // MARK: Row shortest paths, all free rows at once

    /// Settles the free rows in phases (the primal–dual method): one Dijkstra from all of them at
    /// once finds the shortest distance δ to any end (a mentor with room, or a row giving up its
    /// mentor at `d + v`); the potential update makes every shortest path tight; then one pass of
    /// depth-first searches (`augmentTight`) and searches guided by distance labels
    /// (`labelTightGraph`, `augmentLabelled`) augment along tight paths until no free row has
    /// one. Each phase settles at least one row; the invariants are those of `settleRow` (only
    /// tight arcs change hands, so prices stay a certificate).
    private mutating func settleRows(_ rows: [Int32]) {
        defer { (tightRowStart, tightMentor, tightStart, tightRow) = ([], [], [], []) }
        var free: [Int32] = []
        for row in rows {
            let j = Int(row)
            var best: Int64 = 0
            for a in rowStart[j]..<rowStart[j + 1] { best = max(best, arcProfit(a) - mentorPrice[Int(arcMentor[a])]) }
            menteeValue[j] = best
            if best > 0 { free.append(row) }  // else nothing worth taking: unpaired, v = 0
        }
        var finalized: [Int32] = []
        var reached: [Int32] = []
        var stack: [Int32] = []
        while !free.isEmpty {
            if free.count <= singleSearchBelow {
                // A few rows left: one search each is cheaper than a search from all of them.
                for row in free { settleRow(Int(row)) }
                return
            }
            epoch &+= 1
            heap.removeAll()
            finalized.removeAll(keepingCapacity: true)
            reached.removeAll(keepingCapacity: true)
            stack.removeAll(keepingCapacity: true)
            for row in free {
                distR[Int(row)] = 0
                reached.append(row)
                stack.append(row)
            }
            stack.reverse()
            var delta: Int64 = 0
            var dropKey = Int64.max
            search: while true {
                while let row = stack.popLast() {
                    let j = Int(row)
                    let dj = distR[j]
                    let vj = menteeValue[j]
                    for a in rowStart[j]..<rowStart[j + 1] {
                        let i = Int(arcMentor[a])
                        if doneM[i] == epoch { continue }
                        let nd = dj + mentorPrice[i] + vj - arcProfit(a)
                        if seenM[i] != epoch || nd < distM[i] {
                            seenM[i] = epoch
                            distM[i] = nd
                            if nd == dj && load[i] < capacity[i] {
                                delta = nd
                                break search
                            }
                            heap.push(nd, Int32(i))
                        }
                    }
                    dropKey = min(dropKey, dj + vj)
                }
                guard let (key, tag) = heap.peek(), key <= dropKey else {
                    delta = dropKey
                    break search
                }
                _ = heap.pop()
                let i = Int(tag)
                if doneM[i] == epoch || key != distM[i] { continue }
                doneM[i] = epoch
                finalized.append(tag)
                if load[i] < capacity[i] {
                    delta = key
                    break search
                }
                var r = head[i]
                while r >= 0 {
                    distR[Int(r)] = key
                    reached.append(r)
                    stack.append(r)
                    r = next[Int(r)]
                }
            }
            for i in finalized { mentorPrice[Int(i)] += delta - distM[Int(i)] }
            for j in reached { menteeValue[Int(j)] -= delta - max(0, min(delta, distR[Int(j)])) }

            // Augmentations along tight arcs. First one pass of plain depth-first searches, free
            // rows in index order (it settles most of what can be settled at these prices, each
            // node walked at most once). Then shortest augmenting paths with distance labels
            // (Ahuja–Orlin) for the rest, which the pass leaves behind its dead marks: label
            // every row by its distance to an end over tight arcs, then one search per free row
            // along arcs whose labels fall by one, relabelling the rows it retreats from; labels
            // are recomputed from scratch when the searches have relabelled a quarter as many rows
            // as the labelling reached (`nodesPerRelabel`), and the searches go on until no free
            // row can reach an end.
            var stillFree = free.filter { menteeValue[Int($0)] > 0 }  // v = 0: "stay unpaired" is tight
            // At δ = 0 no price moved (every finalised node is at distance 0), so the tight arcs
            // of the last phase, if any, are still the tight arcs.
            if delta != 0 || tightRowStart.isEmpty { gatherTightArcs() } else { assert(tightArcsAreCurrent()) }
            startPhase()
            stillFree = stillFree.filter { !augmentTight(from: $0) }
            while !stillFree.isEmpty {
                let labelled = labelTightGraph()
                if !stillFree.contains(where: { seenR[Int($0)] == labelStamp }) { break }
                relabelBudget = labelled / Self.nodesPerRelabel
                startPhase()
                var left: [Int32] = []
                for row in stillFree where relabelBudget < 0 || !augmentLabelled(from: row) {
                    left.append(row)
                }
                if left.count == stillFree.count { break }
                stillFree = left
            }
            if stillFree.count == free.count && stillFree.allSatisfy({ menteeValue[Int($0)] > 0 }) {
                // No progress (should not happen): finish one row at a time, which always progresses.
                for row in stillFree { settleRow(Int(row)) }
                return
            }
            free = stillFree
        }
    }

    /// Gathers the tight arcs, by row and by mentor (see `tightRowStart`), into arrays of their
    /// exact size (at scale a third or more of the arcs are tight): which arcs are tight and how
    /// many per mentor in one pass over the rows' arcs, then the lists; the rows of a mentor's
    /// list in row order, the order of the columns. Large arc sets are gathered on two threads,
    /// each taking a run of rows with about half the arcs: each marks and counts its own, then
    /// fills its own part of each list (the first run's rows before the second's), so the lists
    /// are the same as one thread makes.
    private mutating func gatherTightArcs() {
        (tightRowStart, tightMentor, tightStart, tightRow) = ([], [], [], [])
        let (rowStart, arcMentor, arcScore) = (self.rowStart, self.arcMentor, self.arcScore)
        let (mentorPrice, menteeValue, bonus) = (self.mentorPrice, self.menteeValue, self.bonus)
        let split = rowRuns()
        let runs = split.count - 1
        // Per run: a bit per arc of its rows (from the run's first arc), its count per mentor (in
        // 32 bits: read and written at random, half the width keeps more of them in cache), and
        // its total.
        let marks = concurrentMap(count: runs, parts: runs) { r in
            let first = rowStart[split[r]]
            var isTight = [UInt64](repeating: 0, count: (rowStart[split[r + 1]] - first + 63) / 64)
            var counts = [Int32](repeating: 0, count: mentorPrice.count)
            var total = 0
            isTight.withUnsafeMutableBufferPointer { isTight in
                counts.withUnsafeMutableBufferPointer { counts in
                    for j in split[r]..<split[r + 1] {
                        let vj = menteeValue[j]
                        for a in rowStart[j]..<rowStart[j + 1] {
                            let i = Int(arcMentor[a])
                            if mentorPrice[i] + vj == bonus &+ Int64(arcScore[a]) {
                                let bit = a - first
                                isTight[bit >> 6] |= 1 << UInt64(bit & 63)
                                counts[i] += 1
                                total += 1
                            }
                        }
                    }
                }
            }
            return (isTight: isTight, counts: counts, total: total)
        }
        let (starts, places) = Self.listStarts(runs: marks.map(\.counts))
        // Where each run's tight arcs start in the row-ordered arrays.
        var runOffsets = [0]
        for mark in marks { runOffsets.append(runOffsets[runOffsets.count - 1] + mark.total) }
        let (offsets, total) = (runOffsets, runOffsets[runs])
        var rowStarts = [Int](repeating: 0, count: menteeCount + 1)
        var mentors = [Int32](repeating: 0, count: total)
        var rows = [Int32](repeating: 0, count: total)
        rowStarts.withUnsafeMutableBufferPointer { rowStarts in
            mentors.withUnsafeMutableBufferPointer { mentors in
                rows.withUnsafeMutableBufferPointer { rows in
                    guard let rowStarts = rowStarts.baseAddress, let mentors = mentors.baseAddress,
                        let rows = rows.baseAddress
                    else { return }
                    let shared = (
                        UnsafeSendableBuffer(rowStarts), UnsafeSendableBuffer(mentors), UnsafeSendableBuffer(rows)
                    )
                    DispatchQueue.concurrentPerform(iterations: runs) { r in
                        let (rowStarts, mentors, rows) = (shared.0.pointer, shared.1.pointer, shared.2.pointer)
                        let isTight = marks[r].isTight
                        let first = rowStart[split[r]]
                        var fill = places[r]
                        var n = offsets[r]
                        fill.withUnsafeMutableBufferPointer { fill in
                            for j in split[r]..<split[r + 1] {
                                for a in rowStart[j]..<rowStart[j + 1] {
                                    let bit = a - first
                                    guard isTight[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                                    let i = arcMentor[a]
                                    mentors[n] = i
                                    n += 1
                                    rows[Int(fill[Int(i)])] = Int32(j)
                                    fill[Int(i)] += 1
                                }
                                rowStarts[j + 1] = n
                            }
                        }
                    }
                }
            }
        }
        (tightRowStart, tightMentor, tightStart, tightRow) = (rowStarts, mentors, starts, rows)
    }

    /// Whether the gathered tight arcs by row are those of today's prices (checked in debug builds
    /// where a phase keeps the last phase's).
    private func tightArcsAreCurrent() -> Bool {
        var n = 0
        for j in 0..<menteeCount {
            guard tightRowStart[j] == n else { return false }
            for a in rowStart[j]..<rowStart[j + 1]
            where mentorPrice[Int(arcMentor[a])] + menteeValue[j] == arcProfit(a) {
                guard n < tightMentor.count, tightMentor[n] == arcMentor[a] else { return false }
                n += 1
            }
        }
        return n == tightMentor.count && tightRowStart[menteeCount] == n
    }

    /// A new phase for the depth-first searches' marks (0 means "not marked" and is skipped).
    private mutating func startPhase() {
        phase &+= 1
        if phase == 0 { phase = 1 }
    }

    /// Whether a row that moves to mentor `i` over a tight arc ends a path there: `i` has room,
    /// or holds a row with `v = 0` (not one marked `onPath`, a row of the current search path),
    /// which gives it up. Returns the row that gives it up, `-1` for room, `nil` when `i` is no end.
    @inline(__always)
    private func endAt(_ i: Int, onPath: UInt32) -> Int32? {
        if load[i] < capacity[i] { return -1 }
        var o = head[i]
        while o >= 0 {
            if menteeValue[Int(o)] == 0 && markR[Int(o)] != onPath { return o }
            o = next[Int(o)]
        }
        return nil
    }

    /// Labels every row that can reach an end over tight arcs with its distance there, in moves
    /// of other rows: 0 for a row with a tight arc to an end (`endAt`), `k + 1` for a row with a
    /// tight arc to the mentor of a row labelled `k` (it takes that row's place, and that row
    /// moves on). A breadth-first search backwards from the ends over the mentors' column arcs.
    /// A row's own mentor does not count. Returns how many rows it labelled.
    private mutating func labelTightGraph() -> Int {
        epoch &+= 1
        let stamp = epoch
        labelStamp = stamp
        var queue = labelQueue
        labelQueue = []
        queue.removeAll(keepingCapacity: true)
        for i in 0..<mentorCount where tightStart[i] < tightStart[i + 1] {
            if endAt(i, onPath: UInt32.max) == nil { continue }  // no phase mark is that high
            for c in tightStart[i]..<tightStart[i + 1] {
                let r = Int(tightRow[c])
                if seenR[r] == stamp || mentorOfMentee[r] == Int32(i) { continue }
                seenR[r] = stamp
                labelR[r] = 0
                queue.append(Int32(r))
            }
        }
        var q = 0
        while q < queue.count {
            let x = Int(queue[q])
            q += 1
            let m = mentorOfMentee[x]
            if m < 0 || seenM[Int(m)] == stamp { continue }  // a free row is no one's place to take
            let mi = Int(m)
            seenM[mi] = stamp
            let label = labelR[x] + 1
            for c in tightStart[mi]..<tightStart[mi + 1] {
                let r = Int(tightRow[c])
                if seenR[r] == stamp || mentorOfMentee[r] == m { continue }
                seenR[r] = stamp
                labelR[r] = label
                queue.append(Int32(r))
            }
        }
        labelQueue = queue
        return queue.count
    }

    /// The label row `r` deserves by its tight arcs now, rows on the current path left out
    /// (`Int32.max`: it reaches no end).
    private func freshLabel(_ r: Int) -> Int32 {
        let own = mentorOfMentee[r]
        var best = Int32.max
        for a in tightRowStart[r]..<tightRowStart[r + 1] {
            let i = Int(tightMentor[a])
            if tightMentor[a] == own { continue }
            if endAt(i, onPath: phase) != nil { return 0 }
            var o = head[i]
            while o >= 0 {
                let oj = Int(o)
                if seenR[oj] == labelStamp && labelR[oj] < best - 1 && markR[oj] != phase { best = labelR[oj] + 1 }
                o = next[oj]
            }
        }
        return best
    }

    /// Depth-first search from free row `j0` along admissible arcs (a tight arc from a row
    /// labelled `k` to a mentor holding a row labelled `k − 1`, or to an end when `k = 0`); a
    /// row without one is relabelled and the search retreats from it. Each row keeps its current
    /// arc through the phase. Augments and returns true when it reaches an end; false when `j0`
    /// can reach none, or the relabel budget is spent.
    private mutating func augmentLabelled(from j0: Int32) -> Bool {
        guard seenR[Int(j0)] == labelStamp else { return false }
        var path = tightPath
        tightPath = []
        let phase = self.phase
        path.removeAll(keepingCapacity: true)
        path.append(j0)
        markR[Int(j0)] = phase
        parentRow[Int(j0)] = -1
        if cursorPhase[Int(j0)] != phase {
            cursorPhase[Int(j0)] = phase
            cursor[Int(j0)] = tightRowStart[Int(j0)]
        }
        var end: Int32 = -1
        var leaving: Int32 = -1
        search: while let row = path.last {
            let r = Int(row)
            let label = labelR[r]
            let own = mentorOfMentee[r]
            var a = cursor[r]
            let last = tightRowStart[r + 1]
            while a < last {
                let i = Int(tightMentor[a])
                if tightMentor[a] != own {
                    if label == 0 {
                        if let gone = endAt(i, onPath: phase) {
                            cursor[r] = a
                            moveTo[r] = Int32(i)
                            end = row
                            leaving = gone
                            break search
                        }
                    } else {
                        var o = head[i]
                        while o >= 0 {
                            let oj = Int(o)
                            if seenR[oj] == labelStamp && labelR[oj] == label - 1 && markR[oj] != phase {
                                cursor[r] = a
                                moveTo[r] = Int32(i)
                                parentRow[oj] = row
                                markR[oj] = phase
                                if cursorPhase[oj] != phase {
                                    cursorPhase[oj] = phase
                                    cursor[oj] = tightRowStart[oj]
                                }
                                path.append(o)
                                continue search
                            }
                            o = next[oj]
                        }
                    }
                }
                a += 1
            }
            // No admissible arc: relabel, and retreat (the row before re-examines its arc).
            relabelBudget -= 1
            cursor[r] = tightRowStart[r]
            // A label only rises, so the row before cannot take this row again at once (a
            // label above the true distance costs searches, never a wrong path).
            let fresh = max(freshLabel(r), label + 1)
            if fresh == Int32.max { seenR[r] = 0 } else { labelR[r] = fresh }
            if path.count > 1 || fresh == Int32.max || relabelBudget < 0 {
                markR[r] = 0
                path.removeLast()
            }
        }
        for row in path { markR[Int(row)] = 0 }
        tightPath = path
        guard end >= 0 else { return false }
        if leaving >= 0 {
            let mentor = moveTo[Int(end)]
            unlink(leaving, from: mentor)
            load[Int(mentor)] -= 1
            mentorOfMentee[Int(leaving)] = -1
        }
        applyTightPath(end: end)
        return true
    }

    /// Depth-first search from free row `j0` over tight arcs to a mentor with room or to a row
    /// whose "give up the mentor" is tight (`v = 0`); augments and returns true when found.
    ///
    /// Every free row of every phase runs one, so the search works on local copies of the arrays
    /// it writes (moved out of `self` and back, no copying): writes to a local array need no
    /// uniqueness check per element. The path stack is kept between calls.
    private mutating func augmentTight(from j0: Int32) -> Bool {
        var path = tightPath
        var markR = self.markR
        var markM = self.markM
        var cursor = self.cursor
        var cursorPhase = self.cursorPhase
        var parentRow = self.parentRow
        var moveTo = self.moveTo
        tightPath = []
        self.markR = []
        self.markM = []
        self.cursor = []
        self.cursorPhase = []
        self.parentRow = []
        self.moveTo = []
        let phase = self.phase
        path.removeAll(keepingCapacity: true)
        path.append(j0)
        markR[Int(j0)] = phase
        if cursorPhase[Int(j0)] != phase {
            cursorPhase[Int(j0)] = phase
            cursor[Int(j0)] = tightRowStart[Int(j0)]
        }
        parentRow[Int(j0)] = -1
        // The row whose move ends the path, and the row that gives up its mentor there (-1: the
        // mentor has room).
        var end: Int32 = -1
        var leaving: Int32 = -1
        search: while let row = path.last {
            let r = Int(row)
            if cursor[r] == tightRowStart[r + 1] {
                path.removeLast()
                continue
            }
            let a = cursor[r]
            cursor[r] += 1
            let i = Int(tightMentor[a])
            if markM[i] == phase { continue }
            markM[i] = phase
            moveTo[r] = Int32(i)
            if load[i] < capacity[i] {
                end = row
                break search
            }
            var other = head[i]
            while other >= 0 {
                if markR[Int(other)] != phase && menteeValue[Int(other)] == 0 {
                    end = row
                    leaving = other
                    break search
                }
                other = next[Int(other)]
            }
            other = head[i]
            while other >= 0 {
                let o = Int(other)
                if markR[o] != phase {
                    markR[o] = phase
                    parentRow[o] = row
                    if cursorPhase[o] != phase {
                        cursorPhase[o] = phase
                        cursor[o] = tightRowStart[o]
                    }
                    path.append(other)
                }
                other = next[o]
            }
        }
        if end >= 0 {
            // Found. Rows this search explored to the end stay marked: dead ends for the rest of
            // the phase (a path elsewhere does not change what they reach). The rows still on the
            // stack (the path, and rows queued behind it) and the mentors they were reached
            // through are released for the next search, as is the end mentor, which may have
            // room left; a released row resumes at its cursor. (A row or arc passed over because
            // this search held a node that it then released is only missed for this phase: the
            // next phase's search sees it again.)
            markM[Int(moveTo[Int(end)])] = 0
            for row in path {
                markR[Int(row)] = 0
                let parent = parentRow[Int(row)]
                if parent >= 0 { markM[Int(moveTo[Int(parent)])] = 0 }
            }
        }
        tightPath = path
        self.markR = markR
        self.markM = markM
        self.cursor = cursor
        self.cursorPhase = cursorPhase
        self.parentRow = parentRow
        self.moveTo = moveTo
        guard end >= 0 else { return false }
        if leaving >= 0 {
            let mentor = moveTo[Int(end)]
            unlink(leaving, from: mentor)
            load[Int(mentor)] -= 1
            mentorOfMentee[Int(leaving)] = -1
        }
        applyTightPath(end: end)
        return true
    }

    /// Moves every row of the search path to its `moveTo` mentor, from the end back to the root.
    private mutating func applyTightPath(end: Int32) {
        var row = end
        while row >= 0 {
            let up = parentRow[Int(row)]
            assign(row, to: moveTo[Int(row)])
            row = up
        }
    }

    // MARK: Row shortest paths

    /// Settles free row `j0` by a shortest augmenting path.
    private mutating func settleRow(_ j0: Int) {
        var best: Int64 = 0
        for a in rowStart[j0]..<rowStart[j0 + 1] { best = max(best, arcProfit(a) - mentorPrice[Int(arcMentor[a])]) }
        menteeValue[j0] = best
        guard best > 0 else { return }  // nothing worth taking: unpaired, v = 0
        epoch &+= 1
        heap.removeAll()
        var finalized: [Int32] = []
        var reached: [Int32] = [Int32(j0)]
        var stack: [Int32] = [Int32(j0)]
        distR[j0] = 0
        var sinkMentor: Int32 = -1
        var sinkRow: Int32 = -1
        var delta: Int64 = 0
        var dropKey = Int64.max
        var dropRow: Int32 = -1

        search: while true {
            while let row = stack.popLast() {
                let j = Int(row)
                let dj = distR[j]
                let vj = menteeValue[j]
                for a in rowStart[j]..<rowStart[j + 1] {
                    let i = Int(arcMentor[a])
                    if doneM[i] == epoch { continue }
                    let nd = dj + mentorPrice[i] + vj - arcProfit(a)
                    if seenM[i] != epoch || nd < distM[i] {
                        seenM[i] = epoch
                        distM[i] = nd
                        predM[i] = row
                        if nd == dj && load[i] < capacity[i] {
                            // A mentor with room at the current, smallest distance: the path ends here.
                            sinkMentor = Int32(i)
                            delta = nd
                            break search
                        }
                        heap.push(nd, Int32(i))
                    }
                }
                // A row giving up its mentor: kept aside, only the cheapest matters.
                if dj + vj < dropKey || (dj + vj == dropKey && row < dropRow) {
                    dropKey = dj + vj
                    dropRow = row
                }
            }
            guard let (key, tag) = heap.peek(), key <= dropKey else {
                sinkRow = dropRow
                delta = dropKey
                break search
            }
            _ = heap.pop()
            let i = Int(tag)
            if doneM[i] == epoch || key != distM[i] { continue }
            doneM[i] = epoch
            finalized.append(tag)
            if load[i] < capacity[i] {
                sinkMentor = tag
                delta = key
                break search
            }
            var r = head[i]
            while r >= 0 {
                distR[Int(r)] = key
                reached.append(r)
                stack.append(r)
                r = next[Int(r)]
            }
        }

        for i in finalized { mentorPrice[Int(i)] += delta - distM[Int(i)] }
        for j in reached { menteeValue[Int(j)] -= delta - distR[Int(j)] }

        var column: Int32
        if sinkRow >= 0 {
            if sinkRow == Int32(j0) { return }
            column = mentorOfMentee[Int(sinkRow)]
            unlink(sinkRow, from: column)
            load[Int(column)] -= 1
            mentorOfMentee[Int(sinkRow)] = -1
        } else {
            column = sinkMentor
        }
        while true {
            let row = predM[Int(column)]
            let old = mentorOfMentee[Int(row)]
            assign(row, to: column)
            if row == Int32(j0) { break }
            column = old
        }
    }

    // MARK: Mentor shortest paths

    /// The rows a finalised mentor keeps move with its price: finalised at the mentor's distance,
    /// so that their assigned arcs stay tight (matters for capacity above 1).
    private mutating func attachRows(of mentor: Int, at distance: Int64, finalized: inout [Int32]) {
        var r = head[mentor]
        while r >= 0 {
            let j = Int(r)
            if doneR[j] != epoch {
                doneR[j] = epoch
                distR[j] = distance
                finalized.append(r)
            }
            r = next[j]
        }
    }

    /// Repairs `mentors` (each with room and a positive price that `lowerPrice` cannot move) in
    /// phases, the mirror image of `settleRows`: one search from all of them at once
    /// (`mentorSearch`) lowers every open mentor's price by the shortest distance δ to any end and
    /// makes every shortest path tight, then one pass of depth-first searches (`augmentMentor`)
    /// and searches guided by distance labels (`labelMentors`, `augmentLabelledMentor`) move rows
    /// along tight paths until no open mentor has one. A phase that neither lowers a price nor
    /// moves a row (not expected) hands the rest to `settleMentor`, one mentor at a time, which
    /// always progresses.
    private mutating func settleMentors(_ mentors: [Int32]) {
        defer { (tightRowStart, tightMentor, tightStart, tightRow) = ([], [], [], []) }
        var open = mentors
        var preferPhases = true
        while !open.isEmpty {
            let (delta, _, _, work) = mentorSearch(from: open)
            // As in `settleRows`: at δ = 0 the last phase's tight arcs are still the tight arcs.
            if delta != 0 || tightRowStart.isEmpty { gatherTightArcs() } else { assert(tightArcsAreCurrent()) }
            startPhase()
            var progress = delta > 0
            var stillOpen: [Int32] = []
            for mentor in open {
                let i = Int(mentor)
                if mentorPrice[i] > 0 && augmentMentor(from: mentor) { progress = true }
                if load[i] < capacity[i] && mentorPrice[i] > 0 { stillOpen.append(mentor) }
            }
            // Then labelled searches for what the pass left, as for the rows; or, while phases are
            // cheap and effective, another phase (see `repairPhases`).
            let (arcShare, settledShare) = repairPhases
            if preferPhases
                && (arcShare <= 0 || work >= tightRow.count / arcShare
                    || (open.count - stillOpen.count) * settledShare < open.count)
            {
                preferPhases = false
            }
            if preferPhases && !stillOpen.isEmpty { repairPhasesWithoutLabels += 1 }
            while !stillOpen.isEmpty && !preferPhases {
                let labelled = labelMentors()
                if !stillOpen.contains(where: { seenM[Int($0)] == labelStampM }) { break }
                relabelBudget = labelled / Self.nodesPerRelabel
                startPhase()
                var moved = false
                var left: [Int32] = []
                for mentor in stillOpen {
                    let i = Int(mentor)
                    if relabelBudget >= 0 && augmentLabelledMentor(from: mentor) { moved = true }
                    if load[i] < capacity[i] && mentorPrice[i] > 0 { left.append(mentor) }
                }
                stillOpen = left
                if !moved { break }
                progress = true
            }
            if !progress {
                for mentor in stillOpen {
                    let i = Int(mentor)
                    while load[i] < capacity[i] && mentorPrice[i] > 0 {
                        if lowerPrice(i) { continue }
                        settleMentor(i)
                    }
                }
                return
            }
            open = stillOpen
        }
    }

    /// Dijkstra from `sources` (mentors with room and a positive price, all at distance 0)
    /// through rows that could move to a finalised mentor, to the nearest end: a mentor whose
    /// price falls to 0 (at `d + u`; a source's own price included), or an unpaired row. Then the
    /// potential update: finalised mentors `u −= δ − d`, finalised rows `v += δ − d`. Returns δ,
    /// the end (`predR`: the mentor a reached row moves to; `predM`: the row a finalised mentor
    /// gives up), and the search's work: the column arcs it scanned.
    private mutating func mentorSearch(
        from sources: [Int32]
    ) -> (delta: Int64, sinkMentor: Int32, sinkRow: Int32, work: Int) {
        var work = 0
        epoch &+= 1
        heap.removeAll()
        var finalizedM: [Int32] = []
        var finalizedR: [Int32] = []
        let sinkBase = Int32(menteeCount)
        for mentor in sources {
            let i = Int(mentor)
            distM[i] = 0
            doneM[i] = epoch
            finalizedM.append(mentor)
            attachRows(of: i, at: 0, finalized: &finalizedR)
            heap.push(mentorPrice[i], sinkBase + mentor)
        }
        var stack = Array(sources.reversed())
        var sinkMentor: Int32 = -1
        var sinkRow: Int32 = -1
        var delta: Int64 = 0
        search: while true {
            while let mentor = stack.popLast() {
                let i = Int(mentor)
                let di = distM[i]
                let ui = mentorPrice[i]
                work &+= columnStart[i + 1] - columnStart[i]
                for c in columnStart[i]..<columnStart[i + 1] {
                    let j = Int(columnRow[c])
                    if doneR[j] == epoch || mentorOfMentee[j] == mentor { continue }
                    let nd = di + ui + menteeValue[j] - columnProfit(c)
                    if seenR[j] != epoch || nd < distR[j] {
                        seenR[j] = epoch
                        distR[j] = nd
                        predR[j] = mentor
                        if nd == di && mentorOfMentee[j] < 0 {
                            // An unpaired row at the current distance: no end is nearer.
                            doneR[j] = epoch
                            finalizedR.append(Int32(j))
                            sinkRow = Int32(j)
                            delta = nd
                            break search
                        }
                        heap.push(nd, Int32(j))
                    }
                }
            }
            guard let (key, tag) = heap.pop() else { break search }  // not reached: sinks are queued
            if tag >= sinkBase {
                sinkMentor = tag - sinkBase
                delta = key
                break search
            }
            let j = Int(tag)
            if doneR[j] == epoch || key != distR[j] { continue }
            doneR[j] = epoch
            finalizedR.append(tag)
            let mentor = mentorOfMentee[j]
            if mentor < 0 {
                sinkRow = tag
                delta = key
                break search
            }
            let i = Int(mentor)
            if doneM[i] == epoch { continue }
            doneM[i] = epoch
            distM[i] = key
            predM[i] = tag
            finalizedM.append(mentor)
            attachRows(of: i, at: key, finalized: &finalizedR)
            if mentorPrice[i] == 0 {
                // Its price is already 0: an end at the current distance, so no end is nearer.
                sinkMentor = mentor
                delta = key
                break search
            }
            heap.push(key + mentorPrice[i], sinkBase + mentor)
            stack.append(mentor)
        }
        for i in finalizedM { mentorPrice[Int(i)] -= delta - distM[Int(i)] }
        for j in finalizedR { menteeValue[Int(j)] += delta - distR[Int(j)] }
        return (delta, sinkMentor, sinkRow, work)
    }

    /// Labels every mentor that can reach an end of a mentor path over tight arcs with its
    /// distance there, in moves of rows: 0 for a mentor with a tight arc to a row that is
    /// unpaired or held by a mentor at price 0 (`augmentMentor`'s ends), `k + 1` for a mentor
    /// with a tight arc to a row held by a mentor labelled `k` (it takes that row, and that
    /// mentor then needs one). Backwards, breadth first, from the ends over the rows' arcs.
    /// Returns how many mentors it labelled.
    private mutating func labelMentors() -> Int {
        epoch &+= 1
        let stamp = epoch
        labelStampM = stamp
        var queue = labelQueue
        labelQueue = []
        queue.removeAll(keepingCapacity: true)
        for j in 0..<menteeCount where tightRowStart[j] < tightRowStart[j + 1] {
            let holder = mentorOfMentee[j]
            if holder >= 0 && mentorPrice[Int(holder)] != 0 { continue }
            for a in tightRowStart[j]..<tightRowStart[j + 1] {
                let i = Int(tightMentor[a])
                if tightMentor[a] == holder || seenM[i] == stamp { continue }
                seenM[i] = stamp
                labelM[i] = 0
                queue.append(Int32(i))
            }
        }
        var q = 0
        while q < queue.count {
            let x = queue[q]
            q += 1
            let label = labelM[Int(x)] + 1
            var j = head[Int(x)]
            while j >= 0 {
                let r = Int(j)
                j = next[r]
                if seenR[r] == stamp { continue }
                seenR[r] = stamp
                for a in tightRowStart[r]..<tightRowStart[r + 1] {
                    let i = Int(tightMentor[a])
                    if tightMentor[a] == x || seenM[i] == stamp { continue }
                    seenM[i] = stamp
                    labelM[i] = label
                    queue.append(Int32(i))
                }
            }
        }
        labelQueue = queue
        return queue.count
    }

    /// The label mentor `m` deserves by its tight arcs now, mentors on the current path left
    /// out (`Int32.max`: it reaches no end).
    private func freshLabelM(_ m: Int) -> Int32 {
        let mentor = Int32(m)
        var best = Int32.max
        for c in tightStart[m]..<tightStart[m + 1] {
            let j = Int(tightRow[c])
            let holder = mentorOfMentee[j]
            if holder == mentor { continue }
            if holder < 0 || mentorPrice[Int(holder)] == 0 { return 0 }
            let h = Int(holder)
            if seenM[h] == labelStampM && labelM[h] < best - 1 && markM[h] != phase { best = labelM[h] + 1 }
        }
        return best
    }

    /// The mirror of `augmentLabelled`: a depth-first search from mentor `i0` (room, a positive
    /// price) along admissible arcs (a tight arc to a row held by a mentor labelled one less, or
    /// to an end at label 0), relabelling the mentors it retreats from. Moves the rows along the
    /// path it finds, as `augmentMentor` does, and returns true; false when `i0` reaches no end,
    /// or the relabel budget is spent.
    private mutating func augmentLabelledMentor(from i0: Int32) -> Bool {
        guard seenM[Int(i0)] == labelStampM else { return false }
        var path = mentorPath
        mentorPath = []
        let phase = self.phase
        path.removeAll(keepingCapacity: true)
        path.append(i0)
        markM[Int(i0)] = phase
        parentMentor[Int(i0)] = -1
        if cursorPhaseM[Int(i0)] != phase {
            cursorPhaseM[Int(i0)] = phase
            cursorM[Int(i0)] = tightStart[Int(i0)]
        }
        var endRow: Int32 = -1
        var endMentor: Int32 = -1
        search: while let mentor = path.last {
            let m = Int(mentor)
            let label = labelM[m]
            var c = cursorM[m]
            let last = tightStart[m + 1]
            while c < last {
                let j = Int(tightRow[c])
                let holder = mentorOfMentee[j]
                if holder != mentor {
                    if label == 0 {
                        if holder < 0 || mentorPrice[Int(holder)] == 0 {
                            cursorM[m] = c
                            endRow = Int32(j)
                            endMentor = mentor
                            break search
                        }
                    } else if holder >= 0 {
                        let h = Int(holder)
                        if seenM[h] == labelStampM && labelM[h] == label - 1 && markM[h] != phase {
                            cursorM[m] = c
                            viaRow[h] = Int32(j)
                            parentMentor[h] = mentor
                            markM[h] = phase
                            if cursorPhaseM[h] != phase {
                                cursorPhaseM[h] = phase
                                cursorM[h] = tightStart[h]
                            }
                            path.append(holder)
                            continue search
                        }
                    }
                }
                c += 1
            }
            // No admissible arc: relabel (a label only rises), and retreat.
            relabelBudget -= 1
            cursorM[m] = tightStart[m]
            let fresh = max(freshLabelM(m), label + 1)
            if fresh == Int32.max { seenM[m] = 0 } else { labelM[m] = fresh }
            if path.count > 1 || fresh == Int32.max || relabelBudget < 0 {
                markM[m] = 0
                path.removeLast()
            }
        }
        for mentor in path { markM[Int(mentor)] = 0 }
        mentorPath = path
        guard endRow >= 0 else { return false }
        assign(endRow, to: endMentor)
        var current = endMentor
        while current != i0 {
            let row = viaRow[Int(current)]
            let parent = parentMentor[Int(current)]
            assign(row, to: parent)
            current = parent
        }
        return true
    }

    /// Depth-first search from mentor `i0` (room, a positive price) over tight arcs, backwards:
    /// a row it does not hold may move to it, and the row's mentor then needs a row in its place,
    /// until a row that is unpaired, or held by a mentor whose price is 0 (which may keep the
    /// room), ends the path. Moves the rows along the path and returns true when found. Marks and
    /// cursors work as in the row searches (`augmentLabelled`).
    private mutating func augmentMentor(from i0: Int32) -> Bool {
        var path = mentorPath
        mentorPath = []
        let phase = self.phase
        path.removeAll(keepingCapacity: true)
        path.append(i0)
        markM[Int(i0)] = phase
        if cursorPhaseM[Int(i0)] != phase {
            cursorPhaseM[Int(i0)] = phase
            cursorM[Int(i0)] = tightStart[Int(i0)]
        }
        parentMentor[Int(i0)] = -1
        var endRow: Int32 = -1
        var endMentor: Int32 = -1
        search: while let mentor = path.last {
            let m = Int(mentor)
            if cursorM[m] == tightStart[m + 1] {
                path.removeLast()
                continue
            }
            let c = cursorM[m]
            cursorM[m] += 1
            let j = Int(tightRow[c])
            if markR[j] == phase || mentorOfMentee[j] == mentor { continue }
            markR[j] = phase
            let holder = mentorOfMentee[j]
            if holder < 0 || mentorPrice[Int(holder)] == 0 {
                endRow = Int32(j)
                endMentor = mentor
                break search
            }
            let h = Int(holder)
            if markM[h] == phase { continue }
            markM[h] = phase
            viaRow[h] = Int32(j)
            parentMentor[h] = mentor
            if cursorPhaseM[h] != phase {
                cursorPhaseM[h] = phase
                cursorM[h] = tightStart[h]
            }
            path.append(holder)
        }
        if endRow >= 0 {
            // What is still on the stack is released for the next search.
            markR[Int(endRow)] = 0
            for mentor in path {
                markM[Int(mentor)] = 0
                if parentMentor[Int(mentor)] >= 0 { markR[Int(viaRow[Int(mentor)])] = 0 }
            }
        }
        mentorPath = path
        guard endRow >= 0 else { return false }
        assign(endRow, to: endMentor)
        var current = endMentor
        while current != i0 {
            let row = viaRow[Int(current)]
            let parent = parentMentor[Int(current)]
            assign(row, to: parent)
            current = parent
        }
        return true
    }

    /// Lowers the price of mentor `i0` (which has room and a positive price) to 0, or fills a
    /// place of it, whichever the shortest path says.
    private mutating func settleMentor(_ i0: Int) {
        let (_, sinkMentor, sinkRow, _) = mentorSearch(from: [Int32(i0)])
        var row: Int32
        if sinkRow >= 0 {
            row = sinkRow
        } else {
            if sinkMentor == Int32(i0) || sinkMentor < 0 { return }  // the price fell to 0: nothing moves
            row = predM[Int(sinkMentor)]
        }
        while true {
            let target = predR[Int(row)]
            assign(row, to: target)
            if target == Int32(i0) { break }
            row = predM[Int(target)]
        }
    }
}
