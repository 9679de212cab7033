import Analysis
import Foundation
import Ingest

/// A pairing request the rules cannot serve.
package enum PairingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `pairing.mentor_bands` or `mentee_bands` names a band the run does not have.
    case unknownBand(setting: String, name: String, bands: [String])
    /// The solver refused its input (a bug in the rule layer, or weights out of range).
    case solver(String)
    /// The candidates set aside in a scratch file while the solver ran could not be read back.
    case scratchFileUnreadable

    package var description: String {
        switch self {
        case .unknownBand(let setting, let name, let bands):
            "pairing.\(setting) names band \"\(name)\", which this run does not have (bands: \(bands.joined(separator: ", ")))"
        case .solver(let reason): "the pairing solver refused its input: \(reason)"
        case .scratchFileUnreadable:
            "the candidates set aside in a temporary file while the pairs were solved could not be read back"
        }
    }
}

/// Stage 3a: from the candidate pool and the rules to an optimal, explained set of pairs.
package enum MentoringPlanner {
    /// From this many candidates on, the pool's texts and profiles (about 100 bytes a candidate)
    /// wait in a scratch file while the solver runs, whose own arrays are then the largest: at
    /// 1,000,000 rows that is 35 MB off the peak. Below, the pool is small and stays in memory.
    package static let stashFrom = 100_000

    /// Once the management chains have given the forbidden pairs, `pool` keeps only the
    /// candidates' texts (`CandidatePool.keepCandidateTextsOnly`): a caller that holds no other
    /// copy frees everyone else's ids, managers and emails before the solver runs. A pool of at
    /// least `stashFrom` candidates then waits in a scratch file while the solver runs.
    package static func plan(
        pool candidates: inout CandidatePool, survey: Survey, analysis: SurveyAnalysis, options: PairingOptions,
        stashFrom: Int = Self.stashFrom
    ) throws(PairingError) -> MentoringPlan {
        let bandCount = survey.bands.count
        let (mentorBands, menteeBands) = try pairingBands(survey: survey, options: options)

        // Candidates (numbers in the pool), ordered by id so that row order does not change the pairs.
        var isMentorBand = Array(repeating: false, count: bandCount)
        var isMenteeBand = Array(repeating: false, count: bandCount)
        for band in mentorBands where band < bandCount { isMentorBand[band] = true }
        for band in menteeBands where band < bandCount { isMenteeBand[band] = true }
        var mentors: [Int] = []
        var mentees: [Int] = []
        candidates.forEachCandidate { number, candidate in
            let band = survey.bandOfKey[Int(candidate.bandKey)]
            if candidate.mentor, isMentorBand[band] { mentors.append(number) }
            if candidate.mentee, isMenteeBand[band] { mentees.append(number) }
        }
        (mentors, mentees) = sortedByID(mentors, mentees, pool: candidates)

        let weights = survey.tools.indices.map { tool in
            if options.weightByGap {
                return max(0, analysis.headline.first { $0.tool == tool }?.meanDifference ?? 0)
            }
            return options.weights.first { HeaderText.fold($0.key) == HeaderText.fold(survey.tools[tool].name) }?.value
                ?? 1
        }

        var groups = GroupNumbers(pool: candidates)
        // The chains are needed only for the forbidden pairs and the cycles: gone before the solver runs.
        var forbidden: ForbiddenPairs
        let managerCycles: [[String]]
        do {
            let chains = ManagementChains(pool: candidates)
            forbidden = ForbiddenPairs(
                mentors: mentors, mentees: mentees, pool: candidates, chains: chains, excluded: options.excludedPairs)
            managerCycles = chains.cycles
        }
        candidates.keepCandidateTextsOnly()
        // The chains' working arrays (tens of megabytes at 1,000,000 rows) are gone: their pages
        // go back before the solver's arrays come.
        Allocator.returnFreePages()
        // The candidates live in the problem only, which the solver lets go of once it has its
        // compact copy: afterwards the plan reads scores from the pool.
        let problem = PairingProblem(
            mentors: pairingCandidates(mentors, mentor: true, pool: candidates, groups: &groups, options: options),
            mentees: pairingCandidates(mentees, mentor: false, pool: candidates, groups: &groups, options: options),
            weights: weights, mentorMin: options.mentorMin, menteeMax: options.menteeMax,
            forbidden: forbidden.takeAll(), forbidSameDepartment: options.avoidSameDepartment,
            forbidDifferentLocation: options.avoidDifferentLocation, objective: options.objective)
        // While the solver runs, a large pool waits in a scratch file (see `stashFrom`).
        let scratch = candidates.candidateCount >= stashFrom ? ScratchFile() : nil
        let stashed = scratch.map { candidates.stash(in: $0) } ?? false
        let solution: PairingSolution
        do {
            solution = try PairingSolver.solve(problem)
        } catch {
            throw .solver(error.description)
        }
        // Likewise the solver's, before the pool comes back and the pairs are explained.
        Allocator.returnFreePages()
        if stashed, let scratch, !candidates.unstash(from: scratch) { throw .scratchFileUnreadable }
        let pool = candidates

        let summary: @Sendable (Int) -> PersonSummary = { number in
            PersonSummary(
                id: pool.id(number), name: pool.name(number), email: pool.email(number),
                band: survey.bandOfKey[Int(pool.candidate(number).bandKey)], department: pool.department(number),
                location: pool.location(number))
        }
        let explain = Explainer(options: options, weights: weights)
        // Pairs in the order of their mentees (ordered by id), explained on every core.
        let solved = solution.pairs.sorted { $0.mentee < $1.mentee }
        var pairedMentees = [Bool](repeating: false, count: mentees.count)
        for pair in solved { pairedMentees[pair.mentee] = true }
        let (mentorNumbers, menteeNumbers) = (mentors, mentees)
        var pairs = concurrentMap(count: solved.count) { index in
            let pair = solved[index]
            let mentor = pool.scores(mentorNumbers[pair.mentor])
            let mentee = pool.scores(menteeNumbers[pair.mentee])
            return MentoringPair(
                mentor: .unknown, mentee: .unknown, tools: explain.teachable(from: mentor, to: mentee),
                score: pair.score, teachesBack: explain.teachable(from: mentee, to: mentor, ranked: false))
        }
        // Then their people (the mentor of pair k at place 2k, its mentee at 2k + 1), summed up
        // in pool order so that the pool's texts are read front to back rather than at random;
        // each worker writes its own people's places. The places are counted out by number (a
        // mentor may be in several pairs), in order within each: `number << 32 | place`, ascending.
        let byNumber = Self.placesByNumber(
            count: solved.count * 2, numbers: pool.candidateCount,
            number: { place in
                let pair = solved[place / 2]
                return place % 2 == 0 ? mentorNumbers[pair.mentor] : menteeNumbers[pair.mentee]
            })
        pairs.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            let shared = UnsafeSendableBuffer(start)
            concurrentRuns(count: byNumber.count) { run in
                for rank in run {
                    let place = Int(byNumber[rank] & 0xFFFF_FFFF)
                    let person = summary(Int(byNumber[rank] >> 32))
                    if place % 2 == 0 {
                        shared.pointer[place / 2].mentor = person
                    } else {
                        shared.pointer[place / 2].mentee = person
                    }
                }
            }
        }

        var reasons: [(mentee: Int, reason: UnpairedReason)] = []
        for (index, mentee) in mentees.enumerated() where !pairedMentees[index] {
            let reason: UnpairedReason
            switch solution.reach[index].unpairedReason(under: options.objective) {
            case .noOneCanTeach: reason = .noOneCanTeach
            case .onlyUnweightedTools: reason = .onlyUnweightedTools
            case .capacityExhausted: reason = .capacityExhausted
            case .excludedByGroupRules, .excludedByExplicitPairs, .excludedByGroupRulesAndExplicitPairs:
                reason = .everyCandidateExcluded(
                    forbidden.rules(
                        excluding: index, mentors: mentors, mentee: mentee, pool: pool, groups: &groups,
                        options: options, explain: explain))
            }
            reasons.append((index, reason))
        }
        let unpairedReasons = reasons
        let unpaired = concurrentMap(count: unpairedReasons.count) { number in
            let (index, reason) = unpairedReasons[number]
            return UnpairedMentee(
                person: summary(menteeNumbers[index]), lowTools: explain.lowTools(pool.scores(menteeNumbers[index])),
                reason: reason)
        }

        var low = [Int](repeating: 0, count: survey.tools.count)
        var covered = [Int](repeating: 0, count: survey.tools.count)
        for mentee in mentees {
            for (tool, score) in pool.scores(mentee).enumerated() where explain.isLow(score) { low[tool] += 1 }
        }
        for pair in pairs {
            for tool in pair.tools { covered[tool.tool] += 1 }
        }
        let coverage = survey.tools.indices.map { ToolCoverage(tool: $0, menteesLow: low[$0], covered: covered[$0]) }

        var plan = MentoringPlan(
            objective: options.objective.rawValue, mentorCandidates: mentors.count, menteeCandidates: mentees.count,
            mentorBands: mentorBands, menteeBands: menteeBands, pairs: pairs, unpaired: unpaired, coverage: coverage,
            totalScore: solution.totalScore, managerCycles: managerCycles)
        plan.workload.forbiddenPairs = forbidden.count
        plan.workload.solver = solution.statistics
        return plan
    }

    /// `number(place) << 32 | place` for every place in `0..<count`, ascending, where each
    /// `number(place)` lies in `0..<numbers`: counted out by number, not compared.
    static func placesByNumber(count: Int, numbers: Int, number: (Int) -> Int) -> [UInt64] {
        var start = [Int](repeating: 0, count: numbers + 1)
        for place in 0..<count { start[number(place) + 1] += 1 }
        for n in 0..<numbers { start[n + 1] += start[n] }
        var sorted = [UInt64](repeating: 0, count: count)
        for place in 0..<count {
            let n = number(place)
            sorted[start[n]] = UInt64(n) << 32 | UInt64(place)
            start[n] += 1
        }
        return sorted
    }

    /// The solver's view of the candidates `numbers`: their scores and capacity (mentors), and
    /// under a department or location rule their groups, numbered one by one in this order as
    /// `groups` meets them; the candidates themselves are made on every core.
    private static func pairingCandidates(
        _ numbers: [Int], mentor: Bool, pool: CandidatePool, groups: inout GroupNumbers, options: PairingOptions
    ) -> [PairingCandidate] {
        var departments: [Int32?] = []
        var locations: [Int32?] = []
        if options.avoidSameDepartment || options.avoidDifferentLocation {
            for number in numbers {
                let person = pool.candidate(number)
                if options.avoidSameDepartment { departments.append(groups.department(person.department)) }
                if options.avoidDifferentLocation { locations.append(groups.location(person.location)) }
            }
        }
        let (department, location, defaultCapacity) = (departments, locations, options.mentorCapacity)
        return concurrentMap(count: numbers.count) { k in
            let number = numbers[k]
            return PairingCandidate(
                scores: Array(pool.scores(number)),
                capacity: mentor ? (pool.capacity(number) ?? defaultCapacity) : 1,
                department: department.isEmpty ? nil : department[k], location: location.isEmpty ? nil : location[k])
        }
    }

    /// The bands mentors and mentees come from: the configured ones, or the most junior and the
    /// most senior half (an odd count leaves the middle band out).
    package static func pairingBands(
        survey: Survey, options: PairingOptions
    ) throws(PairingError) -> (mentor: [Int], mentee: [Int]) {
        let bandCount = survey.bands.count
        let mentorBands =
            try bands(options.mentorBands, setting: "mentor_bands", survey: survey) ?? Array(0..<(bandCount / 2))
        let menteeBands =
            try bands(options.menteeBands, setting: "mentee_bands", survey: survey)
            ?? Array((bandCount - bandCount / 2)..<bandCount)
        return (mentorBands, menteeBands)
    }

    /// `sortedByID` of both lists, one on each of two threads.
    private static func sortedByID(_ first: [Int], _ second: [Int], pool: CandidatePool) -> ([Int], [Int]) {
        concurrently({ sortedByID(first, pool: pool) }, { sortedByID(second, pool: pool) })
    }

    /// Candidates ordered by id as `String`s order; candidates with equal ids keep their order.
    /// ASCII ids compare by their first eight bytes as one number, and in full only past them.
    private static func sortedByID(_ numbers: [Int], pool: CandidatePool) -> [Int] {
        struct Key {
            /// The first eight bytes, big-endian, zero-padded (ids hold no NUL: such rows are rejected).
            var prefix: UInt64
            /// The id's length in bytes; -1 when it is not ASCII.
            var length: Int
            var number: Int
        }
        let keys = numbers.map { number in
            pool.withID(ofRespondent: Int(pool.candidate(number).respondent)) { id -> Key in
                guard FieldText.isASCII(id) else { return Key(prefix: 0, length: -1, number: number) }
                var prefix: UInt64 = 0
                for index in 0..<8 { prefix = prefix << 8 | UInt64(index < id.count ? id[index] : 0) }
                return Key(prefix: prefix, length: id.count, number: number)
            }
        }
        return keys.sorted { a, b in
            if a.length >= 0, b.length >= 0 {
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                if a.length <= 8 || b.length <= 8 {
                    return a.length != b.length ? a.length < b.length : a.number < b.number
                }
            }
            if pool.idPrecedes(a.number, b.number) { return true }
            if pool.idPrecedes(b.number, a.number) { return false }
            return a.number < b.number
        }.map(\.number)
    }

    private static func bands(_ names: [String]?, setting: String, survey: Survey) throws(PairingError) -> [Int]? {
        guard let names else { return nil }
        var result: [Int] = []
        for name in names {
            guard let band = survey.bands.first(where: { HeaderText.key($0.name) == HeaderText.key(name) }) else {
                throw .unknownBand(setting: setting, name: name, bands: survey.bands.map(\.name))
            }
            result.append(band.index)
        }
        return result
    }
}

