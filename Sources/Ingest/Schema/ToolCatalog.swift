/// The tools genbridge knows, with their aliases and categories; the config file adds more.
package struct ToolCatalog: Sendable, Hashable {
    package private(set) var tools: [Tool] {
        didSet { phrases = tools.map(\.matchPhrases) }
    }
    /// Each tool's name and aliases folded into words, computed once.
    private var phrases: [[[Substring]]]

    package init(tools: [Tool]) {
        self.tools = tools
        phrases = tools.map(\.matchPhrases)
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
        if let index = tools.firstIndex(where: { HeaderText.fold($0.name) == HeaderText.fold(tool.name) }) {
            tools[index].aliases += tool.aliases
        } else {
            tools.append(tool)
        }
    }

    /// The tool whose name or alias is exactly `name` (folded), if any.
    package func tool(named name: String) -> Tool? {
        let folded = HeaderText.fold(name)
        return tools.first { tool in ([tool.name] + tool.aliases).contains { HeaderText.fold($0) == folded } }
    }

    /// The tools a header names: those whose name or an alias appears in it as whole words.
    /// `Familiarity - X` names X; `Experience` does not. More than one means ambiguous.
    package func tools(namedIn header: String) -> [Tool] {
        let words = HeaderText.words(header)
        guard !words.isEmpty else { return [] }
        return tools.indices.filter { index in
            phrases[index].contains { phrase in Self.contains(words, phrase: phrase) }
        }.map { tools[$0] }
    }

    private static func contains(_ words: [Substring], phrase: [Substring]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if words[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
        }
        return false
    }
}
