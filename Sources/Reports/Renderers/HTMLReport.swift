import Analysis
import Ingest
import Pairing

/// The HTML report (`report.html`): one self-contained page (inline CSS and SVG, no script, no
/// URL of any kind) for managers. Findings first; then the band × tool heatmap, the score
/// distributions as diverging stacked bars, the ranked gaps with their intervals, the pairs with
/// what each will teach, coverage, change since the previous run, and the data-quality appendix.
///
/// Every chart has `role="img"`, a title, a description and a table equivalent. Every value that
/// came from the input is escaped: the page is built from `Markup`, into which a `String` can only
/// be interpolated escaped, and ids are made from indexes, never from input text. The same
/// context gives byte-identical output.
package enum HTMLReport {
    package static func render(_ context: ReportContext) -> String {
        var sections = self.sections(context)
        let contents = sections.map { section -> Markup in
            "<li><a href=\"#\(section.id)\">\(section.title)</a></li>"
        }
        let inputs = context.survey.inputs.map(\.name).joined(separator: ", ")
        var generated = Markup.empty
        if let generatedAt = context.generatedAt { generated = "<p class=\"meta\">Generated \(generatedAt)</p>\n" }
        var page: Markup = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="genbridge">
            <title>genbridge report: \(inputs)</title>
            <style>
            \(HTMLStyles.css)
            </style>
            </head>
            <body>
            <header class="page-header">
            <h1>Reverse mentoring: who knows which tools</h1>
            <p class="meta">Survey: \(inputs)</p>
            \(generated)<nav class="toc" aria-label="Contents">
            <ol>
            \(contents.joined(separator: "\n"))
            </ol>
            </nav>
            </header>
            <main>

            """
        // The sections go in one by one, each let go once in: on a large survey the pairs section
        // alone is tens of megabytes, and a page grown by doubling, or built from copies of the
        // sections, would hold it several times over.
        page.reserveCapacity(page.byteCount + sections.reduce(0) { $0 + $1.body.byteCount + 256 } + 4_096)
        for index in sections.indices {
            let body = sections[index].body
            sections[index].body = .empty
            appendSection(sections[index].id, sections[index].title, body, to: &page)
        }
        page += """

            </main>
            <footer class="page-footer">
            <p class="meta">Made by genbridge. Figures resting on fewer than \(context.analysis.options.minGroupSize) \
            answers are hidden and marked \(context.suppressedMarker).</p>
            </footer>
            </body>
            </html>

            """
        return page.html
    }

    /// One `<section>` of the page with its id (fixed words) and its title for the contents.
    struct Section {
        var id: String
        var title: String
        var body: Markup
    }

    static func sections(_ context: ReportContext) -> [Section] {
        var sections = [
            Section(id: "findings", title: "Findings", body: findings(context)),
            Section(id: "bands", title: "Bands", body: bands(context)),
            Section(id: "heatmap", title: "Familiarity by band", body: heatmap(context)),
            Section(id: "distributions", title: "Score distributions", body: distributions(context)),
            Section(id: "gaps", title: "Gaps", body: gaps(context)),
            Section(id: "pairs", title: "Pairs", body: pairs(context)),
            Section(id: "coverage", title: "Coverage", body: coverage(context)),
        ]
        if context.change != nil {
            sections.append(Section(id: "change", title: "Change", body: change(context)))
        }
        sections.append(Section(id: "data-quality", title: "Data quality", body: dataQuality(context)))
        return sections
    }

    /// `<section id="…"><h2>…</h2>…</section>`, appended to `page` (the body is not copied twice).
    static func appendSection(_ id: String, _ title: String, _ body: Markup, to page: inout Markup) {
        page += """
            <section id="\(id)" aria-labelledby="\(id)-heading">
            <h2 id="\(id)-heading">\(title)</h2>

            """
        page += body
        page += "</section>\n"
    }

    /// A chart in a figure, with its caption and its table equivalent in a `<details>`.
    static func figure(
        id: String, chart: SVGChart, className: String, caption: Markup, table: HTMLTable, summary: String
    ) -> Markup {
        """
        <figure id="\(id)" class="\(className)">
        <figcaption>\(caption)</figcaption>
        \(chart.render())<details>
        <summary>\(summary)</summary>
        \(table.render())</details>
        </figure>

        """
    }

    // MARK: - Shared wording

    /// The band names, in order, as `Junior, Mid and Senior`.
    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: ""
        case 1: names[0]
        default: names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
    }

    static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : (pluralForm ?? singular + "s"))
    }

    /// `n<5` in the style of a suppressed figure.
    static func suppressed(_ context: ReportContext) -> Markup {
        "<span class=\"suppressed\">\(context.suppressedMarker)</span>"
    }

    /// A share as a percentage, `—` when missing.
    static func percent(_ value: Double?) -> Markup {
        value.map { Markup(text: NumberFormat.percent($0)) } ?? "—"
    }

    static func fixed(_ value: Double?, _ decimals: Int) -> Markup {
        value.map { Markup(text: NumberFormat.fixed($0, decimals)) } ?? "—"
    }

    static func signed(_ value: Double?, _ decimals: Int) -> Markup {
        value.map { Markup(text: NumberFormat.signed($0, decimals)) } ?? "—"
    }

    static func probability(_ value: Double?) -> Markup {
        value.map { Markup(text: NumberFormat.probability($0)) } ?? "—"
    }

    /// The words for a score of the familiarity scale.
    static let scoreWords = ["never used", "aware, not used", "beginner", "confident", "expert"]
}
