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
            index = end
        }
    }
}
