/// The generic layout, as an HR system's export joined to the survey answers (like
/// `Fixtures/sample-survey.csv`): one header row, one row per person, UTF-8 without BOM, LF,
/// quotes only where needed, familiarity as digits 0–4.
struct GenericLayoutWriter: LayoutWriter {
    let dialect = CSVDialect(lineBreak: [0x0A])
    let text: EncodedText

    init() { text = EncodedText(dialect: dialect) }

    static let headers: [String] =
        [
            "Employee ID", "Name", "Email", "Department", "Job level", "Birth year", "Manager ID", "Location",
            "Willing to mentor", "Would like a mentor", "Mentoring capacity",
        ] + FamiliarityModel.tools.map(\.header) + ["Comments"]

    func writeHeader(_ out: OutputBuffer) {
        out.append(dialect.record(Self.headers))
    }

    func writePerson(_ person: inout Person, position: Int, out: OutputBuffer) {
        var row = RecordWriter(out: out, dialect: dialect)
        row.employeeID(person.employeeNumber)
        row.displayName(person, text)
        row.email(person, text)
        row.field(text.departments[person.department])
        row.level(person.level)
        row.number(person.birthYear)
        row.managerID(person)
        row.field(text.offices[person.office])
        row.optIn(person.willingToMentor, text)
        row.optIn(person.wantsMentor, text)
        row.capacity(person)
        for score in person.scores { row.answer(score, text, asLabel: false) }
        row.field(text.comments[person.comment])
        row.end()
    }
}
