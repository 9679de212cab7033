import Analysis
import Ingest

/// A pairing request the rules cannot serve.
package enum PairingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `pairing.mentor_bands` or `mentee_bands` names a band the run does not have.
    case unknownBand(setting: String, name: String, bands: [String])
    /// The solver refused its input (a bug in the rule layer, or weights out of range).
    case solver(String)

    package var description: String {
        switch self {
        case .unknownBand(let setting, let name, let bands):
            "pairing.\(setting) names band \"\(name)\", which this run does not have (bands: \(bands.joined(separator: ", ")))"
        case .solver(let reason): "the pairing solver refused its input: \(reason)"
        }
    }
}

/// Stage 3a: from the candidate pool and the rules to an optimal, explained set of pairs.
package enum MentoringPlanner {
    package static func plan(
        pool: CandidatePool, survey: Survey, analysis: SurveyAnalysis, options: PairingOptions
    ) throws(PairingError) -> MentoringPlan {
        let bandCount = survey.bands.count
        let mentorBands =
            try bands(options.mentorBands, setting: "mentor_bands", survey: survey) ?? Array(0..<(bandCount / 2))
        let menteeBands =
            try bands(options.menteeBands, setting: "mentee_bands", survey: survey)
            ?? Array((bandCount - bandCount / 2)..<bandCount)

        // Candidates, ordered by id so that row order does not change the pairs.
        var mentors: [CandidatePool.Person] = []
        var mentees: [CandidatePool.Person] = []
        for person in pool.people {
            let band = survey.bandOfKey[person.bandKey]
            if person.mentor, mentorBands.contains(band) { mentors.append(person) }
            if person.mentee, menteeBands.contains(band) { mentees.append(person) }
        }
        mentors.sort { $0.id < $1.id }
        mentees.sort { $0.id < $1.id }

        let weights = survey.tools.indices.map { tool in
            if options.weightByGap {
                return max(0, analysis.headline.first { $0.tool == tool }?.meanDifference ?? 0)
            }
            return options.weights.first { HeaderText.fold($0.key) == HeaderText.fold(survey.tools[tool].name) }?.value
                ?? 1
        }

        var groups = GroupNumbers()
        func candidate(_ person: CandidatePool.Person, mentor: Bool) -> PairingCandidate {
            PairingCandidate(
                scores: person.scores, capacity: mentor ? (person.capacity ?? options.mentorCapacity) : 1,
                department: options.avoidSameDepartment ? person.department.map { groups.department($0) } : nil,
                location: options.avoidDifferentLocation ? person.location.map { groups.location($0) } : nil)
        }
        let mentorCandidates = mentors.map { candidate($0, mentor: true) }
        let menteeCandidates = mentees.map { candidate($0, mentor: false) }

        let chains = ManagementChains(pool: pool)
        let forbidden = ForbiddenPairs(
            mentors: mentors, mentees: mentees, chains: chains, excluded: options.excludedPairs)
        let problem = PairingProblem(
            mentors: mentorCandidates, mentees: menteeCandidates, weights: weights, mentorMin: options.mentorMin,
            menteeMax: options.menteeMax, forbidden: forbidden.all, forbidSameDepartment: options.avoidSameDepartment,
            forbidDifferentLocation: options.avoidDifferentLocation, objective: options.objective)
        let solution: PairingSolution
        do {
            solution = try PairingSolver.solve(problem)
        } catch {
            throw .solver(error.description)
        }

        func summary(_ person: CandidatePool.Person) -> PersonSummary {
            PersonSummary(
                id: person.id, name: person.name, email: person.email, band: survey.bandOfKey[person.bandKey],
                department: person.department, location: person.location)
        }
        let explain = Explainer(options: options, weights: weights)
        var pairs: [MentoringPair] = []
        var pairedMentees = Set<Int>()
        for pair in solution.pairs {
            let mentor = mentors[pair.mentor]
            let mentee = mentees[pair.mentee]
            pairedMentees.insert(pair.mentee)
            pairs.append(
                MentoringPair(
                    mentor: summary(mentor), mentee: summary(mentee),
                    tools: explain.teachable(from: mentor.scores, to: mentee.scores), score: pair.score,
                    teachesBack: explain.teachable(from: mentee.scores, to: mentor.scores, ranked: false)))
        }
        pairs.sort { $0.mentee.id < $1.mentee.id }

        var unpaired: [UnpairedMentee] = []
        for (index, mentee) in mentees.enumerated() where !pairedMentees.contains(index) {
            let reason: UnpairedReason
            switch solution.reach[index].unpairedReason(under: options.objective) {
            case .noOneCanTeach: reason = .noOneCanTeach
            case .capacityExhausted: reason = .capacityExhausted
            case .excludedByGroupRules, .excludedByExplicitPairs, .excludedByGroupRulesAndExplicitPairs:
                reason = .everyCandidateExcluded(
                    forbidden.rules(
                        excluding: index, mentors: mentors, mentee: mentee, options: options, explain: explain))
            }
            unpaired.append(
                UnpairedMentee(person: summary(mentee), lowTools: explain.lowTools(mentee.scores), reason: reason))
        }

        let coverage = survey.tools.indices.map { tool in
            let low = mentees.indices.filter { explain.isLow(mentees[$0].scores[tool]) }
            let covered = pairs.filter { pair in pair.tools.contains { $0.tool == tool } }.count
            return ToolCoverage(tool: tool, menteesLow: low.count, covered: covered)
        }

        return MentoringPlan(
            objective: options.objective.rawValue, mentorCandidates: mentors.count, menteeCandidates: mentees.count,
            mentorBands: mentorBands, menteeBands: menteeBands, pairs: pairs, unpaired: unpaired, coverage: coverage,
            totalScore: solution.totalScore, managerCycles: chains.cycles)
    }

    private static func bands(_ names: [String]?, setting: String, survey: Survey) throws(PairingError) -> [Int]? {
        guard let names else { return nil }
        var result: [Int] = []
        for name in names {
            guard let band = survey.bands.first(where: { HeaderText.fold($0.name) == HeaderText.fold(name) }) else {
                throw .unknownBand(setting: setting, name: name, bands: survey.bands.map(\.name))
            }
            result.append(band.index)
        }
        return result
    }
}

