import Foundation
import Testing

@testable import Analysis
@testable import Ingest
@testable import Pairing
@testable import Reports

@Suite("HTML report: a self-contained, accessible page")
struct HTMLReportTests {
    static let run = HTMLTestSupport.sample
    static let page = HTMLReport.render(
        run.context(plan: HTMLTestSupport.plan(run), change: HTMLTestSupport.change(run)))
    static let tags = HTMLScanner.tags(page)

    @Test("a valid HTML5 skeleton: doctype, language, charset, viewport, title")
    func skeleton() {
        let page = Self.page
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(page.contains("<title>genbridge report: \(HTMLEscaping.escape(HTMLTestSupport.samplePath))</title>"))
        #expect(page.hasSuffix("</body>\n</html>\n"))
        #expect(Self.tags.filter { $0.name == "h1" && !$0.closing }.count == 1)
    }

    @Test("every section is there, findings first")
    func sections() throws {
        let ids = [
            "findings", "bands", "heatmap", "distributions", "gaps", "pairs", "coverage", "change", "data-quality",
        ]
        var previous = Self.page.startIndex
        for id in ids {
            let range = try #require(Self.page.range(of: "<section id=\"\(id)\""), "section \(id)")
            #expect(range.lowerBound > previous, "section \(id) out of order")
            previous = range.lowerBound
            #expect(Self.page.contains("<a href=\"#\(id)\">"), "contents link to \(id)")
        }
    }

