// pairing-bench: times the exact pairing solver on a realistic synthetic survey.
//
// Usage: pairing-bench --mentors N --mentees N [--seed S] [--runs R] [--objective coverage|score]
//                      [--capacity C] [--rules] [--method column-generation|auction] [--tuning S,P,C]
//                      [--profiles] [--keys K] [--defer] [--warm|--cold] [--single N] [--sample K]
//                      [--sample-from N] [--dump FILE]
//
// `--profiles`: seed and price with the profile transform (`SolverProfileTransform`) instead of
// group by group; `--keys K`: best mentors it keeps per mentee; `--defer`: repair mentor prices only
// when pricing finds nothing, not every round; `--single N`: restricted solves search from one
// free mentee at a time below N free mentees; `--sample K`: estimate prices from every K-th mentor
// and mentee (1: not at all), from `--sample-from N` mentees on.
//
// The instance: 12 tools (TikTok, Instagram, Snapchat, Discord, Slack, Microsoft Teams, LinkedIn,
// Zoom, WhatsApp, YouTube, Facebook, X). Mentors (juniors) are mostly 3–4 on the first four,
// mentees (seniors) mostly 0–1 on them; both are mixed on the workplace tools. Each person has a
// digital-affinity shift of −1, 0 or +1 on every answer; 3% of answers are missing; 20 departments,
// 6 locations; about 5 forbidden mentors per mentee. Everything is drawn from a seeded SplitMix64,
// so the same arguments give the same instance.
//
// `--dump FILE` writes the instance as a dense matrix for SciPy: little-endian Int32 rows
// (mentees), Int32 columns (mentors), then rows × columns Float64, the pair's score where the pair
// is usable and NaN where it is not (not teachable, forbidden, excluded by a rule, or capacity 0).

import Foundation
import Pairing

struct BenchRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

struct Options {
    var mentors = 5_000
    var mentees = 5_000
    var seed: UInt64 = 1
    var runs = 3
    var objective = PairingObjective.coverage
    var capacity = 1
    var rules = false
    var auction = false
    var tuning = PairingSolver.Tuning()
    var dump: String?

    init(_ arguments: [String]) {
        var index = 1
        func value() -> String {
            index += 1
            guard index < arguments.count else { Options.usage("missing value for \(arguments[index - 1])") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--mentors": mentors = Int(value()) ?? -1
            case "--mentees": mentees = Int(value()) ?? -1
            case "--seed": seed = UInt64(value()) ?? 1
            case "--runs": runs = max(1, Int(value()) ?? 1)
            case "--capacity": capacity = Int(value()) ?? 1
            case "--objective":
                guard let o = PairingObjective(rawValue: value()) else { Options.usage("unknown objective") }
                objective = o
            case "--rules": rules = true
            case "--tuning":
                let parts = value().split(separator: ",").compactMap { Int($0) }
                guard parts.count == 3 else { Options.usage("--tuning wants SEED,PRICING,PER_PROJECTION") }
                tuning = PairingSolver.Tuning(
                    seedArcsPerMentee: parts[0], pricingArcsPerMentee: parts[1], arcsPerProjection: parts[2])
            case "--method":
                switch value() {
                case "auction": auction = true
                case "column-generation": auction = false
                default: Options.usage("unknown method")
                }
            case "--dump": dump = value()
            case "--keys": tuning.profileKeys = Int(value()) ?? 4
            case "--profiles": tuning.profilePricing = true
            case "--defer": tuning.deferMentorRepair = true
            case "--warm": tuning.coldRestrictedSolves = false
            case "--cold": tuning.coldRestrictedSolves = true
            case "--single": tuning.singleSearchBelow = Int(value()) ?? 0
            case "--sample": tuning.sampleEvery = max(1, Int(value()) ?? PairingSolver.Tuning().sampleEvery)
            case "--sample-from": tuning.sampleFrom = Int(value()) ?? 20_000
            case "--help", "-h": Options.usage(nil)
            default: Options.usage("unknown argument \(arguments[index])")
            }
            index += 1
        }
        if mentors < 0 || mentees < 0 { Options.usage("counts must be non-negative integers") }
    }

    static func usage(_ problem: String?) -> Never {
        if let problem { FileHandle.standardError.write(Data("pairing-bench: error: \(problem)\n".utf8)) }
        print(
            "usage: pairing-bench --mentors N --mentees N [--seed S] [--runs R] [--objective coverage|score] [--capacity C] [--rules] [--method column-generation|auction] [--tuning S,P,C] [--profiles] [--keys K] [--defer] [--warm|--cold] [--single N] [--sample K] [--sample-from N] [--dump FILE]"
        )
        exit(problem == nil ? 0 : 64)
    }
}

