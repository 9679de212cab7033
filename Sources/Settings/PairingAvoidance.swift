/// A pair `pairing.avoid` rules out.
package enum PairingAvoidance: String, Sendable, Hashable, CaseIterable {
    /// Mentor and mentee in the same department.
    case sameDepartment = "same_department"
    /// Mentor and mentee in different locations.
    case differentLocation = "different_location"
}
