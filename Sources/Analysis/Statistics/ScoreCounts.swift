import Foundation

/// How many answers a group gave at each familiarity score 0…4.
///
/// Every per-band statistic genbridge reports (n, mean, median, share confident, and the
/// band-versus-band tests) depends on the answers only through these five counts, so the
/// analysis never keeps individual scores. The counts live inline in a fixed five-element
/// tuple rather than an array: `add(_:)` runs once per answer (about 12 million times for a
/// million-row survey with a dozen tools), so it must not touch the heap, and it indexes the
/// tuple instead of switching on the score, because survey answers are close to random and
/// a switch would pay a mispredicted branch on most of them.
package struct ScoreCounts: Sendable {
    /// The familiarity scale: 0 never used … 4 expert (SPEC §2).
    package static let scores: ClosedRange<Int> = 0...4

    /// Count of answers per score, element i = score i. A homogeneous tuple is laid out like a
    /// C array, which `add(_:)` relies on. `@usableFromInline` so that the `@inlinable` hot
    /// path can be inlined into other modules of the package.
    @usableFromInline var storage: (Int, Int, Int, Int, Int)

    /// An empty group: every count zero.
    package init() {
        storage = (0, 0, 0, 0, 0)
    }

    /// Counts given per score, index = score.
    ///
    /// - Precondition: exactly five entries, none negative.
    package init(counts: [Int]) {
        precondition(counts.count == Self.scores.count, "ScoreCounts needs exactly 5 counts, got \(counts.count)")
        precondition(counts.allSatisfy { $0 >= 0 }, "ScoreCounts counts must be non-negative: \(counts)")
        storage = (counts[0], counts[1], counts[2], counts[3], counts[4])
    }

    /// Tallies a sequence of individual scores.
    ///
    /// - Precondition: every score is in 0…4.
    package init<S: Sequence>(scores: S) where S.Element == Int {
        self.init()
        for score in scores {
            add(score)
        }
    }

    /// Counts one answer.
    ///
    /// - Precondition: `score` is in 0…4.
    @inlinable
    package mutating func add(_ score: Int) {
        // One unsigned comparison covers both score < 0 and score > 4.
        precondition(UInt(bitPattern: score) < 5, "familiarity score out of range 0...4: \(score)")
        withUnsafeMutablePointer(to: &storage) { tuple in
            tuple.withMemoryRebound(to: Int.self, capacity: 5) { counts in
                counts[score] += 1
            }
        }
    }

    /// Merges another group's counts into this one (e.g. the same band from several input files).
    @inlinable
    package mutating func add(_ other: ScoreCounts) {
        storage.0 += other.storage.0
        storage.1 += other.storage.1
        storage.2 += other.storage.2
        storage.3 += other.storage.3
        storage.4 += other.storage.4
    }

    /// How many answers had `score`; 0 for a score outside 0…4 (no answer can have it).
    package func count(of score: Int) -> Int {
        switch score {
        case 0: storage.0
        case 1: storage.1
        case 2: storage.2
        case 3: storage.3
        case 4: storage.4
        default: 0
        }
    }

    /// The five counts, index = score.
    package var counts: [Int] { [storage.0, storage.1, storage.2, storage.3, storage.4] }

    /// Number of answers.
    package var n: Int { storage.0 + storage.1 + storage.2 + storage.3 + storage.4 }

    /// `true` when the group has no answers.
    package var isEmpty: Bool { n == 0 }

    /// Sum of all scores (Σ score × count), exact in integer arithmetic.
    package var scoreSum: Int { storage.1 + 2 * storage.2 + 3 * storage.3 + 4 * storage.4 }

    /// Arithmetic mean score; `nil` for an empty group.
    package var mean: Double? {
        let n = n
        guard n > 0 else { return nil }
        return Double(scoreSum) / Double(n)
    }

    /// The middle score, or the mean of the two middle scores when `n` is even (SPEC §7);
    /// `nil` for an empty group.
    package var median: Double? {
        let n = n
        guard n > 0 else { return nil }
        // 0-based positions of the middle element(s) in the sorted list of answers.
        let upper = n / 2
        let lower = n % 2 == 1 ? upper : upper - 1
        return Double(score(atSortedPosition: lower) + score(atSortedPosition: upper)) / 2
    }

    /// Fraction of answers at score 3 (confident) or 4 (expert); `nil` for an empty group.
    package var shareConfident: Double? {
        let n = n
        guard n > 0 else { return nil }
        return Double(storage.3 + storage.4) / Double(n)
    }

    /// The score found at `position` (0-based) when all answers are sorted ascending.
    private func score(atSortedPosition position: Int) -> Int {
        var cumulative = 0
        for score in Self.scores {
            cumulative += count(of: score)
            if position < cumulative { return score }
        }
        preconditionFailure("sorted position \(position) out of range for n = \(n)")
    }
}

extension ScoreCounts: Hashable {
    package static func == (lhs: ScoreCounts, rhs: ScoreCounts) -> Bool {
        lhs.storage == rhs.storage
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(storage.0)
        hasher.combine(storage.1)
        hasher.combine(storage.2)
        hasher.combine(storage.3)
        hasher.combine(storage.4)
    }
}

extension ScoreCounts {
    /// Two groups' counts merged.
    package static func + (lhs: ScoreCounts, rhs: ScoreCounts) -> ScoreCounts {
        var merged = lhs
        merged.add(rhs)
        return merged
    }
}