/// Small integer numbers for departments and locations, for the solver's group rules.
private struct GroupNumbers {
    private var departments: [String: Int32] = [:]
    private var locations: [String: Int32] = [:]

    mutating func department(_ name: String) -> Int32 { number(name, in: &departments) }
    mutating func location(_ name: String) -> Int32 { number(name, in: &locations) }

    private func number(_ name: String, in table: inout [String: Int32]) -> Int32 {
        let key = HeaderText.fold(name)
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

    /// Tools `teacher` can teach `learner`: best first (largest weighted difference, then tool order).
    func teachable(from teacher: [Int8], to learner: [Int8], ranked: Bool = true) -> [TeachableTool] {
        var tools: [TeachableTool] = []
        for tool in teacher.indices where isStrong(teacher[tool]) && isLow(learner[tool]) {
            tools.append(TeachableTool(tool: tool, mentorScore: Int(teacher[tool]), menteeScore: Int(learner[tool])))
        }
        guard ranked else { return tools }
        return tools.sorted { a, b in
            let gainA = weights[a.tool] * Double(a.mentorScore - a.menteeScore)
            let gainB = weights[b.tool] * Double(b.mentorScore - b.menteeScore)
            return gainA != gainB ? gainA > gainB : a.tool < b.tool
        }
    }

    func lowTools(_ scores: [Int8]) -> [Int] { scores.indices.filter { isLow(scores[$0]) } }
}

/// The explicitly forbidden pairs: the same person, anyone in the other's management chain, and
/// pairs excluded from earlier runs.
struct ForbiddenPairs {
    private(set) var all: Set<CandidatePair> = []
    private var chain: Set<CandidatePair> = []
    private var earlier: Set<CandidatePair> = []

    init(
        mentors: [CandidatePool.Person], mentees: [CandidatePool.Person], chains: ManagementChains,
        excluded: Set<ExcludedPair>
    ) {
        var mentorIndex: [String: Int] = [:]
        var menteeIndex: [String: Int] = [:]
        for (index, person) in mentors.enumerated() { mentorIndex[person.id] = index }
        for (index, person) in mentees.enumerated() { menteeIndex[person.id] = index }
        for (index, mentor) in mentors.enumerated() {
            if let same = menteeIndex[mentor.id] { chain.insert(CandidatePair(mentor: index, mentee: same)) }
            for manager in chains.managers(of: mentor.id) {
                if let mentee = menteeIndex[manager] { chain.insert(CandidatePair(mentor: index, mentee: mentee)) }
            }
        }
        for (index, mentee) in mentees.enumerated() {
            for manager in chains.managers(of: mentee.id) {
                if let mentor = mentorIndex[manager] { chain.insert(CandidatePair(mentor: mentor, mentee: index)) }
            }
        }
        for pair in excluded {
            if let mentor = mentorIndex[pair.mentorID], let mentee = menteeIndex[pair.menteeID] {
                earlier.insert(CandidatePair(mentor: mentor, mentee: mentee))
            }
        }
        all = chain.union(earlier)
    }

    /// The rules that exclude every mentor who could teach mentee `index`, in a fixed order.
    func rules(
        excluding index: Int, mentors: [CandidatePool.Person], mentee: CandidatePool.Person, options: PairingOptions,
        explain: Explainer
    ) -> [ExclusionRule] {
        var found = Set<ExclusionRule>()
        for (mentorIndex, mentor) in mentors.enumerated()
        where mentor.capacity != 0 && !explain.teachable(from: mentor.scores, to: mentee.scores, ranked: false).isEmpty
        {
            let pair = CandidatePair(mentor: mentorIndex, mentee: index)
            if options.avoidSameDepartment, let a = mentor.department, let b = mentee.department,
                HeaderText.fold(a) == HeaderText.fold(b)
            {
                found.insert(.sameDepartment)
            }
            if options.avoidDifferentLocation, let a = mentor.location, let b = mentee.location,
                HeaderText.fold(a) != HeaderText.fold(b)
            {
                found.insert(.differentLocation)
            }
            if chain.contains(pair) { found.insert(.managementChain) }
            if earlier.contains(pair) { found.insert(.earlierPair) }
        }
        return ExclusionRule.allCases.filter(found.contains)
    }
}
