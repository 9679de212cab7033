import Foundation
import Testing

@testable import Pairing

/// SplitMix64: a small seeded generator, so every random test instance is reproducible.
struct SolverTestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

/// Independent statements of the problem's rules, straight from `PairingProblem`, for checking.
enum SolverOracle {
    static func micros(_ weight: Double) -> Int64 { Int64((weight * 1_000_000).rounded()) }

    /// Score in micro-units, or nil when no tool is teachable.
    static func score(_ problem: PairingProblem, mentor i: Int, mentee j: Int) -> Int64? {
        let a = problem.mentors[i].scores
        let b = problem.mentees[j].scores
        var any = false
        var total: Int64 = 0
        for t in problem.weights.indices where a[t] >= 0 && b[t] >= 0 {
            if Int(a[t]) >= problem.mentorMin && Int(b[t]) <= problem.menteeMax {
                any = true
                total += micros(problem.weights[t]) * Int64(a[t] - b[t])
            }
        }
        return any ? total : nil
    }

    static func rulesAllow(_ problem: PairingProblem, mentor i: Int, mentee j: Int) -> Bool {
        let mentor = problem.mentors[i]
        let mentee = problem.mentees[j]
        if problem.forbidSameDepartment, let a = mentor.department, let b = mentee.department, a == b { return false }
        if problem.forbidDifferentLocation, let a = mentor.location, let b = mentee.location, a != b { return false }
        return true
    }

    static func allowed(_ problem: PairingProblem, mentor i: Int, mentee j: Int) -> Bool {
        score(problem, mentor: i, mentee: j) != nil && rulesAllow(problem, mentor: i, mentee: j)
            && !problem.forbidden.contains(CandidatePair(mentor: i, mentee: j))
    }

    /// A pair the objective may use: allowed, and of positive score under `score`.
    static func usableScore(_ problem: PairingProblem, mentor i: Int, mentee j: Int) -> Int64? {
        guard problem.mentors[i].capacity > 0, allowed(problem, mentor: i, mentee: j),
            let s = score(problem, mentor: i, mentee: j)
        else { return nil }
        if problem.objective == .score && s <= 0 { return nil }
        return s
    }

    struct Value: Equatable, CustomStringConvertible {
        var pairs: Int
        var score: Int64
        var description: String { "\(pairs) pairs, score \(score)" }
    }

    /// The objective value of a solution, as the test sees it.
    static func value(_ problem: PairingProblem, _ solution: PairingSolution) -> Value {
        let total = solution.pairs.reduce(Int64(0)) { $0 + (score(problem, mentor: $1.mentor, mentee: $1.mentee) ?? 0) }
        return problem.objective == .coverage
            ? Value(pairs: solution.pairs.count, score: total) : Value(pairs: 0, score: total)
    }

