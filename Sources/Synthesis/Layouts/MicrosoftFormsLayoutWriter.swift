/// Microsoft Forms responses opened in Excel and saved by a German Excel as
/// "CSV (Trennzeichen-getrennt)", like `Fixtures/exports/microsoft-forms.csv`: Windows-1252
/// (a character the code page lacks becomes `_`: `_ukasz`, `Nguy_n`), `;`-separated, CRLF,
/// `ID;Start time;Completion time;Email;Name;Last modified time` first, dates as
/// `23.06.2025 10:13` (Berlin), Likert columns headed by the statement alone, a multi-select
/// joined with `;` and a trailing `;`, and "Job level" last, where Forms' column-order bug can
/// put it. The first responses came in while the form still accepted anonymous answers.
struct MicrosoftFormsLayoutWriter: LayoutWriter {
    let dialect = CSVDialect(delimiter: UInt8(ascii: ";"), encoding: .windows1252)
    let text: EncodedText
    let calendar: SurveyCalendar
    private let anonymous: [UInt8]
    /// The multi-select's cell for each set of ticked choices (bits 0–2) and "Other" text
    /// (index 0 when "Other" is not ticked, else 1 + which text).
    private let learning: [[[UInt8]]]

    /// Responses before the form was switched to named answers.
    static let anonymousResponses = 3
    static let learningQuestion = "What\u{2019}s the best way for you to learn a new tool?"

    init(rows: Int) {
        let dialect = self.dialect
        text = EncodedText(dialect: dialect)
        calendar = SurveyCalendar(rows: rows)
        anonymous = dialect.field("anonymous")
        var learning: [[[UInt8]]] = []
        for ticked in 0..<8 {
            var cells: [[UInt8]] = []
            for other in [nil] + SurveyText.learningOther.map(Optional.some) {
                var chosen = SurveyText.learningChoices.enumerated().filter { ticked & (1 << $0.offset) != 0 }.map(
                    \.element)
                if let other { chosen.append(other) }
                cells.append(dialect.field(chosen.map { $0 + ";" }.joined()))
            }
            learning.append(cells)
        }
        self.learning = learning
    }

    static var headers: [String] {
        [
            "ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Employee ID", "Department",
            "Year of birth", "Line manager ID", "Office",
        ] + FamiliarityModel.tools.map(\.header)
            + [
                SurveyText.mentorQuestion, SurveyText.menteeQuestion, SurveyText.capacityQuestion, learningQuestion,
                SurveyText.commentQuestion, "Job level",
            ]
    }

    func writeHeader(_ out: OutputBuffer) {
        out.append(dialect.record(Self.headers))
    }

    func writePerson(_ person: inout Person, position: Int, out: OutputBuffer) {
        let completed = calendar.time(of: position)
        let started = completed - NetworkAddresses.duration(&person.draws)
        var row = RecordWriter(out: out, dialect: dialect)
        row.number(position + 1)
        row.open()
        Timestamp(started, offsetHours: 2).writeGerman(out)
        row.close()
        row.open()
        Timestamp(completed, offsetHours: 2).writeGerman(out)
        row.close()
        if position < Self.anonymousResponses {
            row.field(anonymous)
            row.empty()
            row.empty()
        } else {
            row.email(person, text)
            row.displayName(person, text)
            if person.draws.chance(0.03) {
                row.open()
                Timestamp(completed + 7200 + person.draws.below(70 * 3600), offsetHours: 2).writeGerman(out)
                row.close()
            } else {
                row.empty()
            }
        }
        row.employeeID(person.employeeNumber)
        row.field(text.departments[person.department])
        row.number(person.birthYear)
        row.managerID(person)
        row.field(text.offices[person.office])
        for score in person.scores { row.answer(score, text, asLabel: true) }
        row.optIn(person.willingToMentor, text)
        row.optIn(person.wantsMentor, text)
        row.capacity(person)
        let other = person.learningChoices & 0b1000 != 0 ? 1 + person.learningOther : 0
        row.field(learning[Int(person.learningChoices & 0b111)][other])
        row.field(text.comments[person.comment])
        row.level(person.level)
        row.end()
    }
}