/// Small integer numbers for departments and locations, for the solver's group rules: one per
/// folded name, in order of first use. Each spelling is folded once.
struct GroupNumbers {
    /// The pool's department and location spellings.
    private let departmentSpellings: ValueCatalog
    private let locationSpellings: ValueCatalog
    private var departments: [String: Int32] = [:]
    private var locations: [String: Int32] = [:]
    private var departmentOfSpelling: [Int32?] = []
    private var locationOfSpelling: [Int32?] = []

    init(pool: CandidatePool) {
        departmentSpellings = pool.departments
        locationSpellings = pool.locations
        departmentOfSpelling = Array(repeating: nil, count: pool.departments.spellingCount)
        locationOfSpelling = Array(repeating: nil, count: pool.locations.spellingCount)
    }

    /// The group of department spelling `spelling`; nil for no department (-1).
    mutating func department(_ spelling: Int32) -> Int32? {
        guard spelling >= 0 else { return nil }
        if let known = departmentOfSpelling[Int(spelling)] { return known }
        let group = Self.number(HeaderText.fold(departmentSpellings.spelling(Int(spelling))), in: &departments)
        departmentOfSpelling[Int(spelling)] = group
        return group
    }

    mutating func location(_ spelling: Int32) -> Int32? {
        guard spelling >= 0 else { return nil }
        if let known = locationOfSpelling[Int(spelling)] { return known }
        let group = Self.number(HeaderText.fold(locationSpellings.spelling(Int(spelling))), in: &locations)
        locationOfSpelling[Int(spelling)] = group
        return group
    }

