/// A seniority band. Bands are ordered most junior first; `index` is that order.
package struct Band: Sendable, Hashable, Codable {
    package var index: Int
    package var name: String
    /// What falls in the band, in words: `L1–L2`, `born 1997–2012`, `0–2 years`.
    package var members: String

    package init(index: Int, name: String, members: String) {
        self.index = index
        self.name = name
        self.members = members
    }
}

/// A band as the config file defines it: a name and exactly one rule for who is in it.
package struct BandDefinition: Sendable, Hashable {
    package enum Rule: Sendable, Hashable {
        case levels([String])
        case years(ClosedRange<Int>)
        case birthYears(ClosedRange<Int>)
    }

    package var name: String
    package var rule: Rule

    package init(name: String, rule: Rule) {
        self.name = name
        self.rule = rule
    }
}
