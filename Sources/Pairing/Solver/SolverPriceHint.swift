import Foundation
import Ingest

/// Estimated mentor prices for a large problem, from the exact solution of a sample of it: the
/// seed of column generation then offers every mentee the mentors that are good value at those
/// prices (see `PairingSolver`), instead of the best-scoring mentors everybody wants.
///
/// **Why.** The restricted problem's dual prices are degenerate: under the optimal prices a
/// survey-like mentee has tens to hundreds of equally good mentors, so arcs picked by score alone
/// lead to a restricted optimum whose prices are far from the full problem's, and pricing then
/// finds new arcs for nearly every mentee, round after round. A sample taken evenly from both
/// sides (every `k`-th mentor and mentee, the same market in miniature) has nearly the same
/// prices per kind of mentor, and it is `k²` times smaller.
///
/// **How.** The sample's paired mentees `j` (with mentor `x`) say what they are willing to pay:
/// a mentor `i` would take `j` from `x` at a price up to `u_x − s_xj + s_ij`. A mentor's estimated
/// price is the most any paired sample mentee would pay for it (at least 0):
///
///     û_i = max(0, max_j (s_ij + c_j)),   c_j = u_x − s_xj,
///
/// over the sample mentees `i` can teach something (exclusions are ignored: an estimate). The
/// maximum over all mentees is taken for every mentor at once by a separable max-plus transform
/// over profile space, one tool at a time (as in `SolverProfileTransform`): a table indexed by
/// per-tool states starts with the mentees' states and ends with the mentors'.
///
/// The seed then asks the direct pricing, with these prices and every mentee at value 0, for the
/// cheapest members of each mentee's best projections, equally good ones in a hashed order
/// (`SolverPricing.Mode.price` with `tiesOnly`). On the 50,000² bench instance, with a tenth
/// sampled, the first restricted optimum is then within 1.0% of the optimum's score (7.6% from
/// best-score arcs alone) and the whole solve takes a quarter less time; taking tied mentors in
/// index order instead of hashed order loses most of that (see `BENCHMARKS.md`, ninth round).
///
/// The estimate only chooses arcs; the solve stays exact whatever it is (the final prices are
/// checked against every allowed pair by pricing).
enum SolverPriceHint {
    /// Largest table (`radix^tools` cells, two `Int64` each) the transform builds: 13 tools at
    /// the default thresholds (25 MB); beyond that no estimate is made.
    static let cellLimit = 2_000_000

    /// Every `k`-th mentor and mentee of `problem`, with the forbidden pairs between them.
    static func sample(_ problem: PairingProblem, every k: Int) -> PairingProblem {
        var sample = problem
        sample.mentors = stride(from: 0, to: problem.mentors.count, by: k).map { problem.mentors[$0] }
        sample.mentees = stride(from: 0, to: problem.mentees.count, by: k).map { problem.mentees[$0] }
        sample.forbidden = CandidatePairList(
            problem.forbidden.lazy.filter { $0.mentor % k == 0 && $0.mentee % k == 0 }
                .map { CandidatePair(mentor: $0.mentor / k, mentee: $0.mentee / k) })
        return sample
    }

