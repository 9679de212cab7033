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
    /// The page as one string (tests, small surveys).
    package static func render(_ context: ReportContext) -> String {
        var page: [UInt8] = []
        write(context) { page.append(contentsOf: $0) }
        return String(decoding: page, as: UTF8.self)
    }

    /// The page, handed to `emit` a section at a time: each section is made, handed over and let
    /// go before the next is made, so the page is never held whole (on the 1,000,000-row survey
    /// it is 75 MB, the pairs section 60 MB of it).
    package static func write(_ context: ReportContext, to emit: (UnsafeRawBufferPointer) -> Void) {
        func hand(_ markup: Markup) {
            var html = markup.html
            html.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        }
        let sections = self.sections(context)
        let contents = sections.map { section -> Markup in
            "<li><a href=\"#\(section.id)\">\(section.title)</a></li>"
        }
        let inputs = context.survey.inputs.map(\.name).joined(separator: ", ")
        var generated = Markup.empty
        if let generatedAt = context.generatedAt { generated = "<p class=\"meta\">Generated \(generatedAt)</p>\n" }
        hand(
            """
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

            """)
        for section in sections {
            hand(
                """
                <section id="\(section.id)" aria-labelledby="\(section.id)-heading">
                <h2 id="\(section.id)-heading">\(section.title)</h2>

                """)
            section.write(hand)
            hand("</section>\n")
        }
        hand(
            """

            </main>
            <footer class="page-footer">
            <p class="meta">Made by genbridge. Figures resting on fewer than \(context.analysis.options.minGroupSize) \
            answers are hidden and marked \(context.suppressedMarker).</p>
            </footer>
            </body>
            </html>

            """)
    }

    /// One `<section>` of the page with its id (fixed words), its title for the contents, and
    /// what writes its body, a piece at a time, when the section is written.
    struct Section {
        var id: String
        var title: String
        var write: (_ hand: (Markup) -> Void) -> Void
    }

    static func sections(_ context: ReportContext) -> [Section] {
        var sections = [
            Section(id: "findings", title: "Findings") { $0(findings(context)) },
            Section(id: "bands", title: "Bands") { $0(bands(context)) },
            Section(id: "heatmap", title: "Familiarity by band") { $0(heatmap(context)) },
            Section(id: "distributions", title: "Score distributions") { $0(distributions(context)) },
            Section(id: "gaps", title: "Gaps") { $0(gaps(context)) },
            Section(id: "pairs", title: "Pairs") { pairs(context, to: $0) },
            Section(id: "coverage", title: "Coverage") { $0(coverage(context)) },
        ]
        if context.change != nil {
            sections.append(Section(id: "change", title: "Change") { $0(change(context)) })
        }
        sections.append(Section(id: "data-quality", title: "Data quality") { $0(dataQuality(context)) })
        return sections
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
