/// SurveyMonkey "All responses data" as CSV, like `Fixtures/exports/surveymonkey.csv`: UTF-8
/// without BOM, CRLF, two header records (question text written once over its columns, then
/// sub-labels), dates as `06/23/2025 09:07:30 AM` (London), answers as labels, the opt-ins as
/// one checkbox question whose ticked cells hold their label. The employee id is a question of
/// its own ("Employee ID", an open-ended response), so genbridge finds it without a config file.
struct SurveyMonkeyLayoutWriter: LayoutWriter {
    let dialect = CSVDialect()
    let text: EncodedText
    let calendar: SurveyCalendar
    let rows: Int
    private let network = NetworkAddresses()
    private let collectors: [[UInt8]]
    private let mentorChoice: [UInt8]
    private let menteeChoice: [UInt8]

    init(rows: Int) {
        let dialect = self.dialect
        self.rows = rows
        text = EncodedText(dialect: dialect)
        calendar = SurveyCalendar(rows: rows)
        collectors = Office.all.map { dialect.field($0.collector) }
        mentorChoice = dialect.field(SurveyText.mentorChoice)
        menteeChoice = dialect.field(SurveyText.menteeChoice)
    }

    static var headerRecords: [[String]] {
        let tools = FamiliarityModel.tools.map(\.header)
        let open = "Open-Ended Response"
        let top =
            [
                "Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
                "Last Name", "Employee ID", "Department", "Job level", "Year of birth", "Line manager ID", "Office",
                SurveyText.matrixQuestion,
            ] + Array(repeating: "", count: tools.count - 1)
            + [SurveyText.optInQuestion, "", SurveyText.capacityQuestion, SurveyText.commentQuestion]
        let sub =
            Array(repeating: "", count: 8) + [open, "Response", "Response", open, open, "Response"] + tools
            + [SurveyText.mentorChoice, SurveyText.menteeChoice, open, open]
        return [top, sub]
    }

    func writeHeader(_ out: OutputBuffer) {
        for record in Self.headerRecords { out.append(dialect.record(record)) }
    }

    /// Respondent ids grow with time, by steps that keep them at twelve digits.
    private var respondentStep: Int { max(2, min(4_000_000, 800_000_000_000 / rows)) }

    func writePerson(_ person: inout Person, position: Int, out: OutputBuffer) {
        let start = calendar.time(of: position)
        let end = start + NetworkAddresses.duration(&person.draws)
        var row = RecordWriter(out: out, dialect: dialect)
        let step = respondentStep
        row.number(114_873_400_000 + position * step + person.draws.below(step / 2))
        row.field(collectors[person.office])
        row.open()
        Timestamp(start, offsetHours: 1).writeUS(out)
        row.close()
        row.open()
        Timestamp(end, offsetHours: 1).writeUS(out)
        row.close()
        row.open()
        network.write(&person, out: out)
        row.close()
        row.email(person, text)
        row.givenName(person, text)
        row.familyName(person, text)
        row.employeeID(person.employeeNumber)
        row.field(text.departments[person.department])
        row.level(person.level)
        row.number(person.birthYear)
        row.managerID(person)
        row.field(text.offices[person.office])
        for score in person.scores { row.answer(score, text, asLabel: true) }
        if person.willingToMentor == .yes { row.field(mentorChoice) } else { row.empty() }
        if person.wantsMentor == .yes { row.field(menteeChoice) } else { row.empty() }
        row.capacity(person)
        row.field(text.comments[person.comment])
        row.end()
    }
}
