/// What a column holds. Tool columns are recognised apart (see `ToolCatalog`).
package enum ColumnRole: String, Sendable, Hashable, Codable, CaseIterable {
    case id
    case name
    case email
    case department
    case level
    case band
    case years
    case birthYear = "birth_year"
    case age
    case manager
    case location
    case mentorOptIn = "mentor_opt_in"
    case menteeOptIn = "mentee_opt_in"
    case capacity

    /// Headers (folded, asides removed) that name the role.
    package var synonyms: [String] {
        switch self {
        case .id:
            [
                "id", "employee id", "employee number", "employee no", "emp id", "staff id", "staff number",
                "person id", "personnel number", "worker id", "respondent id", "external reference",
                "externalreference", "external data reference",
            ]
        case .name:
            ["name", "full name", "employee name", "respondent name", "staff name", "display name"]
        case .email:
            [
                "email", "email address", "e mail", "e mail address", "work email", "recipientemail",
                "recipient email", "username",
            ]
        case .department:
            ["department", "dept", "team", "division", "business unit", "function", "org unit"]
        case .level:
            [
                "level", "job level", "grade", "job grade", "pay grade", "career level", "seniority level",
                "job band", "level grade",
            ]
        case .band:
            ["band", "seniority band", "seniority", "generation", "age band", "career stage"]
        case .years:
            [
                "years", "years of experience", "experience years", "years experience", "years in workforce",
                "tenure", "tenure years", "years of service", "work experience",
            ]
        case .birthYear:
            ["birth year", "year of birth", "born", "birthyear", "yob"]
        case .age:
            ["age", "age in years", "your age"]
        case .manager:
            [
                "manager", "manager id", "manager email", "managers id", "managers email", "reports to",
                "line manager", "line manager id", "supervisor", "supervisor id", "manager employee id",
            ]
        case .location:
            ["location", "office", "site", "country", "city", "work location", "office location"]
        case .mentorOptIn:
            [
                "mentor opt in", "willing to mentor", "would you mentor", "happy to mentor", "can mentor",
                "mentor", "volunteer as mentor", "volunteer to mentor", "i am willing to mentor",
                "would you be willing to mentor a colleague", "i would mentor a colleague", "willing to be a mentor",
                "would you like to be a mentor",
            ]
        case .menteeOptIn:
            [
                "mentee opt in", "would like a mentor", "want a mentor", "wants a mentor", "mentee",
                "would you like a mentor", "i would like a mentor", "looking for a mentor",
            ]
        case .capacity:
            [
                "capacity", "mentoring capacity", "mentor capacity", "max mentees", "maximum mentees",
                "how many mentees", "how many mentees could you take on",
                "how many mentees could you take on at the same time",
            ]
        }
    }

    /// Folded synonym → role, built once.
    static let bySynonym: [String: ColumnRole] = {
        var table: [String: ColumnRole] = [:]
        for role in ColumnRole.allCases {
            for synonym in role.synonyms where table[synonym] == nil { table[synonym] = role }
        }
        return table
    }()

    /// The role a header names, if it names one: its folded text, without asides such as
    /// `(yes/no)`, must be one of the role's synonyms.
    package static func recognise(_ header: String) -> ColumnRole? {
        bySynonym[HeaderText.fold(HeaderText.withoutAsides(header))] ?? bySynonym[HeaderText.fold(header)]
            ?? bySynonym[HeaderText.fold(HeaderText.splittingCamelCase(HeaderText.withoutAsides(header)))]
    }
}
