import Analysis
import Ingest

/// What a run keeps while rows stream past: the score tally and a pool of people, with candidates
/// (`TallyAndPool<Candidates>`, for `report`) or with everyone's id, manager and email alone
/// (`TallyAndPool<PeopleOnly>`, for `validate`'s check of the management chains: it proposes no
/// pairs, so nobody is kept as a candidate).
package struct TallyAndPool<Kept: PoolContents>: RespondentConsumer {
    package var tally = FamiliarityTally()
    package var pool = CandidatePool()

    package init() {}

    package mutating func consume(_ row: RespondentRow) {
        tally.consume(row)
        pool.consume(row, asCandidate: Kept.candidates)
    }

    package mutating func reserveCapacity(rows: Int) { pool.reserveCapacity(rows: rows) }

    package mutating func append(_ later: consuming TallyAndPool, renumbering: Renumbering) {
        tally.append(later.tally, renumbering: renumbering)
        // Moved, not copied: the pool renumbers the later candidates where they are.
        var laterPool = CandidatePool()
        swap(&laterPool, &later.pool)
        pool.append(consume laterPool, renumbering: renumbering)
    }

    package mutating func finish(survey: Survey, ids: TextColumn) {
        tally.finish(survey: survey, ids: ids)
        pool.finish(survey: survey, ids: ids)
    }
}

/// What a `TallyAndPool` keeps of each person besides the id, manager and email.
package protocol PoolContents: Sendable {
    /// Whether the candidates (opted-in people, their profiles and texts) are kept.
    static var candidates: Bool { get }
}

/// The candidate pool, for pairing.
package enum Candidates: PoolContents {
    package static var candidates: Bool { true }
}

/// Everyone's id, manager and email alone, for the management chains.
package enum PeopleOnly: PoolContents {
    package static var candidates: Bool { false }
}
