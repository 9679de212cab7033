/// One column as its header rows describe it, whatever the layout.
package struct HeaderColumn: Sendable, Hashable {
    /// The header as reports show it: the question text (or the single header cell).
    package var title: String
    /// Texts that may name the column's role or match a `columns:` entry, most telling first:
    /// for Qualtrics the question text and the export tag, for SurveyMonkey the sub-label and the
    /// question with it.
    package var texts: [String]
    /// The text tools are matched in: a grid's row label (`[WhatsApp]`, `- WhatsApp`) or the
    /// whole header.
    package var item: String
    /// Survey-tool bookkeeping (response ids, timestamps, recipient fields): such a column takes a
    /// role only when no other column does.
    package var isMetadata = false
    /// A ticked checkbox cell holds this label (SurveyMonkey).
    package var checkedLabel: String?

    package init(
        title: String, texts: [String]? = nil, item: String? = nil, isMetadata: Bool = false,
        checkedLabel: String? = nil
    ) {
        self.title = title
        self.texts = texts ?? [title]
        self.item = item ?? title
        self.isMetadata = isMetadata
        self.checkedLabel = checkedLabel
    }
}

/// Builds each layout's columns from its header rows.
package enum LayoutHeader {
    /// How many header rows a layout has, given the records read so far. Qualtrics has a third
    /// header row only when it holds ImportId JSON; `nil` means: read one more record first.
    package static func headerRowCount(_ layout: SurveyLayout, records: [[String]]) -> Int? {
        switch layout {
        case .generic, .googleForms, .microsoftForms: return 1
        case .surveymonkey: return 2
        case .qualtrics:
            guard let first = records.first else { return nil }
            if SurveyLayout.isLegacyQualtrics(first) { return 2 }
            guard records.count >= 3 else { return nil }
            let third = records[2]
            let isImportRow = third.contains {
                $0.trimmingSpaces.hasPrefix("{\"ImportId\"") || $0.trimmingSpaces.hasPrefix("{'ImportId'")
            }
            return isImportRow ? 3 : 2
        }
    }

    package static let qualtricsMetadata: Set<String> = [
        "startdate", "enddate", "status", "ipaddress", "progress", "duration in seconds", "finished", "recordeddate",
        "responseid", "recipientlastname", "recipientfirstname", "recipientemail", "externalreference",
        "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage", "responseset", "name",
        "externaldatareference", "emailaddress", "locationaccuracy",
    ]
    static let surveyMonkeyMetadata: Set<String> = [
        "respondent id", "collector id", "start date", "end date", "ip address", "custom data 1", "first name",
        "last name",
    ]
    static let microsoftFormsMetadata: Set<String> = [
        "id", "start time", "completion time", "last modified time", "total points", "quiz feedback",
    ]
    static let surveyMonkeyPlainSubLabels: Set<String> = [
        "", "response", "open ended response", "other please specify",
    ]

    /// The columns of an export, from its header rows.
    package static func columns(_ layout: SurveyLayout, rows: [[String]]) -> [HeaderColumn] {
        let width = rows.map(\.count).max() ?? 0
        func cell(_ row: Int, _ column: Int) -> String {
            row < rows.count && column < rows[row].count ? rows[row][column] : ""
        }
        switch layout {
        case .generic:
            return (0..<width).map { HeaderColumn(title: cell(0, $0)) }
        case .googleForms:
            return (0..<width).map { column in
                let header = cell(0, column)
                return HeaderColumn(
                    title: header, texts: [header] + (bracketed(header).map { [$0] } ?? []),
                    item: bracketed(header) ?? header, isMetadata: HeaderText.fold(header) == "timestamp")
            }
        case .microsoftForms:
            return (0..<width).map { column in
                let header = cell(0, column)
                return HeaderColumn(title: header, isMetadata: microsoftFormsMetadata.contains(HeaderText.fold(header)))
            }
        case .surveymonkey:
            var question = ""
            return (0..<width).map { column in
                let top = cell(0, column).trimmingSpaces
                if !top.isEmpty { question = top }
                let sub = cell(1, column).trimmingSpaces
                let isMetadata = column < 9 && surveyMonkeyMetadata.contains(HeaderText.fold(question))
                if surveyMonkeyPlainSubLabels.contains(HeaderText.fold(sub)) {
                    return HeaderColumn(title: question, isMetadata: isMetadata)
                }
                return HeaderColumn(
                    title: "\(question) - \(sub)", texts: [sub, "\(question) - \(sub)"], item: sub,
                    isMetadata: isMetadata, checkedLabel: sub)
            }
        case .qualtrics:
            let legacy = SurveyLayout.isLegacyQualtrics(rows.first ?? [])
            return (0..<width).map { column in
                let tag = cell(0, column).trimmingSpaces
                let text = cell(1, column).trimmingSpaces
                let name = legacy ? text : tag
                let isMetadata = qualtricsMetadata.contains(HeaderText.fold(name))
                let title = text.isEmpty ? tag : text
                var texts = [title]
                if !legacy, !tag.isEmpty, tag != title { texts.append(tag) }
                return HeaderColumn(title: title, texts: texts, item: statement(title) ?? title, isMetadata: isMetadata)
            }
        }
    }

    /// `Question [Row]` → `Row`.
    static func bracketed(_ header: String) -> String? {
        guard header.hasSuffix("]"), let open = header.lastIndex(of: "[") else { return nil }
        let inner = header[header.index(after: open)..<header.index(before: header.endIndex)]
        return inner.isEmpty ? nil : String(inner)
    }

    /// A Qualtrics matrix statement: `Question - Statement` → `Statement`; the legacy
    /// `Question?-Statement` too.
    static func statement(_ text: String) -> String? {
        for separator in [" - ", "?-"] {
            if let end = lastEnd(of: separator, in: text) { return String(text[end...]).trimmingSpaces }
        }
        return nil
    }

    /// Where the last occurrence of `needle` in `text` ends.
    private static func lastEnd(of needle: String, in text: String) -> String.Index? {
        let characters = Array(needle)
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index...].starts(with: characters) { return text.index(index, offsetBy: characters.count) }
        }
        return nil
    }
}
