import Foundation

/// Exact maximum-profit assignment on an explicit set of arcs, with dual prices.
///
/// Mentees are rows (each takes at most one mentor, or none at profit 0); mentors are columns of
/// capacity `c_i`. The linear programme and its dual are
///
///     max Σ p_ij x_ij   s.t.  Σ_i x_ij ≤ 1,  Σ_j x_ij ≤ c_i,  x ≥ 0
///     min Σ_j v_j + Σ_i c_i u_i   s.t.  u_i + v_j ≥ p_ij on every arc,  u, v ≥ 0.
///
/// Rows are added one at a time in index order (successive shortest paths, the Hungarian method
/// with Dijkstra on reduced costs `u_i + v_j − p_ij ≥ 0`). A path from the new row ends at a
/// mentor with free capacity or at some row on the path giving up its mentor. After every
/// augmentation these invariants hold for the rows added so far:
///
/// 1. dual feasibility: `u, v ≥ 0` and `u_i + v_j ≥ p_ij` on every arc of an added row;
/// 2. complementary slackness: an assigned arc is tight, `v_j > 0` only for an assigned row,
///    `u_i > 0` only for a full mentor (prices rise only on full mentors, and a full mentor stays
///    full along a path).
///
/// At the end the assignment and the prices `(u, v)` satisfy both, so each proves the other
/// optimal on these arcs; `PairingSolver` then checks the prices against every other allowed pair.
/// Ties are broken by (distance, mentor index), a mentor before a row's option to stay unpaired.
struct SolverRestrictedAssignment: Sendable {
    /// Mentor per mentee, `-1` when unpaired.
    var mentorOfMentee: [Int32]
    /// Dual price `u_i` per mentor.
    var mentorPrice: [Int64]
    /// Dual value `v_j` per mentee.
    var menteeValue: [Int64]

    /// Solves the restricted problem with the given arcs (compressed rows per mentee).
    init(capacity: [Int32], rowStart: [Int], arcMentor: [Int32], arcProfit: [Int64]) {
        let mentorCount = capacity.count
        let menteeCount = rowStart.count - 1
        var load = [Int32](repeating: 0, count: mentorCount)
        var head = [Int32](repeating: -1, count: mentorCount)
        var next = [Int32](repeating: -1, count: menteeCount)
        var prev = [Int32](repeating: -1, count: menteeCount)
        var rowMentor = [Int32](repeating: -1, count: menteeCount)
        var u = [Int64](repeating: 0, count: mentorCount)
        var v = [Int64](repeating: 0, count: menteeCount)
        var distM = [Int64](repeating: 0, count: mentorCount)
        var distR = [Int64](repeating: 0, count: menteeCount)
        var seen = [UInt32](repeating: 0, count: mentorCount)
        var done = [UInt32](repeating: 0, count: mentorCount)
        var pred = [Int32](repeating: -1, count: mentorCount)
        var heap = SolverHeap()
        var finalized: [Int32] = []
        var reached: [Int32] = []
        var stack: [Int32] = []
        var epoch: UInt32 = 0
        let dummyBase = Int32(mentorCount)

        for j0 in 0..<menteeCount {
            let first = rowStart[j0]
            let end = rowStart[j0 + 1]
            var best: Int64 = 0
            for a in first..<end { best = max(best, arcProfit[a] - u[Int(arcMentor[a])]) }
            guard best > 0 else { continue }  // no arc worth taking: unpaired, v = 0
            v[j0] = best
            epoch &+= 1
            heap.removeAll()
            finalized.removeAll(keepingCapacity: true)
            reached.removeAll(keepingCapacity: true)
            distR[j0] = 0
            reached.append(Int32(j0))
            stack.append(Int32(j0))
            var sinkMentor: Int32 = -1
            var sinkRow: Int32 = -1
            var delta: Int64 = 0

            search: while true {
                while let row = stack.popLast() {
                    let j = Int(row)
                    let dj = distR[j]
                    let vj = v[j]
                    for a in rowStart[j]..<rowStart[j + 1] {
                        let i = Int(arcMentor[a])
                        if done[i] == epoch { continue }
                        let nd = dj + u[i] + vj - arcProfit[a]
                        if seen[i] != epoch || nd < distM[i] {
                            seen[i] = epoch
                            distM[i] = nd
                            pred[i] = row
                            heap.push(nd, Int32(i))
                        }
                    }
                    heap.push(dj + vj, dummyBase + row)
                }
                guard let (key, tag) = heap.pop() else {
                    sinkRow = Int32(j0)  // unreachable: the new row's own "stay unpaired" is queued
                    delta = v[j0]
                    break search
                }
                if tag >= dummyBase {
                    sinkRow = tag - dummyBase
                    delta = key
                    break search
                }
                let i = Int(tag)
                if done[i] == epoch || key != distM[i] { continue }
                done[i] = epoch
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
            stack.removeAll(keepingCapacity: true)

            for i in finalized { u[Int(i)] += delta - distM[Int(i)] }
            for j in reached { v[Int(j)] -= delta - distR[Int(j)] }

            var column: Int32
            if sinkRow >= 0 {
                if sinkRow == Int32(j0) { continue }
                column = rowMentor[Int(sinkRow)]
                Self.unlink(sinkRow, from: column, head: &head, next: &next, prev: &prev)
                load[Int(column)] -= 1
                rowMentor[Int(sinkRow)] = -1
            } else {
                column = sinkMentor
            }
            while true {
                let row = pred[Int(column)]
                let old = rowMentor[Int(row)]
                if old >= 0 {
                    Self.unlink(row, from: old, head: &head, next: &next, prev: &prev)
                    load[Int(old)] -= 1
                }
                Self.link(row, to: column, head: &head, next: &next, prev: &prev)
                load[Int(column)] += 1
                rowMentor[Int(row)] = column
                if row == Int32(j0) { break }
                column = old
            }
        }
        mentorOfMentee = rowMentor
        mentorPrice = u
        menteeValue = v
    }

    private static func link(_ row: Int32, to mentor: Int32, head: inout [Int32], next: inout [Int32], prev: inout [Int32]) {
        let h = head[Int(mentor)]
        next[Int(row)] = h
        prev[Int(row)] = -1
        if h >= 0 { prev[Int(h)] = row }
        head[Int(mentor)] = row
    }

    private static func unlink(_ row: Int32, from mentor: Int32, head: inout [Int32], next: inout [Int32], prev: inout [Int32]) {
        let p = prev[Int(row)]
        let n = next[Int(row)]
        if p >= 0 { next[Int(p)] = n } else { head[Int(mentor)] = n }
        if n >= 0 { prev[Int(n)] = p }
        next[Int(row)] = -1
        prev[Int(row)] = -1
    }
}
