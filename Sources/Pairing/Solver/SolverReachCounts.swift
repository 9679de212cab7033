import Foundation

/// The counting part of `MenteeReach` for every mentee: teachable mentors, those the group rules
/// leave, and those not explicitly forbidden (the best score comes from pricing).
///
/// A mentor can teach mentee `j` something iff its teach mask meets `j`'s low mask `S`, so over a
/// set `X` of mentors the count is `|X| − Z_X[~S]`, where `Z_X[M]` counts the mentors of `X` whose
/// teach mask is a subset of `M` (a subset-sum "zeta" transform over masks, `T × 2^T`). The rules
/// split the mentors into a few sets: the mentee's location and the unknown one (or all mentors),
/// minus the same department within those. With many tools the zeta table is replaced by a loop
/// over the set's distinct teach masks, cached per distinct query.
enum SolverReachCounts {
    /// Zeta tables are used up to this many tools.
    static let zetaToolLimit = 16

    /// A set of mentors: `location` 0 = unknown location, `nil` = any; `department` `nil` = any.
    private struct SetKey: Hashable {
        var location: Int32?
        var department: Int32?
    }

    static func counts(_ instance: SolverInstance) -> [MenteeReach] {
        let n = instance.menteeCount
        var teachable = [Int](repeating: 0, count: n)
        var afterRules = [Int](repeating: 0, count: n)
        // Terms per mentee: (set, sign, target: 0 = teachable and afterRules, 1 = afterRules only).
        var queries: [SetKey: [(mentee: Int32, sign: Int8)]] = [:]
        var teachableQueries: [SetKey: [Int32]] = [:]
        let locationRule = instance.locationCount > 1
        for j in 0..<n where instance.menteeLow[j] != 0 {
            teachableQueries[SetKey(location: nil, department: nil), default: []].append(Int32(j))
            let l = instance.menteeLocation[j]
            let d = instance.menteeDepartment[j]
            let locations: [Int32?] = (locationRule && l != 0) ? [0, l] : [nil]
            for location in locations {
                queries[SetKey(location: location, department: nil), default: []].append((Int32(j), 1))
                if d != 0 { queries[SetKey(location: location, department: d), default: []].append((Int32(j), -1)) }
            }
        }
        var keys = Set(queries.keys)
        keys.formUnion(teachableQueries.keys)
        // Mentors per set, by teach mask.
        var members: [SetKey: [UInt64]] = [:]
        for i in 0..<instance.mentorCount {
            let mask = instance.mentorTeach[i]
            let l = instance.mentorLocation[i]
            let d = instance.mentorDepartment[i]
            for location in [nil, l] as [Int32?] {
                for department in [nil, d] as [Int32?] where department != 0 || department == nil {
                    let key = SetKey(location: location, department: department)
                    if keys.contains(key) { members[key, default: []].append(mask) }
                }
            }
        }
        let tools = instance.toolCount
        let full: UInt64 = tools == 64 ? ~0 : (1 << UInt64(tools)) - 1
        var table: [UInt32] = tools <= zetaToolLimit ? [UInt32](repeating: 0, count: 1 << tools) : []
        let ordered = keys.sorted {
            ($0.location ?? -1, $0.department ?? -1) < ($1.location ?? -1, $1.department ?? -1)
        }
        for key in ordered {
            let masks = members[key] ?? []
            let count: (UInt64) -> Int
            if tools <= zetaToolLimit {
                for c in table.indices { table[c] = 0 }
                for mask in masks { table[Int(mask)] += 1 }
                for t in 0..<tools {
                    let bit = 1 << t
                    for c in 0..<table.count where c & bit != 0 { table[c] &+= table[c ^ bit] }
                }
                let snapshot = table
                let total = masks.count
                count = { low in total - Int(snapshot[Int(~low & full)]) }
            } else {
                var histogram: [UInt64: Int] = [:]
                for mask in masks { histogram[mask, default: 0] += 1 }
                let distinct = histogram.sorted { $0.key < $1.key }
                var cache: [UInt64: Int] = [:]
                count = { low in
                    if let known = cache[low] { return known }
                    var total = 0
                    for (mask, c) in distinct where mask & low != 0 { total += c }
                    cache[low] = total
                    return total
                }
            }
            for j in teachableQueries[key] ?? [] { teachable[Int(j)] = count(instance.menteeLow[Int(j)]) }
            for (j, sign) in queries[key] ?? [] {
                afterRules[Int(j)] += Int(sign) * count(instance.menteeLow[Int(j)])
            }
        }
        var reach: [MenteeReach] = []
        reach.reserveCapacity(n)
        for j in 0..<n {
            var excluded = 0
            let low = instance.menteeLow[j]
            for f in instance.forbiddenStart[j]..<instance.forbiddenStart[j + 1] {
                let mentor = Int(instance.forbiddenMentor[f])
                if instance.mentorTeach[mentor] & low != 0 && instance.groupRulesAllow(mentor: mentor, mentee: j) {
                    excluded += 1
                }
            }
            reach.append(
                MenteeReach(
                    teachableMentors: teachable[j], afterGroupRules: afterRules[j],
                    allowedMentors: afterRules[j] - excluded, bestScoreMicros: nil))
        }
        return reach
    }
}
