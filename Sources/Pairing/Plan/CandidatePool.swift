import Ingest

/// Keeps, while respondents stream past, what pairing needs: every person's manager (chains run
/// through people who take no part) and the compact profile of everyone who could take part.
package struct CandidatePool: Sendable {
    /// A person who opted in to mentoring or being mentored (or everyone, without opt-in columns).
    package struct Person: Sendable, Hashable {
        package var id: String
        package var name: String?
        package var email: String?
        package var department: String?
        package var location: String?
        package var bandKey: Int
        package var mentor: Bool
        package var mentee: Bool
        package var capacity: Int?
        package var scores: [Int8]
    }

    package private(set) var people: [Person] = []
    /// Every respondent's id → their manager value (an id or an email), as given.
    package private(set) var managerOf: [String: String] = [:]
    /// Every respondent's lower-cased email → id, to resolve managers given by email.
    package private(set) var idOfEmail: [String: String] = [:]
    /// Every respondent's id.
    package private(set) var ids: Set<String> = []

    package init() {}

    package mutating func add(_ respondent: Respondent) {
        ids.insert(respondent.id)
        if let manager = respondent.manager { managerOf[respondent.id] = manager }
        if let email = respondent.email { idOfEmail[email.lowercased()] = respondent.id }
        let mentor = respondent.mentorOptIn ?? true
        let mentee = respondent.menteeOptIn ?? true
        guard mentor || mentee else { return }
        people.append(
            Person(
                id: respondent.id, name: respondent.name, email: respondent.email, department: respondent.department,
                location: respondent.site, bandKey: respondent.bandKey, mentor: mentor, mentee: mentee,
                capacity: respondent.capacity, scores: respondent.scores))
    }

    /// The id a manager value names: an id, or an email of someone in the survey.
    package func resolveManager(of id: String) -> String? {
        guard let value = managerOf[id] else { return nil }
        if ids.contains(value) { return value }
        return idOfEmail[value.lowercased()] ?? value
    }
}
