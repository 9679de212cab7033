/// How familiar a person is with each tool, the way staff surveys find it: a latent score
/// `base + slope × youth + department effect + office effect + personal affinity + noise`,
/// rounded and clamped to 0–4, where `youth` is (birth year − 1985) / 10. The young know
/// TikTok, Snapchat, Instagram, Canva and Pinterest far better; LinkedIn, Teams and Facebook are
/// level or favour seniors; Hootsuite is low except in Marketing. Noise lets the bands overlap.
struct FamiliarityModel: Sendable {
    struct ToolTerms: Sendable {
        /// The catalogue name (`ToolCatalog.builtIn`).
        var tool: String
        /// The column text surveys use (`X (Twitter)` for X).
        var header: String
        var base: Double
        /// Change per decade of youth.
        var slope: Double
        /// How much likelier than other tools an `N/A` is (people who do not know what it is).
        var notApplicableWeight: Double
    }

    static let tools: [ToolTerms] = [
        ToolTerms(tool: "Pinterest", header: "Pinterest", base: 1.55, slope: 0.60, notApplicableWeight: 1),
        ToolTerms(tool: "WhatsApp", header: "WhatsApp", base: 3.25, slope: 0.15, notApplicableWeight: 0.5),
        ToolTerms(tool: "Hootsuite", header: "Hootsuite", base: 0.45, slope: 0.10, notApplicableWeight: 6),
        ToolTerms(tool: "LinkedIn", header: "LinkedIn", base: 3.05, slope: -0.30, notApplicableWeight: 0.5),
        ToolTerms(tool: "Instagram", header: "Instagram", base: 2.25, slope: 0.95, notApplicableWeight: 1),
        ToolTerms(tool: "TikTok", header: "TikTok", base: 1.55, slope: 1.35, notApplicableWeight: 1),
        ToolTerms(tool: "X", header: "X (Twitter)", base: 1.95, slope: 0.05, notApplicableWeight: 1),
        ToolTerms(tool: "Facebook", header: "Facebook", base: 2.30, slope: -0.35, notApplicableWeight: 1),
        ToolTerms(tool: "YouTube", header: "YouTube", base: 3.20, slope: 0.20, notApplicableWeight: 0.5),
        ToolTerms(tool: "Snapchat", header: "Snapchat", base: 1.30, slope: 1.25, notApplicableWeight: 1),
        ToolTerms(tool: "Slack", header: "Slack", base: 2.85, slope: 0.25, notApplicableWeight: 1),
        ToolTerms(
            tool: "Microsoft Teams", header: "Microsoft Teams", base: 3.20, slope: -0.10, notApplicableWeight: 0.5),
        ToolTerms(tool: "Canva", header: "Canva", base: 1.95, slope: 0.80, notApplicableWeight: 1.5),
    ]

    /// Department effects (departments in `Workforce.departments` order), by tool header.
    static let departmentEffects: [[String: Double]] = [
        ["Slack": 0.6, "Microsoft Teams": -0.3, "YouTube": 0.2],
        ["LinkedIn": 0.5, "WhatsApp": 0.2, "Hootsuite": 0.3],
        ["Microsoft Teams": 0.2],
        [
            "Hootsuite": 2.1, "Canva": 0.8, "Instagram": 0.5, "TikTok": 0.4, "Pinterest": 0.6, "X (Twitter)": 0.6,
            "Facebook": 0.4, "LinkedIn": 0.2,
        ],
        ["Microsoft Teams": 0.3, "Slack": -0.3],
        ["LinkedIn": 0.5, "Canva": 0.2],
    ]

    /// Office effects (offices in `Office.all` order), by tool header.
    static let officeEffects: [[String: Double]] = [
        [:],
        ["WhatsApp": 0.3, "Facebook": -0.3],
        ["WhatsApp": 0.5, "Facebook": 0.3, "Snapchat": 0.2],
        ["WhatsApp": 0.3, "Instagram": 0.2],
        ["WhatsApp": 0.6, "Instagram": 0.3, "Facebook": 0.2],
    ]

    static let affinitySD = 0.45
    static let noiseSD = 0.75
    /// Shares of answer cells left blank, `N/A` (before the tool's weight) and `Prefer not to say`.
    static let blankShare = 0.03
    static let notApplicableShare = 0.0025
    static let preferNotToSayShare = 0.0012

    /// The code of each kind of missing answer in a person's scores.
    static let blank: Int8 = -1
    static let notApplicable: Int8 = -2
    static let preferNotToSay: Int8 = -3

    /// `base + department + office + ½` per (department, office, tool), flattened; the ½ makes
    /// flooring the latent score round it half up.
    private let constants: [Double]
    private let slopes: [Double]
    /// Thresholds on 16 random bits: below the first blank, then N/A, then prefer not to say.
    private let blankBelow: UInt64
    private let notApplicableBelow: [UInt64]
    private let preferNotBelow: [UInt64]

    var toolCount: Int { Self.tools.count }

    init() {
        var constants: [Double] = []
        for department in Self.departmentEffects {
            for office in Self.officeEffects {
                for terms in Self.tools {
                    constants.append(terms.base + (department[terms.header] ?? 0) + (office[terms.header] ?? 0) + 0.5)
                }
            }
        }
        self.constants = constants
        slopes = Self.tools.map(\.slope)
        let scale = 65536.0
        blankBelow = UInt64(Self.blankShare * scale)
        notApplicableBelow = Self.tools.map { terms in
            UInt64((Self.blankShare + Self.notApplicableShare * terms.notApplicableWeight) * scale)
        }
        preferNotBelow = Self.tools.map { terms in
            UInt64(
                (Self.blankShare + Self.notApplicableShare * terms.notApplicableWeight + Self.preferNotToSayShare)
                    * scale)
        }
    }

    /// Fills `scores` (one per tool) for a person: 0–4, or a missing-answer code.
    func fill(
        _ scores: inout [Int8], department: Int, office: Int, birthYear: Int, draws: inout Draws
    ) {
        let youth = Double(birthYear - 1985) / 10
        let affinity = draws.normal() * Self.affinitySD
        let row = (department * Office.all.count + office) * Self.tools.count
        for tool in 0..<Self.tools.count {
            let bits = draws.bits()
            let missing = bits >> 48
            if missing < preferNotBelow[tool] {
                if missing < blankBelow {
                    scores[tool] = Self.blank
                } else if missing < notApplicableBelow[tool] {
                    scores[tool] = Self.notApplicable
                } else {
                    scores[tool] = Self.preferNotToSay
                }
                continue
            }
            let latent =
                constants[row + tool] + slopes[tool] * youth + affinity + Self.noiseSD * Draws.normal(from: bits)
            scores[tool] = Int8(min(max(latent.rounded(.down), 0), 4))
        }
    }
}
