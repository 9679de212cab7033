/// The export layouts genbridge reads (SPEC §2).
package enum SurveyLayout: String, Sendable, Hashable, CaseIterable {
    /// One header row, one row per person.
    case generic
    /// Three header rows (export tags, question text, ImportId JSON), or the legacy two
    /// (`V1,V2,…` then `ResponseID,…`). Responses that are not real ones are excluded.
    case qualtrics
    /// Two header rows: question text carried right over blank cells, then sub-labels.
    case surveymonkey
    /// `Timestamp` first; grid questions as `Question [Row]`.
    case googleForms = "google-forms"
    /// `ID,Start time,Completion time,Email,Name,…`.
    case microsoftForms = "microsoft-forms"

    /// Recognises a layout from the first record of an export.
    package static func detect(firstRecord headers: [String]) -> SurveyLayout {
        let folded = headers.map { HeaderText.fold($0) }
        if folded.count >= 2, folded[0] == "respondent id", folded[1] == "collector id" { return .surveymonkey }
        if folded.first == "timestamp" { return .googleForms }
        if folded.count >= 3, folded[0] == "id", folded[1] == "start time", folded[2] == "completion time" {
            return .microsoftForms
        }
        let set = Set(folded)
        if set.contains("startdate") && set.contains("status")
            && (set.contains("responseid") || set.contains("finished"))
        {
            return .qualtrics
        }
        if isLegacyQualtrics(headers) { return .qualtrics }
        return .generic
    }

    /// The legacy Qualtrics export's first row: `V1`, `V2`, … for its first columns.
    static func isLegacyQualtrics(_ headers: [String]) -> Bool {
        headers.count >= 3 && headers.prefix(3).enumerated().allSatisfy { index, header in header == "V\(index + 1)" }
    }
}

/// What the user asked for: a layout, or detection.
package enum LayoutChoice: Sendable, Hashable {
    case auto
    case layout(SurveyLayout)

    package init?(word: String) {
        if word == "auto" {
            self = .auto
        } else if let layout = SurveyLayout(rawValue: word) {
            self = .layout(layout)
        } else {
            return nil
        }
    }
}