    /// Every pair allowed (and usable), capacities hold, no mentee twice, scores reported right.
    static func checkFeasible(
        _ problem: PairingProblem, _ solution: PairingSolution, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var load = [Int](repeating: 0, count: problem.mentors.count)
        var seen = Set<Int>()
        var total: Int64 = 0
        for pair in solution.pairs {
            #expect(
                usableScore(problem, mentor: pair.mentor, mentee: pair.mentee) != nil,
                "pair \(pair) is not usable", sourceLocation: sourceLocation)
            #expect(seen.insert(pair.mentee).inserted, "mentee \(pair.mentee) twice", sourceLocation: sourceLocation)
            load[pair.mentor] += 1
            #expect(
                pair.scoreMicros == score(problem, mentor: pair.mentor, mentee: pair.mentee),
                sourceLocation: sourceLocation)
            total += pair.scoreMicros
        }
        for (i, mentor) in problem.mentors.enumerated() {
            #expect(load[i] <= mentor.capacity, "mentor \(i) over capacity", sourceLocation: sourceLocation)
        }
        #expect(total == solution.totalScoreMicros, sourceLocation: sourceLocation)
        #expect(solution.pairs.map(\.mentee) == solution.pairs.map(\.mentee).sorted(), sourceLocation: sourceLocation)
    }

    /// Exhaustive optimum by memoised search over (mentee, remaining capacities).
    static func bruteForce(_ problem: PairingProblem) -> Value {
        let n = problem.mentees.count
        let m = problem.mentors.count
        let options: [[(mentor: Int, score: Int64)]] = (0..<n).map { j in
            (0..<m).compactMap { i in usableScore(problem, mentor: i, mentee: j).map { (i, $0) } }
        }
        func better(_ a: Value, _ b: Value) -> Bool { (a.pairs, a.score) > (b.pairs, b.score) }
        var memo: [[Int]: Value] = [:]
        var capacity = problem.mentors.map { min($0.capacity, n) }
        func search(_ j: Int) -> Value {
            if j == n { return Value(pairs: 0, score: 0) }
            let key = [j] + capacity
            if let known = memo[key] { return known }
            var best = search(j + 1)
            for option in options[j] where capacity[option.mentor] > 0 {
                capacity[option.mentor] -= 1
                var rest = search(j + 1)
                capacity[option.mentor] += 1
                rest.score += option.score
                if problem.objective == .coverage { rest.pairs += 1 }
                if better(rest, best) { best = rest }
            }
            memo[key] = best
            return best
        }
        return search(0)
    }

    /// Optimum by a plain O(n²·m) Hungarian method on the expanded matrix: one column per unit of
    /// mentor capacity plus one "stay unpaired" column per mentee; pairs that may not be used have
    /// no entry at all (skipped, never a big finite cost), and each mentee's own unpaired column
    /// keeps the problem feasible.
    static func hungarian(_ problem: PairingProblem) -> Value {
        let n = problem.mentees.count
        var slotMentor: [Int] = []
        for (i, mentor) in problem.mentors.enumerated() {
            slotMentor.append(contentsOf: repeatElement(i, count: min(mentor.capacity, n)))
        }
        let slots = slotMentor.count
        let columns = slots + n
        if n == 0 { return Value(pairs: 0, score: 0) }
        // Profit of (mentee, slot), nil when the pair may not be used.
        var scores = [[Int64?]](repeating: [Int64?](repeating: nil, count: problem.mentors.count), count: n)
        var maxTotal: Int64 = 0
        for j in 0..<n {
            var best: Int64 = 0
            for i in problem.mentors.indices {
                scores[j][i] = usableScore(problem, mentor: i, mentee: j)
                best = max(best, scores[j][i] ?? 0)
            }
            maxTotal += best
        }
        let bonus: Int64 = problem.objective == .coverage ? maxTotal + 1 : 0
        func cost(_ j: Int, _ c: Int) -> Int64? {
            if c >= slots { return c - slots == j ? 0 : nil }
            return scores[j][slotMentor[c]].map { -(bonus + $0) }
        }
        // e-maxx Hungarian, 1-based, rows = mentees, columns = slots + unpaired.
        let inf = Int64.max / 4
        var u = [Int64](repeating: 0, count: n + 1)
        var v = [Int64](repeating: 0, count: columns + 1)
        var p = [Int](repeating: 0, count: columns + 1)
        var way = [Int](repeating: 0, count: columns + 1)
        for row in 1...n {
            p[0] = row
            var j0 = 0
            var minv = [Int64](repeating: inf, count: columns + 1)
            var used = [Bool](repeating: false, count: columns + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = inf
                var j1 = 0
                for c in 1...columns where !used[c] {
                    if let a = cost(i0 - 1, c - 1) {
                        let cur = a - u[i0] - v[c]
                        if cur < minv[c] {
                            minv[c] = cur
                            way[c] = j0
                        }
                    }
                    if minv[c] < delta {
                        delta = minv[c]
                        j1 = c
                    }
                }
                for c in 0...columns {
                    if used[c] {
                        u[p[c]] += delta
                        v[c] -= delta
                    } else if minv[c] < inf {
                        minv[c] -= delta
                    }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var value = Value(pairs: 0, score: 0)
        for c in 1...slots where p[c] != 0 {
            let s = scores[p[c] - 1][slotMentor[c - 1]] ?? 0
            value.score += s
            if problem.objective == .coverage { value.pairs += 1 }
        }
        return value
    }
}

/// Random problems for the tests.
enum SolverTestProblems {
    /// A small problem with everything random: profiles, capacities, weights, rules, exclusions.
    static func small(seed: UInt64, objective: PairingObjective) -> PairingProblem {
        var rng = SolverTestRandom(seed: seed)
        let mentorCount = rng.chance(0.1) ? rng.int(0...2) : rng.int(3...7)
        let menteeCount = rng.chance(0.1) ? rng.int(0...2) : rng.int(3...7)
        let tools = rng.int(1...5)
        let weightChoices: [Double] = [0, 0.5, 1, 1, 1, 2, 0.35, 1.25, 3]
        let weights = (0..<tools).map { _ in weightChoices[rng.int(0...weightChoices.count - 1)] }
        let (mentorMin, menteeMax) = [(3, 1), (3, 1), (2, 1), (4, 0), (3, 2)][rng.int(0...4)]
        // Mentors lean high and mentees low (max / min of two draws), as in a real survey.
        func person(capacity: Int, high: Bool) -> PairingCandidate {
            PairingCandidate(
                scores: (0..<tools).map { _ in
                    if rng.chance(0.1) { return -1 }
                    let (a, b) = (rng.int(0...4), rng.int(0...4))
                    return Int8(high ? max(a, b) : min(a, b))
                },
                capacity: capacity,
                department: rng.chance(0.2) ? nil : Int32(rng.int(0...2)),
                location: rng.chance(0.2) ? nil : Int32(rng.int(0...1)))
        }
        let mentors = (0..<mentorCount).map { _ in person(capacity: rng.int(0...3), high: true) }
        let mentees = (0..<menteeCount).map { _ in person(capacity: 1, high: false) }
        var forbidden = Set<CandidatePair>()
        for i in 0..<mentorCount {
            for j in 0..<menteeCount where rng.chance(0.15) { forbidden.insert(CandidatePair(mentor: i, mentee: j)) }
        }
        return PairingProblem(
            mentors: mentors, mentees: mentees, weights: weights, mentorMin: mentorMin, menteeMax: menteeMax,
            forbidden: CandidatePairList(forbidden), forbidSameDepartment: rng.chance(0.4),
            forbidDifferentLocation: rng.chance(0.4),
            objective: objective)
    }

    /// A survey-like problem: juniors high on the young tools, seniors low on them, mixed elsewhere.
    static func survey(
        seed: UInt64, mentors mentorCount: Int, mentees menteeCount: Int, tools: Int = 8, objective: PairingObjective,
        capacities: ClosedRange<Int> = 1...1, forbiddenPerMentee: Int = 3, departmentRule: Bool = false,
        locationRule: Bool = false, weights: [Double]? = nil
    ) -> PairingProblem {
        var rng = SolverTestRandom(seed: seed)
        func draw(_ p: [Double]) -> Int8 {
            var x = Double.random(in: 0..<1, using: &rng)
            for (value, share) in p.enumerated() {
                if x < share { return Int8(value) }
                x -= share
            }
            return 4
        }
        let junior: [[Double]] = [[0.03, 0.05, 0.12, 0.3, 0.5], [0.1, 0.15, 0.25, 0.3, 0.2]]
        let senior: [[Double]] = [[0.45, 0.3, 0.15, 0.07, 0.03], [0.08, 0.12, 0.25, 0.3, 0.25]]
        func person(_ bands: [[Double]], capacity: Int) -> PairingCandidate {
            PairingCandidate(
                scores: (0..<tools).map { t in rng.chance(0.03) ? -1 : draw(bands[t % 3 == 2 ? 1 : 0]) },
                capacity: capacity, department: Int32(rng.int(0...5)), location: Int32(rng.int(0...2)))
        }
        let mentors = (0..<mentorCount).map { _ in person(junior, capacity: rng.int(capacities)) }
        let mentees = (0..<menteeCount).map { _ in person(senior, capacity: 1) }
        var forbidden = Set<CandidatePair>()
        if mentorCount > 0 {
            for j in 0..<menteeCount {
                for _ in 0..<forbiddenPerMentee {
                    forbidden.insert(CandidatePair(mentor: rng.int(0...mentorCount - 1), mentee: j))
                }
            }
        }
        return PairingProblem(
            mentors: mentors, mentees: mentees, weights: weights ?? [Double](repeating: 1, count: tools),
            forbidden: CandidatePairList(forbidden), forbidSameDepartment: departmentRule,
            forbidDifferentLocation: locationRule,
            objective: objective)
    }
}
