import Foundation
import Ingest
import Pairing
import Testing

@testable import Settings

@Suite("Parsing genbridge.yml")
struct ConfigParsingTests {
    @Test("the full example of SPEC §6 parses into its values")
    func fullExample() throws {
        let config = try GenbridgeConfig.load(path: configFixture("full.yml"))

        var expected = GenbridgeConfig()
        expected.input = .init(layout: .auto, delimiter: .auto, encoding: .auto)
        expected.columns = ColumnOverrides(
            roles: [.id: "Employee ID", .level: "Job level", .manager: "Manager ID"], tools: ["Q5_7": "Hootsuite"])
        expected.scale = .init(
            minimum: 0, maximum: 4, labels: ["Could teach it": 4, "Use it daily": 3],
            missing: ["", "N/A", "Prefer not to say", "Don't know"])
        expected.tools = [Tool(name: "Bluesky", aliases: ["bsky"], category: .socialNetwork)]
        expected.bands = [
            BandDefinition(name: "Junior", rule: .levels(["L1", "L2", "L3"])),
            BandDefinition(name: "Mid", rule: .levels(["L4", "L5"])),
            BandDefinition(name: "Senior", rule: .levels(["L6", "L7", "L8"])),
        ]
        expected.pairing = .init(
            mentorBands: ["Junior"], menteeBands: ["Senior"], mentorMin: 3, menteeMax: 1, mentorCapacity: 1,
            objective: .coverage, weights: .perTool([:]), avoid: [])
        expected.privacy = .init(minGroupSize: 5, pseudonymize: false)

        #expect(config == expected)
        #expect(config.layout == .auto)
        #expect(config.minGroupSize == 5)
        #expect(config.pseudonymize == false)
    }

    @Test("an empty file, or one holding only comments, sets nothing", arguments: ["empty.yml", "comments-only.yml"])
    func emptyFiles(name: String) throws {
        #expect(try GenbridgeConfig.load(path: configFixture(name)) == GenbridgeConfig())
    }

    @Test("blank text, a lone document marker and blank sections set nothing")
    func blankTexts() throws {
        for text in ["", "\n\n", "# only a comment\n", "---\n", "~\n", "input:\npairing:\nprivacy: {}\n"] {
            #expect(try parsed(text) == GenbridgeConfig(), "\(text.debugDescription)")
        }
    }

    @Test("a key left blank stays unset")
    func blankKeys() throws {
        let config = try parsed(
            "privacy:\n  min_group_size:\n  pseudonymize: ~\npairing:\n  mentor_bands:\n  objective: null\n")
        #expect(config == GenbridgeConfig())
        #expect(config.minGroupSize == nil)
    }

    @Test("the init file writes every key with its default and parses back to the defaults")
    func defaultFileRoundTrip() throws {
        let config = try parsed(GenbridgeConfig.defaultFileText)
        #expect(config == GenbridgeConfig.defaults)
        #expect(config.minGroupSize == 5)
        #expect(config.pseudonymize == false)
        #expect(config.pairing.mentorBands == nil)
        #expect(config.bands == nil)
        #expect(config.tools == nil)
    }

