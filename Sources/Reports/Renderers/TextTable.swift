/// A plain-text table with left- or right-aligned columns, for an 80-column terminal: when the rows
/// would be wider than `maxWidth`, the widest text (left-aligned) columns are narrowed and their
/// cells cut with `…`; numbers (right-aligned) are never cut.
struct TextTable {
    enum Alignment { case left, right }

    var columns: [(title: String, alignment: Alignment)]
    var rows: [[String]] = []
    /// Titles over runs of columns, drawn on a line above the column titles: (first column, count, title).
    var groups: [(first: Int, count: Int, title: String)] = []
    var maxWidth = TextReport.width

    init(_ columns: [(String, Alignment)]) {
        self.columns = columns.map { (title: $0.0, alignment: $0.1) }
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    func render(indent: String = "  ") -> String {
        // Cells from the input on one line, and none wider than the table may be.
        let rows = rows.map { $0.map { TextReport.oneLine($0, limit: maxWidth) } }
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var total = indent.count + widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        while total > maxWidth {
            // The widest text column that is still wider than its title (and than a few characters).
            let narrowable = columns.indices.filter {
                columns[$0].alignment == .left && widths[$0] > max(columns[$0].title.count, 6)
            }
            guard let widest = narrowable.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            total -= 1
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() where index < columns.count {
                let cell = TextReport.clip(cell, to: widths[index])
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                parts.append(columns[index].alignment == .left ? cell + padding : padding + cell)
            }
            var text = indent + parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var output = ""
        if !groups.isEmpty {
            var text = indent
            var column = 0
            for group in groups {
                while column < group.first {
                    text += String(repeating: " ", count: widths[column] + 2)
                    column += 1
                }
                let span = widths[group.first..<(group.first + group.count)].reduce(0, +) + 2 * (group.count - 1)
                let title = TextReport.oneLine(group.title, limit: span)
                let padding = span - title.count
                text +=
                    String(repeating: " ", count: padding / 2) + title
                    + String(repeating: " ", count: padding - padding / 2 + 2)
                column += group.count
            }
            while text.last == " " { text.removeLast() }
            output += text + "\n"
        }
        output += line(columns.map(\.title)) + "\n"
        for row in rows { output += line(row) + "\n" }
        return output
    }
}
