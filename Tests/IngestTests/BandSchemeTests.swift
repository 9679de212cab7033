import Testing

@testable import Ingest

@Suite("Seniority bands")
struct BandSchemeTests {
    func scheme(_ roles: Set<ColumnRole>, definitions: [BandDefinition] = []) throws -> BandScheme {
        try #require(BandScheme(definitions: definitions, availableRoles: roles, referenceYear: 2026))
    }

    @Test("natural order of levels")
    func naturalOrder() {
        let levels = ["L10", "L2", "L1", "Grade 12", "Grade 9", "L3"]
        #expect(
            levels.sorted(by: NaturalOrder.areInIncreasingOrder) == ["Grade 9", "Grade 12", "L1", "L2", "L3", "L10"])
    }

    @Test("levels split into three runs of about equal numbers of people")
    func levelSplit() throws {
        var bands = try scheme([.level])
        let people = ["L1": 30, "L2": 26, "L3": 23, "L4": 21, "L5": 17, "L6": 15, "L7": 11, "L8": 7]
        for (level, count) in people.sorted(by: { $0.key < $1.key }) {
            for _ in 0..<count { _ = bands.classify([.level: level]) }
        }
        let (result, _) = bands.resolve()
        #expect(result.map(\.name) == ["Junior", "Mid", "Senior"])
        #expect(result.map(\.members) == ["L1–L2", "L3–L4", "L5–L8"])
    }

    @Test("a level split never mixes non-adjacent levels, and L10 sorts after L9")
    func levelSplitNatural() throws {
        var bands = try scheme([.level])
        var keyOf: [String: Int] = [:]
        for level in ["L10", "L9", "L1", "L2", "L3", "L4"] {
            if case .success(let key) = bands.classify([.level: level]) { keyOf[level] = key }
        }
        let (result, bandOfKey) = bands.resolve()
        #expect(result.count == 3)
        #expect(bandOfKey[keyOf["L10"] ?? -1] == 2)
        #expect(bandOfKey[keyOf["L1"] ?? -1] == 0)
    }

    @Test("fewer than three levels give one band each")
    func fewLevels() throws {
        var bands = try scheme([.level])
        _ = bands.classify([.level: "Senior"])
        _ = bands.classify([.level: "Junior"])
        #expect(bands.resolve().bands.count == 2)
    }

    @Test("birth years become Pew generations, most junior first")
    func generations() throws {
        var bands = try scheme([.birthYear])
        for year in ["1950", "2000", "1985", "1970", "1999"] { _ = bands.classify([.birthYear: year]) }
        #expect(bands.resolve().bands.map(\.name) == ["Gen Z", "Millennials", "Gen X", "Boomers"])
        guard case .failure(let reason) = bands.classify([.birthYear: "1920"]) else {
            Issue.record("1920 should fit no generation")
            return
        }
        #expect(reason.code == "no_band")
        guard case .failure = bands.classify([.birthYear: ""]) else { Issue.record("blank fits no band"); return }
    }

    @Test("ages count back from the reference year")
    func ages() throws {
        var bands = try scheme([.age])
        _ = bands.classify([.age: "26"])  // born 2000
        _ = bands.classify([.age: "60"])  // born 1966
        #expect(bands.resolve().bands.map(\.name) == ["Gen Z", "Gen X"])
    }

    @Test("years of experience fall in fixed ranges")
    func years() throws {
        var bands = try scheme([.years])
        for years in ["0", "2", "3", "10", "11", "35"] { _ = bands.classify([.years: years]) }
        #expect(
            bands.resolve().bands.map(\.name) == ["0–2 years", "3–5 years", "6–10 years", "11–20 years", "21+ years"])
        guard case .failure = bands.classify([.years: "-1"]) else { Issue.record("negative years fit no band"); return }
    }

    @Test("a band column orders known words, others by first appearance")
    func bandColumn() throws {
        var bands = try scheme([.band, .level])
        #expect(bands.source == .bandColumn)
        for value in ["Senior", "Graduate", "Junior", "Executive", "Mid"] { _ = bands.classify([.band: value]) }
        #expect(bands.resolve().bands.map(\.name) == ["Junior", "Mid", "Senior", "Executive", "Graduate"])
    }

    @Test("spellings that differ in case, spaces or punctuation are one band value or one level")
    func spellings() throws {
        var column = try scheme([.band])
        var keys: [Int] = []
        for value in ["Junior", "SENIOR", "junior", "Mid", "Senior", "mid-"] {
            if case .success(let key) = column.classify([.band: value]) { keys.append(key) }
        }
        let (bands, bandOfKey) = column.resolve()
        #expect(bands.map(\.name) == ["Junior", "Mid", "SENIOR"])
        #expect(keys.map { bandOfKey[$0] } == [0, 2, 0, 1, 2, 1])

        var levels = try scheme([.level])
        var levelKeys: [Int] = []
        for level in ["L1", "l1", "L-2", "L2", "L 3", "L3", "L10"] {
            if case .success(let key) = levels.classify([.level: level]) { levelKeys.append(key) }
        }
        let (levelBands, bandOfLevelKey) = levels.resolve()
        #expect(levelBands.map(\.members) == ["L1", "L-2", "L 3–L10"])
        #expect(levelKeys.map { bandOfLevelKey[$0] } == [0, 0, 1, 1, 2, 2, 2])
    }

    @Test("configured bands decide while reading; a level they do not list is rejected")
    func configured() throws {
        var bands = try scheme(
            [.level],
            definitions: [
                BandDefinition(name: "Early", rule: .levels(["L1", "L2"])),
                BandDefinition(name: "Late", rule: .levels(["L3"])),
            ])
        guard case .success(let early) = bands.classify([.level: "l2"]) else { Issue.record("L2 is Early"); return }
        guard case .success(let late) = bands.classify([.level: "l-3"]) else { Issue.record("l-3 is Late"); return }
        guard case .failure = bands.classify([.level: "L9"]) else { Issue.record("L9 fits no band"); return }
        let (result, bandOfKey) = bands.resolve()
        #expect(result.map(\.name) == ["Early", "Late"])
        #expect(bandOfKey[early] == 0)
        #expect(bandOfKey[late] == 1)
    }

    @Test("no band source at all")
    func noSource() {
        #expect(BandScheme(definitions: [], availableRoles: [.name, .email], referenceYear: 2026) == nil)
    }
}