    /// True when two department spellings fold to the same name (both given).
    mutating func sameDepartment(_ a: Int32, _ b: Int32) -> Bool {
        guard a >= 0, b >= 0 else { return false }
        return folded(a, departments: true) == folded(b, departments: true)
    }

    /// True when two location spellings fold to different names (both given).
    mutating func differentLocation(_ a: Int32, _ b: Int32) -> Bool {
        guard a >= 0, b >= 0 else { return false }
        return folded(a, departments: false) != folded(b, departments: false)
    }

    /// The folded name of a spelling, as a number that is equal exactly when the folded names are.
    private mutating func folded(_ spelling: Int32, departments isDepartment: Bool) -> Int32 {
        // Group numbers are given in order of first use; comparing them is comparing folded names.
        (isDepartment ? department(spelling) : location(spelling)) ?? -1
    }

    private static func number(_ key: String, in table: inout [String: Int32]) -> Int32 {
        if let known = table[key] { return known }
        let next = Int32(table.count)
        table[key] = next
        return next
    }
}

/// What a mentor can teach a mentee, in the plan's words.
struct Explainer {
    let options: PairingOptions
    let weights: [Double]

    func isLow(_ score: Int8) -> Bool { score >= 0 && Int(score) <= options.menteeMax }
    func isStrong(_ score: Int8) -> Bool { score >= 0 && Int(score) >= options.mentorMin }

