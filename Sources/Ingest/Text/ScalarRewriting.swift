/// Text rewritten one Unicode scalar at a time: what HTML escaping and one-line quoting in
/// messages both do, each with its own replacements.
package enum ScalarRewriting {
    /// `text` with every scalar that `replacement` maps to a string written as that string, the
    /// others as they are.
    @inlinable
    package static func rewrite(_ text: some StringProtocol, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                result += replaced
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
