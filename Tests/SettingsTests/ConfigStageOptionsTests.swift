import Foundation
import Ingest
import Pairing
import Testing

@testable import Settings

@Suite("From genbridge.yml to the stages' options")
struct ConfigStageOptionsTests {
    @Test("a config that sets nothing, and the defaults file, leave the options as they were")
    func nothingChanges() throws {
        for config in [GenbridgeConfig(), GenbridgeConfig.defaults] {
            let base = IngestOptions()
            let ingest = config.ingestOptions(base: base)
            #expect(ingest.read == base.read)
            #expect(ingest.columns == base.columns)
            #expect(ingest.catalogue == base.catalogue)
            #expect(ingest.scale == base.scale)
            #expect(ingest.bands == base.bands)
            #expect(config.pairingOptions(base: PairingOptions()) == PairingOptions())
        }
    }

    @Test("what the file leaves unset keeps the base's value")
    func unsetKeepsBase() throws {
        var base = IngestOptions()
        base.read = CSVReadOptions(encoding: .utf16, delimiter: UInt8(ascii: ";"))
        base.columns = ColumnOverrides(roles: [.name: "Full name"])
        let config = try parsed("columns:\n  id: Staff number\n")
        let options = config.ingestOptions(base: base)
        #expect(options.read.encoding == .utf16)
        #expect(options.read.delimiter == UInt8(ascii: ";"))
        #expect(options.columns.roles == [.name: "Full name", .id: "Staff number"])

        var pairingBase = PairingOptions()
        pairingBase.mentorCapacity = 4
        pairingBase.objective = .score
        let pairing = try parsed("pairing:\n  mentor_min: 4\n").pairingOptions(base: pairingBase)
        #expect(pairing.mentorMin == 4)
        #expect(pairing.mentorCapacity == 4)
        #expect(pairing.objective == .score)
    }

    @Test("input: encoding and delimiter; auto clears a forced delimiter")
    func readOptions() throws {
        let forced = try parsed("input: {encoding: windows-1252, delimiter: \"\\t\"}").ingestOptions(
            base: IngestOptions())
        #expect(forced.read.encoding == .windows1252)
        #expect(forced.read.delimiter == UInt8(ascii: "\t"))

        var base = IngestOptions()
        base.read.delimiter = UInt8(ascii: ",")
        #expect(try parsed("input: {delimiter: auto}").ingestOptions(base: base).read.delimiter == nil)
    }

    @Test("the full example's columns, tools, labels and bands reach IngestOptions")
    func fullExampleIngest() throws {
        let options = try GenbridgeConfig.load(path: configFixture("full.yml")).ingestOptions(base: IngestOptions())
        #expect(options.columns.roles == [.id: "Employee ID", .level: "Job level", .manager: "Manager ID"])
        #expect(options.columns.tools == ["Q5_7": "Hootsuite"])
        #expect(options.catalogue.tools(namedIn: "bsky usage").map(\.name) == ["Bluesky"])
        #expect(options.catalogue.tools(namedIn: "How often do you use Bluesky?").map(\.name) == ["Bluesky"])
        #expect(options.catalogue.tool(named: "Bluesky")?.category == .socialNetwork)
        #expect(options.catalogue.tools.count == ToolCatalog.builtIn.tools.count + 1)
        #expect(options.scale.answer(for: "Could teach it") == .score(4))
        #expect(options.scale.answer(for: "use it DAILY") == .score(3))
        #expect(options.scale.answer(for: "Expert") == .score(4))
        #expect(options.scale.answer(for: "Don't know") == .missing)
        #expect(options.bands.map(\.name) == ["Junior", "Mid", "Senior"])
        #expect(options.bands.first?.rule == .levels(["L1", "L2", "L3"]))
    }

    @Test("a 1–5 scale and a missing list of its own")
    func scaleOptions() throws {
        let options = try parsed("scale:\n  min: 1\n  max: 5\n  missing: [\"-\", skipped]\n")
            .ingestOptions(base: IngestOptions())
        #expect(options.scale.minimum == 1)
        #expect(options.scale.maximum == 5)
        #expect(options.scale.score(forNumber: 5) == .score(4))
        #expect(options.scale.score(forNumber: 1) == .score(0))
        #expect(options.scale.answer(for: "Skipped") == .missing)
        // The file's list replaces the default one.
        #expect(options.scale.answer(for: "N/A") == .invalid)
        // Only labels: the base's bounds stay.
        let labelsOnly = try parsed("scale:\n  labels: {Ninja: 4}\n").ingestOptions(base: IngestOptions())
        #expect(labelsOnly.scale.minimum == 0)
        #expect(labelsOnly.scale.maximum == 4)
        #expect(labelsOnly.scale.answer(for: "ninja") == .score(4))
        #expect(labelsOnly.scale.answer(for: "N/A") == .missing)
    }

    @Test("a built-in tool named with other spaces or punctuation takes the config's aliases")
    func builtInToolSpeltOtherwise() throws {
        let options = try parsed("tools:\n  - {name: Tik Tok, aliases: [Douyin]}\n").ingestOptions(
            base: IngestOptions())
        #expect(options.catalogue.tools(namedIn: "Douyin usage").map(\.name) == ["TikTok"])
        #expect(options.catalogue.tools.count == ToolCatalog.builtIn.tools.count)
    }

