/// One person's survey response, as the later stages need it.
package struct Respondent: Sendable, Hashable {
    /// Where the row is (file and line where the record starts).
    package var location: SourceLocation
    /// The id column's value, or the row's line number when there is no id column.
    package var id: String
    package var name: String?
    package var email: String?
    package var department: String?
    package var manager: String?
    package var site: String?
    /// The band key's number; `Survey.bandOfKey` turns it into a band once all rows are read.
    package var bandKey: Int
    /// nil when the survey has no opt-in column (then everyone in the band may take part).
    package var mentorOptIn: Bool?
    package var menteeOptIn: Bool?
    /// How many mentees this person will take; nil when not given.
    package var capacity: Int?
    /// Score per tool of the survey (same order as `Survey.tools`); -1 where the answer is missing.
    package var scores: [Int8]

    package init(
        location: SourceLocation, id: String, name: String? = nil, email: String? = nil,
        department: String? = nil, manager: String? = nil, site: String? = nil, bandKey: Int,
        mentorOptIn: Bool? = nil, menteeOptIn: Bool? = nil, capacity: Int? = nil, scores: [Int8]
    ) {
        self.location = location
        self.id = id
        self.name = name
        self.email = email
        self.department = department
        self.manager = manager
        self.site = site
        self.bandKey = bandKey
        self.mentorOptIn = mentorOptIn
        self.menteeOptIn = menteeOptIn
        self.capacity = capacity
        self.scores = scores
    }

    /// The score for tool `index`, or nil when missing.
    package func score(_ index: Int) -> Int? {
        let value = scores[index]
        return value < 0 ? nil : Int(value)
    }
}
