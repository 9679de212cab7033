import Foundation
import Testing

@testable import Pairing

@Suite("Solver edge cases")
struct SolverEdgeCaseTests {
    // Tools: 0 = TikTok, 1 = Teams.
    static let junior = PairingCandidate(scores: [4, 2], capacity: 1)
    static let senior = PairingCandidate(scores: [0, 3], capacity: 1)

    private func solve(_ problem: PairingProblem) throws -> PairingSolution {
        let solution = try PairingSolver.solve(problem)
        SolverOracle.checkFeasible(problem, solution)
        for tuning in [PairingSolver.Tuning(auction: true), SolverCertificateCheck.starved] {
            let other = try PairingSolver.solve(problem, tuning: tuning)
            #expect(SolverOracle.value(problem, other) == SolverOracle.value(problem, solution))
        }
        return solution
    }

    @Test("The seed's two workers split every mentor's capacity between them, nothing lost")
    func greedySharesSplitCapacity() {
        for capacity: Int32 in 0...7 {
            for mentor in 0..<4 {
                let shares = (0..<SolverGroupPricing.workerCount).map {
                    SolverGroupPricing.greedyShare(capacity: capacity, mentor: mentor, worker: $0)
                }
                #expect(shares.reduce(0, +) == capacity, "capacity \(capacity), mentor \(mentor)")
                #expect(shares.max()! - shares.min()! <= 1, "capacity \(capacity), mentor \(mentor)")
            }
        }
        // A mentor of capacity 1 is each worker's in turn.
        #expect(SolverGroupPricing.greedyShare(capacity: 1, mentor: 0, worker: 0) == 1)
        #expect(SolverGroupPricing.greedyShare(capacity: 1, mentor: 1, worker: 1) == 1)
    }

    @Test("A tool only the last mentor can teach, or only the last mentee is low on, is kept")
    func toolsMarkedByTheLastPerson() throws {
        // Tools 0–2: everyone can teach tool 0 and is low on it; only the last mentor can teach
        // tool 1, only the last mentee is low on tool 2; nobody can teach tool 3.
        let mentors = [
            PairingCandidate(scores: [4, 2, 4, 0]), PairingCandidate(scores: [3, 1, 4, 2]),
            PairingCandidate(scores: [4, 3, 4, 1]),
        ]
        let mentees = [
            PairingCandidate(scores: [0, 0, 3, 0]), PairingCandidate(scores: [1, 1, 4, 1]),
            PairingCandidate(scores: [0, 1, 0, 0]),
        ]
        let instance = try SolverInstance(PairingProblem(mentors: mentors, mentees: mentees, weights: [1, 1, 1, 1]))
        #expect(instance.toolCount == 3)
        #expect(instance.mentorTeach == [0b101, 0b101, 0b111])
        #expect(instance.menteeLow == [0b011, 0b011, 0b111])
        #expect(instance.mentorCapacity == [1, 1, 1])
        let s = try solve(PairingProblem(mentors: mentors, mentees: mentees, weights: [1, 1, 1, 1]))
        #expect(s.pairs.count == 3)
    }

    @Test("No mentors", arguments: PairingObjective.allCases)
    func noMentors(objective: PairingObjective) throws {
        let p = PairingProblem(
            mentors: [], mentees: [Self.senior, Self.senior], weights: [1, 1], objective: objective)
        let s = try solve(p)
        #expect(s.pairs.isEmpty && s.totalScoreMicros == 0)
        #expect(s.reach.map { $0.unpairedReason(under: objective) } == [.noOneCanTeach, .noOneCanTeach])
    }

    @Test("No mentees", arguments: PairingObjective.allCases)
    func noMentees(objective: PairingObjective) throws {
        let p = PairingProblem(mentors: [Self.junior], mentees: [], weights: [1, 1], objective: objective)
        let s = try solve(p)
        #expect(s.pairs.isEmpty && s.reach.isEmpty)
    }

