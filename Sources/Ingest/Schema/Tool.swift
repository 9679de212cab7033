/// What kind of tool a tool is; reports summarise gaps by category.
package enum ToolCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case socialNetwork = "social network"
    case messaging = "messaging"
    case socialMediaManagement = "social media management"
    case content = "content"
}

/// A social-media or messaging tool people rate their familiarity with.
package struct Tool: Sendable, Hashable, Codable {
    package var name: String
    package var aliases: [String]
    package var category: ToolCategory

    package init(name: String, aliases: [String] = [], category: ToolCategory) {
        self.name = name
        self.aliases = aliases
        self.category = category
    }

    /// The name and aliases as headers are matched against them (`HeaderText.key`).
    var matchKeys: [String] {
        ([name] + aliases).map(HeaderText.key).filter { !$0.isEmpty }
    }
}