    @Test("the init file names every key of SPEC §6, in its order")
    func defaultFileKeys() throws {
        let text = GenbridgeConfig.defaultFileText
        let keys = [
            "input:", "layout: auto", "delimiter: auto", "encoding: auto", "columns:", "tools: {}", "scale:",
            "min: 0", "max: 4", "labels: {}", "missing: [\"\", \"N/A\", \"Prefer not to say\", \"Don't know\"]",
            "\ntools:", "\nbands:", "pairing:", "mentor_bands:", "mentee_bands:", "mentor_min: 3", "mentee_max: 1",
            "mentor_capacity: 1", "objective: coverage", "weights: {}", "avoid: []", "privacy:", "min_group_size: 5",
            "pseudonymize: false",
        ]
        var position = text.startIndex
        for key in keys {
            let found = try #require(text.range(of: key, range: position..<text.endIndex), "\(key) in order")
            position = found.upperBound
        }
        for role in ColumnRole.allCases {
            #expect(text.contains("\n  \(role.rawValue):"), "role \(role.rawValue)")
        }
        // The SPEC example's bands are shown, commented out.
        #expect(text.contains("# - {name: \"Junior\", levels: [\"L1\", \"L2\", \"L3\"]}"))
        #expect(text.contains("# - {name: \"Senior\", levels: [\"L6\", \"L7\", \"L8\"]}"))
        // Every key line carries a comment.
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            let isSectionWithoutComment = ["input:", "scale:", "pairing:", "privacy:"].contains(String(line))
            #expect(isSectionWithoutComment || line.contains(" # "), "\(line)")
        }
    }

    @Test("the init file's examples of tools and bands, once uncommented, parse into the SPEC example's")
    func defaultFileExamplesUncommented() throws {
        let text = GenbridgeConfig.defaultFileText.replacingOccurrences(of: "  # - {", with: "  - {")
        let config = try parsed(text)
        #expect(config.tools == [Tool(name: "Bluesky", aliases: ["bsky"], category: .socialNetwork)])
        #expect(config.bands?.map(\.name) == ["Junior", "Mid", "Senior"])
    }

    @Test(
        "delimiters",
        arguments: [
            ("auto", ConfigDelimiter.auto), ("\",\"", .comma), ("\";\"", .semicolon), ("\"\\t\"", .tab),
            ("'\\t'", .tab), ("tab", .tab), ("TAB", .tab), ("comma", .comma), ("semicolon", .semicolon),
        ])
    func delimiters(written: String, expected: ConfigDelimiter) throws {
        let config = try parsed("input:\n  delimiter: \(written)\n")
        #expect(config.input.delimiter == expected)
    }

    @Test("layouts and encodings in SPEC's words", arguments: ConfigLayout.allCases)
    func layouts(layout: ConfigLayout) throws {
        #expect(try parsed("input: {layout: \(layout.rawValue)}").layout == layout)
    }

    @Test("encodings", arguments: EncodingChoice.allCases)
    func encodings(encoding: EncodingChoice) throws {
        #expect(try parsed("input: {encoding: \(encoding.rawValue)}").input.encoding == encoding)
    }

    @Test("words ignore case and punctuation")
    func wordsFold() throws {
        let config = try parsed(
            "input: {layout: Google Forms, encoding: UTF8}\npairing: {objective: Score, avoid: [Same-Department]}\n"
                + "tools:\n  - {name: Mastodon, category: Social_Network}\n")
        #expect(config.layout == .googleForms)
        #expect(config.input.encoding == .utf8)
        #expect(config.pairing.objective == .score)
        #expect(config.pairing.avoid == [.sameDepartment])
        #expect(config.tools == [Tool(name: "Mastodon", category: .socialNetwork)])
    }

    @Test("bands by levels, years and birth years")
    func bandRules() throws {
        let levels = try GenbridgeConfig.load(path: configFixture("bands-levels.yml"))
        #expect(
            levels.bands == [
                BandDefinition(name: "Associate", rule: .levels(["L1", "L2"])),
                BandDefinition(name: "Professional", rule: .levels(["L3", "L4", "L5"])),
                BandDefinition(name: "Leadership", rule: .levels(["L6", "L7", "L8", "Director"])),
            ])
        #expect(levels.pairing.mentorBands == ["Associate"])
        #expect(levels.pairing.menteeBands == ["Leadership"])

        let years = try GenbridgeConfig.load(path: configFixture("bands-years.yml"))
        #expect(
            years.bands == [
                BandDefinition(name: "Early career", rule: .years(0...4)),
                BandDefinition(name: "Established", rule: .years(5...14)),
                BandDefinition(name: "Veteran", rule: .years(15...Int.max)),
            ])

        let births = try GenbridgeConfig.load(path: configFixture("bands-birth-years.yml"))
        #expect(
            births.bands == [
                BandDefinition(name: "Gen Z", rule: .birthYears(1997...2012)),
                BandDefinition(name: "Millennials", rule: .birthYears(1981...1996)),
                BandDefinition(name: "Gen X and older", rule: .birthYears(1928...1980)),
            ])
        #expect(births.pairing.weights == .gap)
        #expect(births.pairing.avoid == [.sameDepartment, .differentLocation])
    }

    @Test("levels may be written as numbers; an empty band list means the built-in banding")
    func bandEdgeCases() throws {
        let numbers = try parsed("bands:\n  - {name: Low, levels: [1, 2]}\n  - {name: High, levels: [3]}\n")
        #expect(numbers.bands?.first?.rule == .levels(["1", "2"]))
        #expect(try parsed("bands: []\n").bands == [])
    }

    @Test("a Qualtrics config maps roles and a tool by export tag")
    func qualtricsColumns() throws {
        let config = try GenbridgeConfig.load(path: configFixture("qualtrics-columns.yml"))
        #expect(config.layout == .qualtrics)
        #expect(config.columns.roles[.id] == "EmployeeID")
        #expect(config.columns.roles[.mentorOptIn] == "Q6")
        #expect(config.columns.tools == ["Q5_3": "Hootsuite"])
        #expect(config.scale.minimum == 1)
        #expect(config.scale.maximum == 5)
    }

    @Test("weights are keyed by the catalogue's name of the tool")
    func weightsByCanonicalName() throws {
        let config = try parsed(
            "columns:\n  tools: {Q9: intranet}\n"
                + "pairing:\n  weights: {twitter: 2, Teams: 0.5, bsky: 3, intranet: 0}\n"
                + "tools:\n  - {name: Bluesky, aliases: [bsky], category: social network}\n"
                + "  - {name: Intranet, category: content}\n")
        #expect(config.pairing.weights == .perTool(["X": 2, "Microsoft Teams": 0.5, "Bluesky": 3, "Intranet": 0]))
        #expect(config.columns.tools == ["Q9": "intranet"])
    }

    @Test("a built-in tool in tools: adds aliases and keeps its category")
    func builtInToolAliases() throws {
        let config = try parsed("tools:\n  - {name: Microsoft Teams, aliases: [MSFT Teams chat]}\n")
        #expect(config.tools == [Tool(name: "Microsoft Teams", aliases: ["MSFT Teams chat"], category: .messaging)])
    }

    @Test("a blank item of scale.missing is the blank answer")
    func blankMissingItem() throws {
        let config = try parsed("scale:\n  missing:\n    -\n    - n/a\n")
        #expect(config.scale.missing == ["", "n/a"])
    }

    @Test("YAML anchors and block styles are fine")
    func yamlFeatures() throws {
        let config = try parsed(
            """
            bands:
              - name: Junior
                levels: &junior
                  - L1
                  - L2
              - name: Senior
                levels: [L3]
            pairing:
              mentor_bands:
                - Junior
              mentee_bands: [Senior]
              mentor_capacity: 0x2
            privacy:
              pseudonymize: yes
            """)
        #expect(config.bands?.first?.rule == .levels(["L1", "L2"]))
        #expect(config.pairing.mentorCapacity == 2)
        #expect(config.pseudonymize == true)
    }
}
