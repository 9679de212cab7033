/// One usable row as the next stages read it while rows stream past: numbers and small numbered
/// values instead of strings, and the few texts still needed as bytes inside ingest's buffers.
/// It is valid only during the `consume` call it is handed to; keep what is needed, copied.
///
/// Numbers (band keys, department and location numbers) are those of the chunk of the input the
/// row came from; `Renumbering` turns them into the survey's when chunks are put together.
package struct RespondentRow {
    /// The band key's number; `Survey.bandOfKey` turns it into a band once all rows are read.
    package var bandKey: Int
    /// Score per tool of the survey (same order as `Survey.tools`); -1 where the answer is missing.
    package var scores: UnsafeBufferPointer<Int8>
    /// Texts, empty when the row has none.
    package var name: UnsafeRawBufferPointer
    package var email: UnsafeRawBufferPointer
    package var manager: UnsafeRawBufferPointer
    /// The department and the location: the exact spelling's number and the value's (see
    /// `ValueCatalog`); nil when blank.
    package var department: (spelling: Int, value: Int)?
    package var location: (spelling: Int, value: Int)?
    /// nil when the survey has no opt-in column (then everyone in the band may take part).
    package var mentorOptIn: Bool?
    package var menteeOptIn: Bool?
    /// How many mentees this person will take; nil when not given.
    package var capacity: Int?

    package init(
        bandKey: Int, scores: UnsafeBufferPointer<Int8>, name: UnsafeRawBufferPointer, email: UnsafeRawBufferPointer,
        manager: UnsafeRawBufferPointer, department: (spelling: Int, value: Int)?,
        location: (spelling: Int, value: Int)?,
        mentorOptIn: Bool?, menteeOptIn: Bool?, capacity: Int?
    ) {
        self.bandKey = bandKey
        self.scores = scores
        self.name = name
        self.email = email
        self.manager = manager
        self.department = department
        self.location = location
        self.mentorOptIn = mentorOptIn
        self.menteeOptIn = menteeOptIn
        self.capacity = capacity
    }
}

/// A later stage fed while rows stream past (the familiarity tally, the candidate pool). Ingest
/// may split a large input into chunks read at the same time: each chunk feeds its own consumer,
/// and the consumers are then appended, in file order, to the first.
package protocol RespondentConsumer {
    init()
    /// One usable row, in file order within its chunk.
    mutating func consume(_ row: RespondentRow)
    /// Takes in what `later` gathered from the rows that follow this consumer's, its numbers
    /// turned into this one's by `renumbering`.
    mutating func append(_ later: consuming Self, renumbering: Renumbering)
    /// A hint, once a few rows are in: about `rows` rows in all will come to this consumer.
    mutating func reserveCapacity(rows: Int)
    /// Called once, when every row has been read, with the survey (its band keys, departments
    /// and locations numbered as the rows were) and the id of each respondent consumed, in order.
    mutating func finish(survey: Survey, ids: TextColumn)
}

extension RespondentConsumer {
    package mutating func reserveCapacity(rows: Int) {}
    package mutating func finish(survey: Survey, ids: TextColumn) {}
}

/// How a later chunk's numbers map onto the survey's: index by the chunk's number.
package struct Renumbering: Sendable {
    package var bandKeys: [Int]
    package var departmentSpellings: [Int]
    package var departmentValues: [Int]
    package var locationSpellings: [Int]
    package var locationValues: [Int]

    /// True when every number maps to itself (the chunk carried on the survey's numbering).
    package var isIdentity: Bool {
        [bandKeys, departmentSpellings, departmentValues, locationSpellings, locationValues].allSatisfy { map in
            map.indices.allSatisfy { map[$0] == $0 }
        }
    }

    package init(
        bandKeys: [Int], departmentSpellings: [Int], departmentValues: [Int], locationSpellings: [Int],
        locationValues: [Int]
    ) {
        self.bandKeys = bandKeys
        self.departmentSpellings = departmentSpellings
        self.departmentValues = departmentValues
        self.locationSpellings = locationSpellings
        self.locationValues = locationValues
    }
}

/// The consumer of a run that keeps nothing (`validate` with no later stage).
package struct NoConsumer: RespondentConsumer {
    package init() {}
    package mutating func consume(_ row: RespondentRow) {}
    package mutating func append(_ later: consuming NoConsumer, renumbering: Renumbering) {}
}
