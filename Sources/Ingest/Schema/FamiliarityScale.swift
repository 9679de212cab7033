/// Familiarity on genbridge's 0–4 scale: 0 never used / not familiar, 1 aware but not used,
/// 2 beginner / occasional use, 3 confident / regular use, 4 expert / could teach others.
package enum Familiarity {
    package static let range: ClosedRange<Int> = 0...4
    /// A score at or above this is "confident".
    package static let confident = 3
    package static let labels = [
        "never used / not familiar", "aware but not used", "beginner / occasional use",
        "confident / regular use", "expert / could teach others",
    ]
}

/// What one answer cell means.
package enum Answer: Sendable, Hashable {
    case score(Int8)
    /// Blank, N/A, prefer not to say, don't know: missing, never zero.
    case missing
    /// A number off the scale or a word genbridge does not know: missing, with a warning.
    case invalid
}

/// How answers map onto the 0–4 scale: numbers on the configured `min...max` scale mapped
/// linearly onto 0–4, or labels from the built-in table plus the config's.
package struct FamiliarityScale: Sendable, Hashable {
    package var minimum: Int
    package var maximum: Int
    /// Folded label → score.
    package private(set) var labels: [String: Int8]
    /// Folded answers that mean "no answer".
    package private(set) var missing: Set<String>

    package static let defaultMissing = ["", "N/A", "Prefer not to say", "Don't know"]

    /// The built-in label table (folded when used). Numbers in a label such as "3 - Confident"
    /// are handled apart: see `answer(for:)`.
    package static let builtInLabels: [(String, Int8)] = [
        ("Never used", 0), ("Not familiar", 0), ("Not at all familiar", 0), ("Never heard of it", 0),
        ("Not used", 0), ("Never", 0), ("Unfamiliar", 0), ("No experience", 0), ("None", 0),
        ("Never used / not familiar", 0),
        ("Aware but not used", 1), ("Aware", 1), ("Aware, never used", 1), ("Heard of it", 1),
        ("Slightly familiar", 1), ("Know of it", 1),
        ("Beginner", 2), ("Occasional use", 2), ("Occasional", 2), ("Beginner / occasional use", 2),
        ("Somewhat familiar", 2), ("Basic", 2), ("Use it occasionally", 2),
        ("Confident", 3), ("Regular use", 3), ("Confident / regular use", 3), ("Use it regularly", 3),
        ("Proficient", 3), ("Advanced", 3), ("Very familiar", 3), ("Comfortable", 3),
        ("Expert", 4), ("Could teach others", 4), ("Expert / could teach others", 4),
        ("Extremely familiar", 4), ("Could teach it", 4), ("Power user", 4),
    ]

    /// The built-in labels as looked up (`HeaderText.key`: case, spaces and punctuation
    /// ignored, so `N/A` is `NA`), once.
    private static let keyedBuiltInLabels: [String: Int8] = {
        var table: [String: Int8] = [:]
        for (label, score) in builtInLabels { table[HeaderText.key(label)] = score }
        return table
    }()

    package init(
        minimum: Int = 0, maximum: Int = 4, extraLabels: [String: Int] = [:],
        missing: [String] = FamiliarityScale.defaultMissing
    ) {
        self.minimum = minimum
        self.maximum = maximum
        var table = Self.keyedBuiltInLabels
        for (label, score) in extraLabels { table[HeaderText.key(label)] = Int8(clamping: score) }
        self.labels = table
        self.missing = Set(missing.map { HeaderText.key($0) })
    }

    /// The meaning of one answer cell.
    package func answer(for text: some StringProtocol) -> Answer {
        if let number = Self.wholeNumber(text) { return score(forNumber: number) }
        let key = HeaderText.key(text)
        if missing.contains(key) { return .missing }
        if let score = labels[key] { return .score(score) }
        // "3 - Confident", "4 (expert)": a leading whole number with a label after it.
        let words = HeaderText.fold(text).split(separator: " ", maxSplits: 1)
        if words.count == 2, let number = Int(words[0]), words[1].contains(where: \.isLetter) {
            if let score = labels[HeaderText.key(words[1])] { return .score(score) }
            return score(forNumber: number)
        }
        return .invalid
    }

    /// A whole number on the scale, mapped linearly onto 0–4 and rounded to the nearest score.
    package func score(forNumber number: Int) -> Answer {
        guard number >= minimum, number <= maximum, maximum > minimum else { return .invalid }
        let span = maximum - minimum
        let scaled = (number - minimum) * 4
        // Round half away from zero in integers: (2·scaled + span) / (2·span).
        return .score(Int8((2 * scaled + span) / (2 * span)))
    }

    /// The whole number `text` holds (spaces around it allowed), or nil. `3.0` and `3,0` count.
    static func wholeNumber(_ text: some StringProtocol) -> Int? {
        var digits = Substring(text)
        while let first = digits.first, first == " " || first == "\t" { digits.removeFirst() }
        while let last = digits.last, last == " " || last == "\t" { digits.removeLast() }
        if let value = Int(digits) { return value }
        for separator in [".", ","] {
            let parts = digits.split(separator: Character(separator), omittingEmptySubsequences: false)
            if parts.count == 2, let whole = Int(parts[0]), !parts[1].isEmpty, parts[1].allSatisfy({ $0 == "0" }) {
                return whole
            }
        }
        return nil
    }
}
