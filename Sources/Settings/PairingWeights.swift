/// How `pairing.weights` weighs each teachable tool in a pair's score.
package enum PairingWeights: Sendable, Hashable {
    /// The word `gap`: each tool by its headline mean difference, floored at 0.
    case gap
    /// Tool name (as the catalogue names it) → weight; tools not named weigh 1.
    case perTool([String: Double])
}