    @Test("Nobody is teachable")
    func nobodyTeachable() throws {
        let mentors = [PairingCandidate(scores: [2, 2]), PairingCandidate(scores: [-1, 4])]
        let mentees = [PairingCandidate(scores: [0, 3]), PairingCandidate(scores: [1, -1])]
        let p = PairingProblem(mentors: mentors, mentees: mentees, weights: [1, 1])
        let s = try solve(p)
        #expect(s.pairs.isEmpty)
        #expect(
            s.reach.allSatisfy { $0.teachableMentors == 0 && $0.unpairedReason(under: .coverage) == .noOneCanTeach })
    }

    @Test("Capacity 0 mentors take no one; the reason is capacity")
    func capacityZero() throws {
        var mentor = Self.junior
        mentor.capacity = 0
        let p = PairingProblem(mentors: [mentor, mentor], mentees: [Self.senior], weights: [1, 1])
        let s = try solve(p)
        #expect(s.pairs.isEmpty)
        #expect(s.reach[0].teachableMentors == 2 && s.reach[0].allowedMentors == 2)
        #expect(s.reach[0].bestScoreMicros == nil)
        #expect(s.reach[0].unpairedReason(under: .coverage) == .capacityExhausted)
    }

    @Test("Every pair forbidden, by explicit pairs and by rules")
    func allForbidden() throws {
        let mentors = [
            PairingCandidate(scores: [4, 0], capacity: 2, department: 1, location: 1),
            PairingCandidate(scores: [3, 0], capacity: 1, department: 2, location: 2),
        ]
        let mentees = [
            PairingCandidate(scores: [0, 0], department: 1, location: 1),
            PairingCandidate(scores: [1, 0], department: 3, location: 1),
        ]
        let p = PairingProblem(
            mentors: mentors, mentees: mentees, weights: [1, 1],
            forbidden: [CandidatePair(mentor: 0, mentee: 1)], forbidSameDepartment: true, forbidDifferentLocation: true)
        let s = try solve(p)
        #expect(s.pairs.isEmpty)
        // Mentee 0: mentor 0 same department, mentor 1 other location.
        #expect(
            s.reach[0] == MenteeReach(teachableMentors: 2, afterGroupRules: 0, allowedMentors: 0, bestScoreMicros: nil))
        #expect(s.reach[0].unpairedReason(under: .coverage) == .excludedByGroupRules)
        // Mentee 1: mentor 0 explicitly excluded, mentor 1 other location.
        #expect(
            s.reach[1] == MenteeReach(teachableMentors: 2, afterGroupRules: 1, allowedMentors: 0, bestScoreMicros: nil))
        #expect(s.reach[1].unpairedReason(under: .coverage) == .excludedByGroupRulesAndExplicitPairs)
    }

    @Test("Explicit exclusions alone")
    func explicitOnly() throws {
        let p = PairingProblem(
            mentors: [Self.junior], mentees: [Self.senior], weights: [1, 1],
            forbidden: [CandidatePair(mentor: 0, mentee: 0)])
        let s = try solve(p)
        #expect(s.pairs.isEmpty)
        #expect(s.reach[0].unpairedReason(under: .coverage) == .excludedByExplicitPairs)
    }

    @Test("One mentor with capacity beyond the mentee count takes everyone")
    func hugeCapacity() throws {
        var mentor = Self.junior
        mentor.capacity = 1_000_000
        let mentees = (0..<5).map { PairingCandidate(scores: [Int8($0 % 2), 0]) }
        let p = PairingProblem(mentors: [mentor], mentees: mentees, weights: [1, 1])
        let s = try solve(p)
        #expect(s.pairs.count == 5 && s.pairs.allSatisfy { $0.mentor == 0 })
        #expect(s.totalScoreMicros == 4_000_000 * 3 + 3_000_000 * 2)
        #expect(s.totalScore == 18)
    }

    @Test("Coverage pairs more; score prefers the better pair")
    func objectivesDiffer() throws {
        // Mentor 0 is the only one for mentee 1, but gives mentee 0 more.
        let mentors = [PairingCandidate(scores: [4, 4]), PairingCandidate(scores: [3, -1])]
        let mentees = [PairingCandidate(scores: [0, 0]), PairingCandidate(scores: [4, 0])]
        var p = PairingProblem(mentors: mentors, mentees: mentees, weights: [1, 1], objective: .coverage)
        let coverage = try solve(p)
        #expect(coverage.pairs.map { [$0.mentor, $0.mentee] } == [[1, 0], [0, 1]])
        #expect(coverage.totalScoreMicros == 7_000_000)
        p.objective = .score
        let score = try solve(p)
        #expect(score.pairs.map { [$0.mentor, $0.mentee] } == [[0, 0]])
        #expect(score.totalScoreMicros == 8_000_000)
    }

    @Test("Zero-score pairs pair under coverage, never under score")
    func zeroScore() throws {
        let p = PairingProblem(mentors: [Self.junior], mentees: [Self.senior], weights: [0, 1], objective: .coverage)
        #expect(try solve(p).pairs.count == 1)
        var q = p
        q.objective = .score
        let s = try solve(q)
        #expect(s.pairs.isEmpty)
        #expect(s.reach[0].bestScoreMicros == 0)
        #expect(s.reach[0].unpairedReason(under: .score) == .onlyUnweightedTools)
    }

    @Test("Fractional weights are exact in micro-units")
    func fractionalWeights() throws {
        let p = PairingProblem(
            mentors: [PairingCandidate(scores: [4, 3])], mentees: [PairingCandidate(scores: [0, 1])],
            weights: [0.35, 1.000001])
        let s = try solve(p)
        #expect(s.totalScoreMicros == 350_000 * 4 + 1_000_001 * 2)
    }

    @Test("Invalid input is refused with a precise error")
    func invalidInput() {
        let ok = PairingProblem(mentors: [Self.junior], mentees: [Self.senior], weights: [1, 1])
        var p = ok
        p.mentees[0].scores = [1]
        #expect(throws: PairingSolverError.profileLength(role: .mentee, index: 0, expected: 2, found: 1)) {
            try PairingSolver.solve(p)
        }
        p = ok
        p.mentors[0].scores = [5, 0]
        #expect(throws: PairingSolverError.scoreOutOfRange(role: .mentor, index: 0, tool: 0, value: 5)) {
            try PairingSolver.solve(p)
        }
        p = ok
        p.weights = [1, -0.5]
        #expect(throws: PairingSolverError.invalidWeight(tool: 1, value: -0.5)) { try PairingSolver.solve(p) }
        p = ok
        p.weights = [.nan, 1]
        #expect(throws: (any Error).self) { try PairingSolver.solve(p) }
        p = ok
        p.menteeMax = 3
        #expect(throws: PairingSolverError.invalidThresholds(mentorMin: 3, menteeMax: 3)) { try PairingSolver.solve(p) }
        p = ok
        p.mentors[0].capacity = -1
        #expect(throws: PairingSolverError.negativeCapacity(mentor: 0, value: -1)) { try PairingSolver.solve(p) }
        p = ok
        p.forbidden = [CandidatePair(mentor: 1, mentee: 0)]
        #expect(throws: PairingSolverError.forbiddenPairOutOfRange(CandidatePair(mentor: 1, mentee: 0))) {
            try PairingSolver.solve(p)
        }
        #expect(PairingSolverError.scoreRangeTooLarge.description.contains("too large"))
    }
}
