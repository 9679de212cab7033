import Foundation

/// What the pairing solver maximises.
package enum PairingObjective: String, Sendable, CaseIterable, Hashable {
    /// The most mentees paired; among all assignments that pair that many, the highest total
    /// score (lexicographic). Pairs whose score is 0 may be used: they still pair a mentee.
    case coverage
    /// The highest total score. Pairs whose score is 0 are never used under this objective: they
    /// add nothing, so a mentee whose only allowed mentors would score 0 stays unpaired.
    case score
}
