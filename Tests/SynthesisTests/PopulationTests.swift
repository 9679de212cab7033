import Ingest
import Testing

@testable import Synthesis

@Suite("The synthetic population's building blocks")
struct PopulationTests {
    @Test("index permutations are bijections", arguments: [1, 2, 3, 7, 150, 1000, 4097])
    func permutation(count: Int) {
        let permutation = IndexPermutation(count: count, seed: 42, purpose: 1)
        let images = (0..<count).map { permutation($0) }
        #expect(Set(images).count == count)
        #expect(images.allSatisfy { (0..<count).contains($0) })
    }

    @Test("every manager is of a higher level; only person 0 has none", arguments: [1, 2, 5, 13, 150, 5000])
    func hierarchy(size: Int) {
        let workforce = Workforce(size: size)
        for person in 0..<size {
            var draws = Draws(seed: 1, stream: UInt64(person))
            let position = workforce.position(of: person)
            let manager = workforce.manager(of: position, draws: &draws)
            if person == 0 {
                #expect(manager == nil)
                #expect(position.level == 8)
            } else {
                #expect(manager.map { workforce.position(of: $0).level > position.level } == true)
            }
        }
    }

    @Test("row plans account for every row")
    func rowPlan() {
        for rows in [1, 2, 39, 40, 41, 80, 1000, 1234] {
            let plan = RowPlan(rows: rows, seed: 3, hasExcludedRows: true)
            var people = 0
            var excluded = 0
            for position in 0..<rows {
                switch plan.slot(of: position) {
                case .person(let slot):
                    #expect(slot == people)
                    people += 1
                case .excluded:
                    excluded += 1
                }
            }
            #expect(people == plan.people)
            #expect(excluded == plan.excludedRows)
            #expect(people >= 1)
        }
    }

    @Test("answer labels are genbridge's own")
    func labels() {
        let scale = FamiliarityScale()
        for (score, label) in SurveyText.labels.enumerated() {
            #expect(scale.answer(for: label) == .score(Int8(score)))
        }
        #expect(scale.answer(for: SurveyText.notApplicable) == .missing)
        #expect(scale.answer(for: SurveyText.preferNotToSay) == .missing)
    }

    @Test("every modelled tool is in the catalogue under its column text")
    func tools() {
        for terms in FamiliarityModel.tools {
            #expect(ToolCatalog.builtIn.tool(named: terms.header)?.name == terms.tool)
        }
    }

    @Test("email parts are lower-case ASCII")
    func slugs() {
        #expect(EncodedText.slug("Łukasz") == Array("lukasz".utf8))
        #expect(EncodedText.slug("O'Brien") == Array("obrien".utf8))
        #expect(EncodedText.slug("Nguyễn") == Array("nguyen".utf8))
        #expect(EncodedText.slug("Wei Ling") == Array("weiling".utf8))
        for office in Office.all {
            for name in office.givenNames.map(\.name) + office.familyNames {
                let slug = EncodedText.slug(name)
                #expect(!slug.isEmpty && slug.allSatisfy { $0 < 0x80 }, "\(name)")
            }
        }
    }

    @Test("emails stay unique when names repeat")
    func uniqueEmails() throws {
        let size = 6000
        let population = Population(size: size, seed: 3)
        let dialect = CSVDialect()
        let text = EncodedText(dialect: dialect)
        var bytes: [UInt8] = []
        let out = OutputBuffer { bytes.append(contentsOf: $0) }
        var person = Person(toolCount: population.familiarity.toolCount)
        for number in 0..<size {
            population.draw(number, into: &person)
            var row = RecordWriter(out: out, dialect: dialect)
            row.email(person, text)
            row.end()
        }
        try out.finish()
        let emails = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n")
        #expect(emails.count == size)
        #expect(Set(emails).count == size)
        #expect(emails.contains { $0.contains(where: \.isNumber) }, "a repeated name's email has a number")
    }

    @Test("dates: civil conversion and the survey window")
    func calendar() {
        #expect(Timestamp.daysSinceEpoch(year: 1970, month: 1, day: 1) == 0)
        #expect(Timestamp.daysSinceEpoch(year: 2025, month: 6, day: 23) == 20262)
        let stamp = Timestamp(SurveyCalendar.windowStart + 8 * 3600 + 13 * 60 + 19, offsetHours: 1)
        #expect(
            (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second) == (2025, 6, 23, 9, 13, 19))
        let calendar = SurveyCalendar(rows: 1000)
        let times = (0..<1000).map(calendar.time(of:))
        #expect(times == times.sorted())
        #expect(times[0] >= SurveyCalendar.windowStart + 8 * 3600)
        let last = Timestamp(times[999], offsetHours: 1)
        #expect((last.year, last.month, last.day) == (2025, 7, 18))
    }

    @Test("Windows-1252: the code page's own letters, and _ for the rest")
    func windows1252() {
        #expect(Windows1252.encode("Zoë ’€") == [0x5A, 0x6F, 0xEB, 0x20, 0x92, 0x80])
        #expect(Windows1252.encode("Łukasz Nguyễn") == Array("_ukasz Nguy_n".utf8))
    }

    @Test("numbers are formatted by hand")
    func numbers() throws {
        var bytes: [UInt8] = []
        let out = OutputBuffer(capacity: 64) { bytes.append(contentsOf: $0) }
        out.appendDecimal(0)
        out.append(UInt8(ascii: " "))
        out.appendDecimal(7, minimumDigits: 2)
        out.append(UInt8(ascii: " "))
        out.appendDecimal(1_234_567_890)
        out.append(UInt8(ascii: " "))
        out.appendFixed(-1257, decimals: 4)
        out.append(UInt8(ascii: " "))
        out.appendFixed(515_085, decimals: 4)
        try out.finish()
        #expect(String(decoding: bytes, as: UTF8.self) == "0 07 1234567890 -0.1257 51.5085")
    }
}