    /// Tools `teacher` can teach `learner` (scores by tool): best first (largest weighted
    /// difference, then tool order).
    func teachable(
        from teacher: some Collection<Int8>, to learner: some Collection<Int8>, ranked: Bool = true
    ) -> [TeachableTool] {
        var tools: [TeachableTool] = []
        for (tool, (strong, low)) in zip(teacher, learner).enumerated() where isStrong(strong) && isLow(low) {
            tools.append(TeachableTool(tool: tool, mentorScore: Int(strong), menteeScore: Int(low)))
        }
        guard ranked, tools.count > 1 else { return tools }
        // Sorted in place, through the weights' buffer: a closure that captured the explainer
        // would copy it (and count references to its arrays, shared by every thread) per pair.
        weights.withUnsafeBufferPointer { weights in
            tools.sort { a, b in
                let gainA = weights[a.tool] * Double(a.mentorScore - a.menteeScore)
                let gainB = weights[b.tool] * Double(b.mentorScore - b.menteeScore)
                return gainA != gainB ? gainA > gainB : a.tool < b.tool
            }
        }
        return tools
    }

    func lowTools(_ scores: some Collection<Int8>) -> [Int] {
        scores.enumerated().filter { isLow($0.element) }.map(\.offset)
    }
}

/// The explicitly forbidden pairs: the same person, anyone in the other's management chain, and
/// pairs excluded from earlier runs.
struct ForbiddenPairs {
    /// Every forbidden pair, for the solver (see `takeAll`).
    private var all: CandidatePairList = []
    /// How many pairs are forbidden.
    private(set) var count = 0
    /// The pairs each rule forbids, kept for the explanations while the solver runs (without
    /// explicit pairs from earlier runs, `all` is the same list: no second copy).
    private var chain: CandidatePairList = []
    private var earlier: CandidatePairList = []

