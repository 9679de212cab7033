import Foundation

/// A problem the solver refuses, one case per thing that can be wrong with its input.
package enum PairingSolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A profile's score count differs from the weight count.
    case profileLength(role: Role, index: Int, expected: Int, found: Int)
    /// A score above 4.
    case scoreOutOfRange(role: Role, index: Int, tool: Int, value: Int8)
    /// A weight that is negative, not finite, or above 1_000_000.
    case invalidWeight(tool: Int, value: Double)
    /// `mentorMin`/`menteeMax` outside `0...4`, or `menteeMax >= mentorMin`.
    case invalidThresholds(mentorMin: Int, menteeMax: Int)
    /// A negative mentor capacity.
    case negativeCapacity(mentor: Int, value: Int)
    /// A forbidden pair naming an index out of range.
    case forbiddenPairOutOfRange(CandidatePair)
    /// More than 64 tools are both teachable by someone and low for someone.
    case tooManyTools(count: Int)
    /// Weights × population so large that exact 64-bit arithmetic could overflow.
    case scoreRangeTooLarge

    package enum Role: String, Sendable, Hashable {
        case mentor, mentee
    }

    package var description: String {
        switch self {
        case .profileLength(let role, let index, let expected, let found):
            return "\(role.rawValue) \(index) has \(found) tool scores, expected \(expected)"
        case .scoreOutOfRange(let role, let index, let tool, let value):
            return "\(role.rawValue) \(index) has score \(value) on tool \(tool), expected 0...4 or missing"
        case .invalidWeight(let tool, let value):
            return "tool \(tool) has weight \(value), expected a finite number in 0...1000000"
        case .invalidThresholds(let mentorMin, let menteeMax):
            return
                "mentor_min \(mentorMin) and mentee_max \(menteeMax): both must be in 0...4, mentee_max below mentor_min"
        case .negativeCapacity(let mentor, let value):
            return "mentor \(mentor) has capacity \(value), expected 0 or more"
        case .forbiddenPairOutOfRange(let pair):
            return "forbidden pair (mentor \(pair.mentor), mentee \(pair.mentee)) is out of range"
        case .tooManyTools(let count):
            return "\(count) tools are teachable and low at once; at most 64 are supported"
        case .scoreRangeTooLarge:
            return "weights are too large for exact 64-bit arithmetic at this population size"
        }
    }
}
