/// One synthetic employee and their survey answers. A value the generator refills for every row
/// (its `scores` array keeps its storage), so drawing a person allocates nothing.
struct Person {
    /// The person's number in the workforce (0 is the CEO); see `Workforce`.
    var number = 0
    /// The digits of the employee id (`E` + these).
    var employeeNumber = 0
    /// The manager's employee number, or nil for the CEO.
    var managerEmployeeNumber: Int?
    var level = 1
    var department = 0
    var office = 0
    /// The office whose names the person has (usually their own), and the given and family
    /// name's index in its lists.
    var nameOffice = 0
    var givenName = 0
    var familyName = 0
    var nameStyle = NameStyle.plain
    /// 0, or the number that tells this email from an earlier person's with the same name.
    var emailSuffix = 0
    var birthYear = 1990
    var willingToMentor = OptIn.blank
    var wantsMentor = OptIn.blank
    /// Mentees this person could take (0: left blank).
    var capacity = 0
    /// One per tool of `FamiliarityModel.tools`: 0–4 or a missing-answer code.
    var scores: [Int8]
    /// 0, or which free-text comment this person left (see `SurveyText.comments`).
    var comment = 0
    /// Which "what would help you learn" choices are ticked (bits 0–3; bit 3 is "Other").
    var learningChoices: UInt8 = 0
    var learningOther = 0
    /// The rest of this person's random stream, for the metadata a layout adds.
    var draws: Draws

    init(toolCount: Int) {
        scores = [Int8](repeating: 0, count: toolCount)
        draws = Draws(seed: 0, stream: 0)
    }

    enum NameStyle {
        /// `Chidi Okafor`
        case plain
        /// `Okafor, Chidi`, as some HR systems hold names.
        case familyFirst
        /// `Robert "Bob" Smith`
        case nickname
    }

    enum OptIn {
        case yes, no, blank
    }
}