    @Test("no URL of any kind: no src, only fragment links, no url() but the hatch pattern, no script")
    func selfContained() {
        for tag in Self.tags where !tag.closing {
            #expect(tag.attribute("src") == nil, "\(tag.name) has src")
            if let href = tag.attribute("href") { #expect(href.hasPrefix("#"), "href \(href)") }
            for attribute in tag.attributes {
                #expect(!attribute.value.contains("//"), "\(tag.name) \(attribute.name)=\(attribute.value)")
                #expect(!attribute.value.lowercased().contains("javascript:"))
            }
        }
        #expect(!Self.page.contains("http:"))
        #expect(!Self.page.contains("https:"))
        #expect(!Self.page.contains("@import"))
        let urls = Self.page.components(separatedBy: "url(").dropFirst()
        #expect(!urls.isEmpty)
        for url in urls { #expect(url.hasPrefix("#heatmap-hatch)")) }
        #expect(
            !Self.tags.contains { ["script", "link", "img", "iframe", "object", "embed", "base"].contains($0.name) })
    }

    @Test("fragment links and aria references point at ids that exist; ids are unique")
    func references() {
        let ids = Self.tags.compactMap { $0.attribute("id") }
        #expect(Set(ids).count == ids.count, "duplicate ids")
        let known = Set(ids)
        for tag in Self.tags {
            if let href = tag.attribute("href") { #expect(known.contains(String(href.dropFirst())), "\(href)") }
            for reference in (tag.attribute("aria-labelledby") ?? "").split(separator: " ") {
                #expect(known.contains(String(reference)), "aria-labelledby \(reference)")
            }
        }
    }

    @Test("every chart is an img with a title and a description, and has a table equivalent")
    func charts() throws {
        let svgs = Self.tags.filter { $0.name == "svg" && !$0.closing }
        #expect(svgs.count == 3 + Self.run.analysis.tools.count)  // heatmap, gaps, coverage, one per tool
        for svg in svgs {
            let id = try #require(svg.attribute("id"))
            #expect(svg.attribute("role") == "img")
            #expect(svg.attribute("aria-labelledby") == "\(id)-title \(id)-desc")
            #expect(svg.attribute("viewbox") != nil)
            let markup = try #require(HTMLScanner.element(Self.page, tag: "svg", id: id))
            #expect(markup.contains("<title id=\"\(id)-title\">"))
            #expect(markup.contains("<desc id=\"\(id)-desc\">"))
        }
        // Each chart sits in a figure that also holds its table.
        let figures = Self.tags.filter { $0.name == "figure" && !$0.closing }.compactMap { $0.attribute("id") }
        var withChart = 0
        for id in figures {
            let markup = try #require(HTMLScanner.element(Self.page, tag: "figure", id: id))
            if markup.contains("<svg ") {
                withChart += 1
                #expect(markup.contains("<table "), "figure \(id) has no table")
            }
        }
        #expect(withChart == svgs.count)
    }

    @Test("tables have a caption first and every header cell has a scope")
    func tables() throws {
        var tableCount = 0
        for (index, tag) in Self.tags.enumerated() where tag.name == "table" && !tag.closing {
            tableCount += 1
            #expect(Self.tags[index + 1].name == "caption")
        }
        #expect(tableCount >= 10)
        for tag in Self.tags where tag.name == "th" && !tag.closing {
            #expect(["col", "row", "colgroup"].contains(tag.attribute("scope") ?? ""))
        }
        // Scrolling table regions can take the keyboard's focus and are named by their caption.
        for tag in Self.tags where tag.attribute("class") == "table-scroll" {
            #expect(tag.attribute("tabindex") == "0")
            #expect(tag.attribute("role") == "region")
        }
    }

    @Test("a phone- and print-friendly style sheet, and nothing but system fonts")
    func styles() {
        #expect(Self.page.contains("@media print"))
        #expect(Self.page.contains("print-color-adjust: exact"))
        #expect(Self.page.contains("break-inside: avoid"))
        #expect(Self.page.contains("@media (max-width: 40rem)"))
        #expect(Self.page.contains("overflow-x: auto"))
        #expect(!Self.page.contains("@font-face"))
    }

    @Test("the same context renders byte-identical pages, and so does a fresh run of every stage")
    func deterministic() {
        let run = Self.run
        let context = run.context(plan: HTMLTestSupport.plan(run), change: HTMLTestSupport.change(run))
        #expect(HTMLReport.render(context) == Self.page)
        let again = HTMLTestSupport.run([HTMLTestSupport.samplePath])
        #expect(
            HTMLReport.render(again.context(plan: HTMLTestSupport.plan(again), change: HTMLTestSupport.change(again)))
                == Self.page)
    }

    @Test("no time on the page unless the context carries one")
    func generatedAt() {
        #expect(!Self.page.contains("Generated"))
        let stamped = HTMLReport.render(Self.run.context(generatedAt: "2026-06-01T12:00:00Z <b>"))
        #expect(stamped.contains("<p class=\"meta\">Generated 2026-06-01T12:00:00Z &lt;b&gt;</p>"))
    }

    @Test("findings in plain words match the text report's")
    func findings() throws {
        let text = TextReport.render(Self.run.context())
        let analysis = Self.run.analysis
        let junior = try #require(analysis.bands.first).band.name
        let senior = try #require(analysis.bands.last).band.name
        let findings = try #require(HTMLScanner.element(Self.page, tag: "section", id: "findings"))
        let shown = analysis.headline.filter { ($0.meanDifference ?? 0) > 0 && !$0.suppressed }.prefix(3)
        #expect(!shown.isEmpty)
        for gap in shown {
            let tool = analysis.tools[gap.tool].name
            let difference = NumberFormat.fixed(try #require(gap.meanDifference), 2)
            #expect(text.contains("\(tool): \(junior) ahead of \(senior) by \(difference) points"))
            #expect(findings.contains("<strong>\(tool)</strong>: \(junior) ahead of \(senior) by \(difference) points"))
        }
        #expect(findings.contains("\(Self.run.survey.rowsUsed) of \(Self.run.survey.rowsRead) responses used"))
        #expect(findings.contains("<strong>4 reverse-mentoring pairs</strong> proposed"))
        #expect(findings.contains("1 pair is mutual"))
        #expect(findings.contains("Coverage: of 17 cases of a mentee low on a tool (score 0 or 1), 8 (47%)"))
        #expect(findings.contains("Since the previous run (reports/earlier/summary.json), the largest change"))
    }

    @Test("the heatmap prints every unsuppressed mean, coloured by its class")
    func heatmap() throws {
        let chart = try #require(HTMLScanner.element(Self.page, tag: "svg", id: "heatmap-chart"))
        let analysis = Self.run.analysis
        for cell in analysis.cells.joined() {
            let mean = try #require(cell.mean)
            let colour = HTMLPalette.heat[HTMLPalette.heatClass(mean)]
            #expect(chart.contains("fill=\"\(colour)\""))
            #expect(chart.contains(">\(NumberFormat.fixed(mean, 2))</text>"))
        }
    }

    @Test("diverging bars: each band's bar starts where its low share and half the neutral share end")
    func distributions() throws {
        let analysis = Self.run.analysis
        let tool = try #require(analysis.headline.first).tool
        let chart = try #require(HTMLScanner.element(Self.page, tag: "svg", id: "distribution-0-chart"))
        #expect(
            chart.contains(
                "<title id=\"distribution-0-chart-title\">\(analysis.tools[tool].name): score distribution by band</title>"
            ))
        for cell in analysis.cells.map({ $0[tool] }) {
            let counts = try #require(cell.counts)
            let shares = counts.map { Double($0) / Double(cell.n) }
            let start = HTMLReport.likertCentre - (shares[0] + shares[1] + shares[2] / 2) * HTMLReport.likertHalfWidth
            let first = try #require(shares.firstIndex { $0 > 0 })
            #expect(chart.contains("<rect x=\"\(SVGNumber.format(start))\""))
            #expect(chart.contains("fill=\"\(HTMLPalette.likert[first])\""))
        }
    }

    @Test("ranked gaps: one row per tool, the interval as a whisker, effect and q as text")
    func gaps() throws {
        let chart = try #require(HTMLScanner.element(Self.page, tag: "svg", id: "gaps-chart"))
        let analysis = Self.run.analysis
        #expect(
            chart.components(separatedBy: "<circle ").count - 1 == analysis.headline.filter { !$0.suppressed }.count)
        for gap in analysis.headline {
            guard let delta = gap.cliffsDelta, let magnitude = gap.magnitude, let q = gap.qValue else { continue }
            #expect(
                chart.contains(
                    ">\(NumberFormat.signed(delta, 2)) · \(magnitude.rawValue) · q \(HTMLEscaping.escape(NumberFormat.probability(q)))</text>"
                ))
        }
        let table = try #require(HTMLScanner.element(Self.page, tag: "table", id: "table-gaps"))
        for gap in analysis.headline {
            let interval = try #require(gap.interval)
            #expect(
                table.contains("[\(NumberFormat.signed(interval.lower, 2)), \(NumberFormat.signed(interval.upper, 2))]")
            )
        }
        // Three bands: every pair of bands in its own table.
        let all = try #require(HTMLScanner.element(Self.page, tag: "table", id: "table-gaps-all"))
        #expect(all.components(separatedBy: "<tr>").count - 2 == analysis.gaps.count)
    }
}
