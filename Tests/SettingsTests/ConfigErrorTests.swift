import Foundation
import Ingest
import Testing

@testable import Settings

/// A config text and the error it must give: where, and what the message says.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let line: Int
    let column: Int
    /// The whole message after `genbridge.yml:LINE:COLUMN: `.
    let message: String

    init(_ name: String, _ yaml: String, _ line: Int, _ column: Int, _ message: String) {
        self.name = name
        self.yaml = yaml
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { name }
}

@Suite("Configuration errors name the file, line and column")
struct ConfigErrorTests {
    static let keys: [ErrorCase] = [
        ErrorCase(
            "unknown top-level key", "privcy:\n  pseudonymize: true\n", 1, 1,
            "unknown key \"privcy\" at the top level; did you mean \"privacy\"?"),
        ErrorCase(
            "top-level key that belongs in a section", "min_group_size: 3\n", 1, 1,
            "unknown key \"min_group_size\" at the top level; \"min_group_size\" belongs under privacy:"),
        ErrorCase(
            "key in the wrong section", "pairing:\n  pseudonymize: true\n", 2, 3,
            "unknown key \"pseudonymize\" in pairing; \"pseudonymize\" belongs under privacy:"),
        ErrorCase(
            "typo far from every key", "input:\n  colour: blue\n", 2, 3,
            "unknown key \"colour\" in input"),
        ErrorCase(
            "typo in a band's rule", "bands:\n  - {name: A, level: [L1]}\n", 2, 15,
            "unknown key \"level\" in a bands entry; did you mean \"levels\"?"),
        ErrorCase(
            "a section key inside a band", "bands:\n  - {name: A, levels: [L1], min: 3}\n", 2, 29,
            "unknown key \"min\" in a bands entry"),
        ErrorCase(
            "typo in a role", "columns:\n  birthyear: Born\n", 2, 3,
            "unknown key \"birthyear\" in columns; did you mean \"birth_year\"?"),
        ErrorCase(
            "columns written header -> role", "columns:\n  \"Employee ID\": id\n", 2, 3,
            "unknown key \"Employee ID\" in columns; columns maps a role to a header: write id: \"Employee ID\""),
        ErrorCase(
            "a tool column among the roles", "columns:\n  Q5_7: Hootsuite\n", 2, 3,
            "unknown key \"Q5_7\" in columns; a tool column goes under columns.tools: "
                + "write tools: {\"Q5_7\": \"Hootsuite\"}"),
        ErrorCase(
            "duplicate key (Yams names the first)", "privacy:\n  min_group_size: 3\n  min_group_size: 4\n", 2, 3,
            "key \"min_group_size\" appears more than once in the same mapping; keep one"),
        ErrorCase(
            "labels that fold alike", "scale:\n  labels: {Daily: 3, daily: 4}\n", 2, 22,
            "key \"daily\" appears more than once in the same mapping; keep one"),
        ErrorCase(
            "a weight given twice through an alias", "pairing:\n  weights: {X: 2, Twitter: 3}\n", 2, 19,
            "key \"Twitter\" appears more than once in the same mapping; keep one"),
    ]

