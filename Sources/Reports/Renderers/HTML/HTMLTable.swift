/// A data table as the report writes it: a `<caption>`, column headers with `scope="col"`, the
/// first cell of each row a row header with `scope="row"`, inside a region that scrolls sideways
/// on a narrow screen (focusable, so that a keyboard can scroll it too).
struct HTMLTable {
    enum Alignment { case text, number }

    struct Column {
        var title: Markup
        var alignment: Alignment

        init(_ title: Markup, _ alignment: Alignment = .text) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The table's id, made from fixed words and indexes, never from input text.
    var id: String
    var caption: Markup
    var columns: [Column]
    /// Titles over runs of columns, drawn above the column titles: (title, how many columns).
    /// The first run usually covers the row-header column with an empty title.
    var groups: [(title: Markup, span: Int)] = []
    var rows: [[Markup]] = []
    /// A class for each row (same count as `rows`), e.g. `mutual`; empty for none.
    var rowClasses: [String] = []

    init(id: String, caption: Markup, columns: [Column]) {
        self.id = id
        self.caption = caption
        self.columns = columns
    }

    mutating func append(_ row: [Markup], rowClass: String = "") {
        rows.append(row)
        rowClasses.append(rowClass)
    }

    func render() -> Markup {
        var head = Markup.empty
        if !groups.isEmpty {
            let cells = groups.map { group -> Markup in
                let span: Markup = group.span > 1 ? " colspan=\"\(group.span)\"" : ""
                return group.title.isEmpty ? "<td\(span)></td>" : "<th scope=\"colgroup\"\(span)>\(group.title)</th>"
            }
            head += "<tr>\(cells)</tr>\n"
        }
        let titles = columns.map { column -> Markup in
            let attributes: Markup = column.alignment == .number ? " class=\"num\"" : ""
            return "<th scope=\"col\"\(attributes)>\(column.title)</th>"
        }
        head += "<tr>\(titles)</tr>\n"

        var body = Markup.empty
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell -> Markup in
                let numeric = column < columns.count && columns[column].alignment == .number
                let attributes: Markup = numeric ? " class=\"num\"" : ""
                return column == 0 ? "<th scope=\"row\"\(attributes)>\(cell)</th>" : "<td\(attributes)>\(cell)</td>"
            }
            let rowClass = index < rowClasses.count ? rowClasses[index] : ""
            body += rowClass.isEmpty ? "<tr>\(cells)</tr>\n" : "<tr class=\"\(rowClass)\">\(cells)</tr>\n"
        }
        return """
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="\(id)-caption">
            <table id="\(id)">
            <caption id="\(id)-caption">\(caption)</caption>
            <thead>
            \(head)</thead>
            <tbody>
            \(body)</tbody>
            </table>
            </div>

            """
    }
}
