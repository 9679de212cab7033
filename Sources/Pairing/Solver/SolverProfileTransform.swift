import Foundation

/// The `k` best mentors of every mentee by `scale × score − price`, exactly, by a separable
/// max-plus transform over profile space.
///
/// Per kept tool `t`, a mentor is in *state* `a_t`: 0 when it cannot teach `t`, else
/// `value − mentorMin + 1`; a mentee in state `b_t`: 0 when it is not low on `t`, else
/// `value + 1`. A profile is the mixed-radix number of its states (`radix` states per tool, the
/// larger of the two sides' counts): a *cell*. A pair's score is a sum over tools,
/// `s = Σ_t g_t(a_t, b_t)`, with `g_t = w_t × (mentor value − mentee value)` when both states are
/// non-zero (the tool is teachable) and 0 otherwise; the pair is allowed only when some tool is
/// teachable.
///
/// Each mentor carries a *key* `(value << indexBits) | (indexMask − index)`, so a larger key is a
/// higher value, then a smaller mentor index; keys are unique. A table holds, per cell, the `k`
/// largest keys (descending). Starting with every mentor's key in its own cell of the table
/// `none` ("no teachable tool yet") and `any` empty, the tools' mentor states are replaced by
/// mentee states one tool at a time, like a fast Walsh–Hadamard transform but in max-plus
/// (`⊕` = the `k` largest of the union, `+ g` adds to every key of a list):
///
///     any'[b] = any[0] ⊕ ⊕_{a ≥ 1} ((any[a] ⊕ none[a]) + g(a, b))   (b ≥ 1)
///     any'[0] = ⊕_a any[a],   none'[0] = ⊕_a none[a],   none'[b ≥ 1] = none[0]
///
/// After every tool, `any[mentee cell]` holds the `k` best keys over the mentors that can teach
/// that profile something, every score added exactly (a mentor reaches an output cell along one
/// path only, so lists never hold a mentor twice).
///
/// **Slabs.** The last `outerTools` tools are not transformed in the table: mentors are split
/// into *slabs* by their states on those tools, each slab's table (`radix^innerTools` cells, a
/// size that stays in cache) is transformed over the inner tools, and each mentee then reads its
/// inner cell of every slab, adds the outer tools' gains (taking `none` too when an outer tool is
/// teachable) and merges the result into its own list. Same result, cost
/// `innerTools × radix^T` list updates plus `radix^outerTools` merges per mentee, and memory
/// independent of `radix^T`.
///
/// Keys are exact while every value stays within `±2^(60 − indexBits)`: `fits` checks that per
/// run; callers fall back to the direct pricing otherwise, and when `radix^T` exceeds
/// `cellLimit`.
struct SolverProfileTransform: Sendable {
    /// At most this many profile cells (`radix^T`): 14 tools at the default thresholds. The work
    /// per run grows with it; beyond, pricing falls back.
    static let cellLimit = 5_000_000
    /// Largest slab table, in cells. 2^16 rather than 2^15: with 13 tools at the default
    /// thresholds 10 inner tools (59,049 cells, 0.9 MB of lists per worker at k = 1) instead of
    /// 9, so 27 slabs for each mentee to merge instead of 81; the screens before the pricing
    /// rounds of the 1,000,000-row survey took 0.22, 0.085, 0.038 s instead of 0.25, 0.11,
    /// 0.06 s.
    static let slabLimit = 1 << 16

    let toolCount: Int
    let radix: Int
    let innerTools: Int
    let outerTools: Int
    let innerCells: Int
    let slabCount: Int
    /// List updates of one transform: `innerTools` passes over every slab's table.
    var listUpdates: Int { innerTools * innerCells * slabCount }
    /// Per inner tool, `radix × radix` gains `g(a, b)` in score units at `[a * radix + b]`.
    let gain: [[Int64]]
    /// Per (slab, mentee outer state): the outer tools' total gain, and whether any is teachable.
    let outerGain: [Int64]
    let outerTeachable: [Bool]
    let maxGainTotal: Int64
    let mentorInner: [Int32]
    let mentorOuter: [Int32]
    /// Mentors per slab: `slabMentors[slabStart[o]..<slabStart[o + 1]]`, in index order.
    let slabStart: [Int32]
    let slabMentors: [Int32]
    let menteeInner: [Int32]
    let menteeOuter: [Int32]
    let indexBits: Int
    let indexMask: Int64

    /// Keys below this are empty slots.
    static let emptyBelow = Int64.min / 4
    static let empty = Int64.min / 2

