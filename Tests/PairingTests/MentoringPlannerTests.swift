import Foundation
import TestScratch
import Testing

@testable import Analysis
@testable import Ingest
@testable import Pairing

/// The rule layer around the solver: candidates, management chains, exclusions, capacities,
/// explanations, on real ingested surveys.
@Suite("Mentoring plans: every rule enforced, every pair explained")
struct MentoringPlannerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Run {
        var survey: Survey
        var analysis: SurveyAnalysis
        var pool: CandidatePool
        var respondents: [Respondent]

        func plan(_ options: PairingOptions = PairingOptions()) throws -> MentoringPlan {
            var pool = pool
            return try MentoringPlanner.plan(pool: &pool, survey: survey, analysis: analysis, options: options)
        }
    }

    static func run(paths: [String], minGroupSize: Int = 5) -> Run {
        var tally = FamiliarityTally()
        var pool = CandidatePool()
        var respondents: [Respondent] = []
        let survey = SurveyIngestor(options: IngestOptions()).ingest(paths.map(InputSource.init(path:))) {
            tally.add($0)
            pool.add($0)
            respondents.append($0)
        }
        let analysis = FamiliarityAnalyser.analyse(
            tally, survey: survey, options: AnalysisOptions(minGroupSize: minGroupSize))
        return Run(survey: survey, analysis: analysis, pool: pool, respondents: respondents)
    }

    static func run(csv: String) throws -> Run {
        let path = try Scratch.file(Array(csv.utf8), name: "survey.csv", label: "plan")
        return run(paths: [path], minGroupSize: 1)
    }

    /// Everyone above `id` in the manager column, found independently of the planner.
    static func chain(of id: String, in respondents: [Respondent]) -> Set<String> {
        var managerOf: [String: String] = [:]
        for respondent in respondents { managerOf[respondent.id] = respondent.manager }
        var above: Set<String> = []
        var current = id
        while let next = managerOf[current], !above.contains(next), next != id {
            above.insert(next)
            current = next
        }
        return above
    }

    @Test("a pool stashed in a scratch file while the solver runs gives the same plan as one kept in memory")
    func stashedPoolSamePlan() throws {
        let run = Self.run(paths: [Self.root.appendingPathComponent("Fixtures/sample-survey.csv").path])
        var kept = run.pool
        var stashed = run.pool
        let inMemory = try MentoringPlanner.plan(
            pool: &kept, survey: run.survey, analysis: run.analysis, options: PairingOptions(), stashFrom: Int.max)
        let throughFile = try MentoringPlanner.plan(
            pool: &stashed, survey: run.survey, analysis: run.analysis, options: PairingOptions(), stashFrom: 0)
        #expect(inMemory.pairs.count > 10)
        #expect(throughFile.pairs == inMemory.pairs)
        #expect(throughFile.unpaired == inMemory.unpaired)
        #expect(throughFile.coverage == inMemory.coverage)
        #expect(!stashed.isStashed)
        #expect(stashed.candidateCount == kept.candidateCount)
    }

    @Test("the sample: no pair breaks a rule")
    func sampleRules() throws {
        let run = Self.run(paths: [Self.root.appendingPathComponent("Fixtures/sample-survey.csv").path])
        let plan = try run.plan()
        let byID = Dictionary(uniqueKeysWithValues: run.respondents.map { ($0.id, $0) })
        #expect(plan.pairs.count > 10)
        var mentees = Set<String>()
        var load: [String: Int] = [:]
        for pair in plan.pairs {
            let mentor = try #require(byID[pair.mentor.id])
            let mentee = try #require(byID[pair.mentee.id])
            #expect(run.survey.band(of: mentor).index == 0)
            #expect(run.survey.band(of: mentee).index == run.survey.bands.count - 1)
            #expect(mentor.mentorOptIn == true && mentee.menteeOptIn == true)
            #expect(mentor.id != mentee.id)
            #expect(!Self.chain(of: mentor.id, in: run.respondents).contains(mentee.id))
            #expect(!Self.chain(of: mentee.id, in: run.respondents).contains(mentor.id))
            #expect(!pair.tools.isEmpty)
            for tool in pair.tools {
                #expect(tool.mentorScore >= 3 && tool.menteeScore <= 1)
                #expect(mentor.score(tool.tool) == tool.mentorScore && mentee.score(tool.tool) == tool.menteeScore)
            }
            #expect(pair.score == Double(pair.tools.reduce(0) { $0 + $1.mentorScore - $1.menteeScore }))
            #expect(mentees.insert(mentee.id).inserted)
            load[mentor.id, default: 0] += 1
        }
        for (id, count) in load { #expect(count <= (byID[id]?.capacity ?? 1)) }
        #expect(plan.pairs.count + plan.unpaired.count == plan.menteeCandidates)
    }

    @Test("the CEO, above every mentor, is unpaired: every candidate is excluded by the management chain")
    func ceo() throws {
        let run = Self.run(paths: [Self.root.appendingPathComponent("Fixtures/sample-survey.csv").path])
        let plan = try run.plan()
        let ceo = try #require(plan.unpaired.first { $0.person.name == "Grace Smith" })
        #expect(ceo.reason == .everyCandidateExcluded([.managementChain]))
    }

    /// A chain 30 deep: the junior at the bottom reports, through 28 middle managers, to the senior at the top.
    static let deepChain: String = {
        var lines = ["id,Level,Manager,TikTok,LinkedIn"]
        lines.append("top,L9,,0,4")
        for depth in 1...28 { lines.append("m\(depth),L5,\(depth == 1 ? "top" : "m\(depth - 1)"),2,2") }
        lines.append("bottom,L1,m28,4,1")
        lines.append("other,L1,,4,0")
        lines.append("peer,L9,,0,3")
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("a chain 30 deep still forbids the pair at its two ends")
    func deepChain() throws {
        let run = try Self.run(csv: Self.deepChain)
        let plan = try run.plan()
        let pairs = Set(plan.pairs.map { "\($0.mentor.id)->\($0.mentee.id)" })
        #expect(!pairs.contains("bottom->top"))
        #expect(pairs == ["other->top", "bottom->peer"])
    }

    @Test("a cycle in the manager data is reported once and chains stop there")
    func cycle() throws {
        let run = Self.run(
            paths: [Self.root.appendingPathComponent("Fixtures/bad/manager-cycle.csv").path], minGroupSize: 1)
        let plan = try run.plan()
        #expect(plan.managerCycles == [["A1", "B1", "C1"]])
        for pair in plan.pairs {
            #expect(!(["A1", "B1"].contains(pair.mentor.id) && pair.mentee.id == "C1"))
            #expect(!(["D1", "G1"].contains(pair.mentor.id) && pair.mentee.id == "E1"))
        }
    }

    @Test("managers given by email are followed too")
    func managerByEmail() throws {
        let run = try Self.run(
            csv: """
                id,Email,Level,Manager,TikTok
                boss,boss@example.com,L9,,0
                kid,kid@example.com,L1,BOSS@example.com,4
                """)
        let plan = try run.plan()
        #expect(plan.pairs.isEmpty)
        #expect(plan.unpaired.first?.reason == .everyCandidateExcluded([.managementChain]))
    }

    @Test("excluded pairs are never proposed again, and say so when they leave a mentee alone")
    func excludedPairs() throws {
        let run = try Self.run(csv: "id,Level,TikTok\na,L1,4\nb,L1,3\ns,L9,0\n")
        let first = try run.plan()
        #expect(first.pairs.map(\.mentor.id) == ["a"])
        var options = PairingOptions()
        options.excludedPairs = [ExcludedPair(mentorID: "a", menteeID: "s")]
        #expect(try run.plan(options).pairs.map(\.mentor.id) == ["b"])
        options.excludedPairs.insert(ExcludedPair(mentorID: "b", menteeID: "s"))
        let none = try run.plan(options)
        #expect(none.pairs.isEmpty)
        #expect(none.unpaired.first?.reason == .everyCandidateExcluded([.earlierPair]))
    }

    @Test("an exclusion file is read from an earlier pairings.csv, neutralised ids included")
    func exclusionFile() throws {
        let folder = try Scratch.folder("exclusions")
        let path = folder.appendingPathComponent("pairings.csv").path
        try Data("mentor_id,mentor_name,mentee_id\nE1,Ann,E9\n'=E2,Bob,E8\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(
            try ExcludedPairsFile.read(path) == [
                ExcludedPair(mentorID: "E1", menteeID: "E9"), ExcludedPair(mentorID: "=E2", menteeID: "E8"),
            ])
        let bad = folder.appendingPathComponent("bad.csv").path
        try Data("employee,partner\nE1,E2\n".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(throws: IngestError.self) { try ExcludedPairsFile.read(bad) }
    }

    @Test(
        "an exclusion file with a ragged row or a NUL byte is refused at its line and column, as a survey row would be",
        arguments: [
            ("mentor_id,mentee_id\nE1,E9\nE2,E8,x\n", "3:3: ragged row: 3 fields where the header has 2"),
            (
                "mentor_id,mentee_id,tools\nE1,E9,Zoom\n\"E2\nx\",E8\nE3,E7\n",
                "3:3: ragged row: 2 fields where the header has 3"
            ),
            ("mentor_id,mentee_id\nE1,E9\nE2,E8\u{0}\n", "3:2: NUL byte in column 2"),
            ("mentor_id,mentee_id,no\u{0}te\nE1,E9,x\n", "1:3: NUL byte in a header cell"),
        ])
    func exclusionFileFaults(text: String, message: String) throws {
        let path = try Scratch.folder("exclusions").appendingPathComponent("faulty.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: IngestError.self) { try ExcludedPairsFile.read(path) }
        #expect(error.description == "\(path):\(message)")
    }

    @Test("capacity: the capacity column wins, --mentor-capacity is everyone else's")
    func capacity() throws {
        let csv = "id,Level,Mentoring capacity,TikTok\na,L1,2,4\nb,L1,,4\ns1,L9,,0\ns2,L9,,0\ns3,L9,,0\ns4,L9,,0\n"
        let run = try Self.run(csv: csv)
        let plan = try run.plan()
        #expect(plan.pairs.count == 3)
        #expect(plan.pairs.filter { $0.mentor.id == "a" }.count == 2)
        #expect(plan.unpaired.map(\.reason) == [.capacityExhausted])
        var options = PairingOptions()
        options.mentorCapacity = 2
        #expect(try run.plan(options).pairs.count == 4)
    }

    @Test("avoid same department and different location")
    func avoid() throws {
        let csv = "id,Level,Department,Location,TikTok\na,L1,Sales,London,4\nb,L1,HR,Berlin,4\ns,L9,Sales,Berlin,0\n"
        let run = try Self.run(csv: csv)
        var options = PairingOptions()
        options.avoidSameDepartment = true
        #expect(try run.plan(options).pairs.map(\.mentor.id) == ["b"])
        options.avoidDifferentLocation = true
        #expect(try run.plan(options).pairs.map(\.mentor.id) == ["b"])
        options.avoidSameDepartment = false
        options.avoidDifferentLocation = true
        #expect(try run.plan(options).pairs.map(\.mentor.id) == ["b"])
        let blocked = try Self.run(csv: "id,Level,Department,TikTok\na,L1,Sales,4\ns,L9,sales,0\n")
        var sameDepartment = PairingOptions()
        sameDepartment.avoidSameDepartment = true
        #expect(try blocked.plan(sameDepartment).unpaired.first?.reason == .everyCandidateExcluded([.sameDepartment]))
    }

    @Test("explanations: tools best first, mutual pairs, reasons for the unpaired")
    func explanations() throws {
        let csv = "id,Level,TikTok,Snapchat,LinkedIn,Slack\na,L1,3,4,0,2\ns,L9,1,0,4,2\nt,L9,3,3,3,3\n"
        let run = try Self.run(csv: csv)
        let plan = try run.plan()
        let pair = try #require(plan.pairs.first)
        #expect(pair.tools.map { run.survey.tools[$0.tool].name } == ["Snapchat", "TikTok"])
        #expect(pair.tools.first?.mentorScore == 4 && pair.tools.first?.menteeScore == 0)
        #expect(pair.isMutual)
        #expect(pair.teachesBack.map { run.survey.tools[$0.tool].name } == ["LinkedIn"])
        #expect(pair.score == 6)
        #expect(plan.unpaired.map(\.person.id) == ["t"])
        #expect(plan.unpaired.first?.reason == .noOneCanTeach)
        #expect(plan.unpaired.first?.lowTools == [])
    }

    @Test("under score, a mentee whose teachable tools all weigh 0 is told so, not that no one knows them")
    func unweightedTools() throws {
        let run = try Self.run(csv: "id,Level,TikTok,Canva\na,L1,4,0\ns,L9,0,2\n")
        var options = PairingOptions()
        options.weights = ["TikTok": 0]
        options.objective = .score
        let plan = try run.plan(options)
        #expect(plan.pairs.isEmpty)
        #expect(plan.unpaired.first?.reason == .onlyUnweightedTools)
        #expect(plan.unpaired.first?.reason.code == "no_one_can_teach")
        options.objective = .coverage
        #expect(try run.plan(options).pairs.map(\.score) == [0])
    }

    @Test("the same people in another row order give the same pairs")
    func determinism() throws {
        let sample = try String(
            contentsOfFile: Self.root.appendingPathComponent("Fixtures/sample-survey.csv").path, encoding: .utf8)
        var lines = sample.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        var generator = SeededGenerator(seed: 7)
        lines.shuffle(using: &generator)
        let shuffled = try Self.run(csv: ([header] + lines).joined(separator: "\n") + "\n")
        let original = try Self.run(csv: sample)
        let key: (MentoringPlan) -> [String] = { $0.pairs.map { "\($0.mentor.id)->\($0.mentee.id)" }.sorted() }
        #expect(key(try shuffled.plan()) == key(try original.plan()))
        #expect(key(try original.plan()) == key(try original.plan()))
    }

    @Test("coverage: of the mentees low on a tool, how many are taught it")
    func coverage() throws {
        let run = Self.run(paths: [Self.root.appendingPathComponent("Fixtures/sample-survey.csv").path])
        let plan = try run.plan()
        let last = run.survey.bands.count - 1
        for entry in plan.coverage {
            let low = run.respondents.filter {
                $0.menteeOptIn == true && run.survey.band(of: $0).index == last
                    && ($0.score(entry.tool).map { $0 <= 1 } ?? false)
            }
            #expect(entry.menteesLow == low.count)
            #expect(entry.covered == plan.pairs.filter { $0.tools.contains { $0.tool == entry.tool } }.count)
            #expect(entry.covered <= entry.menteesLow)
        }
    }

    @Test("the pairs' people in pool order: counted out as sorting would order them", arguments: [0, 1, 7, 500])
    func placesByNumber(count: Int) {
        var rng = SolverTestRandom(seed: UInt64(count))
        let numbers = (0..<count).map { _ in rng.int(0...40) }  // repeats, as a mentor's several pairs
        let places = MentoringPlanner.placesByNumber(count: count, numbers: 41) { numbers[$0] }
        #expect(places == (0..<count).map { UInt64(numbers[$0]) << 32 | UInt64($0) }.sorted())
    }

    @Test("pairing.mentor_bands naming a band the run lacks is an error")
    func unknownBand() throws {
        let run = try Self.run(csv: "id,Level,TikTok\na,L1,4\ns,L9,0\n")
        var options = PairingOptions()
        options.mentorBands = ["Interns"]
        #expect(throws: PairingError.self) { try run.plan(options) }
    }
}
