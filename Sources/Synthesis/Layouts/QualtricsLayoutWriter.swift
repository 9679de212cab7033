/// Qualtrics "Data & Analysis → Export → CSV" with "Use choice text", like
/// `Fixtures/exports/qualtrics-choice-text.csv`: UTF-8 with BOM, CRLF, an extra comma at the end
/// of every record, three header records (export tags; question text, one holding a line
/// break; `{"ImportId":…}` JSON), seventeen metadata columns, answers as labels, `Status` as
/// words, `Finished` as True/False, and the embedded data (employee id, level, department,
/// manager, birth year, office) last. Rows are in recorded-date order; one in forty is a
/// response genbridge must exclude (see `RowPlan`).
struct QualtricsLayoutWriter: LayoutWriter {
    let dialect = CSVDialect(byteOrderMark: true, trailingDelimiter: true)
    let text: EncodedText
    let calendar: SurveyCalendar
    let seed: UInt64
    /// Survey-tool words, encoded once.
    private let words: [String: [UInt8]]
    private let learningChoices: [[UInt8]]
    private let learningOther: [[UInt8]]
    private let languages: [[[UInt8]]]
    private let languageWeights: [[Double]] = Office.all.map { $0.languages.map(\.weight) }
    private let network = NetworkAddresses()

    /// London summer time: the account's time zone.
    static let offsetHours = 1

    init(seed: UInt64, rows: Int) {
        let dialect = self.dialect
        self.seed = seed
        text = EncodedText(dialect: dialect)
        calendar = SurveyCalendar(rows: rows)
        var words: [String: [UInt8]] = [:]
        for word in [
            "IP Address", "Imported", "Offline", "Survey Preview", "Survey Test", "Spam", "Offline Survey Preview",
            "True", "False", "email", "preview", "test", "anonymous", "offline", "EN",
        ] {
            words[word] = dialect.field(word)
        }
        self.words = words
        learningChoices = (SurveyText.learningChoices + [SurveyText.learningOtherChoice]).map(dialect.field)
        learningOther = SurveyText.learningOther.map(dialect.field)
        languages = Office.all.map { office in office.languages.map { dialect.field($0.code) } }
    }