    static let types: [ErrorCase] = [
        ErrorCase(
            "text for a whole number", "privacy:\n  min_group_size: \"five\"\n", 2, 19,
            "privacy.min_group_size must be a whole number, not the text \"five\""),
        ErrorCase(
            "quoted number", "privacy:\n  min_group_size: \"5\"\n", 2, 19,
            "privacy.min_group_size must be a whole number, not the text \"5\""),
        ErrorCase(
            "fraction for a whole number", "pairing:\n  mentor_capacity: 1.5\n", 2, 20,
            "pairing.mentor_capacity must be a whole number, not the number 1.5"),
        ErrorCase(
            "list for a whole number", "pairing:\n  mentor_min: [3]\n", 2, 15,
            "pairing.mentor_min must be a whole number, not a list"),
        ErrorCase(
            "word for true/false", "privacy:\n  pseudonymize: maybe\n", 2, 17,
            "privacy.pseudonymize must be true or false, not the text \"maybe\""),
        ErrorCase(
            "word for a section", "input: auto\n", 1, 8,
            "input must be a mapping of layout, delimiter, encoding, not the text \"auto\""),
        ErrorCase(
            "list for the whole file", "- a\n- b\n", 1, 1,
            "the file must be a mapping of input, columns, scale, tools, bands, pairing, privacy, not a list"),
        ErrorCase(
            "word for a list", "scale:\n  missing: N/A\n", 2, 12,
            "scale.missing must be a list of answers that mean no answer, not the text \"N/A\""),
        ErrorCase(
            "word for a label score", "scale:\n  labels: {Daily: often}\n", 2, 19,
            "scale.labels \"Daily\" must be a whole number, not the text \"often\""),
        ErrorCase(
            "mapping for a header", "columns:\n  id: {header: ID}\n", 2, 7,
            "columns.id must be a header text, not a mapping"),
        ErrorCase(
            "empty header", "columns:\n  id: \"\"\n", 2, 7,
            "columns.id must be a header text, not the text \"\""),
        ErrorCase(
            "a band that is not a mapping", "bands:\n  - Junior\n", 2, 5,
            "bands item 1 must be a mapping of name, levels, years, birth_years, not the text \"Junior\""),
        ErrorCase(
            "years that are not a pair", "bands:\n  - {name: A, years: [1]}\n", 2, 22,
            "band \"A\" years must be a list [from, to] of two whole numbers, not a list"),
        ErrorCase(
            "weights that are neither a mapping nor gap", "pairing:\n  weights: 2\n", 2, 12,
            "pairing.weights must be a mapping of tool -> weight, or the word gap, not the number 2"),
        ErrorCase(
            "a weight that is a word", "pairing:\n  weights: {TikTok: high}\n", 2, 21,
            "pairing.weights \"TikTok\" must be a number, not the text \"high\""),
    ]

    static let ranges: [ErrorCase] = [
        ErrorCase(
            "min_group_size below 1", "privacy:\n  min_group_size: 0\n", 2, 19,
            "privacy.min_group_size must be 1 or more, not 0"),
        ErrorCase(
            "mentor_min above 4", "pairing:\n  mentor_min: 5\n", 2, 15,
            "pairing.mentor_min must be a score from 0 to 4, not 5"),
        ErrorCase(
            "mentee_max below 0", "pairing:\n  mentee_max: -1\n", 2, 15,
            "pairing.mentee_max must be a score from 0 to 4, not -1"),
        ErrorCase(
            "mentee_max equal to mentor_min", "pairing:\n  mentor_min: 2\n  mentee_max: 2\n", 3, 15,
            "pairing.mentee_max (2) must be less than pairing.mentor_min (2): a mentor teaches a tool they rate "
                + "at least mentor_min to a mentee who rates it at most mentee_max"),
        ErrorCase(
            "mentee_max alone above the default mentor_min", "pairing:\n  mentee_max: 3\n", 2, 15,
            "pairing.mentee_max (3) must be less than pairing.mentor_min (3): a mentor teaches a tool they rate "
                + "at least mentor_min to a mentee who rates it at most mentee_max"),
        ErrorCase(
            "mentor_min alone at the default mentee_max", "pairing:\n  mentor_min: 1\n", 2, 15,
            "pairing.mentee_max (1) must be less than pairing.mentor_min (1): a mentor teaches a tool they rate "
                + "at least mentor_min to a mentee who rates it at most mentee_max"),
        ErrorCase(
            "mentor_capacity below 0", "pairing:\n  mentor_capacity: -1\n", 2, 20,
            "pairing.mentor_capacity must be 0 or more, not -1"),
        ErrorCase(
            "scale min equal to max", "scale:\n  min: 5\n  max: 5\n", 3, 8,
            "scale.min (5) must be less than scale.max (5)"),
        ErrorCase(
            "scale min alone above the default max", "scale: {min: 4}\n", 1, 14,
            "scale.min (4) must be less than scale.max (4)"),
        ErrorCase(
            "label score above 4", "scale:\n  labels: {\"Could teach it\": 5}\n", 2, 30,
            "scale.labels \"Could teach it\" must be a score from 0 to 4, not 5"),
        ErrorCase(
            "negative weight", "pairing:\n  weights: {TikTok: -2}\n", 2, 21,
            "pairing.weights \"TikTok\" must be a number from 0 to 1000000, not -2"),
        ErrorCase(
            "negative years of experience", "bands:\n  - {name: A, years: [-1, 3]}\n", 2, 23,
            "band \"A\" years from must be 0 or more, not -1"),
        ErrorCase(
            "reversed birth years", "bands:\n  - {name: A, birth_years: [2012, 1997]}\n", 2, 28,
            "band \"A\" birth_years runs from 2012 to 1997: write the smaller number first"),
    ]

