import Foundation

/// How many mentors could reach one mentee, stage by stage: what explains an unpaired mentee.
///
/// Counts include mentors of capacity 0 (a mentor with no capacity left is "capacity exhausted",
/// not "excluded").
package struct MenteeReach: Sendable, Hashable {
    /// Mentors that can teach this mentee at least one tool.
    package var teachableMentors: Int
    /// Of those, the ones the department/location rules leave.
    package var afterGroupRules: Int
    /// Of those, the ones not explicitly forbidden: the allowed mentors.
    package var allowedMentors: Int
    /// Best score (micro-units) over allowed mentors of positive capacity; `nil` when there is none.
    package var bestScoreMicros: Int64?

    package init(teachableMentors: Int, afterGroupRules: Int, allowedMentors: Int, bestScoreMicros: Int64?) {
        self.teachableMentors = teachableMentors
        self.afterGroupRules = afterGroupRules
        self.allowedMentors = allowedMentors
        self.bestScoreMicros = bestScoreMicros
    }

    /// Why a mentee with this reach would stay unpaired.
    package enum UnpairedReason: String, Sendable, Hashable {
        /// No mentor can teach them any tool.
        case noOneCanTeach
        /// Under `score`: mentors can teach them, but only tools of weight 0, and a pair that
        /// scores 0 is never made.
        case onlyUnweightedTools
        /// Every teachable mentor is excluded, by the department/location rules only.
        case excludedByGroupRules
        /// Every teachable mentor is excluded, by explicit pairs only.
        case excludedByExplicitPairs
        /// Every teachable mentor is excluded, some by group rules and the rest by explicit pairs.
        case excludedByGroupRulesAndExplicitPairs
        /// Allowed mentors exist, but their capacity went to other mentees.
        case capacityExhausted
    }

    /// The reason this mentee would be unpaired under `objective` (meaningful only when it is).
    package func unpairedReason(under objective: PairingObjective) -> UnpairedReason {
        if teachableMentors == 0 { return .noOneCanTeach }
        if allowedMentors == 0 {
            let byRules = afterGroupRules < teachableMentors
            let byPairs = allowedMentors < afterGroupRules
            switch (byRules, byPairs) {
            case (true, true): return .excludedByGroupRulesAndExplicitPairs
            case (true, false): return .excludedByGroupRules
            default: return .excludedByExplicitPairs
            }
        }
        if objective == .score, let best = bestScoreMicros, best <= 0 { return .onlyUnweightedTools }
        return .capacityExhausted
    }
}
