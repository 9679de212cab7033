import Ingest

/// Escaping of text for HTML. Everything that came from the input (names, ids, departments,
/// locations, tool and band names, file names, answers) passes through `escape` before it is
/// written, in element text and in attribute values alike.
package enum HTMLEscaping {
    /// `text` made inert: `&`, `<`, `>`, `"` and `'` become character references, so the result is
    /// safe as element text (HTML or inline SVG) and inside a single- or double-quoted attribute
    /// value. Characters HTML does not allow in a document (C0 and C1 controls other than tab, line
    /// feed and carriage return; noncharacters) become U+FFFD, so the page stays valid.
    package static func escape(_ text: some StringProtocol) -> String {
        ScalarRewriting.rewrite(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: isForbidden(scalar) ? "\u{FFFD}" : nil
            }
        }
    }

    /// A code point that an HTML document must not contain as a character.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        if (0x7F...0x9F).contains(value) { return true }
        if (0xFDD0...0xFDEF).contains(value) { return true }
        return value & 0xFFFE == 0xFFFE
    }
}