func makeProblem(_ options: Options) -> PairingProblem {
    var rng = BenchRandom(seed: options.seed)
    let youthJ = [0.03, 0.05, 0.12, 0.30, 0.50], youthS = [0.45, 0.30, 0.15, 0.07, 0.03]
    let workJ = [0.10, 0.15, 0.25, 0.30, 0.20], workS = [0.05, 0.10, 0.25, 0.35, 0.25]
    let junior = [
        youthJ, youthJ, youthJ, youthJ, workJ, workJ, workJ, workJ,
        [0.05, 0.05, 0.15, 0.35, 0.40], [0.02, 0.03, 0.10, 0.35, 0.50],
        [0.15, 0.20, 0.30, 0.20, 0.15], [0.20, 0.20, 0.25, 0.20, 0.15],
    ]
    let senior = [
        youthS, youthS, youthS, youthS, workS, workS, workS, workS,
        [0.10, 0.15, 0.25, 0.30, 0.20], [0.10, 0.15, 0.30, 0.30, 0.15],
        [0.10, 0.15, 0.25, 0.30, 0.20], [0.25, 0.25, 0.25, 0.15, 0.10],
    ]
    func person(_ band: [[Double]], capacity: Int) -> PairingCandidate {
        let u = rng.unit()
        let shift = u < 0.2 ? -1 : (u < 0.8 ? 0 : 1)
        let scores: [Int8] = band.map { shares in
            if rng.unit() < 0.03 { return -1 }
            var x = rng.unit()
            var value = 4
            for (v, share) in shares.enumerated() {
                if x < share {
                    value = v
                    break
                }
                x -= share
            }
            return Int8(min(4, max(0, value + shift)))
        }
        return PairingCandidate(
            scores: scores, capacity: capacity, department: Int32(rng.below(20)), location: Int32(rng.below(6)))
    }
    let mentors = (0..<options.mentors).map { _ in person(junior, capacity: options.capacity) }
    let mentees = (0..<options.mentees).map { _ in person(senior, capacity: 1) }
    var forbidden = Set<CandidatePair>()
    if options.mentors > 0 {
        for j in 0..<options.mentees {
            for _ in 0..<5 { forbidden.insert(CandidatePair(mentor: rng.below(options.mentors), mentee: j)) }
        }
    }
    return PairingProblem(
        mentors: mentors, mentees: mentees, weights: [Double](repeating: 1, count: 12),
        forbidden: CandidatePairList(forbidden),
        forbidSameDepartment: options.rules, forbidDifferentLocation: options.rules, objective: options.objective)
}

/// Dense matrix for SciPy (see the header comment).
func dump(_ problem: PairingProblem, to path: String) throws {
    let rows = problem.mentees.count
    let columns = problem.mentors.count
    var data = Data()
    withUnsafeBytes(of: Int32(rows).littleEndian) { data.append(contentsOf: $0) }
    withUnsafeBytes(of: Int32(columns).littleEndian) { data.append(contentsOf: $0) }
    var row = [Double](repeating: .nan, count: columns)
    for j in 0..<rows {
        let b = problem.mentees[j].scores
        for i in 0..<columns {
            let mentor = problem.mentors[i]
            let a = mentor.scores
            var teachable = false
            var score = 0.0
            for t in problem.weights.indices
            where a[t] >= 0 && b[t] >= 0
                && Int(a[t]) >= problem.mentorMin && Int(b[t]) <= problem.menteeMax
            {
                teachable = true
                score += problem.weights[t] * Double(a[t] - b[t])
            }
            var usable =
                teachable && mentor.capacity > 0
                && !problem.forbidden.contains(CandidatePair(mentor: i, mentee: j))
            if problem.forbidSameDepartment, let x = mentor.department, x == problem.mentees[j].department {
                usable = false
            }
            if problem.forbidDifferentLocation, let x = mentor.location, let y = problem.mentees[j].location, x != y {
                usable = false
            }
            if problem.objective == .score && score <= 0 { usable = false }
            row[i] = usable ? score : .nan
        }
        row.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    try data.write(to: URL(fileURLWithPath: path))
}

func peakMemoryMiB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kib = line.split(separator: " ").compactMap { Double($0) }.first
        return kib.map { $0 / 1024 }
    }
    return nil
}

let options = Options(CommandLine.arguments)
let clock = ContinuousClock()
let problem = makeProblem(options)
if let path = options.dump {
    do {
        try dump(problem, to: path)
        print("dumped \(problem.mentees.count) × \(problem.mentors.count) matrix to \(path)")
    } catch {
        FileHandle.standardError.write(Data("pairing-bench: error: \(path): \(error)\n".utf8))
        exit(73)
    }
}
var times: [Double] = []
var last: PairingSolution?
for _ in 0..<options.runs {
    let start = clock.now
    do {
        var tuning = options.tuning
        tuning.auction = options.auction
        last = try PairingSolver.solve(problem, tuning: tuning)
    } catch {
        FileHandle.standardError.write(Data("pairing-bench: error: \(error)\n".utf8))
        exit(65)
    }
    let elapsed = clock.now - start
    times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
}
times.sort()
let median = times[times.count / 2]
if let solution = last {
    let stats = solution.statistics
    print(
        "mentors \(options.mentors) mentees \(options.mentees) seed \(options.seed) objective \(options.objective.rawValue) capacity \(options.capacity) rules \(options.rules)"
    )
    print(
        String(
            format: "solve ms: median %.1f (runs: %@)", median,
            times.map { String(format: "%.1f", $0) }.joined(separator: ", ")))
    print("pairs \(solution.pairs.count) total score \(solution.totalScore) (micros \(solution.totalScoreMicros))")
    print(
        "method \(stats.method.rawValue): pricing rounds \(stats.pricingRounds), arcs \(stats.arcs), mentee groups \(stats.menteeGroups), bids \(stats.bids), phases \(stats.phases)"
    )
    if let peak = peakMemoryMiB() { print(String(format: "peak memory %.0f MiB", peak)) }
}