    /// Every forbidden pair, handed over once and not kept here. Without explicit pairs from
    /// earlier runs it is the chain list itself, which the explanations keep anyway; with them,
    /// it is gone once the solver has its own compact copy.
    mutating func takeAll() -> CandidatePairList {
        defer { all = [] }
        return all
    }

    /// `mentors` and `mentees` are candidate numbers in the pool.
    init(mentors: [Int], mentees: [Int], pool: CandidatePool, chains: ManagementChains, excluded: Set<ExcludedPair>) {
        // The mentor and mentee index of each person (node); the last one wins, as with ids.
        var mentorIndex = [Int32](repeating: -1, count: pool.respondentCount)
        var menteeIndex = [Int32](repeating: -1, count: pool.respondentCount)
        func node(_ number: Int) -> Int { chains.node(ofRespondent: Int(pool.candidate(number).respondent)) }
        for (index, number) in mentors.enumerated() { mentorIndex[node(number)] = Int32(index) }
        for (index, number) in mentees.enumerated() { menteeIndex[node(number)] = Int32(index) }
        // Everyone's chain is walked on every core: mentors up to the mentees above them, mentees up
        // to the mentors above them (and a person who is both, with themself).
        let menteeOf = menteeIndex
        let mentorOf = mentorIndex
        let mentorNodes = mentors.map(node)
        let menteeNodes = mentees.map(node)
        let parts = mentors.count + mentees.count < 32_768 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let found = concurrentMap(count: parts * 2, parts: parts * 2) { job -> [CandidatePair] in
            let part = job / 2
            var pairs: [CandidatePair] = []
            var managers: [Int] = []
            if job % 2 == 0 {
                for index in (mentorNodes.count * part / parts)..<(mentorNodes.count * (part + 1) / parts) {
                    let person = mentorNodes[index]
                    if menteeOf[person] >= 0 {
                        pairs.append(CandidatePair(mentor: index, mentee: Int(menteeOf[person])))
                    }
                    chains.managers(of: person, into: &managers)
                    for manager in managers where menteeOf[manager] >= 0 {
                        pairs.append(CandidatePair(mentor: index, mentee: Int(menteeOf[manager])))
                    }
                }
            } else {
                for index in (menteeNodes.count * part / parts)..<(menteeNodes.count * (part + 1) / parts) {
                    chains.managers(of: menteeNodes[index], into: &managers)
                    for manager in managers where mentorOf[manager] >= 0 {
                        pairs.append(CandidatePair(mentor: Int(mentorOf[manager]), mentee: index))
                    }
                }
            }
            return pairs
        }
        let chain = CandidatePairList(found.joined())
        var earlier: [CandidatePair] = []  // repeats are dropped by the list
        // A pseudonymised `pairings.csv` names people identified by email by their pseudonyms.
        var byPseudonym: (mentors: [String: Int], mentees: [String: Int]) = ([:], [:])
        if excluded.contains(where: { Pseudonyms.isPseudonym($0.mentorID) || Pseudonyms.isPseudonym($0.menteeID) }) {
            for (index, number) in mentors.enumerated() where Pseudonyms.isEmailLike(pool.id(number)) {
                byPseudonym.mentors[Pseudonyms.email(for: pool.id(number))] = index
            }
            for (index, number) in mentees.enumerated() where Pseudonyms.isEmailLike(pool.id(number)) {
                byPseudonym.mentees[Pseudonyms.email(for: pool.id(number))] = index
            }
        }
        func index(of id: String, in indexOfNode: [Int32], pseudonyms: [String: Int]) -> Int? {
            if let node = chains.node(ofID: id), indexOfNode[node] >= 0 { return Int(indexOfNode[node]) }
            return pseudonyms[id]
        }
        for pair in excluded {
            if let mentor = index(of: pair.mentorID, in: mentorIndex, pseudonyms: byPseudonym.mentors),
                let mentee = index(of: pair.menteeID, in: menteeIndex, pseudonyms: byPseudonym.mentees)
            {
                earlier.append(CandidatePair(mentor: mentor, mentee: mentee))
            }
        }
        self.chain = chain
        self.earlier = CandidatePairList(earlier)
        all = chain.union(self.earlier)
        count = all.count
    }

