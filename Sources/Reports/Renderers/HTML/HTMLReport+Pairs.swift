import Analysis
import Ingest
import Pairing

extension HTMLReport {
    /// The tables' rows go to the page in pieces of about this size: a survey's pairs table can be
    /// tens of megabytes, and is never held whole.
    static let tablePiece = 1 << 20

    /// The proposed pairs with what each mentor will teach (mutual pairs marked), then the mentees
    /// left without a mentor and why, handed to `hand` a piece at a time.
    static func pairs(_ context: ReportContext, to hand: (Markup) -> Void) {
        guard let plan = context.plan else {
            hand("<p>No pairs proposed: pairing did not run (it needs at least two bands).</p>\n")
            return
        }
        let mentorBands = list(plan.mentorBands.map(context.bandName))
        let menteeBands = list(plan.menteeBands.map(context.bandName))
        let objective =
            plan.objective == "coverage"
            ? "as many mentees as possible get a mentor; among those plans, the most teaching"
            : "the most teaching (the highest total score)"
        var result: Markup = """
            <p>Mentors come from \(mentorBands) (\(plural(plan.mentorCandidates, "candidate"))), mentees from \
            \(menteeBands) (\(plural(plan.menteeCandidates, "candidate"))). A mentor can teach a tool they rate 3 or 4 \
            to a mentee who rates it 0 or 1. Plan: \(objective) (objective \(plan.objective), total score \
            \(NumberFormat.plain(plan.totalScore))).</p>

            """
        if context.survey.roles.contains(.manager) {
            result += "<p>No mentor is in their mentee’s management chain, as far as the manager column tells.</p>\n"
        }
        hand(result)
        if plan.pairs.isEmpty {
            hand("<p>No pairs could be proposed.</p>\n")
        } else {
            var table = HTMLTable(
                id: "table-pairs",
                caption:
                    "Proposed pairs (\(plan.pairs.count), \(plan.pairs.filter(\.isMutual).count) mutual), by mentee id",
                columns: [
                    .init("Mentee"), .init("Mentor"), .init("Will teach (mentor’s score → mentee’s)"),
                    .init("Score", .number), .init("Mutual (mentee’s score → mentor’s)"),
                ])
            for pair in plan.pairs {
                let teach = pair.tools.map { item -> Markup in
                    "<li>\(context.toolName(item.tool)) <span class=\"meta\">\(item.mentorScore) → \(item.menteeScore)</span></li>"
                }
                var mutual: Markup = "No"
                if pair.isMutual {
                    // In `teachesBack` the mentee teaches: `mentorScore` is the teacher's (the mentee's).
                    let back = pair.teachesBack.map { item -> Markup in
                        "\(context.toolName(item.tool)) <span class=\"meta\">\(item.mentorScore) → \(item.menteeScore)</span>"
                    }
                    mutual = "<span class=\"badge\">⇄ Mutual</span> learns back: \(back.joined(separator: ", "))"
                }
                table.append(
                    [
                        person(pair.mentee, context: context), person(pair.mentor, context: context),
                        "<ul class=\"teach\">\(teach)</ul>", "\(NumberFormat.plain(pair.score))", mutual,
                    ], rowClass: pair.isMutual ? "mutual" : "")
                table.flush(ifOver: tablePiece, into: hand)
            }
            hand(table.render())
        }
        if !plan.unpaired.isEmpty {
            hand("<h3>Mentees without a mentor</h3>\n")
            var table = HTMLTable(
                id: "table-unpaired", caption: "Mentees without a mentor (\(plan.unpaired.count)), by id",
                columns: [.init("Mentee"), .init("Low on (0–1)"), .init("Why no mentor")])
            for mentee in plan.unpaired {
                let tools = mentee.lowTools.map(context.toolName).joined(separator: ", ")
                table.append([
                    person(mentee.person, context: context), "\(tools.isEmpty ? "—" : tools)", reason(mentee),
                ])
                table.flush(ifOver: tablePiece, into: hand)
            }
            hand(table.render())
        }
        if !plan.managerCycles.isEmpty {
            let cycles = plan.managerCycles.map { cycle -> Markup in
                "<li>\((cycle + cycle.prefix(1)).joined(separator: " → "))</li>"
            }
            hand(
                """
                <p class="note">The manager data has cycles; management chains stop there:</p>
                <ul class="note">\(cycles)</ul>

                """)
        }
    }

