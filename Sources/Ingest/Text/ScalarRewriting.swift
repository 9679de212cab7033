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

    /// How `scalar` is written in text shown on one line (a message, a line of report.txt): a line
    /// break, tab or other control character, or a bidirectional formatting character, as an
    /// escape (`\n`, `\u{202e}`); nil: as it is. A line break would split the line, and a
    /// right-to-left override would reorder the rest of it in a terminal.
    package static func oneLineEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default:
            scalar.value < 0x20 || scalar.value == 0x7F || bidiControls.contains(scalar.value)
                ? "\\u{" + String(scalar.value, radix: 16) + "}" : nil
        }
    }

    /// The bidirectional formatting characters: marks (LRM, RLM, ALM), embeddings and overrides
    /// (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
    static let bidiControls: Set<UInt32> = [
        0x200E, 0x200F, 0x061C, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]
}
