import Foundation

/// One person as the solver sees them: a familiarity profile and, for a mentor, a capacity.
package struct PairingCandidate: Sendable, Hashable {
    /// Familiarity per tool, in the order of `PairingProblem.weights`: `0...4`, or a negative value
    /// (conventionally `-1`) for a missing answer. A missing answer is never teachable and never low.
    package var scores: [Int8]
    /// How many mentees this person may take as a mentor (`0` = none). Ignored for mentees.
    package var capacity: Int
    /// Department group id, used by `PairingProblem.forbidSameDepartment`; `nil` = unknown.
    package var department: Int32?
    /// Location group id, used by `PairingProblem.forbidDifferentLocation`; `nil` = unknown.
    package var location: Int32?

    package init(scores: [Int8], capacity: Int = 1, department: Int32? = nil, location: Int32? = nil) {
        self.scores = scores
        self.capacity = capacity
        self.department = department
        self.location = location
    }
}
