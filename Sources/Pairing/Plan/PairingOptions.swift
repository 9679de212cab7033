import Ingest

/// The pairing rules of a run (SPEC §4, config `pairing:`).
package struct PairingOptions: Sendable, Hashable {
    /// Band names mentors come from; nil: the most junior ⌊k/2⌋ of the k bands.
    package var mentorBands: [String]?
    /// Band names mentees come from; nil: the most senior ⌊k/2⌋.
    package var menteeBands: [String]?
    package var mentorMin = 3
    package var menteeMax = 1
    /// Mentees per mentor for everyone without a `capacity` value.
    package var mentorCapacity = 1
    package var objective: PairingObjective = .coverage
    /// Tool name → weight; tools not named weigh 1.
    package var weights: [String: Double] = [:]
    /// Weight every tool by its headline mean difference, floored at 0.
    package var weightByGap = false
    package var avoidSameDepartment = false
    package var avoidDifferentLocation = false
    /// Pairs of (mentor id, mentee id) not to propose again.
    package var excludedPairs: Set<ExcludedPair> = []

    package init() {}
}

/// A pair an earlier run proposed, by ids.
package struct ExcludedPair: Sendable, Hashable {
    package var mentorID: String
    package var menteeID: String

    package init(mentorID: String, menteeID: String) {
        self.mentorID = mentorID
        self.menteeID = menteeID
    }
}
