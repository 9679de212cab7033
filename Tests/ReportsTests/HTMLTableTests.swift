import Testing

@testable import Reports

/// Tables as the HTML report writes them, whole or a piece at a time.
@Suite("HTML tables")
struct HTMLTableTests {
    static func table() -> HTMLTable {
        var table = HTMLTable(
            id: "table-test", caption: "Test \("<rows>")",
            columns: [.init("Name"), .init("Score", .number), .init("Note")])
        table.groups = [("", 1), ("Figures", 2)]
        return table
    }

    static func rows() -> [([Markup], String)] {
        (0..<500).map { index in
            (
                ["\("Person \(index) <&>")", "\(index)", "\(index % 3 == 0 ? "" : "note")"],
                index % 4 == 0 ? "mutual" : ""
            )
        }
    }

    @Test("a table handed over in pieces as it grows is, put together, the table made whole")
    func piecesMakeTheWhole() {
        var whole = Self.table()
        for (cells, rowClass) in Self.rows() { whole.append(cells, rowClass: rowClass) }
        let expected = whole.render().html
        for threshold in [1, 100, 10_000, 1 << 20] {
            var pieces: [String] = []
            var table = Self.table()
            for (cells, rowClass) in Self.rows() {
                table.append(cells, rowClass: rowClass)
                table.flush(ifOver: threshold) { pieces.append($0.html) }
            }
            pieces.append(table.render().html)
            #expect(pieces.joined() == expected, "threshold \(threshold)")
            #expect(threshold > 10_000 || pieces.count > 2)
        }
        #expect(expected.hasPrefix("<div class=\"table-scroll\""))
        #expect(expected.contains("<caption id=\"table-test-caption\">Test &lt;rows&gt;</caption>"))
        #expect(expected.contains("<th scope=\"colgroup\" colspan=\"2\">Figures</th>"))
        #expect(expected.contains("<tr class=\"mutual\"><th scope=\"row\">Person 0 &lt;&amp;&gt;</th>"))
        #expect(expected.hasSuffix("</tbody>\n</table>\n</div>\n"))
    }

    @Test("a table without rows still has its head and an empty body")
    func empty() {
        let html = Self.table().render().html
        #expect(html.contains("<thead>\n<tr><td></td><th scope=\"colgroup\" colspan=\"2\">Figures</th></tr>\n"))
        #expect(html.contains("<tbody>\n</tbody>\n</table>\n</div>\n"))
    }
}
