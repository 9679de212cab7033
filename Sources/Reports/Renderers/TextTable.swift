/// A plain-text table with left- or right-aligned columns, for an 80-column terminal.
struct TextTable {
    enum Alignment { case left, right }

    var columns: [(title: String, alignment: Alignment)]
    var rows: [[String]] = []
    /// Titles over runs of columns, drawn on a line above the column titles: (first column, count, title).
    var groups: [(first: Int, count: Int, title: String)] = []

    init(_ columns: [(String, Alignment)]) {
        self.columns = columns.map { (title: $0.0, alignment: $0.1) }
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    func render(indent: String = "  ") -> String {
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() where index < columns.count {
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
                let title = String(group.title.prefix(span))
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
