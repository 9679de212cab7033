import Foundation

/// A (mentor, mentee) pair of indices into `PairingProblem.mentors` and `PairingProblem.mentees`.
package struct CandidatePair: Sendable, Hashable, Comparable {
    package var mentor: Int
    package var mentee: Int

    package init(mentor: Int, mentee: Int) {
        self.mentor = mentor
        self.mentee = mentee
    }

    package static func < (lhs: CandidatePair, rhs: CandidatePair) -> Bool {
        (lhs.mentee, lhs.mentor) < (rhs.mentee, rhs.mentor)
    }
}