    @Test("a config label replaces a built-in one spelt otherwise, every time")
    func labelOverrides() throws {
        // Five built-in labels given other scores, in other spellings: each must win (one that
        // stood beside the built-in entry won or lost by a dictionary's order, 1 in 32 all right).
        let options = try parsed(
            "scale:\n  labels: {EXPERT: 3, beginner: 1, Confident: 2, 'aware!': 0, proficient: 4}\n"
        ).ingestOptions(base: IngestOptions())
        #expect(options.scale.answer(for: "Expert") == .score(3))
        #expect(options.scale.answer(for: "Beginner") == .score(1))
        #expect(options.scale.answer(for: "confident") == .score(2))
        #expect(options.scale.answer(for: "Aware") == .score(0))
        #expect(options.scale.answer(for: "Proficient") == .score(4))
        // Missing words and labels ignore case, spaces and punctuation: `NA` is `N/A`.
        #expect(options.scale.answer(for: "NA") == .missing && options.scale.answer(for: "n.a.") == .missing)
        #expect(options.scale.answer(for: "Dont know") == .missing)
        #expect(options.scale.answer(for: "3 - Regular use") == .score(3))
    }

    @Test("bands by years and birth years reach IngestOptions; BandScheme uses them")
    func bandOptions() throws {
        let years = try GenbridgeConfig.load(path: configFixture("bands-years.yml")).ingestOptions(
            base: IngestOptions())
        #expect(years.bands.last == BandDefinition(name: "Veteran", rule: .years(15...Int.max)))
        var scheme = try #require(
            BandScheme(definitions: years.bands, availableRoles: [.years], referenceYear: 2026))
        #expect(scheme.requiredRoles == [.years])
        let forty = scheme.classify([.years: "40"])
        let fifteen = scheme.classify([.years: "15"])
        #expect(forty == fifteen)

        let births = try GenbridgeConfig.load(path: configFixture("bands-birth-years.yml"))
            .ingestOptions(base: IngestOptions())
        #expect(
            births.bands.map(\.rule) == [.birthYears(1997...2012), .birthYears(1981...1996), .birthYears(1928...1980)])
    }

    @Test("the Qualtrics config names export tags of the Qualtrics fixture")
    func qualtricsHeaders() throws {
        let options = try GenbridgeConfig.load(path: configFixture("qualtrics-columns.yml"))
            .ingestOptions(base: IngestOptions())
        let export = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Fixtures/exports/qualtrics-numeric.csv"), encoding: .utf8
        )
        let tags = try #require(export.split(whereSeparator: \.isNewline).first)
            .drop { $0 == "\u{FEFF}" }.split(separator: ",").map(String.init)
        let questions = try #require(export.split(whereSeparator: \.isNewline).dropFirst().first)
        for header in Array(options.columns.roles.values) + Array(options.columns.tools.keys) {
            #expect(tags.contains(header), "\(header)")
        }
        #expect(options.columns.roles[.mentorOptIn] == "Q6")
        #expect(options.columns.tools == ["Q5_3": "Hootsuite"])
        #expect(questions.contains("How familiar are you with each tool? - Hootsuite"))
        #expect(options.scale.score(forNumber: 5) == .score(4))
    }

    @Test("the full example's pairing rules reach PairingOptions")
    func fullExamplePairing() throws {
        let options = try GenbridgeConfig.load(path: configFixture("full.yml")).pairingOptions(base: PairingOptions())
        #expect(options.mentorBands == ["Junior"])
        #expect(options.menteeBands == ["Senior"])
        #expect(options.mentorMin == 3)
        #expect(options.menteeMax == 1)
        #expect(options.mentorCapacity == 1)
        #expect(options.objective == .coverage)
        #expect(options.weights == [:])
        #expect(!options.weightByGap)
        #expect(!options.avoidSameDepartment)
        #expect(!options.avoidDifferentLocation)
    }

    @Test(
        "weights: gap or a map",
        arguments: [
            ("weights: gap", true, [String: Double]()),
            ("weights: GAP", true, [:]),
            ("weights: {TikTok: 2, Slack: 0.5}", false, ["TikTok": 2, "Slack": 0.5]),
            ("weights: {}", false, [:]),
        ])
    func weights(line: String, byGap: Bool, weights: [String: Double]) throws {
        var base = PairingOptions()
        base.weights = ["Zoom": 9]
        base.weightByGap = !byGap
        let options = try parsed("pairing:\n  \(line)\n").pairingOptions(base: base)
        #expect(options.weightByGap == byGap)
        #expect(options.weights == weights)
    }

    @Test(
        "avoid words",
        arguments: [
            ("[]", false, false), ("[same_department]", true, false), ("[different_location]", false, true),
            ("[same_department, different_location]", true, true),
            ("[different_location, same_department, different_location]", true, true),
        ])
    func avoid(list: String, sameDepartment: Bool, differentLocation: Bool) throws {
        var base = PairingOptions()
        base.avoidSameDepartment = true
        base.avoidDifferentLocation = true
        let options = try parsed("pairing:\n  avoid: \(list)\n").pairingOptions(base: base)
        #expect(options.avoidSameDepartment == sameDepartment)
        #expect(options.avoidDifferentLocation == differentLocation)
    }

    @Test("a built-in tool's new aliases reach the catalogue")
    func aliasesForBuiltInTool() throws {
        let options = try parsed("tools:\n  - {name: X, aliases: [Tweets]}\n").ingestOptions(base: IngestOptions())
        #expect(options.catalogue.tools(namedIn: "Tweets - familiarity").map(\.name) == ["X"])
        #expect(options.catalogue.tools.count == ToolCatalog.builtIn.tools.count)
    }
}