    static let words: [ErrorCase] = [
        ErrorCase(
            "unknown layout", "input:\n  layout: qualtrix\n", 2, 11,
            "input.layout must be one of auto, generic, qualtrics, surveymonkey, google-forms, microsoft-forms, "
                + "not \"qualtrix\" (did you mean \"qualtrics\"?)"),
        ErrorCase(
            "unknown encoding", "input:\n  encoding: latin-1\n", 2, 13,
            "input.encoding must be one of auto, utf-8, utf-16, windows-1252, not \"latin-1\""),
        ErrorCase(
            "unknown delimiter", "input:\n  delimiter: \"|\"\n", 2, 14,
            "input.delimiter must be one of auto, \",\", \";\", \"\\t\", not \"|\""),
        ErrorCase(
            "unknown objective", "pairing:\n  objective: fairness\n", 2, 14,
            "pairing.objective must be one of coverage, score, not \"fairness\""),
        ErrorCase(
            "unknown avoid word", "pairing:\n  avoid: [same_department, same_team]\n", 2, 28,
            "pairing.avoid must be one of same_department, different_location, not \"same_team\""),
        ErrorCase(
            "weights word other than gap", "pairing:\n  weights: gaps\n", 2, 12,
            "pairing.weights must be one of gap, {tool: weight, ...}, not \"gaps\" (did you mean \"gap\"?)"),
        ErrorCase(
            "unknown tool category", "tools:\n  - {name: Bluesky, category: social}\n", 2, 31,
            "tool \"Bluesky\" category must be one of social network, messaging, social media management, content, "
                + "not \"social\""),
    ]

