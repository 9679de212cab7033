import Foundation

/// The direct form of `SolverPricing`, used when the profile table would be too large (many
/// tools) or its keys too wide (huge weights × population).
///
/// It works one mentee group at a time (see `SolverMenteeGroups`): the group's mentors, visited
/// in ascending price order, are bucketed by their projection on the group's tool set `S`
/// (a *code*). Every mentor of a code gives every mentee of the group the same score, so a
/// mentee looks at codes, not mentors, and inside a code at members in ascending price order.
/// Only the per-pair exclusions (department rule, explicit pairs) need a look at a member.
/// One scan serves several groups, in the seed and in pricing: a group whose tool set lies
/// within a larger group's (a *root*, see `roots`) takes the root's codes, projected onto its
/// own tools (`projectCodes`), instead of scanning the mentors again. Reach counts need no scan
/// (`SolverPricing.reach(best:)` takes them from `SolverReachCounts`).
///
/// Pricing is exact: for a mentee `j` with value `v_j`, a code with score `s` violates the dual
/// through member `i` iff `bonus + s − u_i > v_j` and the pair is allowed; members are sorted by
/// `u_i`, so the violating members form a prefix, found by binary search, and every member of
/// that prefix is examined until enough allowed ones are found. No pick for any mentee therefore
/// proves `u_i + v_j ≥ p_ij` for every allowed pair.
struct SolverGroupPricing: Sendable {
    typealias Mode = SolverPricing.Mode
    typealias Output = SolverPricing.Output

    static let spreadArcs = SolverPricing.spreadArcs

    let instance: SolverInstance
    let groups: SolverMenteeGroups
    /// `mentorCount × toolCount` digits: 0 = not teachable, else `value − mentorMin + 1`.
    let mentorDigit: [UInt8]
    /// With at most `packedToolLimit` kept tools, each mentor's digits in one word, a nibble per
    /// tool (tool `t` in bits `4t..<4t + 4`), and `hasCapacity` set when its capacity is positive:
    /// the scan of a group then reads one word per mentor (see `scanPacked`). Empty otherwise.
    let mentorWord: [UInt64]

    static let packedToolLimit = 15
    static let hasCapacity: UInt64 = 1 << 63
    /// Pricing scans: the groups whose scans price other groups too (*roots*), in group order,
    /// and the groups each one serves besides itself. A group is served by a root of the same
    /// location whose tool set contains its own, so that every code of the root's scan projects
    /// onto the group's tools (see `priceGroup`). Without packed words every group is a root.
    let roots: [Int32]
    let served: [[Int32]]
    /// Largest tool set of a root that serves other groups: its codes (`radix^tools`, 6,561 at
    /// the default thresholds) are looked at once per served group and class.
    static let rootToolLimit = 8
    /// At most this many more tools in a root than in a group it serves, so that each of the
    /// group's projections gathers at most `radix^rootExtraTools` of the root's codes.
    static let rootExtraTools = 2

    /// `packed: false` keeps the digit rows only (tests compare the two scans); `serving: false`
    /// makes every group a root (tests compare with served pricing).
    init(_ instance: SolverInstance, groups: SolverMenteeGroups, packed: Bool = true, serving: Bool = true) {
        self.instance = instance
        self.groups = groups
        let tools = instance.toolCount
        var digit = [UInt8](repeating: 0, count: instance.mentorCount * tools)
        for i in 0..<instance.mentorCount {
            for t in 0..<tools { digit[i * tools + t] = UInt8(instance.mentorState(i, tool: t)) }
        }
        mentorDigit = digit
        guard packed && tools <= Self.packedToolLimit else {
            mentorWord = []
            roots = (0..<groups.count).map { Int32($0) }
            served = [[Int32]](repeating: [], count: groups.count)
            return
        }
        mentorWord = (0..<instance.mentorCount).map { i in
            var word: UInt64 = instance.mentorCapacity[i] > 0 ? Self.hasCapacity : 0
            for t in 0..<tools { word |= UInt64(digit[i * tools + t]) << UInt64(4 * t) }
            return word
        }
        guard serving else {
            roots = (0..<groups.count).map { Int32($0) }
            served = [[Int32]](repeating: [], count: groups.count)
            return
        }
        (roots, served) = Self.coverGroups(groups, radix: instance.digitRadix)
    }

    /// Roots for the pricing scans: groups by tool count, largest first (then by index); each
    /// joins the first root already chosen that contains its tool set (same location, at most
    /// `rootToolLimit` tools, codes within the direct table), or becomes a root itself.
    private static func coverGroups(_ groups: SolverMenteeGroups, radix: Int) -> ([Int32], [[Int32]]) {
        var fits = [Bool](repeating: false, count: Self.rootToolLimit + 1)
        var span = 1
        for k in 0...Self.rootToolLimit {
            fits[k] = span <= Scratch.tableSize
            span *= radix
        }
        let order = (0..<groups.count).sorted {
            (groups.lowMask[$1].nonzeroBitCount, $0) < (groups.lowMask[$0].nonzeroBitCount, $1)
        }
        var rootOf = [Int32](repeating: -1, count: groups.count)
        var covering: [Int32] = []
        for g in order {
            let mask = groups.lowMask[g]
            let location = groups.location[g]
            if let root = covering.first(where: {
                groups.location[Int($0)] == location && groups.lowMask[Int($0)] & mask == mask
                    && groups.lowMask[Int($0)].nonzeroBitCount - mask.nonzeroBitCount <= Self.rootExtraTools
            }) {
                rootOf[g] = root
                continue
            }
            rootOf[g] = Int32(g)
            let size = mask.nonzeroBitCount
            if size <= Self.rootToolLimit && fits[size] { covering.append(Int32(g)) }
        }
        var served = [[Int32]](repeating: [], count: groups.count)
        var roots: [Int32] = []
        for g in 0..<groups.count {
            if rootOf[g] == Int32(g) {
                roots.append(Int32(g))
            } else {
                served[Int(rootOf[g])].append(Int32(g))
            }
        }
        return (roots, served)
    }

    /// With `open`, pricing looks only at the mentees marked `true` in it: the caller has shown
    /// that no other mentee has a violating pair.
    func run(_ mode: Mode, open: [Bool]? = nil) -> Output {
        runScans(mode, open: open, hinted: nil).output
    }

    /// Picking arcs by estimated mentor prices (see `SolverPriceHint`) alongside the seed.
    struct Hinted: Sendable {
        var price: [Int64]
        var perMentee: Int
        var perCode: Int
    }

    /// The seed (`.seed(perMentee:perCode:)`) and, from the same scans, the arcs that a
    /// `tiesOnly` pricing run at the prices `hinted.price` (every mentee's value 0, the seed's best
    /// scores) picks: one scan of the mentors per root instead of two. The scans visit the mentors
    /// in the order of those prices, so the seed's members of a code are in that order (cheapest
    /// first) rather than by index.
    ///
    /// With `shortened` (per root, by index into `roots`) and `share`, the marked roots' scans
    /// visit only the first `1/share` of their mentors in that order, the cheapest: their mentees'
    /// arcs come from those, and their best scores (`Output.best`) are over those only, lower
    /// bounds the caller must replace (see `SolverPricing.seed`).
    func seed(
        perMentee: Int, perCode: Int, hinted: Hinted, shortened: [Bool]? = nil, share: Int = 1
    ) -> (seed: Output, hinted: Output) {
        let (output, hintedOutput) = runScans(
            .seed(perMentee: perMentee, perCode: perCode), open: nil, hinted: hinted, shortened: shortened,
            share: share)
        // A seed run always fills the hinted output; the fallback only keeps this total.
        let none = Output(
            picks: [], pickCount: [Int32](repeating: 0, count: instance.menteeCount), perMentee: 1, best: [])
        return (output, hintedOutput ?? none)
    }

    /// The roots whose scans serve at most `limit` mentees in all (their own and those of the
    /// groups they serve), marked by index into `roots`.
    func smallRoots(upTo limit: Int) -> [Bool] {
        roots.map { g in
            var mentees = 0
            for h in [g] + served[Int(g)] { mentees += groups.start[Int(h) + 1] - groups.start[Int(h)] }
            return mentees <= limit
        }
    }