    /// The profile space of `instance`: states per tool on each side, the radix (the larger),
    /// and `radix^T` cells; nil when that exceeds `cellLimit`.
    static func space(
        _ instance: SolverInstance, cellLimit: Int
    ) -> (mentorStates: Int, menteeStates: Int, radix: Int, cells: Int)? {
        let mentorStates = 6 - instance.mentorMin  // 0 plus mentorMin...4
        let menteeStates = instance.menteeMaxValue + 2  // 0 plus 0...menteeMax
        let radix = max(mentorStates, menteeStates)
        var cells = 1
        for _ in 0..<instance.toolCount {
            let (next, overflow) = cells.multipliedReportingOverflow(by: radix)
            guard !overflow, next <= cellLimit else { return nil }
            cells = next
        }
        return (mentorStates, menteeStates, radix, cells)
    }

    init?(_ instance: SolverInstance, cellLimit: Int = Self.cellLimit) {
        let tools = instance.toolCount
        guard let (mentorStates, menteeStates, radix, cells) = Self.space(instance, cellLimit: cellLimit) else {
            return nil
        }
        var inner = tools
        var innerCells = cells
        while innerCells > Self.slabLimit {
            inner -= 1
            innerCells /= radix
        }
        let outer = tools - inner
        let slabCount = cells / innerCells
        // Tool t < inner is an inner tool (stride radix^t); tool inner + r is outer digit r.
        func g(_ t: Int, _ a: Int, _ b: Int) -> Int64 {
            guard a >= 1, b >= 1, a < mentorStates, b < menteeStates else { return 0 }
            return instance.weight[t] * Int64(instance.mentorMin + a - 1 - (b - 1))
        }
        var gain: [[Int64]] = []
        var maxGainTotal: Int64 = 0
        for t in 0..<tools {
            var table = [Int64](repeating: 0, count: radix * radix)
            var largest: Int64 = 0
            for a in 0..<radix {
                for b in 0..<radix {
                    table[a * radix + b] = g(t, a, b)
                    largest = max(largest, table[a * radix + b])
                }
            }
            maxGainTotal += largest
            if t < inner { gain.append(table) }
        }
        var outerGain = [Int64](repeating: 0, count: slabCount * slabCount)
        var outerTeachable = [Bool](repeating: false, count: slabCount * slabCount)
        for o in 0..<slabCount {
            for q in 0..<slabCount {
                var (x, y) = (o, q)
                var total: Int64 = 0
                var teachable = false
                for r in 0..<outer {
                    let (a, b) = (x % radix, y % radix)
                    x /= radix
                    y /= radix
                    total += g(inner + r, a, b)
                    if a >= 1 && b >= 1 && a < mentorStates && b < menteeStates { teachable = true }
                }
                outerGain[o * slabCount + q] = total
                outerTeachable[o * slabCount + q] = teachable
            }
        }
        func split(_ states: (Int) -> Int) -> (inner: Int32, outer: Int32) {
            var (cellIn, cellOut, stride) = (0, 0, 1)
            for t in 0..<tools {
                if t == inner { stride = 1 }
                if t < inner { cellIn += states(t) * stride } else { cellOut += states(t) * stride }
                stride *= radix
            }
            return (Int32(cellIn), Int32(cellOut))
        }
        /// Inner and outer cells of `count` people whose state on tool `t` is `state(person, t)`.
        func cellsOf(_ count: Int, state: (_ person: Int, _ tool: Int) -> Int) -> ([Int32], [Int32]) {
            var innerCell = [Int32](repeating: 0, count: count)
            var outerCell = [Int32](repeating: 0, count: count)
            for p in 0..<count {
                let cell = split { t in state(p, t) }
                innerCell[p] = cell.inner
                outerCell[p] = cell.outer
            }
            return (innerCell, outerCell)
        }
        let m = instance.mentorCount
        let (mentorInner, mentorOuter) = cellsOf(m) { instance.mentorState($0, tool: $1) }
        var slabStart = [Int32](repeating: 0, count: slabCount + 1)
        for o in mentorOuter { slabStart[Int(o) + 1] += 1 }
        for o in 0..<slabCount { slabStart[o + 1] += slabStart[o] }
        var fill = slabStart
        var slabMentors = [Int32](repeating: 0, count: m)
        for i in 0..<m {
            let o = Int(mentorOuter[i])
            slabMentors[Int(fill[o])] = Int32(i)
            fill[o] += 1
        }
        let (menteeInner, menteeOuter) = cellsOf(instance.menteeCount) { instance.menteeState($0, tool: $1) }
        var bits = 1
        while (1 << bits) <= m { bits += 1 }
        self.toolCount = tools
        self.radix = radix
        self.innerTools = inner
        self.outerTools = outer
        self.innerCells = innerCells
        self.slabCount = slabCount
        self.gain = gain
        self.outerGain = outerGain
        self.outerTeachable = outerTeachable
        self.maxGainTotal = maxGainTotal
        self.mentorInner = mentorInner
        self.mentorOuter = mentorOuter
        self.slabStart = slabStart
        self.slabMentors = slabMentors
        self.menteeInner = menteeInner
        self.menteeOuter = menteeOuter
        self.indexBits = bits
        self.indexMask = (1 << Int64(bits)) - 1
    }