    /// The rules that exclude every mentor who could teach mentee `index`, in a fixed order.
    func rules(
        excluding index: Int, mentors: [Int], mentee: Int, pool: CandidatePool, groups: inout GroupNumbers,
        options: PairingOptions, explain: Explainer
    ) -> [ExclusionRule] {
        let menteeScores = pool.scores(mentee)
        var found = Set<ExclusionRule>()
        let menteeDepartment = pool.candidate(mentee).department
        let menteeLocation = pool.candidate(mentee).location
        for (mentorIndex, number) in mentors.enumerated()
        where pool.capacity(number) != 0
            && !explain.teachable(from: pool.scores(number), to: menteeScores, ranked: false).isEmpty
        {
            let pair = CandidatePair(mentor: mentorIndex, mentee: index)
            let person = pool.candidate(number)
            if options.avoidSameDepartment, groups.sameDepartment(person.department, menteeDepartment) {
                found.insert(.sameDepartment)
            }
            if options.avoidDifferentLocation, groups.differentLocation(person.location, menteeLocation) {
                found.insert(.differentLocation)
            }
            if chain.contains(pair) { found.insert(.managementChain) }
            if earlier.contains(pair) { found.insert(.earlierPair) }
        }
        return ExclusionRule.allCases.filter(found.contains)
    }
}
