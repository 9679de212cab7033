/// A CSV file as genbridge writes it: UTF-8, a header row, RFC 4180 quoting, CRLF-free LF lines.
/// Text that came from the input is neutralised against spreadsheet formula injection: a cell
/// that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`. Numbers that
/// genbridge computes are written as numbers.
package struct CSVTable: Sendable {
    package enum Cell: Sendable, Hashable {
        /// Text from the input: neutralised.
        case input(String)
        /// Text genbridge made (a band name it chose, a reason code): written as is.
        case text(String)
        case integer(Int)
        case number(Double?)
        case empty
    }

    package var header: [String]
    package var rows: [[Cell]] = []

    package init(header: [String]) { self.header = header }

    package mutating func append(_ row: [Cell]) { rows.append(row) }

    package func render() -> String {
        var output = header.map(Self.quote).joined(separator: ",") + "\n"
        for row in rows {
            output += row.map(Self.render).joined(separator: ",")
            output += "\n"
        }
        return output
    }

    static func render(_ cell: Cell) -> String {
        switch cell {
        case .input(let text): quote(neutralise(text))
        case .text(let text): quote(text)
        case .integer(let value): String(value)
        case .number(let value): value.map { NumberFormat.plain($0) } ?? ""
        case .empty: ""
        }
    }

    /// `'` before text a spreadsheet would run as a formula.
    package static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    /// Quotes a field when it holds a comma, a quote, a line break or leading/trailing space.
    package static func quote(_ text: String) -> String {
        let needsQuotes =
            text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every occurrence of `target` replaced (a small Foundation-free helper).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