    /// The mentees whose arcs the roots marked in `marked` (by index into `roots`) give: those of
    /// the roots and of the groups they serve.
    func mentees(ofRoots marked: [Bool]) -> [Bool] {
        var mentees = [Bool](repeating: false, count: instance.menteeCount)
        for (k, g) in roots.enumerated() where marked[k] {
            for h in [g] + served[Int(g)] {
                for position in groups.start[Int(h)]..<groups.start[Int(h) + 1] {
                    mentees[Int(groups.mentees[position])] = true
                }
            }
        }
        return mentees
    }

    private func runScans(
        _ mode: Mode, open: [Bool]?, hinted: Hinted?, shortened: [Bool]? = nil, share: Int = 1
    ) -> (output: Output, hinted: Output?) {
        let instance = self.instance
        let perMentee: Int
        switch mode {
        case .seed(let k, _): perMentee = max(1, k) + 1 + Self.spreadArcs  // greedy and spread arcs too
        case .price(let k, _, _, _, _, _, _, _): perMentee = max(1, k)
        }
        var output = Output(
            picks: [Int32](repeating: -1, count: instance.menteeCount * perMentee),
            pickCount: [Int32](repeating: 0, count: instance.menteeCount),
            perMentee: perMentee,
            best: [])
        if case .seed = mode { output.best = [Int64?](repeating: nil, count: instance.menteeCount) }
        let isSeed: Bool
        if case .seed = mode { isSeed = true } else { isSeed = false }
        let hinted = isSeed ? hinted : nil
        // The hinted picks' slots, filled by the workers like the output's.
        let hintedPerMentee = max(1, hinted?.perMentee ?? 1)
        var hintedPicks = [Int32](repeating: -1, count: hinted == nil ? 0 : instance.menteeCount * hintedPerMentee)
        var hintedCounts = [Int32](repeating: 0, count: hinted == nil ? 0 : instance.menteeCount)
        // Mentor visiting order (by price, then index; the seed's by index unless hinted) and its
        // buckets by location.
        var visitPrice: [Int64]?
        if case .price(_, _, let price, _, _, _, _, _) = mode { visitPrice = price }
        if let hinted { visitPrice = hinted.price }
        var visitOrder = (0..<instance.mentorCount).map { Int32($0) }
        var lowestPrice: Int64 = 0
        if let price = visitPrice {
            visitOrder.sort { (price[Int($0)], $0) < (price[Int($1)], $1) }
            lowestPrice =
                (0..<instance.mentorCount).filter { instance.mentorCapacity[$0] > 0 }
                .map { price[$0] }.min() ?? 0
        }
        let order = visitOrder
        // The packed words in visiting order, so that the scans read them in sequence.
        let orderWord = mentorWord.isEmpty ? [] : order.map { mentorWord[Int($0)] }
        let orderPrice: [Int64]
        if let price = visitPrice, !mentorWord.isEmpty {
            orderPrice = order.map { price[Int($0)] }
        } else {
            orderPrice = []
        }
        var rank = [Int32](repeating: 0, count: instance.mentorCount)
        for (r, i) in order.enumerated() { rank[Int(i)] = Int32(r) }
        var buckets = [[Int32]](repeating: [], count: instance.locationCount)
        for i in order { buckets[Int(instance.mentorLocation[Int(i)])].append(i) }

        // Roots are independent (the seed's greedy arcs too: each worker has its own share of
        // the mentors' capacity, see `greedyShare`); two workers take alternate roots, each with
        // the groups it serves. (Always two, so the result never depends on the machine.) Each
        // mentee is in exactly one group, so the workers write to disjoint slots of one output
        // (and of the hinted picks' output).
        let workers = Self.workerCount
        let scratches = (0..<workers).map { ScratchBox(Scratch(instance, seed: isSeed, worker: $0)) }
        let (rankOf, byLocation, lowest) = (rank, buckets, lowestPrice)
        let zeroValues = hinted == nil ? [] : [Int64](repeating: 0, count: instance.menteeCount)
        output.picks.withUnsafeMutableBufferPointer { picks in
            output.pickCount.withUnsafeMutableBufferPointer { pickCount in
                output.best.withUnsafeMutableBufferPointer { best in
                    hintedPicks.withUnsafeMutableBufferPointer { hintedPicks in
                        hintedCounts.withUnsafeMutableBufferPointer { hintedCounts in
                            let shared = OutputSlots(
                                picks: picks, pickCount: pickCount, best: best, perMentee: perMentee)
                            let hintedSlots = hinted.map {
                                HintedSlots(
                                    price: $0.price, perCode: max(1, $0.perCode), zeroValues: zeroValues,
                                    output: OutputSlots(
                                        picks: hintedPicks, pickCount: hintedCounts, best: best,
                                        perMentee: hintedPerMentee))
                            }
                            DispatchQueue.concurrentPerform(iterations: workers) { w in
                                let box = scratches[w]
                                // Each root's scan serves the groups whose tool sets lie within its own.
                                var k = w
                                while k < roots.count {
                                    let g = Int(roots[k])
                                    runGroup(
                                        g, served: served[g], mode: mode, open: open, order: order,
                                        orderWord: orderWord, orderPrice: orderPrice, rank: rankOf,
                                        buckets: byLocation, lowestPrice: lowest, worker: w, scratch: &box.scratch,
                                        output: shared, hinted: hintedSlots,
                                        share: shortened?[k] == true ? share : 1)
                                    k += workers
                                }
                            }
                        }
                    }
                }
            }
        }
        let hintedOutput = hinted.map { _ in
            Output(picks: hintedPicks, pickCount: hintedCounts, perMentee: hintedPerMentee, best: [])
        }
        return (output, hintedOutput)
    }

    /// The output's arrays, shared by the workers: each writes only the slots of its groups'
    /// mentees, and the arrays outlive the workers (`run` waits for both). Unchecked for that
    /// reason.
    private struct OutputSlots: @unchecked Sendable {
        let picks: UnsafeMutableBufferPointer<Int32>
        let pickCount: UnsafeMutableBufferPointer<Int32>
        /// Seed mode only.
        let best: UnsafeMutableBufferPointer<Int64?>
        let perMentee: Int
    }

    /// `runGroup`'s hinted picks (see `seed(_:hinted:)`): the prices, and where the picks go.
    private struct HintedSlots: @unchecked Sendable {
        let price: [Int64]
        let perCode: Int
        let zeroValues: [Int64]
        let output: OutputSlots
    }

    static let workerCount = 2

    /// The part of mentor `i`'s capacity `c` that worker `w`'s greedy seed arcs may fill: half,
    /// the odd unit going to worker `i % 2`. Greedy arcs only give the restricted problem a good
    /// start; with fixed shares both workers run at once and each one's greedy arcs are still a
    /// maximal assignment of its groups within its shares, whatever the schedule.
    static func greedyShare(capacity c: Int32, mentor i: Int, worker w: Int) -> Int32 {
        c / 2 + (c & 1 == 1 && i % workerCount == w ? 1 : 0)
    }

    /// One pricing worker's working memory. Unchecked: each box is used by its own worker only.
    private final class ScratchBox: @unchecked Sendable {
        var scratch: Scratch
        init(_ scratch: Scratch) {
            self.scratch = scratch
        }
    }

