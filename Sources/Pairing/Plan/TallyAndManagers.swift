import Analysis
import Ingest

/// What `validate` keeps while rows stream past: the score tally, and everyone's id, manager and
/// email, so that the management chains can be checked (their cycles) as `report` checks them.
/// No candidate profiles: validate proposes no pairs, so nobody is kept as a candidate.
package struct TallyAndManagers: RespondentConsumer {
    package var tally = FamiliarityTally()
    /// Ids, managers and emails only (`candidateCount` is 0).
    package var people = CandidatePool()

    package init() {}

    package mutating func consume(_ row: RespondentRow) {
        tally.consume(row)
        var person = row
        person.mentorOptIn = false
        person.menteeOptIn = false
        people.consume(person)
    }

    package mutating func reserveCapacity(rows: Int) { people.reserveCapacity(rows: rows) }

    package mutating func append(_ later: consuming TallyAndManagers, renumbering: Renumbering) {
        tally.append(later.tally, renumbering: renumbering)
        var laterPeople = CandidatePool()
        swap(&laterPeople, &later.people)
        people.append(consume laterPeople, renumbering: renumbering)
    }

    package mutating func finish(survey: Survey, ids: TextColumn) {
        tally.finish(survey: survey, ids: ids)
        people.finish(survey: survey, ids: ids)
    }
}