    static var headerRecords: [[String]] {
        let metadata: [(tag: String, text: String, importID: String)] = [
            ("StartDate", "Start Date", #"{"ImportId":"startDate","timeZone":"Europe/London"}"#),
            ("EndDate", "End Date", #"{"ImportId":"endDate","timeZone":"Europe/London"}"#),
            ("Status", "Response Type", #"{"ImportId":"status"}"#),
            ("IPAddress", "IP Address", #"{"ImportId":"ipAddress"}"#),
            ("Progress", "Progress", #"{"ImportId":"progress"}"#),
            ("Duration (in seconds)", "Duration (in seconds)", #"{"ImportId":"duration"}"#),
            ("Finished", "Finished", #"{"ImportId":"finished"}"#),
            ("RecordedDate", "Recorded Date", #"{"ImportId":"recordedDate","timeZone":"Europe/London"}"#),
            ("ResponseId", "Response ID", #"{"ImportId":"_recordId"}"#),
            ("RecipientLastName", "Recipient Last Name", #"{"ImportId":"recipientLastName"}"#),
            ("RecipientFirstName", "Recipient First Name", #"{"ImportId":"recipientFirstName"}"#),
            ("RecipientEmail", "Recipient Email", #"{"ImportId":"recipientEmail"}"#),
            ("ExternalReference", "External Data Reference", #"{"ImportId":"externalDataReference"}"#),
            ("LocationLatitude", "Location Latitude", #"{"ImportId":"locationLatitude"}"#),
            ("LocationLongitude", "Location Longitude", #"{"ImportId":"locationLongitude"}"#),
            ("DistributionChannel", "Distribution Channel", #"{"ImportId":"distributionChannel"}"#),
            ("UserLanguage", "User Language", #"{"ImportId":"userLanguage"}"#),
        ]
        var columns = metadata
        for (index, tool) in FamiliarityModel.tools.enumerated() {
            columns.append(
                (
                    "Q5_\(index + 1)", "\(SurveyText.matrixQuestion) - \(tool.header)",
                    #"{"ImportId":"QID5_\#(index + 1)"}"#
                ))
        }
        columns.append(("Q6", SurveyText.mentorQuestion, #"{"ImportId":"QID11"}"#))
        columns.append(("Q7", SurveyText.menteeQuestion, #"{"ImportId":"QID12"}"#))
        columns.append(
            (
                "Q8", "How many mentees could you take on at the same time?\n(Leave blank if you would not mentor.)",
                #"{"ImportId":"QID13_TEXT"}"#
            ))
        let choices = SurveyText.learningChoices + [SurveyText.learningOtherChoice]
        for (index, choice) in choices.enumerated() {
            columns.append(
                (
                    "Q9_\(index + 1)", "\(SurveyText.learningQuestion) - Selected Choice - \(choice)",
                    #"{"ImportId":"QID14","choiceId":"\#(index + 1)"}"#
                ))
        }
        columns.append(
            (
                "Q9_4_TEXT", "\(SurveyText.learningQuestion) - \(SurveyText.learningOtherChoice) - Text",
                #"{"ImportId":"QID14_4_TEXT"}"#
            ))
        columns.append(("Q10", SurveyText.commentQuestion, #"{"ImportId":"QID15_TEXT"}"#))
        for name in ["EmployeeID", "JobLevel", "Department", "ManagerID", "BirthYear", "Office"] {
            columns.append((name, name, #"{"ImportId":"\#(name)"}"#))
        }
        return [columns.map(\.tag), columns.map(\.text), columns.map(\.importID)]
    }

    func writeHeader(_ out: OutputBuffer) {
        out.append([0xEF, 0xBB, 0xBF])
        for record in Self.headerRecords { out.append(dialect.record(record)) }
    }

    private func word(_ key: String) -> [UInt8] { words[key] ?? [] }

    /// What a response's metadata columns hold.
    private struct Metadata {
        var start = 0
        var end = 0
        var recorded = 0
        var status = "IP Address"
        var hasAddress = true
        var progress = 100
        var finished = true
        var isContact = true
        var channel = "email"
    }

    func writePerson(_ person: inout Person, position: Int, out: OutputBuffer) {
        var meta = Metadata()
        meta.recorded = calendar.time(of: position)
        let kind = person.draws.unit()
        if person.office == 2, kind < 0.12 {
            // Answered on the Lagos office tablet, which syncs in the evening.
            meta.status = "Offline"
            meta.hasAddress = false
            meta.isContact = false
            meta.channel = "offline"
            meta.end = meta.recorded - 3600 - person.draws.below(5 * 3600)
            meta.start = meta.end - NetworkAddresses.duration(&person.draws)
        } else if person.department == 2, person.level <= 3, kind < 0.15 {
            // Typed in from paper by the operations floor's coordinator.
            meta.status = "Imported"
            meta.hasAddress = false
            meta.channel = ""
            meta.start = meta.recorded
            meta.end = meta.recorded
        } else {
            meta.end = meta.recorded - person.draws.below(2)
            meta.start = meta.end - NetworkAddresses.duration(&person.draws)
        }
        var row = RecordWriter(out: out, dialect: dialect)
        writeMetadata(meta, person: &person, row: &row)
        for score in person.scores { row.answer(score, text, asLabel: true) }
        row.optIn(person.willingToMentor, text)
        row.optIn(person.wantsMentor, text)
        row.capacity(person)
        writeLearning(person, row: &row)
        row.field(text.comments[person.comment])
        writeEmbeddedData(person, row: &row)
        row.end()
    }

    func writeExcluded(_ kind: ExcludedResponse, person: inout Person, position: Int, out: OutputBuffer) {
        var draws = Draws(seed: seed, stream: 1 << 40 | UInt64(position))
        var meta = Metadata()
        meta.recorded = calendar.time(of: position)
        meta.end = meta.recorded - 1
        meta.start = meta.end - 20 - draws.below(100)
        meta.isContact = false
        meta.hasAddress = false
        var row = RecordWriter(out: out, dialect: dialect)
        switch kind {
        case .unfinished:
            // An attempt abandoned part-way; Qualtrics closed it a week after its last activity.
            // The person answered again in full later.
            meta.status = "IP Address"
            meta.hasAddress = true
            meta.isContact = true
            meta.progress = 10 + draws.below(70)
            meta.finished = false
            meta.end = meta.recorded - 7 * 86400
            meta.start = meta.end - 60 - draws.below(900)
            writeMetadata(meta, person: &person, row: &row)
            let answered = FamiliarityModel.tools.count * meta.progress / 100
            for (tool, score) in person.scores.enumerated() {
                row.answer(tool < answered ? score : FamiliarityModel.blank, text, asLabel: true)
            }
            for _ in 0..<(3 + SurveyText.learningShares.count + 2) { row.empty() }
            writeEmbeddedData(person, row: &row)
        case .surveyPreview, .surveyTest, .offlineSurveyPreview, .spam:
            switch kind {
            case .surveyPreview:
                meta.status = "Survey Preview"
                meta.channel = "preview"
            case .surveyTest:
                meta.status = "Survey Test"
                meta.channel = "test"
            case .offlineSurveyPreview:
                meta.status = "Offline Survey Preview"
                meta.channel = "offline"
            default:
                meta.status = "Spam"
                meta.channel = "anonymous"
                meta.hasAddress = true
            }
            writeMetadata(meta, person: &person, row: &row)
            // The author clicks through; a test fills answers at random; a bot ticks the top box.
            for _ in FamiliarityModel.tools {
                row.field(text.labels[kind == .spam ? 4 : draws.below(5)])
            }
            row.optIn(kind == .spam || draws.chance(0.5) ? .yes : .no, text)
            row.optIn(kind == .spam || draws.chance(0.5) ? .yes : .no, text)
            if kind == .spam { row.number(10) } else { row.empty() }
            for _ in 0..<(SurveyText.learningShares.count + 2) { row.empty() }
            for _ in 0..<6 { row.empty() }
        }
        row.end()
    }

    private func writeMetadata(_ meta: Metadata, person: inout Person, row: inout RecordWriter) {
        let out = row.out
        row.open()
        Timestamp(meta.start, offsetHours: Self.offsetHours).writeISO(out)
        row.close()
        row.open()
        Timestamp(meta.end, offsetHours: Self.offsetHours).writeISO(out)
        row.close()
        row.field(word(meta.status))
        let office = Office.all[person.office]
        if meta.hasAddress {
            row.open()
            if meta.channel == "anonymous" {
                out.append(network.spamBot)
            } else {
                network.write(&person, out: out)
            }
            row.close()
        } else {
            row.empty()
        }
        row.number(meta.progress)
        row.number(meta.end - meta.start)
        row.field(word(meta.finished ? "True" : "False"))
        row.open()
        Timestamp(meta.recorded, offsetHours: Self.offsetHours).writeISO(out)
        row.close()
        row.open()
        out.append(UInt8(ascii: "R"))
        out.append(UInt8(ascii: "_"))
        let alphabet = Self.responseIDAlphabet
        var bits = person.draws.bits()
        for index in 0..<15 {
            if index == 10 { bits = person.draws.bits() }
            out.append(alphabet[Int(bits % 62)])
            bits /= 62
        }
        row.close()
        if meta.isContact {
            row.familyName(person, text)
            row.givenName(person, text)
            row.email(person, text)
        } else {
            row.empty()
            row.empty()
            row.empty()
        }
        row.empty()
        if meta.hasAddress {
            let (latitude, longitude) =
                meta.channel == "anonymous"
                ? (377_510, -978_220)
                : (
                    office.latitude + Int(person.draws.normal() * 200),
                    office.longitude + Int(person.draws.normal() * 200)
                )
            row.open()
            out.appendFixed(latitude, decimals: 4)
            row.close()
            row.open()
            out.appendFixed(longitude, decimals: 4)
            row.close()
        } else {
            row.empty()
            row.empty()
        }
        if meta.channel.isEmpty { row.empty() } else { row.field(word(meta.channel)) }
        if meta.isContact || meta.channel == "offline" {
            let weights = languageWeights[person.office]
            row.field(languages[person.office][weights.count == 1 ? 0 : person.draws.weighted(weights)])
        } else {
            row.field(word("EN"))
        }
    }

    static let responseIDAlphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    private func writeLearning(_ person: Person, row: inout RecordWriter) {
        for (bit, choice) in learningChoices.enumerated() {
            if person.learningChoices & (1 << UInt8(bit)) != 0 { row.field(choice) } else { row.empty() }
        }
        if person.learningChoices & 0b1000 != 0 { row.field(learningOther[person.learningOther]) } else { row.empty() }
    }

    private func writeEmbeddedData(_ person: Person, row: inout RecordWriter) {
        row.employeeID(person.employeeNumber)
        row.level(person.level)
        row.field(text.departments[person.department])
        row.managerID(person)
        row.number(person.birthYear)
        row.field(text.offices[person.office])
    }
}
