/// Number formatting that does not depend on the locale and gives the same text on every run.
package enum NumberFormat {
    /// A fixed number of decimals, rounded half away from zero: `fixed(2.345, 2)` → `2.35`.
    /// Negative zero prints as zero.
    package static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled != 0
        let whole = Int(scaled)
        var digits = String(whole)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (negative ? "-" : "") + digits
    }

    /// A percentage with no decimals: `0.574` → `57%`.
    package static func percent(_ fraction: Double) -> String { fixed(fraction * 100, 0) + "%" }

    /// A plain machine-readable number for CSV: up to 6 decimals, trailing zeros dropped.
    package static func plain(_ value: Double) -> String {
        var text = fixed(value, 6)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A p- or q-value: `<0.001` below a thousandth, else three decimals.
    package static func probability(_ value: Double) -> String {
        value < 0.001 ? "<0.001" : fixed(value, 3)
    }

    /// A signed difference: `+1.23`, `-0.40`.
    package static func signed(_ value: Double, _ decimals: Int) -> String {
        let text = fixed(value, decimals)
        return text.hasPrefix("-") ? text : "+" + text
    }
}
