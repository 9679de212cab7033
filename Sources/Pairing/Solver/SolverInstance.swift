import Foundation
import Ingest

/// The compact, integer form of a `PairingProblem` that the solver works on.
///
/// - Only tools that some mentor can teach and some mentee is low on are kept (at most 64), so a
///   profile's relevant part is a bit mask plus one byte per kept tool.
/// - Weights become micro-units `round(w × 1e6)`, divided by their greatest common divisor
///   `scoreUnitMicros`: with the default weights (all 1) a pair scores a small integer.
/// - Group ids become dense indices, `0` meaning unknown or "rule off", so a rule check is one
///   comparison.
/// - Forbidden pairs become a sorted list of mentors per mentee (compressed rows).
struct SolverInstance: Sendable {
    let mentorCount: Int
    let menteeCount: Int
    /// Kept tools.
    let toolCount: Int
    let mentorMin: Int
    /// Highest mentee score that counts as low.
    let menteeMaxValue: Int
    let objective: PairingObjective
    /// Weight per kept tool, in units of `scoreUnitMicros`.
    let weight: [Int64]
    let scoreUnitMicros: Int64
    /// Bit `t` set: the mentor can teach kept tool `t`.
    let mentorTeach: [UInt64]
    /// `mentorCount × toolCount`: the mentor's score where teachable, else 0.
    let mentorValue: [UInt8]
    /// Capacity, clamped to the mentee count.
    let mentorCapacity: [Int32]
    /// Bit `t` set: the mentee is low on kept tool `t`.
    let menteeLow: [UInt64]
    /// `menteeCount × toolCount`: the mentee's score where low, else 0.
    let menteeValue: [UInt8]
    let mentorDepartment: [Int32]
    let menteeDepartment: [Int32]
    let mentorLocation: [Int32]
    let menteeLocation: [Int32]
    /// Number of dense location ids including 0.
    let locationCount: Int
    /// Number of dense department ids including 0.
    let departmentCount: Int
    /// Whether any department or location is known under a rule: when not, every pair passes
    /// `groupRulesAllow` without a look at the two people (a cache miss each, at scale).
    let hasGroupRules: Bool
    let forbiddenStart: [Int]
    let forbiddenMentor: [Int32]
    /// Added to every pair's profit under `coverage`: larger than any assignment's total score,
    /// so one more pair always outweighs any score difference. 0 under `score`.
    let bonus: Int64
    /// Upper bound of one pair's score.
    let maxPairScore: Int64
    /// The mentors' capacities added up (each already at most `menteeCount`).
    let capacityTotal: Int

    /// Radix of a mentor's per-tool digit: 0 = not teachable, `value − mentorMin + 1` otherwise.
    var digitRadix: Int { 6 - mentorMin }

