import Foundation

/// An optimal assignment for a `PairingProblem`'s objective.
package struct PairingSolution: Sendable {
    /// The pairs, ordered by mentee index.
    package var pairs: [ProposedPair]
    /// Exact total score in micro-units.
    package var totalScoreMicros: Int64
    /// Per mentee (same order as `PairingProblem.mentees`): who could have been their mentor.
    package var reach: [MenteeReach]
    /// How the solve went (for benchmarks and logs; not part of the result's meaning).
    package var statistics: Statistics

    /// Total score as a `Double`.
    package var totalScore: Double { Double(totalScoreMicros) / 1_000_000 }

    package struct Statistics: Sendable, Hashable {
        package enum Method: String, Sendable, Hashable {
            /// ε-scaling auction over all pairs, checked over all pairs.
            case auction
            /// Column generation with exact shortest-path solves.
            case columnGeneration
        }
        /// The method whose result was certified.
        package var method: Method
        /// Pricing rounds after the first restricted solve (0 = the seed arcs were enough).
        package var pricingRounds: Int
        /// Explicit arcs in the final restricted problem.
        package var arcs: Int
        /// Distinct (low-tool set, location) groups of mentees.
        package var menteeGroups: Int
        /// Auction bids and ε phases (auction only).
        package var bids: Int
        package var phases: Int
    }
}
