/// Google Forms "Download responses (.csv)", like `Fixtures/exports/google-forms.csv`: every
/// field quoted, UTF-8 without BOM, CRLF, `Timestamp` first (`2025/06/23 9:13:19 AM GMT+1`),
/// grid questions as `Question [Row]` holding labels, and both opt-ins in one checkbox column
/// (`I would mentor a colleague, I would like a mentor`).
struct GoogleFormsLayoutWriter: LayoutWriter {
    let dialect = CSVDialect(quotesEveryField: true)
    let text: EncodedText
    let calendar: SurveyCalendar
    private let zone = Array("GMT+1".utf8)
    /// The checkbox column's four possible cells: neither, mentor, mentee, both.
    private let optIns: [[UInt8]]

    init(rows: Int) {
        let dialect = self.dialect
        text = EncodedText(dialect: dialect)
        calendar = SurveyCalendar(rows: rows)
        optIns = [
            "", SurveyText.mentorChoice, SurveyText.menteeChoice,
            "\(SurveyText.mentorChoice), \(SurveyText.menteeChoice)",
        ].map(dialect.field)
    }

    static var headers: [String] {
        [
            "Timestamp", "Email address", "Full name", "Employee ID", "Department", "Job level", "Year of birth",
            "Line manager ID", "Office",
        ] + FamiliarityModel.tools.map { "\(SurveyText.matrixQuestion) [\($0.header)]" }
            + [SurveyText.optInQuestion, SurveyText.capacityQuestion, SurveyText.commentQuestion]
    }

    func writeHeader(_ out: OutputBuffer) {
        out.append(dialect.record(Self.headers))
    }

    func writePerson(_ person: inout Person, position: Int, out: OutputBuffer) {
        var row = RecordWriter(out: out, dialect: dialect)
        row.open()
        Timestamp(calendar.time(of: position), offsetHours: 1).writeGoogle(out, zone: zone)
        row.close()
        row.email(person, text)
        row.displayName(person, text)
        row.employeeID(person.employeeNumber)
        row.field(text.departments[person.department])
        row.level(person.level)
        row.number(person.birthYear)
        row.managerID(person)
        row.field(text.offices[person.office])
        for score in person.scores { row.answer(score, text, asLabel: true) }
        row.field(optIns[(person.willingToMentor == .yes ? 1 : 0) + (person.wantsMentor == .yes ? 2 : 0)])
        row.capacity(person)
        row.field(text.comments[person.comment])
        row.end()
    }
}
