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
    let id: String
    let caption: Markup
    let columns: [Column]
    /// Titles over runs of columns, drawn above the column titles: (title, how many columns).
    /// The first run usually covers the row-header column with an empty title. Set before the
    /// first row.
    var groups: [(title: Markup, span: Int)] = [] {
        didSet { precondition(!opened, "table groups set after the first row") }
    }
    /// The table so far, rendered as it grows: the opening tags and head at the first row, then
    /// each row as it is appended, and `render` closes it in place. A table of 100,000 pairs is
    /// never held as half a million cells, nor copied whole once made (at 1,000,000 survey rows
    /// either held the HTML report's peak 60–130 MB higher).
    private var markup = Markup.empty
    private var opened = false

    init(id: String, caption: Markup, columns: [Column]) {
        self.id = id
        self.caption = caption
        self.columns = columns
    }

    /// Appends a row; the first cell is its header. `rowClass`, e.g. `mutual`: empty for none.
    mutating func append(_ row: [Markup], rowClass: String = "") {
        if !opened { open() }
        let cells = row.enumerated().map { column, cell -> Markup in
            let numeric = column < columns.count && columns[column].alignment == .number
            let attributes: Markup = numeric ? " class=\"num\"" : ""
            return column == 0 ? "<th scope=\"row\"\(attributes)>\(cell)</th>" : "<td\(attributes)>\(cell)</td>"
        }
        markup += rowClass.isEmpty ? "<tr>\(cells)</tr>\n" : "<tr class=\"\(rowClass)\">\(cells)</tr>\n"
    }

    /// Once the table so far (opening tags and rows) passes `bytes`, hands it to `hand` and keeps
    /// none of it: a table too large to hold is written as it is made. `render` then gives the
    /// rest.
    mutating func flush(ifOver bytes: Int, into hand: (Markup) -> Void) {
        guard markup.byteCount >= bytes else { return }
        hand(markup)
        markup = .empty
    }

    /// The whole table (after `flush`, what is left of it); the rows are not copied.
    consuming func render() -> Markup {
        if !opened { open() }
        markup += """
            </tbody>
            </table>
            </div>

            """
        return markup
    }

    /// The opening tags, the caption and the head, up to `<tbody>`.
    private mutating func open() {
        opened = true
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
        markup = """
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="\(id)-caption">
            <table id="\(id)">
            <caption id="\(id)-caption">\(caption)</caption>
            <thead>
            \(head)</thead>
            <tbody>

            """
    }
}