    /// Estimated prices (units of `instance`, profit scale) of `instance`'s mentors from the
    /// certified solution of `sample(_:every:)`; nil when the table would be too large.
    /// `blockCells`: see `SolverPriceHint.blockCells` (the tests make it small).
    static func prices(
        _ instance: SolverInstance, sample: PairingSolver.Certified, every k: Int, blockCells limit: Int = blockCells
    ) -> [Int64]? {
        let tools = instance.toolCount
        guard
            let (mentorStates, menteeStates, radix, cells) = SolverProfileTransform.space(
                instance, cellLimit: cellLimit)
        else { return nil }
        // What each paired sample mentee would pay, in this instance's units. A sample price
        // holds the sample's bonus when it is at least half of it (prices are either score-sized
        // or a bonus plus a score-sized part, see `SolverInstance.bonus`).
        let sampleUnit = sample.instance.scoreUnitMicros
        let unit = instance.scoreUnitMicros
        func converted(_ price: Int64) -> Int64 {
            let sampleBonus = sample.instance.bonus
            let holdsBonus = sampleBonus > 0 && price >= sampleBonus / 2
            let part = holdsBonus ? price - sampleBonus : price
            let (micros, overflow) = part.multipliedReportingOverflow(by: sampleUnit)
            let scaled = overflow ? part : micros / unit
            return holdsBonus ? scaled + instance.bonus : scaled
        }
        // A person's cell: its states (`SolverInstance.mentorState`, `menteeState`) as digits.
        @Sendable func cell(_ state: (_ tool: Int) -> Int) -> Int {
            var (cell, stride) = (0, 1)
            for t in 0..<tools {
                cell += state(t) * stride
                stride *= radix
            }
            return cell
        }
        let empty = Int64.min / 4
        var none = [Int64](repeating: empty, count: cells)
        var any = [Int64](repeating: empty, count: cells)
        for (js, mentor) in sample.mentorOfMentee.enumerated() where mentor >= 0 {
            let (i, j) = (Int(mentor) * k, js * k)
            guard let s = instance.score(mentor: i, mentee: j) else { continue }
            let at = cell { instance.menteeState(j, tool: $0) }
            none[at] = max(none[at], converted(sample.mentorPrice[Int(mentor)]) - s)
        }
        // Tool by tool, mentee state b becomes mentor state a (see `SolverProfileTransform`):
        // a mentor that cannot teach the tool takes every b; one that can gains g(a, b) from a
        // mentee low on it (and then has something to teach), nothing from one that is not.
        // Each pass works on the cells whose digit for the tool is 0 (a *base* and the `radix`
        // cells above it), independent of one another: shared out over two workers (two even for
        // a small table, so that the tests' tables take the split too). The first tools' passes
        // stay within blocks of `radix^inner` consecutive cells, so they are made block by block,
        // every such pass over a block while it is in cache, and only the other tools' passes go
        // over the whole table (at 13 tools, 4 passes over 25 MB instead of 13).
        // g(a, b) per tool at `a * radix + b`, for a mentor state a ≥ 1 and a mentee state b ≥ 1.
        let gains = (0..<tools).map { t in
            var gains = [Int64](repeating: 0, count: radix * radix)
            for a in 1..<radix {
                for b in 1..<radix {
                    gains[a * radix + b] = instance.weight[t] * Int64(instance.mentorMin + a - 1 - (b - 1))
                }
            }
            return gains
        }
        var (inner, blockCells) = (0, 1)
        while inner < tools && blockCells * radix <= limit {
            inner += 1
            blockCells *= radix
        }
        none.withUnsafeMutableBufferPointer { noneBuffer in
            any.withUnsafeMutableBufferPointer { anyBuffer in
                guard let noneStart = noneBuffer.baseAddress, let anyStart = anyBuffer.baseAddress else { return }
                let tables = TransformTables(none: noneStart, any: anyStart)
                let (teaching, low, innerTools, basesPerBlock) = (mentorStates, menteeStates, inner, blockCells / radix)
                concurrentRuns(count: cells / blockCells, parts: 2) { blocks in
                    for block in blocks {
                        var stride = 1
                        for t in 0..<innerTools {
                            Self.transformPass(
                                tables, bases: block * basesPerBlock..<(block + 1) * basesPerBlock, stride: stride,
                                radix: radix, mentorStates: teaching, menteeStates: low, gains: gains[t], empty: empty)
                            stride *= radix
                        }
                    }
                }
                var stride = blockCells
                for t in inner..<tools {
                    let step = stride
                    concurrentRuns(count: cells / radix, parts: 2) { run in
                        Self.transformPass(
                            tables, bases: run, stride: step, radix: radix, mentorStates: teaching,
                            menteeStates: low, gains: gains[t], empty: empty)
                    }
                    stride *= radix
                }
            }
        }
        let estimate = any
        return concurrentMap(count: instance.mentorCount) { i in
            max(0, estimate[cell { instance.mentorState(i, tool: $0) }])
        }
    }

    /// Most cells of a block that `prices` makes its first tools' passes over at once: 2^15
    /// cells, half a megabyte of the two tables, within a core's second-level cache.
    static let blockCells = 1 << 15

    /// The two tables of `prices`, shared by the workers of a pass: each writes only the cells
    /// of its own bases.
    private struct TransformTables: @unchecked Sendable {
        let none: UnsafeMutablePointer<Int64>
        let any: UnsafeMutablePointer<Int64>
    }

    /// One tool's pass of `prices` over the bases numbered `bases` (base number `q` is the cell
    /// `(q / stride) × stride × radix + q % stride`, whose digit for the tool is 0).
    private static func transformPass(
        _ tables: TransformTables, bases: Range<Int>, stride: Int, radix: Int, mentorStates: Int, menteeStates: Int,
        gains: [Int64], empty: Int64
    ) {
        guard !bases.isEmpty else { return }
        let (none, any) = (tables.none, tables.any)
        withUnsafeTemporaryAllocation(of: Int64.self, capacity: 2 * radix) { inputs in
            gains.withUnsafeBufferPointer { gains in
                var block = bases.lowerBound / stride
                var offset = bases.lowerBound % stride
                for _ in bases {
                    let base = block * stride * radix + offset
                    var anyMax = empty
                    var noneMax = empty
                    for b in 0..<radix {
                        let (y, n) = (any[base + b * stride], none[base + b * stride])
                        inputs[b] = y
                        inputs[radix + b] = n
                        anyMax = max(anyMax, y)
                        noneMax = max(noneMax, n)
                    }
                    any[base] = anyMax
                    none[base] = noneMax
                    for a in 1..<radix {
                        let at = base + a * stride
                        guard a < mentorStates else {
                            any[at] = empty
                            none[at] = empty
                            continue
                        }
                        var best = inputs[0]
                        for b in 1..<menteeStates {
                            let input = max(inputs[b], inputs[radix + b])
                            if input > empty { best = max(best, input + gains[a * radix + b]) }
                        }
                        any[at] = best
                        none[at] = inputs[radix]
                    }
                    offset += 1
                    if offset == stride {
                        offset = 0
                        block += 1
                    }
                }
            }
        }
    }
}
