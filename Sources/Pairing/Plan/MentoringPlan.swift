import Ingest

/// A person as the pairing reports show them.
package struct PersonSummary: Sendable, Hashable {
    package var id: String
    package var name: String?
    package var email: String?
    /// Index into the run's bands.
    package var band: Int
    package var department: String?
    package var location: String?

    /// A placeholder while a plan is made: nobody.
    static let unknown = PersonSummary(id: "", name: nil, email: nil, band: 0, department: nil, location: nil)

    package init(id: String, name: String?, email: String?, band: Int, department: String?, location: String?) {
        self.id = id
        self.name = name
        self.email = email
        self.band = band
        self.department = department
        self.location = location
    }
}

/// One tool a mentor can teach a mentee, with both scores.
package struct TeachableTool: Sendable, Hashable {
    /// Index into the survey's tools.
    package var tool: Int
    package var mentorScore: Int
    package var menteeScore: Int

    package init(tool: Int, mentorScore: Int, menteeScore: Int) {
        self.tool = tool
        self.mentorScore = mentorScore
        self.menteeScore = menteeScore
    }
}

/// A proposed reverse-mentoring pair, and why.
package struct MentoringPair: Sendable, Hashable {
    package var mentor: PersonSummary
    package var mentee: PersonSummary
    /// What the mentor will teach, best first (largest weighted difference, then tool order).
    package var tools: [TeachableTool]
    package var score: Double
    /// Tools the mentee can teach the mentor back (mentee ≥ mentor_min, mentor ≤ mentee_max).
    package var teachesBack: [TeachableTool]

    package var isMutual: Bool { !teachesBack.isEmpty }
}

/// Why a mentee who wanted a mentor has none.
package enum UnpairedReason: Sendable, Hashable {
    /// No mentor candidate knows (score ≥ mentor_min) any tool the mentee is low on.
    case noOneCanTeach
    /// Under the `score` objective: the tools mentors could teach them all have weight 0, so no pair
    /// adds to the score (counted as no one can teach them: nothing of weight).
    case onlyUnweightedTools
    /// Mentors who could teach exist, but every one is excluded; the rules that excluded them.
    case everyCandidateExcluded([ExclusionRule])
    /// Allowed mentors exist, but their capacity went to other mentees.
    case capacityExhausted

    package var code: String {
        switch self {
        case .noOneCanTeach, .onlyUnweightedTools: "no_one_can_teach"
        case .everyCandidateExcluded: "every_candidate_excluded"
        case .capacityExhausted: "capacity_exhausted"
        }
    }
}

/// The rules that forbid a pair.
package enum ExclusionRule: String, Sendable, Hashable, CaseIterable {
    case managementChain = "management_chain"
    case earlierPair = "earlier_pair"
    case sameDepartment = "same_department"
    case differentLocation = "different_location"
}

/// A mentee candidate left without a mentor.
package struct UnpairedMentee: Sendable, Hashable {
    package var person: PersonSummary
    /// Tools the mentee is low on (score ≤ mentee_max).
    package var lowTools: [Int]
    package var reason: UnpairedReason
}

/// Of the mentees low on a tool, how many got a mentor who will teach it.
package struct ToolCoverage: Sendable, Hashable {
    package var tool: Int
    package var menteesLow: Int
    package var covered: Int
}

/// The pairing stage's result.
package struct MentoringPlan: Sendable {
    package var objective: String
    package var mentorCandidates: Int
    package var menteeCandidates: Int
    /// Bands mentors and mentees come from (indexes into the run's bands).
    package var mentorBands: [Int]
    package var menteeBands: [Int]
    /// Pairs, ordered by mentee id.
    package var pairs: [MentoringPair]
    /// Unpaired mentee candidates, ordered by id.
    package var unpaired: [UnpairedMentee]
    package var coverage: [ToolCoverage]
    package var totalScore: Double
    /// Cycles found in the manager data, each as a list of ids (reported, never looped on).
    package var managerCycles: [[String]]
    /// How the work went, for `--verbose` (not part of any report).
    package var workload = PlanWorkload()
}

/// The size of a pairing problem and how its solve went: what `--verbose` tells.
package struct PlanWorkload: Sendable, Hashable {
    /// Pairs forbidden by name: management chains and earlier pairs.
    package var forbiddenPairs = 0
    package var solver: PairingSolution.Statistics?

    package init() {}
}