    init(_ problem: PairingProblem) throws(PairingSolverError) {
        let toolTotal = problem.weights.count
        guard (0...4).contains(problem.mentorMin), (0...4).contains(problem.menteeMax),
            problem.menteeMax < problem.mentorMin
        else {
            throw .invalidThresholds(mentorMin: problem.mentorMin, menteeMax: problem.menteeMax)
        }
        for (tool, w) in problem.weights.enumerated() where !(w.isFinite && w >= 0 && w <= 1_000_000) {
            throw .invalidWeight(tool: tool, value: w)
        }
        for (index, mentor) in problem.mentors.enumerated() {
            try Self.check(mentor, role: .mentor, index: index, toolTotal: toolTotal)
            if mentor.capacity < 0 { throw .negativeCapacity(mentor: index, value: mentor.capacity) }
        }
        for (index, mentee) in problem.mentees.enumerated() {
            try Self.check(mentee, role: .mentee, index: index, toolTotal: toolTotal)
        }
        let mentorCount = problem.mentors.count
        let menteeCount = problem.mentees.count
        for pair in problem.forbidden
        where !(0..<mentorCount).contains(pair.mentor) || !(0..<menteeCount).contains(pair.mentee) {
            throw .forbiddenPairOutOfRange(pair)
        }

        // Kept tools: teachable by someone and low for someone.
        let mentorMin = problem.mentorMin
        let menteeMax = problem.menteeMax
        let teachable = Self.tools(markedBy: problem.mentors, toolTotal: toolTotal) { Int($0) >= mentorMin }
        let low = Self.tools(markedBy: problem.mentees, toolTotal: toolTotal) { $0 >= 0 && Int($0) <= menteeMax }
        let kept = (0..<toolTotal).filter { teachable[$0] && low[$0] }
        guard kept.count <= 64 else { throw .tooManyTools(count: kept.count) }
        let toolCount = kept.count

        // Weights: micro-units, then divided by their gcd.
        let micros = kept.map { Int64((problem.weights[$0] * 1_000_000).rounded()) }
        var unit: Int64 = 0
        for m in micros where m > 0 { unit = greatestCommonDivisor(unit, m) }
        if unit == 0 { unit = 1 }
        let weight = micros.map { $0 / unit }

        // The mentors' profiles on one thread; the mentees' (there are fewer) and the mentors'
        // capacities on the other.
        let (mentors, mentees) = (problem.mentors, problem.mentees)
        let ((mentorTeach, mentorValue), (menteeLow, menteeValue, mentorCapacity)) = concurrently(
            { Self.profiles(of: mentors, kept: kept) { Int($0) >= mentorMin } },
            {
                let (low, values) = Self.profiles(of: mentees, kept: kept) { $0 >= 0 && Int($0) <= menteeMax }
                return (low, values, mentors.map { Int32(min($0.capacity, menteeCount)) })
            })

        // Group ids to dense indices (0 = unknown or rule off), in order of first appearance.
        func dense(_ ids: [Int32?], _ more: [Int32?], on: Bool) -> ([Int32], [Int32], Int) {
            guard on else {
                return ([Int32](repeating: 0, count: ids.count), [Int32](repeating: 0, count: more.count), 1)
            }
            var index: [Int32: Int32] = [:]
            func map(_ id: Int32?) -> Int32 {
                guard let id else { return 0 }
                if let known = index[id] { return known }
                let next = Int32(index.count + 1)
                index[id] = next
                return next
            }
            let a = ids.map(map)
            let b = more.map(map)
            return (a, b, index.count + 1)
        }
        let (mentorDepartment, menteeDepartment, departmentCount) = dense(
            problem.mentors.map(\.department), problem.mentees.map(\.department), on: problem.forbidSameDepartment)
        let (mentorLocation, menteeLocation, locationCount) = dense(
            problem.mentors.map(\.location), problem.mentees.map(\.location), on: problem.forbidDifferentLocation)

        // Forbidden pairs as sorted mentor lists per mentee: the list's order already.
        var forbiddenCount = [Int](repeating: 0, count: menteeCount + 1)
        for pair in problem.forbidden { forbiddenCount[pair.mentee + 1] += 1 }
        for j in 0..<menteeCount { forbiddenCount[j + 1] += forbiddenCount[j] }
        let forbiddenMentor = problem.forbidden.map { Int32($0.mentor) }

        // Exact 64-bit arithmetic: bound one pair's score, then the bonus and every total.
        var maxPairScore: Int64 = 0
        for w in weight {
            let (scaled, o1) = w.multipliedReportingOverflow(by: 4)
            let (sum, o2) = maxPairScore.addingReportingOverflow(scaled)
            guard !o1, !o2 else { throw .scoreRangeTooLarge }
            maxPairScore = sum
        }
        let capacityTotal = mentorCapacity.reduce(0) { $0 + Int($1) }
        let pairsBound = Int64(min(menteeCount, capacityTotal))
        var bonus: Int64 = 0
        if problem.objective == .coverage {
            let (product, overflow) = maxPairScore.multipliedReportingOverflow(by: pairsBound)
            guard !overflow else { throw .scoreRangeTooLarge }
            bonus = product + 1
        }
        let limit = Int64.max / 8 / Int64(menteeCount + 2)
        guard bonus <= limit - maxPairScore,
            !maxPairScore.multipliedReportingOverflow(by: unit).overflow,
            !(maxPairScore * unit).multipliedReportingOverflow(by: Int64(menteeCount + 1)).overflow
        else { throw .scoreRangeTooLarge }

        self.mentorCount = mentorCount
        self.menteeCount = menteeCount
        self.toolCount = toolCount
        self.mentorMin = mentorMin
        self.menteeMaxValue = menteeMax
        self.objective = problem.objective
        self.weight = weight
        self.scoreUnitMicros = unit
        self.mentorTeach = mentorTeach
        self.mentorValue = mentorValue
        self.mentorCapacity = mentorCapacity
        self.menteeLow = menteeLow
        self.menteeValue = menteeValue
        self.mentorDepartment = mentorDepartment
        self.menteeDepartment = menteeDepartment
        self.mentorLocation = mentorLocation
        self.menteeLocation = menteeLocation
        self.locationCount = locationCount
        self.departmentCount = departmentCount
        self.hasGroupRules = departmentCount > 1 || locationCount > 1
        self.forbiddenStart = forbiddenCount
        self.forbiddenMentor = forbiddenMentor
        self.bonus = bonus
        self.maxPairScore = maxPairScore
        self.capacityTotal = capacityTotal
    }