    /// Per-group working memory, reused across groups.
    struct Scratch {
        static let tableSize = 1 << 16
        var table: [Int32]
        var touched: [Int] = []
        var dictionary: [CodeKey: Int32] = [:]
        /// The last scan's mentors and their codes, in their first `visitedCount` slots:
        /// `scanPacked` writes over the same arrays from scan to scan (grown only when a scan
        /// visits more), instead of two new arrays of up to every mentor per root.
        var visitedMentor: [Int32] = []
        var visitedCode: [Int32] = []
        var visitedCount = 0
        var codeCount: [Int32] = []
        var codeStart: [Int] = []
        var codeRepresentative: [Int32] = []
        /// With packed words (`scanPacked`): each code's digits on the scanned group's tools, as
        /// its first member's word holds them; empty otherwise. Read in sequence, they spare a
        /// look-up of the representative's row (a cache miss per code) in `runGroup` and in
        /// `projectCodes`.
        var codeWord: [UInt64] = []
        var members: [Int32] = []
        /// The prices the last scan visited the mentors by (pricing, and the seed's hinted
        /// picks; empty otherwise): a code's members are in ascending order of them.
        var scanPrice: [Int64] = []
        var codeBase: [Int64] = []
        var codeMask: [UInt64] = []
        var codeScore: [Int64] = []
        var codeBound: [Int64] = []
        var codeOrder: [Int32] = []
        /// Counting sort of codes by score: codes per score, then where each score starts.
        var scoreSlot: [Int] = []
        var codeCursor: [Int] = []
        var candidates: [Int32] = []
        /// `violatingEntries` with `shuffleTies`: the class and value its best entries are for.
        var shuffleClass = -1
        var shuffleValue: Int64 = 0
        var shuffleEntries: [Int32] = []
        /// Seed: how many more mentees this worker's greedy arcs may give each mentor (its share
        /// of the capacity, see `greedyShare`, less those given so far).
        var greedyRoom: [Int32]
        /// `scanPacked`'s per-byte code tables.
        var byteTable: [Int] = []
        /// `scanPacked`'s fixed buffers, one slot per possible code: count (kept zero between
        /// groups), first member, table slot.
        var codeCountBuffer: [Int32] = []
        var representativeBuffer: [Int32] = []
        var wordBuffer: [UInt64] = []
        var touchedBuffer: [Int] = []
        /// `priceGroup`: each code's projection on the served group's tools (`-1`: it teaches
        /// none of them); per projection its base score, tools taught, codes (`projectionCodes`
        /// from `projectionStart`), lowest price and score for the current class.
        var projectionOf: [Int32] = []
        var projectionBase: [Int64] = []
        var projectionMask: [UInt64] = []
        /// Each projection's taught tools as bits of the group's tool list (bit k: its k-th tool),
        /// and per class the sum of weight × mentee value over each such subset (see
        /// `scoreProjections`).
        var projectionKey: [Int] = []
        var penalty: [Int64] = []
        var projectionStart: [Int] = []
        var projectionCodes: [Int32] = []
        var projectionLowest: [Int64] = []
        var projectionScore: [Int64] = []
        var prefixLength: [Int] = []
        /// Seed: members per projection, and the group's members numbered (see `seedGroup`).
        var projectionSize: [Int] = []
        var spreadCodes: [Int32] = []
        var spreadStart: [Int] = []
        /// Seed, greedy arcs: the group's projections none of whose members has room left (in
        /// this worker's share), and the number of leading entries of the class's `codeOrder`
        /// known to be such. Room only shrinks, so both only grow within a group and a class.
        var exhausted: [Bool] = []
        var greedyFrom = 0

        init(_ instance: SolverInstance, seed: Bool, worker: Int) {
            table = [Int32](repeating: -1, count: Self.tableSize)
            greedyRoom =
                seed
                ? (0..<instance.mentorCount).map {
                    SolverGroupPricing.greedyShare(capacity: instance.mentorCapacity[$0], mentor: $0, worker: worker)
                } : []
        }
    }

    /// Exact equivalence key of a projection when the digit code would not fit the table: the
    /// taught tools of `S` and the sum of weight × mentor score over them determine every score
    /// the group's mentees can get (`score = base − Σ_{t ∈ mask} weight_t × mentee_t`).
    struct CodeKey: Hashable, Sendable {
        var mask: UInt64
        var base: Int64
    }

    /// Scans root `g`'s mentors, then prices (or seeds) its mentees and those of the `served`
    /// groups from the same scan.
    private func runGroup(
        _ g: Int, served: [Int32], mode: Mode, open: [Bool]?, order: [Int32], orderWord: [UInt64], orderPrice: [Int64],
        rank: [Int32],
        buckets: [[Int32]],
        lowestPrice: Int64,
        worker: Int, scratch s: inout Scratch, output: OutputSlots, hinted: HintedSlots? = nil, share: Int = 1
    ) {
        let instance = self.instance
        let groupMask = groups.lowMask[g]
        let groupLocation = groups.location[g]
        let isSeed: Bool
        var perCode = 1
        var price: [Int64] = []
        var value: [Int64] = []
        var best: [Int64?] = []
        var scale: Int64 = 1
        var slack: Int64 = 0
        var tiesOnly = false
        switch mode {
        case .seed(_, let q):
            isSeed = true
            perCode = max(1, q)
            if let hinted { price = hinted.price }
        case .price(_, let q, let u, let v, let b, let k, let e, let t):
            isSeed = false
            tiesOnly = t
            perCode = max(1, q)
            price = u
            value = v
            best = b
            scale = k
            slack = e
        }
        let bonus = instance.bonus
        // Prices of the visited mentors are kept for pricing, and for the hinted picks.
        let withPrices = !isSeed || hinted != nil

        // Pricing: skip the whole group when no mentee can have a violating arc.
        // A mentor priced at `priceCeiling` or more cannot violate for any mentee of the group:
        // mentors come in price order, so the visit stops there.
        var priceCeiling = Int64.max
        if !isSeed {
            var anyOpen = false
            priceCeiling = Int64.min
            for h in [Int32(g)] + served {
                for position in groups.start[Int(h)]..<groups.start[Int(h) + 1] {
                    let j = Int(groups.mentees[position])
                    if open?[j] ?? true, let b = best[j], scale * (bonus + b) - lowestPrice > value[j] + slack {
                        anyOpen = true
                        priceCeiling = max(priceCeiling, scale * (bonus + b) - value[j] - slack)
                    }
                }
            }
            if !anyOpen { return }
        }

        // 1. Visit the group's mentors in price order and give each its code.
        let groupTools = Self.tools(of: groupMask)
        let radix = UInt64(instance.digitRadix)
        var multiplier: [UInt64] = []
        var span: UInt64 = 1
        var useTable = true
        for _ in groupTools {
            multiplier.append(span)
            let (next, overflow) = span.multipliedReportingOverflow(by: radix)
            if overflow || next > UInt64(Scratch.tableSize) { useTable = false }
            span = overflow ? UInt64.max : next
        }
        s.visitedCount = 0
        s.codeCount.removeAll(keepingCapacity: true)
        s.codeRepresentative.removeAll(keepingCapacity: true)
        s.codeWord.removeAll(keepingCapacity: true)
        s.dictionary.removeAll(keepingCapacity: true)

        // 1. The group's mentors (teachable, right location, capacity, cheap enough), in price
        // order, each with its code. The mentors to visit, in price order: all of them, or with
        // the location rule those of the group's location and of unknown location, merged.
        var candidates = order
        var candidateWord = orderWord
        if groupLocation != 0 && instance.locationCount > 1 {
            let here = buckets[Int(groupLocation)]
            let unknown = buckets[0]
            candidates = []
            candidates.reserveCapacity(here.count + unknown.count)
            var a = 0
            var b = 0
            while a < here.count || b < unknown.count {
                if b >= unknown.count || (a < here.count && rank[Int(here[a])] < rank[Int(unknown[b])]) {
                    candidates.append(here[a])
                    a += 1
                } else {
                    candidates.append(unknown[b])
                    b += 1
                }
            }
        }
        var candidatePrice = orderPrice
        if useTable && !mentorWord.isEmpty && candidates.count != order.count {
            candidateWord = candidates.map { mentorWord[Int($0)] }
            if withPrices { candidatePrice = candidates.map { price[Int($0)] } }
        }
        // A shortened seed scan visits the cheapest part of the mentors (see `seed`).
        let visit = share > 1 ? max(1, candidates.count / share) : candidates.count
        if useTable && !mentorWord.isEmpty {
            scanPacked(
                candidates, visit: visit, words: candidateWord, prices: candidatePrice, groupTools: groupTools,
                multiplier: multiplier, isSeed: !withPrices, priceCeiling: priceCeiling, scratch: &s)
        } else {
            scanDigits(
                candidates, visit: visit, groupMask: groupMask, groupTools: groupTools, multiplier: multiplier,
                useTable: useTable, isSeed: !withPrices, price: price, priceCeiling: priceCeiling, scratch: &s)
        }
        for slot in s.touched { s.table[slot] = -1 }
        s.touched.removeAll(keepingCapacity: true)

        // 2. Members per code, stable, so each code's members stay in price order.
        let codeTotal = s.codeCount.count
        s.codeStart.removeAll(keepingCapacity: true)
        var running = 0
        for c in 0..<codeTotal {
            s.codeStart.append(running)
            running += Int(s.codeCount[c])
        }
        s.codeStart.append(running)
        // Members to their codes' places (their prices are looked up in `s.scanPrice`), in a
        // buffer kept from scan to scan (read only up to `running`, through `s.codeStart`).
        var fill = s.codeStart
        let visitedCount = s.visitedCount
        s.scanPrice = withPrices ? price : []
        if s.members.count < running { s.members = [Int32](repeating: 0, count: max(running, 2 * s.members.count)) }
        s.visitedMentor.withUnsafeBufferPointer { visited in
            s.visitedCode.withUnsafeBufferPointer { codes in
                s.members.withUnsafeMutableBufferPointer { members in
                    fill.withUnsafeMutableBufferPointer { fill in
                        for n in 0..<visitedCount {
                            let c = Int(codes[n])
                            let at = fill[c]
                            members[at] = visited[n]
                            fill[c] = at &+ 1
                        }
                    }
                }
            }
        }
        if isSeed {
            s.codeCursor.removeAll(keepingCapacity: true)
            s.codeCursor.append(contentsOf: s.codeStart.dropLast())
        }
        s.codeBase.removeAll(keepingCapacity: true)
        s.codeMask.removeAll(keepingCapacity: true)
        if s.codeWord.count == codeTotal {
            for c in 0..<codeTotal {
                let (mask, base) = gain(ofDigits: s.codeWord[c], over: groupTools)
                s.codeBase.append(base)
                s.codeMask.append(mask)
            }
        } else {
            for c in 0..<codeTotal {
                let i = Int(s.codeRepresentative[c])
                let mask = instance.mentorTeach[i] & groupMask
                s.codeBase.append(instance.mentorGain(i, over: mask))
                s.codeMask.append(mask)
            }
        }

        // 3. The group and the groups it serves, from this scan.
        for h in [Int32(g)] + served {
            if isSeed {
                // With estimated prices the scan was in their order, so the seed's projections (in
                // code order) are already by lowest price: the hinted picks take them as they are.
                let projections = seedGroup(
                    Int(h), scanned: Int(h) == g, codeTotal: codeTotal, perCode: perCode, byPrice: hinted != nil,
                    worker: worker, scratch: &s, output: output)
                if let hinted {
                    priceGroup(
                        Int(h), scanned: Int(h) == g, codeTotal: codeTotal, perCode: hinted.perCode,
                        value: hinted.zeroValues, best: UnsafeBufferPointer(output.best), scale: 1, slack: 0,
                        tiesOnly: true, lowestPrice: lowestPrice, open: nil, projected: projections, scratch: &s,
                        output: hinted.output)
                }
            } else {
                best.withUnsafeBufferPointer { best in
                    priceGroup(
                        Int(h), scanned: Int(h) == g, codeTotal: codeTotal, perCode: perCode, value: value,
                        best: best, scale: scale, slack: slack, tiesOnly: tiesOnly, lowestPrice: lowestPrice,
                        open: open, scratch: &s, output: output)
                }
            }
        }
    }

