import Testing

@testable import Pairing

/// The forbidden pairs' list against a `Set` of the same pairs.
@Suite("Candidate pair list")
struct CandidatePairListTests {
    @Test("pairs given with repeats, in any order, are each listed once, by mentee then mentor", arguments: 0..<20)
    func madeFromPairs(seed: UInt64) {
        var rng = SolverTestRandom(seed: seed)
        let mentees = rng.int(1...40)
        let mentors = rng.int(1...40)
        var given: [CandidatePair] = []
        for _ in 0..<rng.int(0...300) {
            given.append(CandidatePair(mentor: rng.int(0...mentors - 1), mentee: rng.int(0...mentees - 1)))
        }
        given += given.prefix(rng.int(0...given.count))  // repeats
        given.shuffle(using: &rng)
        let list = CandidatePairList(given)
        let expected = Set(given)
        #expect(Array(list) == expected.sorted())
        #expect(list.count == expected.count)
        for mentee in -1...mentees {
            for mentor in -1...mentors {
                let pair = CandidatePair(mentor: mentor, mentee: mentee)
                #expect(list.contains(pair) == expected.contains(pair), "\(pair)")
            }
        }
    }

    @Test("a union holds the pairs of both lists once; an empty list is the identity")
    func union() {
        let a: CandidatePairList = [
            CandidatePair(mentor: 3, mentee: 1), CandidatePair(mentor: 0, mentee: 2),
            CandidatePair(mentor: 1, mentee: 1),
        ]
        let b: CandidatePairList = [CandidatePair(mentor: 1, mentee: 1), CandidatePair(mentor: 7, mentee: 0)]
        #expect(
            Array(a.union(b)) == [
                CandidatePair(mentor: 7, mentee: 0), CandidatePair(mentor: 1, mentee: 1),
                CandidatePair(mentor: 3, mentee: 1), CandidatePair(mentor: 0, mentee: 2),
            ])
        #expect(a.union([]) == a && CandidatePairList().union(b) == b)
        #expect(CandidatePairList().isEmpty && !CandidatePairList().contains(CandidatePair(mentor: 0, mentee: 0)))
    }
}