    /// Per tool, whether some person's score on it passes `marks`. The list is read only until
    /// every tool is marked (on a survey, a few people in). This and `profiles` are inlined so
    /// that their tests are too (a call per score cost a third more).
    @inline(__always)
    private static func tools(
        markedBy people: [PairingCandidate], toolTotal: Int, where marks: (Int8) -> Bool
    ) -> [Bool] {
        var marked = [Bool](repeating: false, count: toolTotal)
        var unmarked = toolTotal
        for person in people where unmarked > 0 {
            for (t, s) in person.scores.enumerated() where !marked[t] && marks(s) {
                marked[t] = true
                unmarked -= 1
            }
        }
        return marked
    }

    /// Per person, the `kept` tools (bit `k` for `kept[k]`) whose score passes `counts`, and those
    /// scores (`kept.count` a person, 0 where the tool does not count).
    @inline(__always)
    private static func profiles(
        of people: [PairingCandidate], kept: [Int], where counts: (Int8) -> Bool
    ) -> (masks: [UInt64], values: [UInt8]) {
        var masks = [UInt64](repeating: 0, count: people.count)
        var values = [UInt8](repeating: 0, count: people.count * kept.count)
        for (index, person) in people.enumerated() {
            var mask: UInt64 = 0
            for (k, t) in kept.enumerated() where counts(person.scores[t]) {
                mask |= 1 << UInt64(k)
                values[index * kept.count + k] = UInt8(person.scores[t])
            }
            masks[index] = mask
        }
        return (masks, values)
    }

    private static func check(
        _ person: PairingCandidate, role: PairingSolverError.Role, index: Int, toolTotal: Int
    ) throws(PairingSolverError) {
        guard person.scores.count == toolTotal else {
            throw .profileLength(role: role, index: index, expected: toolTotal, found: person.scores.count)
        }
        for (tool, s) in person.scores.enumerated() where s > 4 {
            throw .scoreOutOfRange(role: role, index: index, tool: tool, value: s)
        }
    }

    // MARK: Pair queries

    /// Mentor `i`'s state on tool `t` (its digit in profile space and in the pricing's codes): 0
    /// when it cannot teach `t`, else `value − mentorMin + 1`.
    @inline(__always)
    func mentorState(_ i: Int, tool t: Int) -> Int {
        mentorTeach[i] & (1 << UInt64(t)) == 0 ? 0 : Int(mentorValue[i * toolCount + t]) - mentorMin + 1
    }

    /// Mentee `j`'s state on tool `t` in profile space: 0 when it is not low on `t`, else
    /// `value + 1`.
    @inline(__always)
    func menteeState(_ j: Int, tool t: Int) -> Int {
        menteeLow[j] & (1 << UInt64(t)) == 0 ? 0 : Int(menteeValue[j * toolCount + t]) + 1
    }

    /// Σ weight × mentor value over the tools of `mask`, in units (the mentor's side of a score).
    func mentorGain(_ i: Int, over mask: UInt64) -> Int64 {
        var total: Int64 = 0
        var rest = mask
        while rest != 0 {
            let t = rest.trailingZeroBitCount
            total += weight[t] * Int64(mentorValue[i * toolCount + t])
            rest &= rest - 1
        }
        return total
    }

    /// The pair's score in units, or `nil` when no tool is teachable.
    func score(mentor i: Int, mentee j: Int) -> Int64? {
        var mask = mentorTeach[i] & menteeLow[j]
        guard mask != 0 else { return nil }
        var total: Int64 = 0
        while mask != 0 {
            let t = mask.trailingZeroBitCount
            total += weight[t] * (Int64(mentorValue[i * toolCount + t]) - Int64(menteeValue[j * toolCount + t]))
            mask &= mask - 1
        }
        return total
    }

    /// The department and location rules allow the pair.
    @inline(__always)
    func groupRulesAllow(mentor i: Int, mentee j: Int) -> Bool {
        guard hasGroupRules else { return true }
        let md = mentorDepartment[i]
        if md != 0 && md == menteeDepartment[j] { return false }
        let ml = mentorLocation[i]
        let jl = menteeLocation[j]
        return ml == 0 || jl == 0 || ml == jl
    }

    /// The pair is listed as forbidden.
    func isForbidden(mentor i: Int, mentee j: Int) -> Bool {
        forbiddenMentor[forbiddenStart[j]..<forbiddenStart[j + 1]].sortedContains(Int32(i))
    }

    /// The pair's profit in the restricted problem, or `nil` when the pair may not be used:
    /// not allowed, or (under `score`) of score 0.
    func profit(mentor i: Int, mentee j: Int) -> Int64? {
        guard mentorCapacity[i] > 0, let s = score(mentor: i, mentee: j),
            groupRulesAllow(mentor: i, mentee: j), !isForbidden(mentor: i, mentee: j)
        else { return nil }
        if objective == .score && s <= 0 { return nil }
        return bonus + s
    }
}
