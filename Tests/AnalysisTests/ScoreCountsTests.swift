import Foundation
import Testing

@testable import Analysis

@Suite("ScoreCounts")
struct ScoreCountsTests {
    @Test("an empty group has n = 0 and no statistics")
    func emptyGroup() {
        let empty = ScoreCounts()
        #expect(empty.n == 0)
        #expect(empty.isEmpty)
        #expect(empty.counts == [0, 0, 0, 0, 0])
        #expect(empty.mean == nil)
        #expect(empty.median == nil)
        #expect(empty.shareConfident == nil)
        #expect(empty == ScoreCounts(counts: [0, 0, 0, 0, 0]))
        #expect(empty == ScoreCounts(scores: []))
    }

    @Test("the three initialisers agree")
    func initialisersAgree() {
        let answers = [4, 0, 3, 3, 1, 4, 2, 3]
        var added = ScoreCounts()
        for score in answers { added.add(score) }
        let fromScores = ScoreCounts(scores: answers)
        let fromCounts = ScoreCounts(counts: [1, 1, 1, 3, 2])
        #expect(added == fromCounts)
        #expect(fromScores == fromCounts)
        #expect(fromCounts.counts == [1, 1, 1, 3, 2])
        #expect(fromCounts.n == 8)
        #expect(fromCounts.scoreSum == 0 + 1 + 2 + 9 + 8)
        for score in ScoreCounts.scores {
            #expect(fromCounts.count(of: score) == fromCounts.counts[score])
        }
    }

    @Test("count(of:) is 0 outside the scale", arguments: [-1, 5, 99, Int.min])
    func countOutsideScale(score: Int) {
        #expect(ScoreCounts(counts: [7, 7, 7, 7, 7]).count(of: score) == 0)
    }

    @Test("merging adds counts level by level")
    func merge() {
        var first = ScoreCounts(counts: [1, 0, 2, 0, 3])
        let second = ScoreCounts(counts: [0, 4, 1, 1, 0])
        #expect((first + second).counts == [1, 4, 3, 1, 3])
        first.add(second)
        #expect(first.counts == [1, 4, 3, 1, 3])
        first.add(ScoreCounts())
        #expect(first.counts == [1, 4, 3, 1, 3])
    }

    /// Hand-computed: (answers, mean, median, share confident).
    static let summaries: [([Int], Double, Double, Double)] = [
        ([2], 2, 2, 0),  // one answer
        ([4], 4, 4, 1),
        ([1, 3], 2, 2, 0.5),  // even n: mean of the two middle values
        ([0, 0, 1, 4], 1.25, 0.5, 0.25),  // even n, middle values 0 and 1
        ([0, 4, 4], 8.0 / 3, 4, 2.0 / 3),  // odd n: the middle value
        ([3, 3, 3, 3, 3], 3, 3, 1),  // all equal
        ([0, 1, 2, 3, 4], 2, 2, 0.4),
        ([0, 1, 2, 3, 4, 4], 14.0 / 6, 2.5, 0.5),  // middle values at different levels
        ([2, 2, 3, 3], 2.5, 2.5, 0.5),
        ([0, 0, 0, 0, 0, 0, 0, 1], 0.125, 0, 0),
    ]

    @Test("mean, median and share confident", arguments: summaries)
    func summary(answers: [Int], mean: Double, median: Double, shareConfident: Double) throws {
        let counts = ScoreCounts(scores: answers)
        #expect(counts.n == answers.count)
        #expect(try #require(counts.mean) == mean)
        #expect(try #require(counts.median) == median)
        #expect(try #require(counts.shareConfident) == shareConfident)
    }

    @Test("median agrees with sorting the answers, for every group of up to 6 answers")
    func medianExhaustive() throws {
        // All multisets of size 1…6 over 0…4, via all count vectors with that sum.
        for n in 1...6 {
            for c0 in 0...n {
                for c1 in 0...(n - c0) {
                    for c2 in 0...(n - c0 - c1) {
                        for c3 in 0...(n - c0 - c1 - c2) {
                            let counts = [c0, c1, c2, c3, n - c0 - c1 - c2 - c3]
                            let sorted = statisticsExpand(counts)
                            let expected =
                                n % 2 == 1
                                ? Double(sorted[n / 2])
                                : Double(sorted[n / 2 - 1] + sorted[n / 2]) / 2
                            #expect(try #require(ScoreCounts(counts: counts).median) == expected)
                        }
                    }
                }
            }
        }
    }

    @Test("encodes as an array of five counts and decodes back")
    func codableRoundTrip() throws {
        let counts = ScoreCounts(counts: [3, 5, 0, 1, 2])
        let data = try JSONEncoder().encode(counts)
        #expect(String(decoding: data, as: UTF8.self) == "[3,5,0,1,2]")
        #expect(try JSONDecoder().decode(ScoreCounts.self, from: data) == counts)
    }

    @Test(
        "rejects a malformed encoding instead of trapping",
        arguments: ["[1,2,3,4]", "[1,2,3,4,5,6]", "[1,2,-3,4,5]", "{\"0\":1}", "[1.5,2,3,4,5]"]
    )
    func codableRejects(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ScoreCounts.self, from: Data(json.utf8))
        }
    }

    @Test("a resample keeps n, never invents a score, and averages to the observed shares")
    func resampling() {
        let counts = ScoreCounts(counts: [0, 30, 0, 50, 20])
        var generator = SeededGenerator(seed: 7)
        var totals = [0, 0, 0, 0, 0]
        let rounds = 4000
        for _ in 0..<rounds {
            let resample = counts.resampled(using: &generator)
            #expect(resample.n == 100)
            #expect(resample.count(of: 0) == 0)
            #expect(resample.count(of: 2) == 0)
            for score in ScoreCounts.scores { totals[score] += resample.count(of: score) }
        }
        // Each level's count is Binomial(100, p_k): its mean over 4000 resamples has standard
        // error sqrt(100·p(1−p)/4000) ≤ 0.08; allow 5 of them.
        for (score, share) in [(1, 0.3), (3, 0.5), (4, 0.2)] {
            let average = Double(totals[score]) / Double(rounds)
            let standardError = (100 * share * (1 - share) / Double(rounds)).squareRoot()
            #expect(abs(average - 100 * share) < 5 * standardError)
        }
    }

    @Test("a group with one occupied score resamples to itself without using randomness")
    func resamplingDegenerate() {
        let counts = ScoreCounts(counts: [0, 0, 9, 0, 0])
        var generator = SeededGenerator(seed: 1)
        let untouched = generator
        #expect(counts.resampled(using: &generator) == counts)
        #expect(generator == untouched)
        #expect(ScoreCounts().resampled(using: &generator) == ScoreCounts())
    }
}
