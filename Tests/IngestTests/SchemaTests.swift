import Testing

@testable import Ingest

@Suite("Roles, tools and the familiarity scale")
struct SchemaTests {
    @Test(
        "headers name their roles",
        arguments: [
            ("Employee ID", ColumnRole.id), ("employee_id", .id), ("Name", .name), ("E-mail address", .email),
            ("Department", .department), ("Job level", .level), ("Grade", .level), ("Seniority band", .band),
            ("Years of experience", .years), ("Birth year", .birthYear), ("Age", .age), ("Manager ID", .manager),
            ("Reports to", .manager), ("Location", .location), ("Willing to mentor?", .mentorOptIn),
            ("Would like a mentor (yes/no)", .menteeOptIn), ("Mentoring capacity", .capacity),
        ])
    func roles(header: String, role: ColumnRole) {
        #expect(ColumnRole.recognise(header) == role)
    }

    @Test(
        "headers that name no role", arguments: ["TikTok", "Comments", "Timestamp", "How familiar are you with Slack?"])
    func notRoles(header: String) {
        #expect(ColumnRole.recognise(header) == nil)
    }

    @Test(
        "headers name tools as whole words, by name or alias",
        arguments: [
            ("Pinterest", "Pinterest"), ("Familiarity - X", "X"), ("Twitter", "X"), ("X (Twitter)", "X"),
            ("X/Twitter", "X"), ("MS Teams", "Microsoft Teams"), ("Teams", "Microsoft Teams"),
            ("How familiar are you with each tool? - WhatsApp", "WhatsApp"), ("Grid [YouTube]", "YouTube"),
            ("Sprout", "Sprout Social"), ("LINKEDIN usage", "LinkedIn"), ("Experience", nil),
            ("Xylophone", nil), ("Box", nil), ("Max", nil), ("Tik", nil), ("Tok Tik", nil),
            // Spaces and punctuation inside a name are ignored (SPEC §7).
            ("tik tok", "TikTok"), ("Tik-Tok", "TikTok"), ("Whats App", "WhatsApp"), ("You-Tube", "YouTube"),
            ("Linked In (work)", "LinkedIn"), ("Hoot suite", "Hootsuite"), ("Microsoft  Teams", "Microsoft Teams"),
        ] as [(String, String?)])
    func tools(header: String, tool: String?) {
        let found = ToolCatalog.builtIn.tools(namedIn: header)
        #expect(found.map(\.name) == (tool.map { [$0] } ?? []))
    }

    @Test("a header naming two tools is ambiguous")
    func ambiguousTool() {
        #expect(ToolCatalog.builtIn.tools(namedIn: "Slack or Teams?").count == 2)
    }

    @Test("the catalogue has every SPEC tool with its category")
    func catalogue() {
        let catalogue = ToolCatalog.builtIn
        #expect(catalogue.tools.count == 21)
        #expect(catalogue.tool(named: "hootsuite")?.category == .socialMediaManagement)
        #expect(catalogue.tool(named: "WhatsApp")?.category == .messaging)
        #expect(catalogue.tool(named: "Canva")?.category == .content)
        #expect(catalogue.tool(named: "Pinterest")?.category == .socialNetwork)
        #expect(catalogue.tool(named: "Tik Tok")?.name == "TikTok")
        #expect(catalogue.tool(named: "x-twitter")?.name == "X")
    }

    @Test(
        "answers on the default 0–4 scale",
        arguments: [
            ("0", Answer.score(0)), ("4", .score(4)), (" 3 ", .score(3)), ("3.0", .score(3)), ("3,0", .score(3)),
            ("5", .invalid), ("-1", .invalid), ("2.5", .invalid), ("", .missing), ("N/A", .missing),
            ("n/a", .missing), ("Prefer not to say", .missing), ("Don't know", .missing), ("don’t know", .missing),
            ("Expert / could teach others", .score(4)), ("expert", .score(4)), ("Confident / regular use", .score(3)),
            ("Beginner / occasional use", .score(2)), ("Aware but not used", .score(1)), ("Never used", .score(0)),
            ("3 - Confident", .score(3)), ("seven", .invalid),
        ])
    func defaultScale(text: String, answer: Answer) {
        #expect(FamiliarityScale().answer(for: text) == answer)
    }

    @Test("a 1–5 scale maps linearly onto 0–4", arguments: [(1, 0), (2, 1), (3, 2), (4, 3), (5, 4)])
    func oneToFive(number: Int, score: Int8) {
        #expect(FamiliarityScale(minimum: 1, maximum: 5).answer(for: String(number)) == .score(score))
        #expect(FamiliarityScale(minimum: 1, maximum: 5).answer(for: "0") == .invalid)
    }

    @Test("a 1–7 scale rounds to the nearest score")
    func oneToSeven() {
        let scale = FamiliarityScale(minimum: 1, maximum: 7)
        #expect((1...7).map { scale.answer(for: String($0)) } == [0, 1, 1, 2, 3, 3, 4].map { Answer.score($0) })
    }

    @Test("config labels and missing words extend the tables")
    func configLabels() {
        let scale = FamiliarityScale(extraLabels: ["Could teach it": 4, "Use it daily": 3], missing: ["", "skip"])
        #expect(scale.answer(for: "use it DAILY") == .score(3))
        #expect(scale.answer(for: "Skip") == .missing)
        #expect(scale.answer(for: "N/A") == .invalid)
    }

    @Test(
        "opt-in answers: only yes-like answers opt in",
        arguments: [
            ("Yes", true), ("y", true), ("TRUE", true), ("1", true), ("x", true), ("✓", true), ("No", false),
            ("", false), ("maybe", false), ("0", false),
        ])
    func optIn(text: String, expected: Bool) {
        #expect(OptIn.isYes(text) == expected)
    }

    @Test("a checkbox cell holding its label opts in")
    func checkboxLabel() {
        #expect(OptIn.isYes("I would mentor a colleague", checkedLabel: "I would mentor a colleague"))
    }
}
