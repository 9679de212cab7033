/// The survey layout `input.layout` forces, in SPEC §2's words; `auto` detects it.
package enum ConfigLayout: String, Sendable, Hashable, CaseIterable {
    case auto
    case generic
    case qualtrics
    case surveymonkey
    case googleForms = "google-forms"
    case microsoftForms = "microsoft-forms"
}
