import Foundation
import Testing

@testable import Analysis
@testable import Ingest
@testable import Pairing
@testable import Reports

@Suite("HTML report: pairs, coverage, change and the cases without them")
struct HTMLSectionTests {
    static let run = HTMLTestSupport.sample
    static let plan = HTMLTestSupport.plan(run)
    static let page = HTMLReport.render(run.context(plan: plan))

    @Test("every pair with what the mentor will teach, best first, and mutual pairs marked")
    func pairs() throws {
        let table = try #require(HTMLScanner.element(Self.page, tag: "table", id: "table-pairs"))
        #expect(table.components(separatedBy: "<tr").count - 2 == Self.plan.pairs.count)
        let mutual = Self.plan.pairs.filter(\.isMutual)
        #expect(!mutual.isEmpty)
        #expect(table.components(separatedBy: "<tr class=\"mutual\">").count - 1 == mutual.count)
        #expect(table.components(separatedBy: "⇄ Mutual</span> learns back: ").count - 1 == mutual.count)
        // The mentee (4) teaches the mentor (1) back: the teacher's score first.
        #expect(table.contains("learns back: Canva <span class=\"meta\">4 → 1</span>"))
        for pair in Self.plan.pairs {
            let teach = pair.tools.map { item in
                "<li>\(HTMLEscaping.escape(Self.run.analysis.tools[item.tool].name)) <span class=\"meta\">\(item.mentorScore) → \(item.menteeScore)</span></li>"
            }
            #expect(table.contains("<ul class=\"teach\">" + teach.joined() + "</ul>"))
            #expect(table.contains(HTMLEscaping.escape(pair.mentor.name ?? pair.mentor.id)))
            #expect(table.contains(HTMLEscaping.escape(pair.mentee.name ?? pair.mentee.id)))
        }
        #expect(
            Self.page.contains(
                "<caption id=\"table-pairs-caption\">Proposed pairs (4, 1 mutual), by mentee id</caption>"))
    }

    @Test("unpaired mentees with the reason in words, and manager loops listed")
    func unpaired() throws {
        let table = try #require(HTMLScanner.element(Self.page, tag: "table", id: "table-unpaired"))
        #expect(table.components(separatedBy: "<tr").count - 2 == Self.plan.unpaired.count)
        #expect(table.contains("No candidate knows (3+) a tool they are low on."))
        #expect(
            table.contains("Every candidate is excluded (management chain, same department)."))
        #expect(table.contains("The mentors who could teach them are all taken."))
        let nothingToTeach = UnpairedMentee(
            person: Self.plan.unpaired[0].person, lowTools: [], reason: .noOneCanTeach)
        #expect(HTMLReport.reason(nothingToTeach).html == "Low on no tool: nothing to teach.")
        let cycle = try #require(Self.plan.managerCycles.first)
        #expect(Self.page.contains("<li>\(cycle[0]) → \(cycle[1]) → \(cycle[0])</li>"))
    }

    @Test("coverage per tool: a bar per tool someone is low on, and its table")
    func coverage() throws {
        let chart = try #require(HTMLScanner.element(Self.page, tag: "svg", id: "coverage-chart"))
        let low = Self.plan.coverage.filter { $0.menteesLow > 0 }
        for item in low {
            let share = NumberFormat.percent(Double(item.covered) / Double(item.menteesLow))
            #expect(chart.contains(">\(item.covered) of \(item.menteesLow) (\(share))</text>"))
        }
        let table = try #require(HTMLScanner.element(Self.page, tag: "table", id: "table-coverage"))
        #expect(table.components(separatedBy: "<tr").count - 2 == low.count)
        #expect(Self.page.contains("<p class=\"note\">No mentee is low on: "))
    }

    @Test("without a plan: the pairs and coverage sections say why, and nothing is made up")
    func noPlan() throws {
        let page = HTMLReport.render(Self.run.context())
        let pairs = try #require(HTMLScanner.element(page, tag: "section", id: "pairs"))
        #expect(pairs.contains("No pairs proposed: pairing did not run"))
        #expect(!page.contains("id=\"coverage-chart\""))
        #expect(!page.contains("table-pairs"))
        let findings = try #require(HTMLScanner.element(page, tag: "section", id: "findings"))
        #expect(findings.contains("No pairs proposed"))
        #expect(!findings.contains("Pairs proposed"))
    }

    @Test("findings never claim a band is not ahead when too few answers allow no comparison")
    func findingsWithoutComparisons() {
        let tiny = HTMLTestSupport.run([HTMLTestSupport.samplePath], minGroupSize: 1000)
        let sentence = "Junior and Senior cannot be compared on any tool: each tool has fewer than 1000 answers"
        #expect(HTMLReport.render(tiny.context()).contains(sentence))
        let text = TextReport.render(tiny.context()).split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        #expect(text.joined(separator: " ").contains(sentence))
        #expect(!TextReport.render(tiny.context()).contains("is not more familiar"))
    }

    @Test("a plan that pairs no one says so")
    func emptyPlan() throws {
        var plan = Self.plan
        plan.pairs = []
        plan.unpaired = []
        plan.coverage = plan.coverage.map { ToolCoverage(tool: $0.tool, menteesLow: 0, covered: 0) }
        plan.managerCycles = []
        let page = HTMLReport.render(Self.run.context(plan: plan))
        #expect(page.contains("No reverse-mentoring pairs could be proposed"))
        #expect(page.contains("<p>No pairs could be proposed.</p>"))
        #expect(page.contains("<p>No mentee candidate is low (0–1) on any tool.</p>"))
        #expect(!page.contains("<svg class=\"chart\" id=\"coverage-chart\""))
    }

    @Test("change since the previous run: a section only when there is one")
    func change() throws {
        #expect(!Self.page.contains("id=\"change\""))
        #expect(!Self.page.contains("href=\"#change\""))
        let page = HTMLReport.render(Self.run.context(plan: Self.plan, change: HTMLTestSupport.change(Self.run)))
        let section = try #require(HTMLScanner.element(page, tag: "section", id: "change"))
        #expect(
            section.contains(
                "Compared with the earlier run in reports/earlier/summary.json (generated 2025-01-01T00:00:00Z)"))
        let table = try #require(HTMLScanner.element(page, tag: "table", id: "table-change-gaps"))
        #expect(
            table.components(separatedBy: "<td class=\"num\">-0.30</td></tr>").count - 1
                == Self.run.analysis.headline.count)
        #expect(section.contains("<li>Tools only in the previous run: Myspace.</li>"))
        #expect(section.contains("<li>Bands only in the previous run: Myspace.</li>"))
        let cells = try #require(HTMLScanner.element(page, tag: "table", id: "table-change-cells"))
        #expect(
            cells.components(separatedBy: "</td><td class=\"num\">+0.25</td>").count - 1
                == Self.run.analysis.cells.joined().count)
    }

    @Test("when every figure is suppressed, no statistic is shown anywhere")
    func allSuppressed() throws {
        let run = HTMLTestSupport.run([HTMLTestSupport.samplePath], minGroupSize: 1000)
        let page = HTMLReport.render(run.context())
        let heatmap = try #require(HTMLScanner.element(page, tag: "svg", id: "heatmap-chart"))
        #expect(heatmap.components(separatedBy: ">n&lt;1000</text>").count - 1 == run.analysis.cells.joined().count)
        #expect(heatmap.firstMatch(of: />[^<]*[0-9]\.[0-9]/) == nil)
        for position in run.analysis.tools.indices {
            let chart = try #require(HTMLScanner.element(page, tag: "svg", id: "distribution-\(position)-chart"))
            #expect(chart.components(separatedBy: "<rect ").count == 1)
            #expect(!chart.contains("class=\"small\">"))
        }
        let gaps = try #require(HTMLScanner.element(page, tag: "svg", id: "gaps-chart"))
        #expect(!gaps.contains("<circle"))
        for id in ["findings", "heatmap", "distributions", "gaps"] {
            let section = try #require(HTMLScanner.element(page, tag: "section", id: id))
            let withoutAxes = section.replacingOccurrences(of: "0.05", with: "")
            #expect(withoutAxes.firstMatch(of: /[0-9]\.[0-9][0-9]/) == nil, "\(id) shows a statistic")
            #expect(withoutAxes.firstMatch(of: /[1-9][0-9]?%</) == nil || id == "distributions", "\(id) shows a share")
        }
        #expect(page.contains("are hidden (marked n&lt;1000)"))
    }

    @Test("one band: no gap to measure, said plainly")
    func oneBand() throws {
        var csv = "Employee ID,Band,TikTok,Slack\n"
        for index in 0..<8 { csv += "E\(index),Senior,\(index % 5),\(4 - index % 5)\n" }
        let run = HTMLTestSupport.run([try HTMLTestSupport.temporaryFile(csv, name: "one-band.csv")])
        #expect(run.survey.bands.count == 1)
        let page = HTMLReport.render(run.context())
        #expect(page.contains("Only one band: there is no gap between generations to measure."))
        #expect(!page.contains("id=\"gaps-chart\""))
        #expect(page.contains("id=\"heatmap-chart\""))
    }
}
