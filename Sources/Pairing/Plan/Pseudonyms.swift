import Ingest

/// `--pseudonymize`: names and emails replaced by stable pseudonyms derived from the person's id,
/// so the same person gets the same pseudonym in every output and every run. An id that is an
/// email address (a survey identified by email) is an email too: it is replaced by the same
/// pseudonym as the email, and `--exclude-pairs` knows a person by it as well as by the id
/// (`ForbiddenPairs`), so a pseudonymised `pairings.csv` still keeps its pairs from coming back.
package enum Pseudonyms {
    package static func name(for id: String) -> String { "Person \(tag(id).uppercased())" }

    package static func email(for id: String) -> String { "person-\(tag(id))@pseudonym.invalid" }

    /// The id as pseudonymised outputs show it: an email-like id (one holding `@`) by its email
    /// pseudonym, any other as it is.
    package static func id(for id: String) -> String { isEmailLike(id) ? email(for: id) : id }

    package static func isEmailLike(_ id: String) -> Bool { id.utf8.contains(UInt8(ascii: "@")) }

    /// An id as a pseudonymised output shows it in place of an email-like id.
    static func isPseudonym(_ id: String) -> Bool { id.hasSuffix("@pseudonym.invalid") }

    /// Eight hex digits of the id's 64-bit FNV-1a hash.
    static func tag(_ id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    package static func apply(to person: PersonSummary) -> PersonSummary {
        var result = person
        if person.name != nil { result.name = name(for: person.id) }
        if person.email != nil { result.email = email(for: person.id) }
        result.id = id(for: person.id)
        return result
    }

    /// A rejected row as the pseudonymised outputs list it: an email-like id by its pseudonym.
    package static func apply(to rejection: RowRejection) -> RowRejection {
        var result = rejection
        result.id = rejection.id.map(id(for:))
        return result
    }

    package static func apply(to plan: MentoringPlan) -> MentoringPlan {
        var result = plan
        result.pairs = plan.pairs.map { pair in
            var copy = pair
            copy.mentor = apply(to: pair.mentor)
            copy.mentee = apply(to: pair.mentee)
            return copy
        }
        result.unpaired = plan.unpaired.map { mentee in
            var copy = mentee
            copy.person = apply(to: mentee.person)
            return copy
        }
        result.managerCycles = plan.managerCycles.map { $0.map(id(for:)) }
        return result
    }
}
