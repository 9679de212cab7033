/// A piece of HTML. The literal parts of a `Markup` string are markup; every `String` interpolated
/// into it is escaped (`HTMLEscaping.escape`), so text from the input can enter the page only as
/// text. Only strings, integers, formatted numbers and other `Markup` can be interpolated: an
/// optional or any other type is a compile-time error, not a silent `Optional("…")`.
struct Markup: Sendable, Equatable, ExpressibleByStringInterpolation {
    private(set) var html: String

    init(stringLiteral value: String) { html = value }

    init(stringInterpolation: StringInterpolation) { html = stringInterpolation.html }

    /// Text from anywhere, escaped.
    init(text: some StringProtocol) { html = HTMLEscaping.escape(text) }

    static let empty: Markup = ""

    var isEmpty: Bool { html.isEmpty }

    /// The length in UTF-8 bytes.
    var byteCount: Int { html.utf8.count }

    static func + (lhs: Markup, rhs: Markup) -> Markup {
        var result = lhs
        result.html += rhs.html
        return result
    }

    static func += (lhs: inout Markup, rhs: Markup) { lhs.html += rhs.html }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate(set) var html = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) { html += literal }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) { html += HTMLEscaping.escape(text) }

        mutating func appendInterpolation(_ text: Substring) { html += HTMLEscaping.escape(text) }

        /// Markup built elsewhere: inserted as it is.
        mutating func appendInterpolation(_ markup: Markup) { html += markup.html }

        mutating func appendInterpolation(_ parts: [Markup]) {
            for part in parts { html += part.html }
        }

        mutating func appendInterpolation(_ number: Int) { html += String(number) }

        /// A coordinate or length: one decimal at most, locale-free.
        mutating func appendInterpolation(_ value: Double) { html += SVGNumber.format(value) }
    }
}

extension Sequence where Element == Markup {
    func joined(separator: Markup = .empty) -> Markup {
        var result = Markup.empty
        var first = true
        for part in self {
            if !first { result += separator }
            result += part
            first = false
        }
        return result
    }
}

/// Numbers written into SVG coordinates.
enum SVGNumber {
    /// At most one decimal, no trailing `.0`, never `-0`.
    static func format(_ value: Double) -> String {
        var text = NumberFormat.fixed(value, 1)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text == "-0" ? "0" : text
    }
}
