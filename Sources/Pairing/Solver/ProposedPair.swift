import Foundation

/// One pair of an optimal assignment.
package struct ProposedPair: Sendable, Hashable {
    /// Index into `PairingProblem.mentors`.
    package var mentor: Int
    /// Index into `PairingProblem.mentees`.
    package var mentee: Int
    /// The pair's exact score in micro-units (score × 1_000_000, weights rounded to 1e-6).
    package var scoreMicros: Int64

    package init(mentor: Int, mentee: Int, scoreMicros: Int64) {
        self.mentor = mentor
        self.mentee = mentee
        self.scoreMicros = scoreMicros
    }

    /// The pair's score as a `Double`.
    package var score: Double { Double(scoreMicros) / 1_000_000 }
}
