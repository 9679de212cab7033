import Foundation

/// A reverse-mentoring assignment problem, already filtered by the business rules.
///
/// A pair (mentor `i`, mentee `j`) is *allowed* when
/// - at least one tool `t` is teachable: `mentor[t] >= mentorMin` and `mentee[t] <= menteeMax`,
///   both answers present;
/// - it is not in `forbidden`;
/// - with `forbidSameDepartment`, not both departments are known and equal;
/// - with `forbidDifferentLocation`, not both locations are known and different.
///   (An unknown group id never triggers a group rule; map unknowns to a sentinel id before
///   calling if they should.)
///
/// Its score is `Σ weight[t] × (mentor[t] − mentee[t])` over its teachable tools. Weights are
/// converted to fixed point, `round(weight × 1_000_000)` micro-units, and all solver arithmetic
/// is exact integer arithmetic on those.
package struct PairingProblem: Sendable {
    package var mentors: [PairingCandidate]
    package var mentees: [PairingCandidate]
    /// Weight per tool: finite, `0...1_000_000`. Its count is the tool count of every profile.
    package var weights: [Double]
    /// Lowest mentor score that can teach a tool (`0...4`).
    package var mentorMin: Int
    /// Highest mentee score that counts as low on a tool (`0...4`, below `mentorMin`).
    package var menteeMax: Int
    /// Explicitly forbidden pairs (management chain either way, earlier pairs to exclude, …).
    package var forbidden: CandidatePairList
    package var forbidSameDepartment: Bool
    package var forbidDifferentLocation: Bool
    package var objective: PairingObjective

    package init(
        mentors: [PairingCandidate],
        mentees: [PairingCandidate],
        weights: [Double],
        mentorMin: Int = 3,
        menteeMax: Int = 1,
        forbidden: CandidatePairList = [],
        forbidSameDepartment: Bool = false,
        forbidDifferentLocation: Bool = false,
        objective: PairingObjective = .coverage
    ) {
        self.mentors = mentors
        self.mentees = mentees
        self.weights = weights
        self.mentorMin = mentorMin
        self.menteeMax = menteeMax
        self.forbidden = forbidden
        self.forbidSameDepartment = forbidSameDepartment
        self.forbidDifferentLocation = forbidDifferentLocation
        self.objective = objective
    }
}
