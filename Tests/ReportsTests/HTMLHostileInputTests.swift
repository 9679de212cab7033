import Foundation
import Testing

@testable import Analysis
@testable import Ingest
@testable import Pairing
@testable import Reports

/// The hostile fixture puts `<script>`, `onerror=`, `"><svg onload=…>`, `javascript:` and `&`
/// payloads into names, ids, departments, locations, headers, answers; the page must show them as
/// text and nothing else.
@Suite("HTML report: hostile input stays inert text")
struct HTMLHostileInputTests {
    static let run = HTMLTestSupport.hostile
    static let plan = HTMLTestSupport.plan(run)
    static let page = HTMLReport.render(
        run.context(
            plan: plan,
            change: HTMLTestSupport.change(
                run, source: "<script>alert('source')</script>.json", extraName: "\"><img src=q onerror=alert(2)>"),
            generatedAt: "<b onmouseover=alert(3)>now</b>"))
    static let tags = HTMLScanner.tags(page)

    /// Elements and attributes the report writes; anything else was injected.
    static let elements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "nav", "main", "footer", "section", "h1", "h2",
        "h3",
        "p", "ol", "ul", "li", "a", "dl", "dt", "dd", "div", "span", "small", "strong", "code", "bdi", "figure",
        "figcaption", "details", "summary", "table", "caption", "thead", "tbody", "tr", "th", "td", "svg", "desc",
        "defs",
        "pattern", "rect", "line", "text", "circle",
    ]
    static let attributes: Set<String> = [
        "lang", "charset", "name", "content", "class", "id", "href", "aria-label", "aria-labelledby", "role",
        "tabindex",
        "scope", "colspan", "style", "viewbox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
        "fill", "stroke", "stroke-width", "text-anchor", "patternunits", "patterntransform",
    ]

    @Test("the fixture is as hostile as intended: every payload kind reaches the report stages")
    func fixture() {
        let survey = Self.run.survey
        #expect(survey.rowsRead >= 40)
        #expect(survey.bands.count == 3)
        #expect(Self.run.analysis.suppressedCells > 0)
        #expect(!survey.rejections.isEmpty)
        #expect(survey.invalidAnswerExamples.contains { $0.text.contains("<script>") })
        #expect(survey.warnings.contains { $0.contains("onerror=") })
        let texts = Self.run.respondents.flatMap { [$0.id, $0.name ?? "", $0.department ?? "", $0.site ?? ""] }
        for payload in ["<script>", "onerror=", "\"><svg onload=", "javascript:", "&"] {
            #expect(texts.contains { $0.contains(payload) }, "no value holds \(payload)")
        }
    }

    @Test("only the report's own elements and attributes: no script, no event handler, no URL")
    func onlyOwnMarkup() {
        for tag in Self.tags {
            #expect(Self.elements.contains(tag.name), "element <\(tag.name)>")
            for attribute in tag.attributes {
                #expect(Self.attributes.contains(attribute.name), "<\(tag.name)> attribute \(attribute.name)")
                #expect(!attribute.name.hasPrefix("on"))
            }
        }
        for raw in [
            "<script", "<img", "<iframe", "<svg onload", "<svg/onload", "<a href=\"javascript", "<link", "<body onload",
        ] {
            #expect(!Self.page.contains(raw), "raw \(raw)")
        }
    }

    @Test("no input text reaches an attribute: every attribute value is one the report makes")
    func attributeValues() {
        for tag in Self.tags {
            for attribute in tag.attributes {
                let value = attribute.value
                #expect(!value.contains { "<>\"'&".contains($0) }, "\(attribute.name)=\(value)")
                for word in ["script", "onerror", "onload", "javascript", "alert", "pwned", "evil"] {
                    #expect(!value.lowercased().contains(word), "\(attribute.name)=\(value)")
                }
                if attribute.name == "id" || attribute.name == "aria-labelledby" {
                    #expect(value.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == " " }, "\(value)")
                }
            }
        }
    }

    @Test("people's names, ids, departments and locations appear escaped, never raw")
    func people() {
        let people = Self.plan.pairs.flatMap { [$0.mentor, $0.mentee] } + Self.plan.unpaired.map(\.person)
        #expect(people.count >= 10)
        for person in people {
            for value in [person.id, person.name, person.department, person.location].compactMap({ $0 }) {
                #expect(Self.page.contains(HTMLEscaping.escape(value)), "\(value)")
                if value.contains(where: { "<>\"'".contains($0) }) {
                    #expect(!Self.page.contains(value), "raw \(value)")
                }
            }
        }
    }

    @Test("answers, header warnings, rejected ids, the earlier summary's name and the time appear escaped")
    func otherInputText() {
        let survey = Self.run.survey
        var values = survey.invalidAnswerExamples.map(\.text) + survey.warnings + survey.rejections.compactMap(\.id)
        values += [
            "<script>alert('source')</script>.json", "\"><img src=q onerror=alert(2)>",
            "<b onmouseover=alert(3)>now</b>",
        ]
        for value in values {
            #expect(Self.page.contains(HTMLEscaping.escape(value)), "\(value)")
            if value.contains(where: { "<>\"'".contains($0) }) { #expect(!Self.page.contains(value), "raw \(value)") }
        }
    }

    @Test("the suppressed cell shows the marker and no number, in the heatmap and its table")
    func suppressed() throws {
        let analysis = Self.run.analysis
        let chart = try #require(HTMLScanner.element(Self.page, tag: "svg", id: "heatmap-chart"))
        let hatched = chart.components(separatedBy: "fill=\"url(#heatmap-hatch)\"/>\n<text").count - 1
        #expect(hatched == analysis.suppressedCells)
        #expect(chart.components(separatedBy: ">n&lt;5</text>").count - 1 == analysis.suppressedCells)
        let values = chart.components(separatedBy: "class=\"value").count - 1 - analysis.bands.count
        #expect(values == analysis.cells.joined().count - analysis.suppressedCells)
        let table = try #require(HTMLScanner.element(Self.page, tag: "table", id: "table-heatmap"))
        for cell in analysis.cells.joined() where cell.suppressed {
            #expect(cell.mean == nil && cell.counts == nil)
            #expect(
                table.contains(
                    "<td class=\"num\"><span class=\"suppressed\">n&lt;5</span></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\">\(cell.n)</td>"
                ))
        }
        let distribution = try #require(
            HTMLScanner.element(
                Self.page, tag: "svg",
                id:
                    "distribution-\(HTMLReport.toolOrder(Self.run.context()).firstIndex { tool in analysis.cells.contains { $0[tool].suppressed } } ?? 0)-chart"
            ))
        #expect(distribution.contains(">n&lt;5: fewer than 5 answers</text>"))
    }

    @Test("band names and the file name from a hostile input are escaped everywhere, charts included")
    func hostileBandsAndFileName() throws {
        let bands = ["<script>alert(1)</script>", "\"><svg onload=alert(1)>", "Mid & 'Co'"]
        var csv = "Employee ID,Name,Band,TikTok,Slack\n"
        for index in 0..<18 {
            csv +=
                "E\(index),Person \(index),\"\(bands[index % 3].replacingOccurrences(of: "\"", with: "\"\""))\",\(index % 5),\((index + 2) % 5)\n"
        }
        let path = try HTMLTestSupport.temporaryFile(csv, name: "a<b>&\"c'.csv")
        let run = HTMLTestSupport.run([path])
        #expect(Set(run.survey.bands.map(\.name)) == Set(bands))
        let page = HTMLReport.render(run.context(plan: HTMLTestSupport.plan(run)))
        for value in bands + [path] {
            #expect(page.contains(HTMLEscaping.escape(value)), "\(value)")
            #expect(!page.contains(value), "raw \(value)")
        }
        let gaps = try #require(HTMLScanner.element(page, tag: "svg", id: "gaps-chart"))
        for band in [run.survey.bands.first, run.survey.bands.last].compactMap({ $0 }) {
            #expect(gaps.contains(HTMLEscaping.escape(band.name)))
        }
        for tag in HTMLScanner.tags(page) {
            #expect(Self.elements.contains(tag.name), "element <\(tag.name)>")
            #expect(!tag.attributes.contains { $0.name.hasPrefix("on") })
        }
    }

    @Test("the hostile page renders byte-identically twice")
    func deterministic() {
        let again = HTMLReport.render(
            Self.run.context(
                plan: Self.plan,
                change: HTMLTestSupport.change(
                    Self.run, source: "<script>alert('source')</script>.json",
                    extraName: "\"><img src=q onerror=alert(2)>"),
                generatedAt: "<b onmouseover=alert(3)>now</b>"))
        #expect(again == Self.page)
    }
}
