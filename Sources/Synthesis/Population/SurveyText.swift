import Ingest

/// The words of the survey: questions, answer labels and the free text people type.
enum SurveyText {
    static let matrixQuestion = "How familiar are you with each tool?"
    static let mentorQuestion = "Would you be willing to mentor a colleague?"
    static let menteeQuestion = "Would you like a mentor?"
    static let optInQuestion = "Would you like to take part in reverse mentoring?"
    static let mentorChoice = "I would mentor a colleague"
    static let menteeChoice = "I would like a mentor"
    static let capacityQuestion = "Mentoring capacity (how many mentees?)"
    static let commentQuestion = "Is there anything else you would like to tell us?"
    static let notApplicable = "N/A"
    static let preferNotToSay = "Prefer not to say"

    /// The five answer labels, 0–4: genbridge's own (`Familiarity.labels`), capitalised as a
    /// survey shows them (`Never used / not familiar` … `Expert / could teach others`).
    static let labels: [String] = Familiarity.labels.map { label in
        label.prefix(1).uppercased() + label.dropFirst()
    }

    /// "What would help you learn a new tool?" and how often each choice is ticked.
    static let learningQuestion = "What would help you learn a new tool?"
    static let learningChoices = ["Short how-to sessions", "Pairing with a colleague", "Written guides"]
    static let learningOtherChoice = "Other (please specify)"
    static let learningShares = [0.38, 0.46, 0.27, 0.06]
    static let learningOther = [
        "Lunch-and-learn sessions", "Time set aside in my calendar", "Video walkthroughs",
        "A sandbox account to try things",
    ]

    /// Free-text comments: commas, quotes, line breaks and letters beyond ASCII, as people type
    /// them.
    static let comments = [
        "More hands-on training for Teams would help.",
        "Happy to show anyone Canva, it's quicker than it looks!",
        "We run client groups on WhatsApp, but it isn't \"official\" yet.",
        "Two ideas:\n1) a sandbox account\n2) an hour a month to practise",
        "I'd love to learn TikTok for our brand account.",
        "LinkedIn is the only one I use for work; the rest, not really.",
        "Slack, Teams, WhatsApp... too many channels. Which one is \"the\" channel?",
        "Não uso muito o Instagram no trabalho.",
        "Gern – aber bitte nicht während des Quartalsabschlusses.",
        "Our Hootsuite licence ran out in March.\nCan we get it back?",
        "n/a",
        "Reverse mentoring sounds great 👍",
        "Our team's Pinterest boards get more visits than our blog.",
        "Can mentoring be remote? I'm in Lagos, my manager is in London.",
        "Please keep the survey short next time.\n\nThanks!",
        "Zoë from Marketing already helps me with Instagram — could that count?",
    ]
}
