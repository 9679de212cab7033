import Testing

@testable import Reports

@Suite("CSV output: RFC 4180 quoting and formula neutralisation")
struct CSVTableTests {
    @Test(
        "input text that a spreadsheet would run is neutralised",
        arguments: [
            ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""), ("plain", "plain"), ("", ""),
        ])
    func neutralised(text: String, expected: String) {
        #expect(CSVTable.render(.input(text)) == expected)
    }

    @Test("computed numbers stay numbers, negative ones too")
    func numbers() {
        #expect(CSVTable.render(.number(-0.35)) == "-0.35")
        #expect(CSVTable.render(.number(1.0)) == "1")
        #expect(CSVTable.render(.number(nil)) == "")
        #expect(CSVTable.render(.integer(-3)) == "-3")
    }

    @Test("quoting of commas, quotes, newlines and edge spaces")
    func quoting() {
        #expect(CSVTable.quote("Smith, Ann") == "\"Smith, Ann\"")
        #expect(CSVTable.quote("Robert \"Bob\" Smith") == "\"Robert \"\"Bob\"\" Smith\"")
        #expect(CSVTable.quote("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.quote(" padded") == "\" padded\"")
        #expect(CSVTable.quote("Zoë") == "Zoë")
    }

    @Test("a whole table")
    func table() {
        var table = CSVTable(header: ["id", "name", "score"])
        table.append([.input("E1"), .input("=cmd|' /C calc'!A0"), .number(2.5)])
        #expect(table.render() == "id,name,score\nE1,'=cmd|' /C calc'!A0,2.5\n")
    }
}
