/// The tools genbridge knows, with their aliases and categories; the config file adds more.
package struct ToolCatalog: Sendable, Hashable {
    package private(set) var tools: [Tool] {
        didSet { keys = tools.map(\.matchKeys) }
    }
    /// Each tool's name and aliases as matched (`Tool.matchKeys`), computed once.
    private var keys: [[String]]

    package init(tools: [Tool]) {
        self.tools = tools
        keys = tools.map(\.matchKeys)
    }

    /// The built-in catalogue (SPEC §2 and §7).
    package static let builtIn = ToolCatalog(tools: [
        Tool(name: "Pinterest", category: .socialNetwork),
        Tool(name: "WhatsApp", category: .messaging),
        Tool(name: "Hootsuite", category: .socialMediaManagement),
        Tool(name: "LinkedIn", category: .socialNetwork),
        Tool(name: "Instagram", category: .socialNetwork),
        Tool(name: "TikTok", category: .socialNetwork),
        Tool(name: "X", aliases: ["Twitter", "X (Twitter)", "X/Twitter"], category: .socialNetwork),
        Tool(name: "Facebook", category: .socialNetwork),
        Tool(name: "YouTube", category: .content),
        Tool(name: "Snapchat", category: .socialNetwork),
        Tool(name: "Threads", category: .socialNetwork),
        Tool(name: "Reddit", category: .socialNetwork),
        Tool(name: "Slack", category: .messaging),
        Tool(name: "Microsoft Teams", aliases: ["Teams", "MS Teams"], category: .messaging),
        Tool(name: "Zoom", category: .messaging),
        Tool(name: "Telegram", category: .messaging),
        Tool(name: "Signal", category: .messaging),
        Tool(name: "Discord", category: .messaging),
        Tool(name: "Buffer", category: .socialMediaManagement),
        Tool(name: "Sprout Social", aliases: ["Sprout"], category: .socialMediaManagement),
        Tool(name: "Canva", category: .content),
    ])

    /// Adds a tool, or more aliases to a tool of the same name.
    package mutating func add(_ tool: Tool) {
        if let index = tools.firstIndex(where: { HeaderText.key($0.name) == HeaderText.key(tool.name) }) {
            tools[index].aliases += tool.aliases
        } else {
            tools.append(tool)
        }
    }

    /// The tool whose name or alias is `name` (ignoring case, spaces and punctuation), if any.
    package func tool(named name: String) -> Tool? {
        let wanted = HeaderText.key(name)
        return tools.indices.first { keys[$0].contains(wanted) }.map { tools[$0] }
    }

    /// The tools a header names: those whose name or an alias appears in it as whole words,
    /// ignoring case, spaces and punctuation: a run of the header's words that, put together,
    /// spell the name. `Familiarity - X` names X and `Experience` does not; `Tik Tok` and
    /// `Tik-Tok` name TikTok. More than one means ambiguous.
    package func tools(namedIn header: String) -> [Tool] {
        let words = HeaderText.words(header)
        guard !words.isEmpty else { return [] }
        return tools.indices.filter { index in
            keys[index].contains { key in Self.contains(words, spelling: key) }
        }.map { tools[$0] }
    }

    /// Whether consecutive `words`, put together, are exactly `key`.
    private static func contains(_ words: [Substring], spelling key: String) -> Bool {
        for start in words.indices where key.hasPrefix(words[start]) {
            var spelt = ""
            for word in words[start...] {
                spelt += word
                if spelt == key { return true }
                if !key.hasPrefix(spelt) { break }
            }
        }
        return false
    }
}