    /// Whether values of magnitude up to `maxMagnitude`, plus `scale` times any pair's score, stay
    /// exact in keys.
    func fits(maxMagnitude: Int64, scale: Int64) -> Bool {
        let limit = Int64(1) << Int64(60 - indexBits)
        let (gains, o1) = maxGainTotal.multipliedReportingOverflow(by: scale)
        guard !o1 else { return false }
        let (total, o2) = gains.addingReportingOverflow(maxMagnitude)
        return !o2 && total < limit
    }

    /// A mentor's full profile cell.
    func mentorCell(_ i: Int) -> Int { Int(mentorInner[i]) + Int(mentorOuter[i]) * innerCells }

    func key(value: Int64, mentor: Int) -> Int64 {
        (value << Int64(indexBits)) | (indexMask - Int64(mentor))
    }

    func value(of key: Int64) -> Int64 { key >> Int64(indexBits) }

    func mentor(of key: Int64) -> Int { Int(indexMask - (key & indexMask)) }

    /// For each of `mentees`, its `k` best keys (descending, `empty`-padded) at
    /// `[position * k ..< position * k + k]`, over the mentors whose `mentorKey` is not `empty`,
    /// scores multiplied by `scale`. Slabs are split over two workers (always two, each with its
    /// own lists, merged at the end: the result does not depend on timing).
    func best(mentorKey: [Int64], mentees: [Int32], k: Int, scale: Int64) -> [Int64] {
        let shift = Int64(indexBits)
        let scaledGain = gain.map { $0.map { ($0 * scale) << shift } }
        let scaledOuter = outerGain.map { ($0 * scale) << shift }
        let workers = 2
        let boxes = (0..<workers).map { _ in
            ListBox(lists: [Int64](repeating: Self.empty, count: mentees.count * k))
        }
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var none = [Int64](repeating: Self.empty, count: innerCells * k)
            var any = none
            var o = w
            while o < slabCount {
                defer { o += workers }
                let from = Int(slabStart[o])
                let to = Int(slabStart[o + 1])
                var used = false
                for c in 0..<none.count {
                    none[c] = Self.empty
                    any[c] = Self.empty
                }
                for p in from..<to {
                    let i = Int(slabMentors[p])
                    let key = mentorKey[i]
                    if key < Self.emptyBelow { continue }
                    used = true
                    none.withUnsafeMutableBufferPointer { buffer in
                        guard let base = buffer.baseAddress else { return }
                        _ = Self.insert(key, into: base + Int(mentorInner[i]) * k, k: k)
                    }
                }
                if !used { continue }
                transform(none: &none, any: &any, k: k, gains: scaledGain)
                let row = o * slabCount
                none.withUnsafeBufferPointer { noneBuffer in
                    any.withUnsafeBufferPointer { anyBuffer in
                        boxes[w].lists.withUnsafeMutableBufferPointer { listBuffer in
                            guard let n = noneBuffer.baseAddress, let y = anyBuffer.baseAddress,
                                let lists = listBuffer.baseAddress
                            else { return }
                            for (position, j32) in mentees.enumerated() {
                                let j = Int(j32)
                                let q = Int(menteeOuter[j])
                                let offset = scaledOuter[row + q]
                                let cell = Int(menteeInner[j]) * k
                                let list = lists + position * k
                                Self.merge(y + cell, adding: offset, into: list, k: k)
                                if outerTeachable[row + q] { Self.merge(n + cell, adding: offset, into: list, k: k) }
                            }
                        }
                    }
                }
            }
        }
        var result = boxes[0].lists
        for w in 1..<workers {
            result.withUnsafeMutableBufferPointer { target in
                boxes[w].lists.withUnsafeBufferPointer { source in
                    guard let t = target.baseAddress, let s = source.baseAddress else { return }
                    for position in 0..<mentees.count {
                        Self.merge(s + position * k, adding: 0, into: t + position * k, k: k)
                    }
                }
            }
        }
        return result
    }

    /// One worker's lists. Unchecked: each box is written by its own worker only, and read by
    /// the caller after `concurrentPerform` has returned.
    private final class ListBox: @unchecked Sendable {
        var lists: [Int64]
        init(lists: [Int64]) { self.lists = lists }
    }

    /// Inserts `key` into a descending list of `k`; false when it is not larger than the last.
    @inline(__always)
    private static func insert(_ key: Int64, into list: UnsafeMutablePointer<Int64>, k: Int) -> Bool {
        if key <= list[k - 1] { return false }
        var p = k - 1
        while p > 0 && list[p - 1] < key {
            list[p] = list[p - 1]
            p -= 1
        }
        list[p] = key
        return true
    }

    /// Merges a descending list, each key plus `offset`, into `list`.
    @inline(__always)
    private static func merge(
        _ source: UnsafePointer<Int64>, adding offset: Int64, into list: UnsafeMutablePointer<Int64>, k: Int
    ) {
        for e in 0..<k {
            let key = source[e]
            if key < emptyBelow || !insert(key &+ offset, into: list, k: k) { return }
        }
    }

    /// The transform over the inner tools of one slab's tables.
    private func transform(none: inout [Int64], any: inout [Int64], k: Int, gains: [[Int64]]) {
        let radix = self.radix
        none.withUnsafeMutableBufferPointer { noneBuffer in
            any.withUnsafeMutableBufferPointer { anyBuffer in
                guard let n = noneBuffer.baseAddress, let y = anyBuffer.baseAddress else { return }
                var stride = 1
                for t in 0..<innerTools {
                    if k == 1 && radix == 3 {
                        Self.step3(none: n, any: y, cells: innerCells, stride: stride, gain: gains[t])
                    } else {
                        Self.step(
                            none: n, any: y, cells: innerCells, stride: stride, radix: radix, k: k, gain: gains[t])
                    }
                    stride *= radix
                }
            }
        }
    }

    /// One tool, three states per side, one key per cell (the default thresholds).
    private static func step3(
        none n: UnsafeMutablePointer<Int64>, any y: UnsafeMutablePointer<Int64>, cells: Int, stride s: Int,
        gain g: [Int64]
    ) {
        let g11 = g[1 * 3 + 1]
        let g12 = g[1 * 3 + 2]
        let g21 = g[2 * 3 + 1]
        let g22 = g[2 * 3 + 2]
        var base = 0
        while base < cells {
            for c in base..<base + s {
                let n0 = n[c]
                let n1 = n[c + s]
                let n2 = n[c + 2 * s]
                let y0 = y[c]
                let y1 = y[c + s]
                let y2 = y[c + 2 * s]
                let m1 = max(y1, n1)
                let m2 = max(y2, n2)
                y[c] = max(y0, max(y1, y2))
                y[c + s] = max(y0, max(m1 &+ g11, m2 &+ g21))
                y[c + 2 * s] = max(y0, max(m1 &+ g12, m2 &+ g22))
                n[c] = max(n0, max(n1, n2))
                n[c + s] = n0
                n[c + 2 * s] = n0
            }
            base += 3 * s
        }
    }

    /// One tool, any radix, `k` keys per cell. States beyond a side's count never occur on that
    /// side: their gains are 0 and their cells stay empty or are never read.
    private static func step(
        none n: UnsafeMutablePointer<Int64>, any y: UnsafeMutablePointer<Int64>, cells: Int, stride s: Int,
        radix: Int, k: Int, gain g: [Int64]
    ) {
        let scratch = UnsafeMutablePointer<Int64>.allocate(capacity: 4 * radix * k)
        defer { scratch.deallocate() }
        let inAny = scratch
        let inNone = scratch + radix * k
        let outAny = scratch + 2 * radix * k
        let both = scratch + 3 * radix * k
        var base = 0
        while base < cells {
            for c in base..<base + s {
                for a in 0..<radix {
                    let from = (c + a * s) * k
                    for e in 0..<k {
                        inAny[a * k + e] = y[from + e]
                        inNone[a * k + e] = n[from + e]
                    }
                }
                // both[a] = any[a] ⊕ none[a] (a ≥ 1); outAny[0] = ⊕ any[a]; none[0] slot = ⊕ none[a].
                for e in 0..<radix * k { outAny[e] = empty }
                for a in 0..<radix {
                    merge(inAny + a * k, adding: 0, into: outAny, k: k)
                    if a >= 1 {
                        for e in 0..<k { both[a * k + e] = inAny[a * k + e] }
                        merge(inNone + a * k, adding: 0, into: both + a * k, k: k)
                    }
                }
                for b in 1..<radix {
                    let out = outAny + b * k
                    for e in 0..<k { out[e] = inAny[e] }
                    for a in 1..<radix { merge(both + a * k, adding: g[a * radix + b], into: out, k: k) }
                }
                let noneZero = (c * k)
                for a in 1..<radix { merge(inNone + a * k, adding: 0, into: n + noneZero, k: k) }
                for b in 0..<radix {
                    let to = (c + b * s) * k
                    for e in 0..<k {
                        y[to + e] = outAny[b * k + e]
                        if b >= 1 { n[to + e] = inNone[e] }
                    }
                }
            }
            base += radix * s
        }
    }
}
