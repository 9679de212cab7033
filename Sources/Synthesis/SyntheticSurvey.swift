import FileOutput
import Ingest

/// A realistic synthetic staff survey in one of genbridge's input layouts (SPEC §1 `generate`,
/// §2 layouts): a management hierarchy, departments, levels L1–L8, birth years, offices,
/// mentoring opt-ins and familiarity 0–4 with thirteen tools, with the blanks, odd names, quoted
/// line breaks and (for Qualtrics) excluded responses real exports have.
///
/// The same rows, seed and layout give the same bytes. Rows are streamed: each is drawn from the
/// seed and its number alone (see `Population`) and written into a reusable buffer, so memory
/// stays constant however many rows are asked for.
package struct SyntheticSurvey: Sendable {
    package static let defaultRows = 150
    /// The most rows one run writes (employee and row numbers stay well inside 32 bits).
    package static let maximumRows = 100_000_000

    package let rows: Int
    package let seed: UInt64
    package let layout: SurveyLayout
    let plan: RowPlan
    let population: Population

    /// `rows` data rows (at least 1) in `layout`.
    package init(rows: Int, seed: UInt64, layout: SurveyLayout) {
        precondition((1...Self.maximumRows).contains(rows), "rows must be in 1...\(Self.maximumRows)")
        self.rows = rows
        self.seed = seed
        self.layout = layout
        plan = RowPlan(rows: rows, seed: seed, hasExcludedRows: layout == .qualtrics)
        population = Population(size: plan.people, seed: seed)
    }

    /// How many records come before the data rows.
    package var headerRecords: Int {
        switch layout {
        case .generic, .googleForms, .microsoftForms: 1
        case .surveymonkey: 2
        case .qualtrics: 3
        }
    }

    /// Data rows that hold a response genbridge excludes (Qualtrics previews, tests, spam,
    /// unfinished attempts); the other rows are people.
    package var excludedRows: Int { plan.excludedRows }

    /// Writes the whole survey into `out` and hands the last bytes to its sink.
    package func write(to out: OutputBuffer) throws(OutputError) {
        switch layout {
        case .generic: run(GenericLayoutWriter(), out: out)
        case .qualtrics: run(QualtricsLayoutWriter(seed: seed, rows: rows), out: out)
        case .surveymonkey: run(SurveyMonkeyLayoutWriter(rows: rows), out: out)
        case .googleForms: run(GoogleFormsLayoutWriter(rows: rows), out: out)
        case .microsoftForms: run(MicrosoftFormsLayoutWriter(rows: rows), out: out)
        }
        try out.finish()
    }

    /// Writes the whole survey to `sink` in chunks of about 1 MiB.
    package func write(chunkSize: Int = 1 << 20, to sink: @escaping OutputBuffer.Sink) throws(OutputError) {
        try write(to: OutputBuffer(capacity: chunkSize, sink: sink))
    }

    private func run(_ writer: some LayoutWriter, out: OutputBuffer) {
        writer.writeHeader(out)
        var person = Person(toolCount: population.familiarity.toolCount)
        let order = IndexPermutation(count: population.size, seed: seed, purpose: 3)
        for position in 0..<rows {
            if out.failed { return }
            switch plan.slot(of: position) {
            case .person(let slot):
                population.draw(order(slot), into: &person)
                writer.writePerson(&person, position: position, out: out)
            case .excluded(let block, let nextSlot):
                population.draw(order(min(nextSlot, population.size - 1)), into: &person)
                let kind = ExcludedResponse(block: block, seed: seed)
                writer.writeExcluded(kind, person: &person, position: position, out: out)
            }
        }
    }
}

/// Writes one layout: its header records, then one row per person or excluded response.
protocol LayoutWriter {
    func writeHeader(_ out: OutputBuffer)
    func writePerson(_ person: inout Person, position: Int, out: OutputBuffer)
    /// Only layouts with excluded rows (Qualtrics) are asked for them. `person` is the person of
    /// the next row, whose earlier, unfinished attempt this may be.
    func writeExcluded(_ kind: ExcludedResponse, person: inout Person, position: Int, out: OutputBuffer)
}

extension LayoutWriter {
    func writeExcluded(_ kind: ExcludedResponse, person: inout Person, position: Int, out: OutputBuffer) {
        writePerson(&person, position: position, out: out)
    }
}

/// A Qualtrics response that is not a real one, which genbridge must exclude and count.
enum ExcludedResponse: CaseIterable {
    case surveyPreview, surveyTest, spam, offlineSurveyPreview, unfinished

    /// The kind of block `block`'s excluded row: the survey author's preview first, then mostly
    /// unfinished attempts.
    init(block: Int, seed: UInt64) {
        guard block > 0 else {
            self = .surveyPreview
            return
        }
        let value = Mix.hash(seed, 0xE5C1, UInt64(block)) % 100
        self =
            switch value {
            case 0..<55: .unfinished
            case 55..<72: .surveyPreview
            case 72..<82: .surveyTest
            case 82..<95: .spam
            default: .offlineSurveyPreview
            }
    }
}