    /// A person: name (or id), then id, band, department and location in small type, each value
    /// isolated (`<bdi>`) so that right-to-left text or a stray direction mark cannot reorder the rest.
    static func person(_ person: PersonSummary, context: ReportContext) -> Markup {
        var details: [Markup] = []
        if person.name != nil { details.append("id <bdi>\(person.id)</bdi>") }
        details.append("<bdi>\(context.bandName(person.band))</bdi>")
        if let department = person.department { details.append("<bdi>\(department)</bdi>") }
        if let location = person.location { details.append("<bdi>\(location)</bdi>") }
        return """
            <span class="person"><bdi>\(person.name ?? person.id)</bdi> \
            <span class="meta">\(details.joined(separator: " · "))</span></span>
            """
    }

    /// Why a mentee has no mentor, in the text report's words.
    static func reason(_ mentee: UnpairedMentee) -> Markup {
        switch mentee.reason {
        case .noOneCanTeach:
            return mentee.lowTools.isEmpty
                ? "Low on no tool: nothing to teach." : "No candidate knows (3+) a tool they are low on."
        case .everyCandidateExcluded(let rules):
            let words = rules.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }
            return "Every candidate is excluded (\(words.joined(separator: ", ")))."
        case .onlyUnweightedTools:
            return "Only tools weighted 0 could be taught to them: under the score objective no pair is made."
        case .capacityExhausted:
            return "The mentors who could teach them are all taken."
        }
    }

    /// Of the mentees low on each tool, how many got a mentor who will teach it.
    static func coverage(_ context: ReportContext) -> Markup {
        guard let plan = context.plan else {
            return "<p>No pairs proposed, so no coverage to show.</p>\n"
        }
        let rows = plan.coverage.filter { $0.menteesLow > 0 }
        let untouched = plan.coverage.filter { $0.menteesLow == 0 }.map { context.toolName($0.tool) }
        var result: Markup = ""
        if rows.isEmpty {
            result += "<p>No mentee candidate is low (0–1) on any tool.</p>\n"
        } else {
            let labelWidth = 108.0
            let barLeft = labelWidth + 8
            let barWidth = 190.0
            let rowHeight = 24.0
            let top = 8.0
            let height = top + Double(rows.count) * rowHeight + 6
            var body: Markup = ""
            var sentences: [String] = []
            for (index, item) in rows.enumerated() {
                let y = top + Double(index) * rowHeight
                let share = Double(item.covered) / Double(item.menteesLow)
                let name = context.toolName(item.tool)
                body += SVGChart.label(name, x: labelWidth, y: y + 16, limit: 15, anchor: "end")
                body +=
                    "<rect x=\"\(barLeft)\" y=\"\(y + 4)\" width=\"\(barWidth)\" height=\"16\" fill=\"\(HTMLPalette.track)\"/>\n"
                if share > 0 {
                    body +=
                        "<rect x=\"\(barLeft)\" y=\"\(y + 4)\" width=\"\(share * barWidth)\" height=\"16\" fill=\"\(HTMLPalette.juniorAhead)\"/>\n"
                }
                let text = "\(item.covered) of \(item.menteesLow) (\(NumberFormat.percent(share)))"
                body += SVGChart.label(text, x: barLeft + barWidth + 8, y: y + 16, className: "small")
                sentences.append("\(name): \(text)")
            }
            let chart = SVGChart(
                id: "coverage-chart", width: barLeft + barWidth + 120, height: height,
                title: "Coverage: mentees low on each tool who got a mentor for it",
                description: "Bar per tool: the share of mentees low (0–1) on the tool whose mentor will teach it. "
                    + sentences.joined(separator: "; ") + ".",
                body: body)
            var table = HTMLTable(
                id: "table-coverage", caption: "Coverage per tool",
                columns: [
                    .init("Tool"), .init("Mentees low on it", .number), .init("Got a mentor who teaches it", .number),
                    .init("Share", .number),
                ])
            for item in rows {
                table.append([
                    "\(context.toolName(item.tool))", "\(item.menteesLow)", "\(item.covered)",
                    "\(NumberFormat.percent(Double(item.covered) / Double(item.menteesLow)))",
                ])
            }
            let chartFigure = figure(
                id: "coverage-figure", chart: chart, className: "chart-coverage",
                caption: "Share of mentees low on each tool whose mentor will teach it.", table: table,
                summary: "Table: coverage per tool")
            result +=
                "<p>Of the mentees who rate a tool 0 or 1, how many got a mentor who will teach it.</p>\n" + chartFigure
        }
        if !untouched.isEmpty {
            result += "<p class=\"note\">No mentee is low on: \(untouched.joined(separator: ", ")).</p>\n"
        }
        return result
    }
}
