import Ingest

/// The keys `genbridge.yml` knows, section by section (SPEC §6), and the suggestion given for a
/// key it does not know.
enum ConfigKeys {
    static let top = ["input", "columns", "scale", "tools", "bands", "pairing", "privacy"]
    static let input = ["layout", "delimiter", "encoding"]
    static let columns = ColumnRole.allCases.map(\.rawValue) + ["tools"]
    static let scale = ["min", "max", "labels", "missing"]
    static let tool = ["name", "aliases", "category"]
    static let band = ["name", "levels", "years", "birth_years"]
    static let bandRules = ["levels", "years", "birth_years"]
    static let pairing = [
        "mentor_bands", "mentee_bands", "mentor_min", "mentee_max", "mentor_capacity", "objective", "weights", "avoid",
    ]
    static let privacy = ["min_group_size", "pseudonymize"]

    /// The sections that are mappings of fixed keys, for "belongs under" suggestions.
    static let sections: [(name: String, keys: [String])] = [
        ("input", input), ("columns", columns), ("scale", scale), ("pairing", pairing), ("privacy", privacy),
    ]

    /// What to tell the user about `key`, unknown in `section` (nil: the top level) whose keys are
    /// `known`: a near key of the same section, else the section the key belongs to, else a near
    /// key of another section.
    static func suggestion(for key: String, section: String?, known: [String]) -> String? {
        if let near = nearest(to: key, among: known) { return "did you mean \"\(near)\"?" }
        // Hints about other sections only where sections are in view (not inside a list entry).
        guard section == nil || sections.contains(where: { $0.name == section }) else { return nil }
        let normalized = normalize(key)
        if section != nil, top.contains(normalized) {
            return "\"\(normalized)\" is a top-level section: start it at the beginning of a line"
        }
        for (name, keys) in sections where name != section && keys.contains(normalized) {
            return "\"\(normalized)\" belongs under \(name):"
        }
        for (name, keys) in sections where name != section {
            if let near = nearest(to: key, among: keys) { return "did you mean \"\(near)\" under \(name):?" }
        }
        return nil
    }

    /// The candidate nearest to `word` when it is near enough to be a typo of it: an edit distance
    /// of at most a quarter of the candidate's length (at least 1), after folding case and
    /// treating `-` and space as `_`. Ties go to the first candidate.
    static func nearest(to word: String, among candidates: [String]) -> String? {
        let folded = Array(normalize(word))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(folded, Array(normalize(candidate)))
            let limit = max(1, candidate.count / 4)
            guard distance <= limit else { continue }
            if best == nil || distance < best?.distance ?? Int.max { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Lower case, with `-` and spaces as `_`.
    static func normalize(_ key: String) -> String {
        String(key.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
