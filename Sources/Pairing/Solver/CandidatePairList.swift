/// A set of candidate pairs (the forbidden ones) as one sorted list without repeats: by mentee,
/// then by mentor, as `CandidatePair` orders them. A pair takes 8 bytes, a fraction of a hash
/// set's memory, and the solver reads each mentee's mentors as one run of the list.
///
/// Made in linear time (the pairs counted out per mentee, then each mentee's few mentors
/// sorted), so a planner that finds hundreds of thousands of pairs on two threads does not
/// then spend longer putting them in order than finding them.
package struct CandidatePairList: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// `mentee << 32 | mentor`, ascending.
    private var keys: [UInt64]

    package init() { keys = [] }

    package init(arrayLiteral pairs: CandidatePair...) { self.init(pairs) }

    /// The pairs in `pairs`, each once. Indices must lie in `0..<2^31`.
    package init(_ pairs: some Sequence<CandidatePair>) {
        let listed = Array(pairs)
        var menteeCount = 0
        for pair in listed {
            precondition(
                (0...Int(Int32.max)).contains(pair.mentor) && (0...Int(Int32.max)).contains(pair.mentee),
                "a candidate pair's indices fit in 31 bits")
            menteeCount = Swift.max(menteeCount, pair.mentee + 1)
        }
        // Counted out per mentee, then each mentee's run sorted and its repeats dropped.
        var start = [Int](repeating: 0, count: menteeCount + 1)
        for pair in listed { start[pair.mentee + 1] += 1 }
        for j in 0..<menteeCount { start[j + 1] += start[j] }
        var fill = start
        var sorted = [UInt64](repeating: 0, count: listed.count)
        for pair in listed {
            sorted[fill[pair.mentee]] = Self.key(pair)
            fill[pair.mentee] += 1
        }
        var kept = 0
        for j in 0..<menteeCount where start[j] < start[j + 1] {
            sorted[start[j]..<start[j + 1]].sort()
            for at in start[j]..<start[j + 1] where kept == 0 || sorted[kept - 1] != sorted[at] {
                sorted[kept] = sorted[at]
                kept += 1
            }
        }
        sorted.removeLast(sorted.count - kept)
        keys = sorted
    }

    private static func key(_ pair: CandidatePair) -> UInt64 {
        UInt64(pair.mentee) << 32 | UInt64(pair.mentor)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { keys.count }

    package subscript(position: Int) -> CandidatePair {
        let key = keys[position]
        return CandidatePair(mentor: Int(key & 0xFFFF_FFFF), mentee: Int(key >> 32))
    }

    /// Whether `pair` is in the list (binary search).
    package func contains(_ pair: CandidatePair) -> Bool {
        guard pair.mentor >= 0, pair.mentee >= 0, pair.mentor <= Int(Int32.max), pair.mentee <= Int(Int32.max) else {
            return false
        }
        return keys.sortedContains(Self.key(pair))
    }

    /// The pairs of both lists, each once.
    package func union(_ other: CandidatePairList) -> CandidatePairList {
        other.isEmpty ? self : isEmpty ? other : CandidatePairList(Array(self) + Array(other))
    }
}