    static let lists: [ErrorCase] = [
        ErrorCase(
            "band without a rule", "bands:\n  - name: Junior\n", 2, 5,
            "band \"Junior\" says nobody is in it: give exactly one of levels, years, birth_years"),
        ErrorCase(
            "band without a name", "bands:\n  - levels: [L1]\n", 2, 5,
            "bands item 1 needs a name"),
        ErrorCase(
            "band with an empty level list", "bands:\n  - {name: A, levels: []}\n", 2, 23,
            "band \"A\" levels is empty: list at least one level"),
        ErrorCase(
            "duplicate band names", "bands:\n  - {name: A, levels: [L1]}\n  - {name: a, levels: [L2]}\n", 3, 12,
            "bands has \"a\" twice (first at line 2)"),
        ErrorCase(
            "bands with different rules", "bands:\n  - {name: A, levels: [L1]}\n  - {name: B, years: [0, 3]}\n", 3,
            15,
            "band \"B\" uses years but band \"A\" uses levels: all bands must use the same rule, "
                + "or one person could fall in two bands"),
        ErrorCase(
            "levels that differ only in punctuation overlap",
            "bands:\n  - {name: A, levels: [L1]}\n  - {name: B, levels: [l-1]}\n", 3, 24,
            "bands \"A\" (line 2) and \"B\" overlap: level \"l-1\" is in both"),
        ErrorCase(
            "band names that differ only in spaces",
            "bands:\n  - {name: Gen Z, levels: [L1]}\n  - {name: GenZ, levels: [L2]}\n",
            3, 12, "bands has \"GenZ\" twice (first at line 2)"),
        ErrorCase(
            "overlapping birth years",
            "bands:\n  - {name: Z, birth_years: [1997, 2012]}\n  - {name: M, birth_years: [1981, 1997]}\n", 3, 28,
            "bands \"Z\" (line 2) and \"M\" overlap: birth years 1997–2012 and 1981–1997 share 1997"),
        ErrorCase(
            "overlapping open-ended years",
            "bands:\n  - {name: New, years: [0, 2]}\n  - {name: Old, years: [3, ~]}\n  - {name: Older, years: [30, 40]}\n",
            4, 26,
            "bands \"Old\" (line 3) and \"Older\" overlap: years 3+ and 30–40 share 30–40"),
        ErrorCase(
            "mentor band the bands do not define",
            "bands:\n  - {name: Junior, levels: [L1]}\n  - {name: Senior, levels: [L2]}\npairing:\n  mentor_bands: [Juniors]\n",
            5, 18,
            "pairing.mentor_bands names band \"Juniors\", which bands: does not define (bands: Junior, Senior)"),
        ErrorCase(
            "empty mentor band list", "pairing:\n  mentor_bands: []\n", 2, 17,
            "pairing.mentor_bands is empty: leave it blank for the default (half of the bands), "
                + "or name at least one band"),
        ErrorCase(
            "weight for an unknown tool", "pairing:\n  weights: {Myspace: 2}\n", 2, 13,
            "pairing.weights names tool \"Myspace\", which is not in the catalogue: add it under tools: with its category"
        ),
        ErrorCase(
            "column for an unknown tool", "columns:\n  tools: {Q9: Hootsiute}\n", 2, 15,
            "columns.tools names tool \"Hootsiute\", which is not in the catalogue: add it under tools: with its category"
        ),
        ErrorCase(
            "duplicate header in columns", "columns:\n  id: Staff\n  name: staff\n", 3, 9,
            "columns has \"staff\" twice (first at line 2)"),
        ErrorCase(
            "new tool without a category", "tools:\n  - {name: Bluesky}\n", 2, 5,
            "new tool \"Bluesky\" needs a category (social network, messaging, social media management, content)"),
        ErrorCase(
            "tool listed twice",
            "tools:\n  - {name: Bluesky, category: social network}\n  - {name: bluesky, aliases: [bsky]}\n", 3, 12,
            "tools has \"bluesky\" twice (first at line 2)"),
        ErrorCase(
            "alias of another tool",
            "tools:\n  - {name: Bluesky, aliases: [Twitter], category: social network}\n", 2, 31,
            "tool \"Bluesky\": alias \"Twitter\" already names X"),
        ErrorCase(
            "tool named by another tool's alias", "tools:\n  - {name: Twitter, aliases: [Tweets]}\n", 2, 12,
            "tool \"Twitter\" is already a name of X; to add aliases to X, write name: \"X\""),
        ErrorCase(
            "built-in tool with another category", "tools:\n  - {name: Slack, category: content}\n", 2, 29,
            "tool \"Slack\" is built in with category \"messaging\", not \"content\" "
                + "(leave category out to add aliases only)"),
    ]

    static let syntax: [ErrorCase] = [
        ErrorCase(
            "tab indentation", "privacy:\n\tmin_group_size: 5\n", 2, 1,
            "invalid YAML: found character that cannot start any token (while scanning for the next token at line 2, column 1)"
        ),
        ErrorCase(
            "unclosed quote", "columns:\n  id: \"Employee ID\n", 3, 1,
            "invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 2, column 7)"),
        ErrorCase(
            "two documents", "privacy: {}\n---\npairing: {}\n", 2, 1,
            "invalid YAML: expected a single document in the stream but found another document"),
    ]

