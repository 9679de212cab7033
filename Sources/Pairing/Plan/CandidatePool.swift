import Ingest

/// Keeps, while respondents stream past, what pairing needs: every person's id, manager and email
/// (chains run through people who take no part, and managers may be named by email) and the
/// compact profile of everyone who could take part. Texts live back to back in byte buffers
/// (`TextColumn`); strings are made only for the people a plan shows. Once the chains are built,
/// `keepCandidateTextsOnly` lets everyone else's texts go.
package struct CandidatePool: Sendable, RespondentConsumer {
    /// A person who opted in to mentoring or being mentored (or everyone, without opt-in columns).
    package struct Candidate: Sendable, Hashable, BitwiseCopyable {
        /// The respondent's number (order of reading).
        package var respondent: UInt32
        package var bandKey: Int32
        /// Numbers of the exact spellings in `departments` and `locations`; -1 when blank.
        package var department: Int32
        package var location: Int32
        /// -1 when not given; `Int32.max` when too large to hold here (see `largeCapacities`).
        var storedCapacity: Int32
        package var mentor: Bool
        package var mentee: Bool
    }

    /// The candidates of a run of rows (a chunk of an input read apart), numbered as the survey numbers.
    private struct Part: Sendable {
        var candidates: [Candidate] = []
        /// Scores of the part's candidate c: `scores[c * toolCount ..< (c + 1) * toolCount]`.
        var scores: [Int8] = []
        var names = TextColumn()
        /// Capacities that do not fit `Candidate.storedCapacity`, by candidate of the part.
        var largeCapacities: [Int: Int] = [:]
    }

    /// Parts of candidates in order (appending a chunk's pool appends its part, without copying).
    private var parts = [Part()]
    /// The number of the first candidate of each part.
    private var partStarts = [0]
    package private(set) var toolCount = 0
    /// Per respondent (per candidate once `textsByCandidate`); empty when none.
    package private(set) var emails = TextColumn()
    /// Per respondent (empty once `textsByCandidate`).
    package private(set) var managers = TextColumn()
    /// Per respondent: from ingest when it is done (`finish`), or as respondents are added (per
    /// candidate once `textsByCandidate`).
    package private(set) var ids = TextColumn()
    /// Whether only the candidates' ids and emails are left (see `keepCandidateTextsOnly`).
    package private(set) var textsByCandidate = false
    /// The respondent count once the per-respondent columns are gone.
    private var respondentsBeforeRelease = 0
    /// Where the per-candidate arrays rest while the pool is stashed (see `stash(in:)`).
    private var stashed: Stashed?
    /// Department and location spellings (ingest's, or the pool's own for respondents added as values).
    package private(set) var departments = ValueCatalog()
    package private(set) var locations = ValueCatalog()
    /// Whether some manager value holds an `@`, and some email none: unless one of them does, no
    /// manager value can name anyone by email, and only candidates' emails need keeping.
    private var managerWithAt = false
    private var emailWithoutAt = false
    /// Whether a manager value may name someone by email, so everyone's email must stay.
    private var chainsMayUseEmails: Bool { managerWithAt || emailWithoutAt }

    package init() {}

    /// Respondents seen.
    package var respondentCount: Int { textsByCandidate ? respondentsBeforeRelease : managers.count }
    package var candidateCount: Int { partStarts[partStarts.count - 1] + parts[parts.count - 1].candidates.count }

    /// Adds a respondent given as a value.
    package mutating func add(_ respondent: Respondent) {
        precondition(!textsByCandidate, "a respondent added after the texts were let go")
        ids.append(respondent.id)
        func withBytes(_ text: String?, _ body: (UnsafeRawBufferPointer) -> Void) {
            var copy = text ?? ""
            copy.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
        withBytes(respondent.name) { name in
            withBytes(respondent.email) { email in
                withBytes(respondent.manager) { manager in
                    respondent.scores.withUnsafeBufferPointer { scores in
                        var department: (spelling: Int, value: Int)?
                        var location: (spelling: Int, value: Int)?
                        withBytes(respondent.department) {
                            if respondent.department != nil { department = departments.intern($0) }
                        }
                        withBytes(respondent.site) { if respondent.site != nil { location = locations.intern($0) } }
                        consume(
                            RespondentRow(
                                bandKey: respondent.bandKey, scores: scores, name: name, email: email, manager: manager,
                                department: department, location: location, mentorOptIn: respondent.mentorOptIn,
                                menteeOptIn: respondent.menteeOptIn, capacity: respondent.capacity))
                    }
                }
            }
        }
    }

    package mutating func consume(_ row: RespondentRow) { consume(row, asCandidate: true) }

    /// With `asCandidate` false the row is kept as a respondent only (id, manager, email), whatever
    /// its opt-ins: for the management chains alone.
    package mutating func consume(_ row: RespondentRow, asCandidate: Bool) {
        precondition(!textsByCandidate, "a respondent added after the texts were let go")
        emails.append(row.email)
        managers.append(row.manager)
        if !managerWithAt, row.manager.contains(UInt8(ascii: "@")) { managerWithAt = true }
        if !emailWithoutAt, !row.email.isEmpty, !row.email.contains(UInt8(ascii: "@")) { emailWithoutAt = true }
        let mentor = row.mentorOptIn ?? true
        let mentee = row.menteeOptIn ?? true
        guard asCandidate && (mentor || mentee) else { return }
        if candidateCount == 0 { toolCount = row.scores.count }
        precondition(row.scores.count == toolCount, "a respondent with another number of scores")
        precondition(managers.count <= Int(UInt32.max), "more respondents than a pool holds")
        let last = parts.count - 1
        var stored: Int32 = -1
        if let capacity = row.capacity {
            if capacity < Int(Int32.max) {
                stored = Int32(capacity)
            } else {
                stored = Int32.max
                parts[last].largeCapacities[parts[last].candidates.count] = capacity
            }
        }
        parts[last].candidates.append(
            Candidate(
                respondent: UInt32(managers.count - 1), bandKey: Int32(row.bandKey),
                department: Int32(row.department?.spelling ?? -1), location: Int32(row.location?.spelling ?? -1),
                storedCapacity: stored, mentor: mentor, mentee: mentee))
        parts[last].scores.append(contentsOf: row.scores)
        parts[last].names.append(row.name)
    }

    package mutating func reserveCapacity(rows: Int) {
        let seen = max(respondentCount, 1)
        let candidates = rows * candidateCount / seen + 16
        let last = parts.count - 1
        parts[last].candidates.reserveCapacity(candidates)
        parts[last].scores.reserveCapacity(candidates * toolCount)
        parts[last].names.reserveCapacity(
            entries: candidates, bytes: rows * parts[last].names.byteCount / seen + 64)
        emails.reserveCapacity(entries: rows, bytes: rows * emails.byteCount / seen + 64)
        managers.reserveCapacity(entries: rows, bytes: rows * managers.byteCount / seen + 64)
    }

    package mutating func append(_ later: consuming CandidatePool, renumbering: Renumbering) {
        precondition(!textsByCandidate && !later.textsByCandidate, "pools put together after the texts were let go")
        if respondentCount == 0, candidateCount == 0, renumbering.isIdentity {
            self = later
            return
        }
        let offset = UInt32(respondentCount)
        if toolCount == 0 { toolCount = later.toolCount }
        managerWithAt = managerWithAt || later.managerWithAt
        emailWithoutAt = emailWithoutAt || later.emailWithoutAt
        emails.append(contentsOf: later.emails)
        managers.append(contentsOf: later.managers)
        // Taken out of `later` so that each part's candidates are renumbered where they are, not
        // copied first (at 1,000,000 rows a chunk's candidates are about 10 MB).
        var laterParts = later.parts
        later.parts = []
        for partIndex in laterParts.indices where !laterParts[partIndex].candidates.isEmpty {
            var part = Part()
            swap(&part, &laterParts[partIndex])
            for index in part.candidates.indices {
                part.candidates[index].respondent += offset
                part.candidates[index].bandKey = Int32(renumbering.bandKeys[Int(part.candidates[index].bandKey)])
                let department = Int(part.candidates[index].department)
                if department >= 0 {
                    part.candidates[index].department = Int32(renumbering.departmentSpellings[department])
                }
                let location = Int(part.candidates[index].location)
                if location >= 0 { part.candidates[index].location = Int32(renumbering.locationSpellings[location]) }
            }
            partStarts.append(candidateCount)
            parts.append(part)
        }
    }

    package mutating func finish(survey: Survey, ids: TextColumn) {
        self.ids = ids
        departments = survey.departments
        locations = survey.locations
        if !chainsMayUseEmails { keepCandidateEmailsOnly() }
    }

    /// Drops the emails of respondents who are not candidates (kept as empty entries): no chain
    /// can reach anyone through them, and no report shows them.
    private mutating func keepCandidateEmailsOnly() {
        var isCandidate = [Bool](repeating: false, count: respondentCount)
        let count = respondentCount
        emails = emails.withReader { emails in
            var bytes = 0
            forEachCandidate { _, candidate in
                isCandidate[Int(candidate.respondent)] = true
                bytes += emails.text(Int(candidate.respondent)).count
            }
            var kept = TextColumn()
            kept.reserveCapacity(entries: count, bytes: bytes)
            for respondent in 0..<count {
                if isCandidate[respondent] {
                    kept.append(emails.text(respondent))
                } else {
                    kept.appendEmpty()
                }
            }
            return kept
        }
    }

    /// Keeps only the candidates `keep` accepts (for instance those in the bands that pairing
    /// takes), numbered anew in the same order; the others' names, profiles and (when no chain
    /// needs them) emails are let go. Everyone's id and manager stay, for the chains.
    package mutating func keepCandidates(where keep: (Candidate) -> Bool) {
        precondition(!textsByCandidate, "candidates chosen after the texts were let go")
        var kept = Part()
        var count = 0
        var nameBytes = 0
        for part in parts {
            for (index, candidate) in part.candidates.enumerated() where keep(candidate) {
                count += 1
                nameBytes += part.names.withText(index) { $0.count }
            }
        }
        kept.candidates.reserveCapacity(count)
        kept.scores.reserveCapacity(count * toolCount)
        kept.names.reserveCapacity(entries: count, bytes: nameBytes)
        for part in parts {
            for (index, candidate) in part.candidates.enumerated() where keep(candidate) {
                if candidate.storedCapacity == Int32.max {
                    kept.largeCapacities[kept.candidates.count] = part.largeCapacities[index]
                }
                kept.candidates.append(candidate)
                kept.scores.append(contentsOf: part.scores[(index * toolCount)..<((index + 1) * toolCount)])
                part.names.withText(index) { kept.names.append($0) }
            }
        }
        parts = [kept]
        partStarts = [0]
        if !chainsMayUseEmails { keepCandidateEmailsOnly() }
    }

    /// Lets go of every respondent's id, manager and email, keeping only the candidates' ids and
    /// emails, by candidate number: once the management chains are built nothing reads the others
    /// (on a 1,000,000-row survey they are tens of megabytes). Respondent-numbered reads
    /// (`withID(ofRespondent:)` and its kind) are then no longer allowed.
    package mutating func keepCandidateTextsOnly() {
        guard !textsByCandidate else { return }
        var candidateIDs = TextColumn()
        var candidateEmails = TextColumn()
        ids.withReader { ids in
            emails.withReader { emails in
                var idBytes = 0
                var emailBytes = 0
                forEachCandidate { _, candidate in
                    idBytes += ids.text(Int(candidate.respondent)).count
                    emailBytes += emails.text(Int(candidate.respondent)).count
                }
                candidateIDs.reserveCapacity(entries: candidateCount, bytes: idBytes)
                candidateEmails.reserveCapacity(entries: candidateCount, bytes: emailBytes)
                forEachCandidate { _, candidate in
                    candidateIDs.append(ids.text(Int(candidate.respondent)))
                    candidateEmails.append(emails.text(Int(candidate.respondent)))
                }
            }
        }
        respondentsBeforeRelease = respondentCount
        textsByCandidate = true
        ids = candidateIDs
        emails = candidateEmails
        managers = TextColumn()
    }

    /// Where candidate `number`'s id and email are kept.
    private func textIndex(_ number: Int) -> Int {
        textsByCandidate ? number : Int(candidate(number).respondent)
    }

    // MARK: - Reading a candidate

    /// The part holding candidate `number`, and its number in the part.
    @inline(__always)
    private func locate(_ number: Int) -> (part: Int, index: Int) {
        var part = parts.count - 1
        while partStarts[part] > number { part -= 1 }
        return (part, number - partStarts[part])
    }

    package func candidate(_ number: Int) -> Candidate {
        let (part, index) = locate(number)
        return parts[part].candidates[index]
    }

    /// Calls `body` with every candidate's number and profile, in order.
    package func forEachCandidate(_ body: (Int, Candidate) -> Void) {
        for (part, start) in zip(parts, partStarts) {
            for (index, candidate) in part.candidates.enumerated() { body(start + index, candidate) }
        }
    }

    package func capacity(_ number: Int) -> Int? {
        let (part, index) = locate(number)
        let stored = parts[part].candidates[index].storedCapacity
        if stored < 0 { return nil }
        if stored == Int32.max { return parts[part].largeCapacities[index] }
        return Int(stored)
    }

    /// The scores of candidate `number`, one per tool (a view of the pool's storage).
    package func scores(_ number: Int) -> ArraySlice<Int8> {
        let (part, index) = locate(number)
        return parts[part].scores[(index * toolCount)..<((index + 1) * toolCount)]
    }

    package func id(_ number: Int) -> String { ids.string(textIndex(number)) }

    package func name(_ number: Int) -> String? {
        let (part, index) = locate(number)
        return parts[part].names.optionalString(index)
    }

    package func email(_ number: Int) -> String? { emails.optionalString(textIndex(number)) }

    package func department(_ number: Int) -> String? {
        let spelling = candidate(number).department
        return spelling < 0 ? nil : departments.spelling(Int(spelling))
    }

    package func location(_ number: Int) -> String? {
        let spelling = candidate(number).location
        return spelling < 0 ? nil : locations.spelling(Int(spelling))
    }

    /// Calls `body` with the id bytes of respondent `respondent`.
    package func withID<Result>(ofRespondent respondent: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        precondition(!textsByCandidate, "respondent texts read after they were let go")
        return ids.withText(respondent, body)
    }

    /// Calls `body` with the manager value (empty: none) of respondent `respondent`.
    package func withManager<Result>(ofRespondent respondent: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result
    {
        precondition(!textsByCandidate, "respondent texts read after they were let go")
        return managers.withText(respondent, body)
    }

    /// Calls `body` with the email (empty: none) of respondent `respondent`.
    package func withEmail<Result>(ofRespondent respondent: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        precondition(!textsByCandidate, "respondent texts read after they were let go")
        return emails.withText(respondent, body)
    }

    /// True when candidate `a`'s id sorts before candidate `b`'s (as `String`s sort).
    package func idPrecedes(_ a: Int, _ b: Int) -> Bool {
        ids.withText(textIndex(a)) { left in
            ids.withText(textIndex(b)) { right in FieldText.precedes(left, right) }
        }
    }

    // MARK: - Resting in a scratch file

    /// The places of a stashed pool's arrays.
    private struct Stashed: Sendable {
        struct Part: Sendable {
            var candidates: ScratchFile.Place
            var scores: ScratchFile.Place
            var names: TextColumn.Stashed
        }

        var parts: [Part]
        var ids: TextColumn.Stashed
        var emails: TextColumn.Stashed
        var managers: TextColumn.Stashed
    }

    /// Whether the pool's arrays are in a scratch file: nothing may be read until `unstash(from:)`.
    package var isStashed: Bool { stashed != nil }

    /// Writes the candidates, their profiles and every text to `file` and lets them go, so that
    /// the memory is the solver's while it runs (the solver has its own compact copy of the
    /// profiles; the texts are for the reports). False, with everything kept, when the file cannot
    /// take them.
    package mutating func stash(in file: ScratchFile) -> Bool {
        precondition(stashed == nil, "a pool stashed twice")
        var stashedParts: [Stashed.Part] = []
        for part in parts {
            guard let candidates = file.write(part.candidates), let scores = file.write(part.scores),
                let names = part.names.stash(in: file)
            else { return false }
            stashedParts.append(.init(candidates: candidates, scores: scores, names: names))
        }
        guard let ids = ids.stash(in: file), let emails = emails.stash(in: file),
            let managers = managers.stash(in: file)
        else { return false }
        stashed = Stashed(parts: stashedParts, ids: ids, emails: emails, managers: managers)
        for index in parts.indices {
            parts[index].candidates = []
            parts[index].scores = []
            parts[index].names = TextColumn()
        }
        self.ids = TextColumn()
        self.emails = TextColumn()
        self.managers = TextColumn()
        return true
    }

    /// Reads back what `stash(in:)` wrote to `file`; false when the file cannot give it back whole
    /// (the pool then stays stashed).
    package mutating func unstash(from file: ScratchFile) -> Bool {
        guard let stash = stashed else { return true }
        var restored: [(candidates: [Candidate], scores: [Int8], names: TextColumn)] = []
        for part in stash.parts {
            guard let candidates = file.read(part.candidates, as: Candidate.self),
                let scores = file.read(part.scores, as: Int8.self), let names = TextColumn(part.names, from: file)
            else { return false }
            restored.append((candidates, scores, names))
        }
        guard let ids = TextColumn(stash.ids, from: file), let emails = TextColumn(stash.emails, from: file),
            let managers = TextColumn(stash.managers, from: file)
        else { return false }
        for (index, part) in restored.enumerated() {
            parts[index].candidates = part.candidates
            parts[index].scores = part.scores
            parts[index].names = part.names
        }
        self.ids = ids
        self.emails = emails
        self.managers = managers
        stashed = nil
        return true
    }
}
