import Analysis
import Ingest

/// What `report` keeps while rows stream past: the score tally and the candidate pool.
package struct TallyAndPool: RespondentConsumer {
    package var tally = FamiliarityTally()
    package var pool = CandidatePool()

    package init() {}

    package mutating func consume(_ row: RespondentRow) {
        tally.consume(row)
        pool.consume(row)
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
