import Foundation

/// How many answers a group gave at each familiarity score 0…4.
///
/// Every per-band statistic genbridge reports (n, mean, median, share confident, and the
/// band-versus-band tests) depends on the answers only through these five counts, so the
/// analysis never keeps individual scores. The counts live in five stored fields rather than
/// an array: `add(_:)` runs once per answer (about 12 million times for a million-row survey
/// with a dozen tools) and must not touch the heap.
package struct ScoreCounts: Sendable, Hashable {
    /// The familiarity scale: 0 never used … 4 expert (SPEC §2).
    package static let scores: ClosedRange<Int> = 0...4

    // One field per score. `@usableFromInline` so that the `@inlinable` hot path can be
    // inlined into other modules of the package (ingest streams answers straight in here).
    @usableFromInline var count0: Int
    @usableFromInline var count1: Int
    @usableFromInline var count2: Int
    @usableFromInline var count3: Int
    @usableFromInline var count4: Int

    /// An empty group: every count zero.
    package init() {
        count0 = 0
        count1 = 0
        count2 = 0
        count3 = 0
        count4 = 0
    }

    /// Counts given per score, index = score.
    ///
    /// - Precondition: exactly five entries, none negative.
    package init(counts: [Int]) {
        precondition(counts.count == Self.scores.count, "ScoreCounts needs exactly 5 counts, got \(counts.count)")
        precondition(counts.allSatisfy { $0 >= 0 }, "ScoreCounts counts must be non-negative: \(counts)")
        count0 = counts[0]
        count1 = counts[1]
        count2 = counts[2]
        count3 = counts[3]
        count4 = counts[4]
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
        switch score {
        case 0: count0 += 1
        case 1: count1 += 1
        case 2: count2 += 1
        case 3: count3 += 1
        case 4: count4 += 1
        default: preconditionFailure("familiarity score out of range 0...4: \(score)")
        }
    }

    /// Merges another group's counts into this one (e.g. the same band from several input files).
    @inlinable
    package mutating func add(_ other: ScoreCounts) {
        count0 += other.count0
        count1 += other.count1
        count2 += other.count2
        count3 += other.count3
        count4 += other.count4
    }

    /// How many answers had `score`; 0 for a score outside 0…4 (no answer can have it).
    package func count(of score: Int) -> Int {
        switch score {
        case 0: count0
        case 1: count1
        case 2: count2
        case 3: count3
        case 4: count4
        default: 0
        }
    }

    /// The five counts, index = score.
    package var counts: [Int] { [count0, count1, count2, count3, count4] }

    /// Number of answers.
    package var n: Int { count0 + count1 + count2 + count3 + count4 }

    /// `true` when the group has no answers.
    package var isEmpty: Bool { n == 0 }

    /// Sum of all scores (Σ score × count), exact in integer arithmetic.
    package var scoreSum: Int { count1 + 2 * count2 + 3 * count3 + 4 * count4 }

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
        return Double(count3 + count4) / Double(n)
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

extension ScoreCounts {
    /// Two groups' counts merged.
    package static func + (lhs: ScoreCounts, rhs: ScoreCounts) -> ScoreCounts {
        var merged = lhs
        merged.add(rhs)
        return merged
    }
}
