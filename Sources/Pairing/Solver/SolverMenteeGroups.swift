import Foundation

/// Mentees grouped by what decides their view of the mentors: the set `S` of tools they are low
/// on, and (with the location rule) their location.
///
/// For every mentee of a group, a mentor's score depends only on the mentor's digits on `S`
/// (the *projection* of its profile), so mentors with equal projections are interchangeable
/// apart from price and the per-pair exclusions. Inside a group, mentees are ordered by their
/// score row, so mentees with identical rows are consecutive (a *class*), then by index.
struct SolverMenteeGroups: Sendable {
    var lowMask: [UInt64] = []
    var location: [Int32] = []
    /// Mentees of group `g`: `mentees[start[g]..<start[g + 1]]`.
    var start: [Int] = [0]
    var mentees: [Int32] = []
    /// Mentors (of any capacity) that can teach a mentee of group `g` something, rules aside.
    var teachable: [Int] = []

    var count: Int { lowMask.count }

    init(_ instance: SolverInstance) {
        let tools = instance.toolCount
        let low = instance.menteeLow
        let loc = instance.menteeLocation
        let values = instance.menteeValue
        var order = (0..<instance.menteeCount).filter { low[$0] != 0 }
        order.sort { a, b in
            if low[a] != low[b] { return low[a] < low[b] }
            if loc[a] != loc[b] { return loc[a] < loc[b] }
            for t in 0..<tools where values[a * tools + t] != values[b * tools + t] {
                return values[a * tools + t] < values[b * tools + t]
            }
            return a < b
        }
        // Teach masks of all mentors, as a histogram, for the teachable counts.
        var maskCount: [UInt64: Int] = [:]
        for mask in instance.mentorTeach where mask != 0 { maskCount[mask, default: 0] += 1 }
        let masks = maskCount.sorted { $0.key < $1.key }

        var index = 0
        while index < order.count {
            let m = low[order[index]]
            let l = loc[order[index]]
            var end = index
            while end < order.count && low[order[end]] == m && loc[order[end]] == l { end += 1 }
            lowMask.append(m)
            location.append(l)
            mentees.append(contentsOf: order[index..<end].map { Int32($0) })
            start.append(mentees.count)
            var reach = 0
            for (mask, count) in masks where mask & m != 0 { reach += count }
            teachable.append(reach)
            index = end
        }
    }
}