    /// Pricing for group `h`: the group just scanned (`scanned`, whose codes are its projections)
    /// or one it serves (its tool set `S` within the scanned group's): each of the scanned codes
    /// projects onto `S` (or teaches nothing there), and a projection's members are those of its
    /// codes. The mentee looks at projections as a root's
    /// mentee looks at codes: by bound, at most `perCode` arcs from each. Inside a projection its
    /// codes are taken in ascending order of their lowest price, starting at one chosen by the
    /// mentee's index among those with a violating member (so that a class's mentees spread over
    /// them), and in each code from an offset in its violating prefix as for a root. Exact: every
    /// violating member of every projection whose bound violates is reachable, and the walk only
    /// stops once `perCode` arcs are found.
    ///
    /// With `tiesOnly` (picking arcs by estimated prices, not a certificate): only the `perMentee`
    /// best projections (and those tied with the last), equally good ones in a hashed order per
    /// mentee, and in each only its cheapest members, taken in a hashed order. Measured on the
    /// 5,000² bench instance, hashed orders instead of index orders are what make these arcs hold
    /// a near-optimal assignment (see `BENCHMARKS.md`, ninth round).
    private func priceGroup(
        _ h: Int, scanned: Bool, codeTotal: Int, perCode: Int, value: [Int64], best: UnsafeBufferPointer<Int64?>,
        scale: Int64,
        slack: Int64, tiesOnly: Bool,
        lowestPrice: Int64, open: [Bool]?, projected: Int? = nil, scratch s: inout Scratch, output: OutputSlots
    ) {
        let instance = self.instance
        let bonus = instance.bonus
        let perMentee = output.perMentee
        let groupTools = Self.tools(of: groups.lowMask[h])
        let projections =
            projected
            ?? projectCodes(onto: groupTools, scanned: scanned, codeTotal: codeTotal, byPrice: true, scratch: &s)
        guard projections > 0 else { return }
        let (scanPrice, members, codeStart) = (s.scanPrice, s.members, s.codeStart)
        let firstPrice = { (c: Int32) in scanPrice[Int(members[codeStart[Int(c)]])] }

        let menteeRange = groups.start[h]..<groups.start[h + 1]
        var classStart = menteeRange.lowerBound
        while classStart < menteeRange.upperBound {
            let first = Int(groups.mentees[classStart])
            let classEnd = self.classEnd(from: classStart, in: menteeRange, tools: groupTools)
            defer { classStart = classEnd }
            var classBound = Int64.min
            var scores = s.projectionScore
            s.projectionScore = []
            scoreProjections(projections, tools: groupTools, mentee: first, into: &scores, scratch: &s)
            s.projectionScore = scores
            s.codeBound.removeAll(keepingCapacity: true)
            for l in 0..<projections {
                let bound = scale * (bonus + s.projectionScore[l]) - s.projectionLowest[l]
                s.codeBound.append(bound)
                classBound = max(classBound, bound)
            }
            for position in classStart..<classEnd {
                let j = Int(groups.mentees[position])
                guard
                    let vj = Self.violatingEntries(
                        j, classBound: classBound, value: value, best: best, open: open, scale: scale, slack: slack,
                        bonus: bonus, lowestPrice: lowestPrice, shuffleTies: tiesOnly, keep: perMentee,
                        classToken: classStart, scratch: &s)
                else { continue }
                var taken = 0
                for l32 in s.candidates {
                    let l = Int(l32)
                    var limit = scale * (bonus + s.projectionScore[l]) - vj
                    // Only the projection's cheapest members, the most violating ones (see `Mode`).
                    if tiesOnly { limit = min(limit, s.projectionLowest[l] + 1) }
                    // The projection's codes with a violating member: a prefix, by lowest price.
                    let codes = s.projectionStart[l]..<s.projectionStart[l + 1]
                    var lo = codes.lowerBound
                    var hi = codes.upperBound
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        if firstPrice(s.projectionCodes[mid]) < limit { lo = mid + 1 } else { hi = mid }
                    }
                    let violating = lo - codes.lowerBound
                    // Their violating prefixes, walked as one list from an offset, as a root's
                    // mentee walks a code's.
                    s.prefixLength.removeAll(keepingCapacity: true)
                    var total = 0
                    for k in 0..<violating {
                        let c = Int(s.projectionCodes[codes.lowerBound + k])
                        var lo = s.codeStart[c]
                        var hi = s.codeStart[c + 1]
                        while lo < hi {
                            let mid = (lo + hi) >> 1
                            if s.scanPrice[Int(s.members[mid])] < limit { lo = mid + 1 } else { hi = mid }
                        }
                        s.prefixLength.append(lo - s.codeStart[c])
                        total += lo - s.codeStart[c]
                    }
                    // The walk: from the mentee's offset, one member after the other; with
                    // `tiesOnly`, from a hashed offset by a hashed step prime to their number, so
                    // that every member is still reached once.
                    var (index, step) = ((j &* perCode) % total, 1)
                    if tiesOnly {
                        let h = Self.mix(mentee: j, entry: l)
                        index = Int(truncatingIfNeeded: h & 0xFFFF_FFFF) % total
                        step = total > 1 ? 1 + Int(truncatingIfNeeded: h >> 40) % (total - 1) : 1
                        while greatestCommonDivisor(step, total) != 1 { step += 1 }
                    }
                    var k = 0
                    while index >= s.prefixLength[k] {
                        index -= s.prefixLength[k]
                        k += 1
                    }
                    var inProjection = 0
                    for _ in 0..<total {
                        let c = Int(s.projectionCodes[codes.lowerBound + k])
                        let mentor = Int(s.members[s.codeStart[c] + index])
                        index += step
                        while index >= s.prefixLength[k] {
                            index -= s.prefixLength[k]
                            k = (k + 1) % violating
                        }
                        guard instance.groupRulesAllow(mentor: mentor, mentee: j),
                            !instance.isForbidden(mentor: mentor, mentee: j)
                        else { continue }
                        output.picks[j * perMentee + taken] = Int32(mentor)
                        taken += 1
                        inProjection += 1
                        if inProjection == perCode || taken == perMentee { break }
                    }
                    if taken == perMentee { break }
                }
                output.pickCount[j] = Int32(taken)
            }
        }
    }

    /// Gathers the scanned codes into the projections onto `tools` (a group's tool set):
    /// `s.projectionOf` per code (`-1`: it teaches none of them), per projection its base score
    /// and tools taught, and its codes (`s.projectionCodes` from `s.projectionStart`). The scanned
    /// group's projections are its codes. `byPrice`: a projection's codes by (lowest price,
    /// code), with `s.projectionLowest`; else by code. Returns the number of projections.
    private func projectCodes(
        onto tools: [Int], scanned: Bool, codeTotal: Int, byPrice: Bool, scratch s: inout Scratch
    ) -> Int {
        let instance = self.instance
        let mask = tools.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
        let radix = instance.digitRadix
        // The arrays filled here, taken out of the scratch while they are (no copies, no
        // uniqueness checks in the loops).
        var projectionOf = s.projectionOf
        var base = s.projectionBase
        var taught = s.projectionMask
        var keys = s.projectionKey
        var touched = s.touched
        var table = s.table
        (s.projectionOf, s.projectionBase, s.projectionMask, s.projectionKey, s.touched, s.table) = (
            [], [], [], [], [], []
        )
        projectionOf.removeAll(keepingCapacity: true)
        projectionOf.append(contentsOf: repeatElement(-1, count: codeTotal))
        base.removeAll(keepingCapacity: true)
        taught.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
        if scanned {
            // The group's codes are its projections; a code's key (the one `scoreProjections`
            // looks a class's penalty up by) is its taught mask as bits of `tools`.
            let subsetKey = BitGather(tools)
            let codeMask = s.codeMask
            base.append(contentsOf: s.codeBase[0..<codeTotal])
            for c in 0..<codeTotal {
                let codeTaught = codeMask[c] & mask
                projectionOf[c] = Int32(c)
                taught.append(codeTaught)
                keys.append(subsetKey(codeTaught))
            }
        } else {
            // Each code's projection, dense in order of first appearance (so of the codes' order).
            let words = s.codeWord.count == codeTotal ? s.codeWord : []
            tools.withUnsafeBufferPointer { toolList in
                table.withUnsafeMutableBufferPointer { table in
                    for c in 0..<codeTotal {
                        let codeTaught = s.codeMask[c] & mask
                        if codeTaught == 0 { continue }
                        let word = words.isEmpty ? mentorWord[Int(s.codeRepresentative[c])] : words[c]
                        var key = 0
                        var place = 1
                        var subset = 0
                        for k in 0..<toolList.count {
                            let digit = Int(truncatingIfNeeded: (word &>> UInt64(4 &* toolList[k])) & 0xF)
                            key &+= digit &* place
                            if digit > 0 { subset |= 1 &<< k }
                            place &*= radix
                        }
                        var dense = table[key]
                        if dense < 0 {
                            dense = Int32(base.count)
                            table[key] = dense
                            touched.append(key)
                            base.append(
                                words.isEmpty
                                    ? instance.mentorGain(Int(s.codeRepresentative[c]), over: codeTaught)
                                    : gain(ofDigits: word, over: tools).base)
                            taught.append(codeTaught)
                            keys.append(subset)
                        }
                        projectionOf[c] = dense
                    }
                    for slot in touched { table[slot] = -1 }
                }
            }
            touched.removeAll(keepingCapacity: true)
        }
        let projections = base.count
        // Each projection's codes, in code order: counted, then placed.
        var start = s.projectionStart
        var codes = s.projectionCodes
        (s.projectionStart, s.projectionCodes) = ([], [])
        start.removeAll(keepingCapacity: true)
        start.append(contentsOf: repeatElement(0, count: projections + 1))
        codes.removeAll(keepingCapacity: true)
        projectionOf.withUnsafeBufferPointer { projectionOf in
            start.withUnsafeMutableBufferPointer { start in
                for c in 0..<codeTotal where projectionOf[c] >= 0 { start[Int(projectionOf[c]) + 1] += 1 }
                for l in 0..<projections { start[l + 1] += start[l] }
            }
            codes.append(contentsOf: repeatElement(0, count: start[projections]))
            var fill = start
            fill.withUnsafeMutableBufferPointer { fill in
                codes.withUnsafeMutableBufferPointer { codes in
                    for c in 0..<codeTotal where projectionOf[c] >= 0 {
                        let l = Int(projectionOf[c])
                        codes[fill[l]] = Int32(c)
                        fill[l] += 1
                    }
                }
            }
        }
        (s.projectionOf, s.projectionBase, s.projectionMask, s.projectionKey, s.touched, s.table) = (
            projectionOf, base, taught, keys, touched, table
        )
        (s.projectionStart, s.projectionCodes) = (start, codes)
        guard byPrice else { return projections }
        // Codes are numbered as the scan first meets them, in ascending price: by (lowest price,
        // code) already, so each projection's codes, filled in code order, need no sort.
        let (scanPrice, members, codeStart) = (s.scanPrice, s.members, s.codeStart)
        let firstPrice = { (c: Int32) in scanPrice[Int(members[codeStart[Int(c)]])] }
        assert((0..<max(0, codeTotal - 1)).allSatisfy { firstPrice(Int32($0)) <= firstPrice(Int32($0 + 1)) })
        s.projectionLowest.removeAll(keepingCapacity: true)
        for l in 0..<projections { s.projectionLowest.append(firstPrice(s.projectionCodes[s.projectionStart[l]])) }
        return projections
    }

    /// `scores` = the score of each of the group's `projections` (of `projectCodes`) for mentee
    /// `j` and its class: the projection's base less weight × mentee value over its taught tools.
    /// That sum depends only on which of the group's tools it teaches, so it is tabled once per
    /// class for every subset of them (when there are fewer subsets than projections) and looked
    /// up by the projection's key, rather than summed tool by tool for each projection.
    private func scoreProjections(
        _ projections: Int, tools groupTools: [Int], mentee j: Int, into scores: inout [Int64], scratch s: inout Scratch
    ) {
        let instance = self.instance
        let row = j * instance.toolCount
        scores.removeAll(keepingCapacity: true)
        scores.append(contentsOf: repeatElement(0, count: projections))
        let subsets = groupTools.count < 20 ? 1 << groupTools.count : Int.max
        if subsets <= projections {
            s.penalty.removeAll(keepingCapacity: true)
            s.penalty.append(contentsOf: repeatElement(0, count: subsets))
            s.penalty.withUnsafeMutableBufferPointer { penalty in
                for subset in 1..<subsets {
                    let t = groupTools[subset.trailingZeroBitCount]
                    penalty[subset] =
                        penalty[subset & (subset - 1)] + instance.weight[t] * Int64(instance.menteeValue[row + t])
                }
            }
            scores.withUnsafeMutableBufferPointer { scores in
                s.penalty.withUnsafeBufferPointer { penalty in
                    s.projectionBase.withUnsafeBufferPointer { base in
                        s.projectionKey.withUnsafeBufferPointer { key in
                            for l in 0..<projections { scores[l] = base[l] - penalty[key[l]] }
                        }
                    }
                }
            }
            return
        }
        for l in 0..<projections {
            var score = s.projectionBase[l]
            var m = s.projectionMask[l]
            while m != 0 {
                let t = m.trailingZeroBitCount
                score -= instance.weight[t] * Int64(instance.menteeValue[row + t])
                m &= m - 1
            }
            scores[l] = score
        }
    }

    /// End of the class (mentees with the same scores on `tools`, consecutive in a group) that
    /// starts at `start` in a group's `range` of `groups.mentees`.
    private func classEnd(from start: Int, in range: Range<Int>, tools: [Int]) -> Int {
        let width = instance.toolCount
        let first = Int(groups.mentees[start])
        var end = start + 1
        while end < range.upperBound {
            let other = Int(groups.mentees[end])
            if tools.contains(where: {
                instance.menteeValue[other * width + $0] != instance.menteeValue[first * width + $0]
            }) {
                break
            }
            end += 1
        }
        return end
    }

    /// For mentee `j` of a class whose entries (codes or projections) have bounds `s.codeBound`:
    /// `nil` when it is not priced here (closed, or no entry can beat its value), else
    /// `v_j + slack`, with `s.candidates` holding the entries whose bound beats it, highest bound
    /// first, then by index. With `shuffleTies`, only the entries at or above the `keep`-th
    /// highest bound, equal bounds in a hashed order (`mix`); the selection is kept for the rest
    /// of the class (`classToken`) at the same value.
    private static func violatingEntries(
        _ j: Int, classBound: Int64, value: [Int64], best: UnsafeBufferPointer<Int64?>, open: [Bool]?, scale: Int64,
        slack: Int64,
        bonus: Int64, lowestPrice: Int64, shuffleTies: Bool = false, keep: Int = 1, classToken: Int = -1,
        scratch s: inout Scratch
    ) -> Int64? {
        guard open?[j] ?? true, let b = best[j], scale * (bonus + b) - lowestPrice > value[j] + slack,
            classBound > value[j] + slack
        else { return nil }
        let vj = value[j] + slack
        s.candidates.removeAll(keepingCapacity: true)
        let bounds = s.codeBound
        guard shuffleTies else {
            for entry in 0..<bounds.count where bounds[entry] > vj { s.candidates.append(Int32(entry)) }
            s.candidates.sort { (bounds[Int($1)], $0) < (bounds[Int($0)], $1) }
            return vj
        }
        // Only the entries that can be among the first `keep`, the same for the whole class
        // (at one value): those at or above the `keep`-th largest bound. Then, per mentee, ties
        // in a hashed order, so that equally good projections are spread over the class.
        if s.shuffleClass != classToken || s.shuffleValue != vj {
            s.shuffleClass = classToken
            s.shuffleValue = vj
            var top: [Int64] = []
            top.reserveCapacity(keep + 1)
            for entry in 0..<bounds.count where bounds[entry] > vj {
                let b = bounds[entry]
                if top.count == keep, b <= top[keep - 1] { continue }
                var at = top.count
                while at > 0 && top[at - 1] < b { at -= 1 }
                top.insert(b, at: at)
                if top.count > keep { top.removeLast() }
            }
            let threshold = top.last ?? Int64.max
            s.shuffleEntries.removeAll(keepingCapacity: true)
            for entry in 0..<bounds.count where bounds[entry] > vj && bounds[entry] >= threshold {
                s.shuffleEntries.append(Int32(entry))
            }
        }
        var keyed = s.shuffleEntries.map { (bound: bounds[Int($0)], mix: mix(mentee: j, entry: Int($0)), entry: $0) }
        keyed.sort { ($1.bound, $0.mix, $0.entry) < ($0.bound, $1.mix, $1.entry) }
        for key in keyed { s.candidates.append(key.entry) }
        return vj
    }

    /// A hash of a mentee and a projection (a SplitMix64-style finaliser): the order in which
    /// `tiesOnly` pricing takes equally good projections and their cheapest members.
    static func mix(mentee j: Int, entry l: Int) -> UInt64 {
        var h = (UInt64(j) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(l) &* 0xBF58_476D_1CE4_E5B9)
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    /// Step 1 of `runGroup` on the digit rows: the group's mentors among the first `visit` of
    /// `candidates` into `s.visitedMentor` (teachable on the group's tools, with capacity, below `priceCeiling`),
    /// each one's code into `s.visitedCode`.
    private func scanDigits(
        _ candidates: [Int32], visit: Int, groupMask: UInt64, groupTools: [Int], multiplier: [UInt64],
        useTable: Bool, isSeed: Bool, price: [Int64], priceCeiling: Int64, scratch s: inout Scratch
    ) {
        let instance = self.instance
        let tools = instance.toolCount
        let teachOf = instance.mentorTeach
        let capacityOf = instance.mentorCapacity
        // The hot loop of every round: every group visits its mentors (pricing: those below
        // its price ceiling) straight on the buffers, without per-element checks.
        s.visitedMentor = [Int32](unsafeUninitializedCapacity: visit) { visited, count in
            var n = 0
            candidates.withUnsafeBufferPointer { candidates in
                let ordered = UnsafeBufferPointer(rebasing: candidates.prefix(visit))
                teachOf.withUnsafeBufferPointer { teach in
                    capacityOf.withUnsafeBufferPointer { capacity in
                        price.withUnsafeBufferPointer { prices in
                            for mentor in ordered {
                                let i = Int(mentor)
                                if !isSeed && prices[i] >= priceCeiling { break }
                                if teach[i] & groupMask != 0 && capacity[i] > 0 {
                                    visited[n] = mentor
                                    n += 1
                                }
                            }
                        }
                    }
                }
            }
            count = n
        }

        // 1b. Codes: mixed-radix digits on the group's tools (a direct table), or, when that
        // would not fit, the exact (taught tools, weighted sum) key in a dictionary.
        s.visitedCount = s.visitedMentor.count
        s.visitedCode = [Int32](repeating: 0, count: s.visitedMentor.count)
        if useTable {
            let toolsInGroup = groupTools
            let multipliers = multiplier
            var codeCount = s.codeCount
            var representative = s.codeRepresentative
            var touched = s.touched
            s.codeCount = []
            s.codeRepresentative = []
            s.touched = []
            mentorDigit.withUnsafeBufferPointer { digits in
                s.visitedMentor.withUnsafeBufferPointer { visited in
                    s.visitedCode.withUnsafeMutableBufferPointer { codes in
                        s.table.withUnsafeMutableBufferPointer { table in
                            for n in 0..<visited.count {
                                let row = Int(visited[n]) * tools
                                var code = 0
                                for k in 0..<toolsInGroup.count {
                                    code &+= Int(digits[row + toolsInGroup[k]]) &* Int(multipliers[k])
                                }
                                var dense = table[code]
                                if dense < 0 {
                                    dense = Int32(codeCount.count)
                                    table[code] = dense
                                    touched.append(code)
                                    codeCount.append(0)
                                    representative.append(visited[n])
                                }
                                codeCount[Int(dense)] += 1
                                codes[n] = dense
                            }
                        }
                    }
                }
            }
            s.codeCount = codeCount
            s.codeRepresentative = representative
            s.touched = touched
        } else {
            for n in 0..<s.visitedMentor.count {
                let mentor = s.visitedMentor[n]
                let i = Int(mentor)
                let mask = teachOf[i] & groupMask
                let key = CodeKey(mask: mask, base: instance.mentorGain(i, over: mask))
                let dense: Int32
                if let known = s.dictionary[key] {
                    dense = known
                } else {
                    dense = Int32(s.codeCount.count)
                    s.dictionary[key] = dense
                    s.codeCount.append(0)
                    s.codeRepresentative.append(mentor)
                }
                s.codeCount[Int(dense)] += 1
                s.visitedCode[n] = dense
            }
        }
    }

    /// Step 1 of `runGroup` on the packed words (`mentorWord`), same results as `scanDigits` with
    /// the direct table, in one pass: a mentor's code is a sum of look-ups, one per byte of its
    /// word that holds a group tool, in tables built here for the group. `candidatePrice` (pricing
    /// only) is aligned with `candidates` too, so that the scan reads everything in sequence; the
    /// first `visit` candidates are visited.
    private func scanPacked(
        _ candidates: [Int32], visit: Int, words candidateWord: [UInt64], prices candidatePrice: [Int64],
        groupTools: [Int], multiplier: [UInt64], isSeed: Bool, priceCeiling: Int64, scratch s: inout Scratch
    ) {
        // Candidates come in price order: the visit ends at the first one at the ceiling.
        var end = visit
        if !isSeed {
            var lo = 0
            while lo < end {
                let mid = (lo + end) >> 1
                if candidatePrice[mid] < priceCeiling { lo = mid + 1 } else { end = mid }
            }
        }
        // Nibble mask of the group's tools, and one 256-entry table per byte that holds any.
        var nibbles: UInt64 = 0
        var shifts: [UInt64] = []
        s.byteTable.removeAll(keepingCapacity: true)
        for (k, t) in groupTools.enumerated() {
            nibbles |= 0xF << UInt64(4 * t)
            let shift = UInt64(8 * (t / 2))
            if shifts.last != shift {
                shifts.append(shift)
                s.byteTable.append(contentsOf: repeatElement(0, count: 256))
            }
            let base = (shifts.count - 1) * 256
            let low = t % 2 == 0
            for byte in 0..<256 {
                let digit = low ? byte & 0xF : byte >> 4
                s.byteTable[base + byte] += digit * Int(multiplier[k])
            }
        }
        // Codes are counted in fixed buffers (at most one code per table slot), then copied out.
        if s.codeCountBuffer.isEmpty {
            s.codeCountBuffer = [Int32](repeating: 0, count: Scratch.tableSize)
            s.representativeBuffer = [Int32](repeating: 0, count: Scratch.tableSize)
            s.wordBuffer = [UInt64](repeating: 0, count: Scratch.tableSize)
            s.touchedBuffer = [Int](repeating: 0, count: Scratch.tableSize)
        }
        var countBuffer = s.codeCountBuffer
        var representativeBuffer = s.representativeBuffer
        var wordBuffer = s.wordBuffer
        var touchedBuffer = s.touchedBuffer
        var table = s.table
        let byteTable = s.byteTable
        s.codeCountBuffer = []
        s.representativeBuffer = []
        s.wordBuffer = []
        s.touchedBuffer = []
        s.table = []
        var codeTotal = 0
        if s.visitedMentor.count < end {
            s.visitedMentor = [Int32](repeating: 0, count: end)
            s.visitedCode = [Int32](repeating: 0, count: end)
        }
        var visitedMentor = s.visitedMentor
        var visitedCode = s.visitedCode
        s.visitedMentor = []
        s.visitedCode = []
        var n = 0
        visitedCode.withUnsafeMutableBufferPointer { codes in
            visitedMentor.withUnsafeMutableBufferPointer { visited in
                candidates.withUnsafeBufferPointer { ordered in
                    candidateWord.withUnsafeBufferPointer { words in
                        byteTable.withUnsafeBufferPointer { lookUp in
                            shifts.withUnsafeBufferPointer { shifts in
                                table.withUnsafeMutableBufferPointer { table in
                                    countBuffer.withUnsafeMutableBufferPointer { codeCount in
                                        representativeBuffer.withUnsafeMutableBufferPointer {
                                            representative in
                                            touchedBuffer.withUnsafeMutableBufferPointer { touched in
                                                wordBuffer.withUnsafeMutableBufferPointer { codeWord in
                                                    for position in 0..<end {
                                                        let word = words[position]
                                                        let digits = word & nibbles
                                                        if digits == 0 { continue }
                                                        if word & Self.hasCapacity == 0 { continue }
                                                        let mentor = ordered[position]
                                                        var code = 0
                                                        for k in 0..<shifts.count {
                                                            code &+=
                                                                lookUp[
                                                                    k &* 256
                                                                        &+ Int(
                                                                            (digits &>> shifts[k]) & 0xFF)]
                                                        }
                                                        var dense = table[code]
                                                        if dense < 0 {
                                                            dense = Int32(codeTotal)
                                                            table[code] = dense
                                                            touched[codeTotal] = code
                                                            representative[codeTotal] = mentor
                                                            codeWord[codeTotal] = digits
                                                            codeTotal += 1
                                                        }
                                                        codeCount[Int(dense)] &+= 1
                                                        visited[n] = mentor
                                                        codes[n] = dense
                                                        n &+= 1
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        s.visitedMentor = visitedMentor
        s.visitedCode = visitedCode
        s.visitedCount = n
        s.codeCount.removeAll(keepingCapacity: true)
        s.codeCount.append(contentsOf: countBuffer[0..<codeTotal])
        s.codeRepresentative.removeAll(keepingCapacity: true)
        s.codeRepresentative.append(contentsOf: representativeBuffer[0..<codeTotal])
        s.touched.removeAll(keepingCapacity: true)
        s.touched.append(contentsOf: touchedBuffer[0..<codeTotal])
        for c in 0..<codeTotal { countBuffer[c] = 0 }
        s.codeCountBuffer = countBuffer
        s.codeWord.removeAll(keepingCapacity: true)
        s.codeWord.append(contentsOf: wordBuffer[0..<codeTotal])
        s.representativeBuffer = representativeBuffer
        s.wordBuffer = wordBuffer
        s.touchedBuffer = touchedBuffer
        s.table = table
    }

    /// The tools among `tools` that a mentor with these digits (a packed word's nibbles, see
    /// `mentorWord`) teaches, and the sum of weight × its value over them: what
    /// `SolverInstance.mentorGain` gives for its row.
    @inline(__always)
    private func gain(ofDigits word: UInt64, over tools: [Int]) -> (mask: UInt64, base: Int64) {
        let offset = Int64(instance.mentorMin - 1)
        var mask: UInt64 = 0
        var base: Int64 = 0
        for t in tools {
            let digit = Int64((word >> UInt64(4 * t)) & 0xF)
            if digit > 0 {
                mask |= 1 << UInt64(t)
                base += instance.weight[t] * (digit + offset)
            }
        }
        return (mask, base)
    }

    /// Scores are small integers (at most `maxPairScore`, 4 per tool with the default weights)
    /// and every class of every group orders its codes by them: a counting sort, unless the
    /// weights make the range wide.
    static let countingSortLimit: Int64 = 4_096

    /// `s.codeOrder` = the first `codeTotal` entries of `s.codeScore` (a group's codes or
    /// projections) by score, highest first, then by index.
    private func orderCodesByScore(_ codeTotal: Int, scratch s: inout Scratch) {
        s.codeOrder.removeAll(keepingCapacity: true)
        let top = instance.maxPairScore
        let scores = s.codeScore
        guard top <= Self.countingSortLimit, scores.allSatisfy({ (0...top).contains($0) }) else {
            s.codeOrder.append(contentsOf: (0..<codeTotal).map { Int32($0) })
            s.codeOrder.sort { (scores[Int($1)], $0) < (scores[Int($0)], $1) }
            return
        }
        // Key `top − score`, so that ascending keys are descending scores; stable over codes.
        var slot = s.scoreSlot
        s.scoreSlot = []
        slot.removeAll(keepingCapacity: true)
        slot.append(contentsOf: repeatElement(0, count: Int(top) + 2))
        for c in 0..<codeTotal { slot[Int(top - scores[c]) + 1] += 1 }
        for k in 0...Int(top) { slot[k + 1] += slot[k] }
        s.codeOrder.append(contentsOf: repeatElement(0, count: codeTotal))
        for c in 0..<codeTotal {
            let k = Int(top - scores[c])
            s.codeOrder[slot[k]] = Int32(c)
            slot[k] += 1
        }
        s.scoreSlot = slot
    }

    /// Seed arcs for group `h`: the group just scanned (`scanned`) or one it serves, on its
    /// projections as `priceGroup` sees them (codes in code order: the seed's members are in
    /// index order). Mentee classes share projection scores.
    /// Returns the number of projections (see `projectCodes`, called with `byPrice`).
    @discardableResult
    private func seedGroup(
        _ h: Int, scanned: Bool, codeTotal: Int, perCode: Int, byPrice: Bool, worker: Int, scratch s: inout Scratch,
        output: OutputSlots
    ) -> Int {
        let groupTools = Self.tools(of: groups.lowMask[h])
        let projections = projectCodes(
            onto: groupTools, scanned: scanned, codeTotal: codeTotal, byPrice: byPrice, scratch: &s)
        guard projections > 0 else { return 0 }
        // The group's members (those of codes with a projection), numbered in code order, for
        // the spread arcs: codes `s.spreadCodes`, the first number of each in `s.spreadStart`.
        s.spreadCodes.removeAll(keepingCapacity: true)
        s.spreadStart.removeAll(keepingCapacity: true)
        var running = 0
        for c in 0..<codeTotal where s.projectionOf[c] >= 0 {
            s.spreadCodes.append(Int32(c))
            s.spreadStart.append(running)
            running += s.codeStart[c + 1] - s.codeStart[c]
        }
        s.spreadStart.append(running)
        s.exhausted.removeAll(keepingCapacity: true)
        s.exhausted.append(contentsOf: repeatElement(false, count: projections))
        s.projectionSize.removeAll(keepingCapacity: true)
        for l in 0..<projections {
            var size = 0
            for k in s.projectionStart[l]..<s.projectionStart[l + 1] {
                let c = Int(s.projectionCodes[k])
                size += s.codeStart[c + 1] - s.codeStart[c]
            }
            s.projectionSize.append(size)
        }
        let menteeRange = groups.start[h]..<groups.start[h + 1]
        var classStart = menteeRange.lowerBound
        while classStart < menteeRange.upperBound {
            let first = Int(groups.mentees[classStart])
            let classEnd = self.classEnd(from: classStart, in: menteeRange, tools: groupTools)
            var scores = s.codeScore
            s.codeScore = []
            scoreProjections(projections, tools: groupTools, mentee: first, into: &scores, scratch: &s)
            s.codeScore = scores
            orderCodesByScore(projections, scratch: &s)
            s.greedyFrom = 0
            for position in classStart..<classEnd {
                seedMentee(Int(groups.mentees[position]), perCode: perCode, worker: worker, scratch: &s, output: output)
            }
            classStart = classEnd
        }
        return projections
    }

    /// Seed arcs and best score of one mentee (its group's projections ordered by score in
    /// `s.codeOrder`, their scores in `s.codeScore`). A projection's members are those of its
    /// codes, one after the other.
    private func seedMentee(_ j: Int, perCode: Int, worker: Int, scratch s: inout Scratch, output: OutputSlots) {
        let instance = self.instance
        let perMentee = output.perMentee
        let bestArcs = perMentee - 1 - Self.spreadArcs
        func codeLength(_ k: Int) -> Int {
            let c = Int(s.projectionCodes[k])
            return s.codeStart[c + 1] - s.codeStart[c]
        }
        var best: Int64?
        var taken = 0
        for l32 in s.codeOrder {
            let l = Int(l32)
            let score = s.codeScore[l]
            let usable = instance.objective == .coverage || score > 0
            if !usable && best != nil { break }
            // The projection's members from an offset chosen by the mentee's index, round.
            let codes = s.projectionStart[l]..<s.projectionStart[l + 1]
            let total = s.projectionSize[l]
            var k = codes.lowerBound
            var index = (j &* perCode) % total
            while index >= codeLength(k) {
                index -= codeLength(k)
                k += 1
            }
            var inProjection = 0
            for _ in 0..<total {
                let mentor = Int(s.members[s.codeStart[Int(s.projectionCodes[k])] + index])
                index += 1
                if index == codeLength(k) {
                    index = 0
                    k = k + 1 == codes.upperBound ? codes.lowerBound : k + 1
                }
                guard instance.groupRulesAllow(mentor: mentor, mentee: j),
                    !instance.isForbidden(mentor: mentor, mentee: j)
                else { continue }
                if best == nil { best = score }
                if !usable { break }
                output.picks[j * perMentee + taken] = Int32(mentor)
                taken += 1
                inProjection += 1
                if inProjection == perCode || taken == bestArcs { break }
            }
            if taken == bestArcs || (!usable && best != nil) { break }
        }
        // Greedy arc: the best-scoring compatible mentor with capacity left (in this worker's
        // share), which then takes this mentee. Greedy arcs form a maximal assignment within the
        // shares, so the restricted problem starts with nearly every mentee that can be paired
        // having a mentor to go to. A code's cursor passes the members without room for good
        // (room only shrinks), for every group of the scan.
        func room(_ mentor: Int) -> Bool {
            s.greedyRoom[mentor] > 0
        }
        // Projections whose members have no room left are passed over for good: flagged, and
        // skipped at the head of the class's order.
        greedy: for rank in s.greedyFrom..<s.codeOrder.count {
            let l = Int(s.codeOrder[rank])
            if instance.objective == .score && s.codeScore[l] <= 0 { break }
            if s.exhausted[l] {
                if rank == s.greedyFrom { s.greedyFrom += 1 }
                continue
            }
            var roomLeft = false
            for k in s.projectionStart[l]..<s.projectionStart[l + 1] {
                let c = Int(s.projectionCodes[k])
                let end = s.codeStart[c + 1]
                while s.codeCursor[c] < end {
                    let mentor = Int(s.members[s.codeCursor[c]])
                    if room(mentor) { break }
                    s.codeCursor[c] += 1
                }
                if s.codeCursor[c] < end { roomLeft = true }
                var position = s.codeCursor[c]
                while position < end {
                    let mentor = Int(s.members[position])
                    position += 1
                    guard room(mentor), instance.groupRulesAllow(mentor: mentor, mentee: j),
                        !instance.isForbidden(mentor: mentor, mentee: j)
                    else { continue }
                    s.greedyRoom[mentor] -= 1
                    let base = j * perMentee
                    if !output.picks[base..<base + taken].contains(Int32(mentor)) {
                        output.picks[base + taken] = Int32(mentor)
                        taken += 1
                    }
                    break greedy
                }
            }
            if !roomLeft {
                s.exhausted[l] = true
                if rank == s.greedyFrom { s.greedyFrom += 1 }
            }
        }
        // Spread arcs: mentors drawn evenly (by a hash of the mentee) from all the group's members,
        // skipping members of projections the objective cannot use.
        let memberTotal = s.spreadStart[s.spreadStart.count - 1]
        if memberTotal > 0 {
            let base = j * perMentee
            var mixed = UInt64(truncatingIfNeeded: j) &* 0x9E37_79B9_7F4A_7C15
            for _ in 0..<Self.spreadArcs {
                mixed = (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
                let number = Int(mixed % UInt64(memberTotal))
                // The code holding that number: the last whose first number is at most it.
                var lo = 0
                var hi = s.spreadCodes.count - 1
                while lo < hi {
                    let mid = (lo + hi + 1) >> 1
                    if s.spreadStart[mid] <= number { lo = mid } else { hi = mid - 1 }
                }
                let c = Int(s.spreadCodes[lo])
                if instance.objective == .score && s.codeScore[Int(s.projectionOf[c])] <= 0 { continue }
                let mentor = Int(s.members[s.codeStart[c] + number - s.spreadStart[lo]])
                if instance.groupRulesAllow(mentor: mentor, mentee: j),
                    !instance.isForbidden(mentor: mentor, mentee: j),
                    !output.picks[base..<base + taken].contains(Int32(mentor))
                {
                    output.picks[base + taken] = Int32(mentor)
                    taken += 1
                }
            }
        }
        output.pickCount[j] = Int32(taken)
        output.best[j] = best
    }

    /// The tools of `mask`, ascending.
    static func tools(of mask: UInt64) -> [Int] {
        var tools: [Int] = []
        var bits = mask
        while bits != 0 {
            tools.append(bits.trailingZeroBitCount)
            bits &= bits - 1
        }
        return tools
    }
}

/// Bit `k` of a mask's key is the mask's bit `positions[k]` (positions ascending, below 64): the
/// bits gathered a byte of the mask at a time, through a table of 256 keys for each byte up to
/// the one that holds the last position.
struct BitGather {
    private let keys: [Int]
    private let bytes: Int

    init(_ positions: [Int]) {
        bytes = positions.isEmpty ? 0 : positions[positions.count - 1] / 8 + 1
        var keys = [Int](repeating: 0, count: 256 * bytes)
        for (k, position) in positions.enumerated() {
            let (byte, bit) = (position / 8, position % 8)
            for value in 0..<256 where value >> bit & 1 != 0 { keys[byte * 256 + value] |= 1 << k }
        }
        self.keys = keys
    }

    func callAsFunction(_ mask: UInt64) -> Int {
        var key = 0
        for byte in 0..<bytes { key |= keys[byte &* 256 &+ Int(truncatingIfNeeded: mask >> UInt64(8 * byte) & 0xFF)] }
        return key
    }
}