    @Test("unknown and duplicate keys", arguments: keys)
    func unknownKeys(_ example: ErrorCase) throws { try check(example) }

    @Test("wrong types", arguments: types)
    func wrongTypes(_ example: ErrorCase) throws { try check(example) }

    @Test("values out of range", arguments: ranges)
    func outOfRange(_ example: ErrorCase) throws { try check(example) }

    @Test("unknown words", arguments: words)
    func unknownWords(_ example: ErrorCase) throws { try check(example) }

    @Test("bands, tools and names", arguments: lists)
    func listProblems(_ example: ErrorCase) throws { try check(example) }

    @Test("bad YAML syntax", arguments: syntax)
    func badSyntax(_ example: ErrorCase) throws { try check(example) }

    private func check(_ example: ErrorCase) throws {
        let error = try #require(parseError(example.yaml))
        #expect(error.location.file == "genbridge.yml")
        #expect(error.location.line == example.line)
        #expect(error.location.column == example.column)
        #expect(error.problem == example.message)
        #expect(error.description == "genbridge.yml:\(example.line):\(example.column): \(example.message)")
    }

    // MARK: Fixture files

    @Test(
        "fixture files give their error at the right place",
        arguments: [
            (
                "unknown-key.yml", 5, 3,
                "unknown key \"min_grup_size\" in privacy; did you mean \"min_group_size\"?"
            ),
            ("wrong-type.yml", 3, 19, "privacy.min_group_size must be a whole number, not the text \"five\""),
            ("overlapping-bands.yml", 4, 31, "bands \"Junior\" (line 3) and \"Mid\" overlap: level \"L3\" is in both"),
            (
                "overlapping-years.yml", 6, 12,
                "bands \"Early\" (line 3) and \"Experienced\" overlap: years 0–5 and 5–15 share 5"
            ),
            (
                "band-two-rules.yml", 5, 5,
                "band \"Junior\" has 2 rules (levels, years): give exactly one of levels, years, birth_years"
            ),
            (
                "bad-yaml.yml", 4, 3,
                "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 17)"
            ),
        ])
    func fixtureErrors(name: String, line: Int, column: Int, message: String) throws {
        let path = configFixture(name)
        let error = try #require(loadError(path))
        #expect(error.description == "\(path):\(line):\(column): \(message)")
    }

    @Test("a file that does not exist, or is a folder, cannot be read")
    func unreadable() throws {
        let missing = configFixture("no-such-file.yml")
        #expect(loadError(missing) == .cannotRead(file: missing, reason: "no such file"))
        #expect(
            loadError(missing)?.description == "\(missing): cannot read the configuration file: no such file")
        let folder = configFixture("")
        #expect(loadError(folder) == .cannotRead(file: folder, reason: "it is a directory"))
    }

    @Test("a readable file that is not a regular one is read: /dev/null is an empty config")
    func notRegularFile() throws {
        #expect(try GenbridgeConfig.load(path: "/dev/null") == GenbridgeConfig.load(path: configFixture("empty.yml")))
        #expect(try GenbridgeConfig.load(path: "/dev/null") == GenbridgeConfig())
    }

    @Test("bytes that are not UTF-8 are located")
    func notUTF8() throws {
        let path = try temporaryFile(Array("privacy:\n  pseudonymize: ".utf8) + [0xFF, 0x0A])
        let error = try #require(loadError(path))
        #expect(error == .notUTF8(.init(file: path, line: 2, column: 17)))
        #expect(error.description == "\(path):2:17: the configuration file is not UTF-8 text (save it as UTF-8)")
    }

    @Test("a byte-order mark does not shift columns")
    func byteOrderMark() throws {
        let error = try #require(parseError("\u{FEFF}privcy: {}\n"))
        #expect(error.location.line == 1)
        #expect(error.location.column == 1)
    }
}
