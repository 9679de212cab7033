import Analysis
import Ingest
import Pairing

/// Everything a report shows, gathered from the stages.
package struct ReportContext: Sendable {
    package var survey: Survey
    package var analysis: SurveyAnalysis
    /// The proposed pairs; nil when pairing did not run.
    package var plan: MentoringPlan?
    /// Change since `--previous`; nil without it.
    package var change: ChangeSincePrevious?
    /// The time the report says it was generated, from SOURCE_DATE_EPOCH; nil: no time shown.
    package var generatedAt: String?

    package init(
        survey: Survey, analysis: SurveyAnalysis, plan: MentoringPlan? = nil, change: ChangeSincePrevious? = nil,
        generatedAt: String? = nil
    ) {
        self.survey = survey
        self.analysis = analysis
        self.plan = plan
        self.change = change
        self.generatedAt = generatedAt
    }

    /// The marker shown in place of a suppressed figure: `n<5`.
    package var suppressedMarker: String { "n<\(analysis.options.minGroupSize)" }

    package func toolName(_ index: Int) -> String { analysis.tools[index].name }

    /// The finding when no headline gap has the most junior band ahead: that it is not ahead on
    /// any tool the two bands can be compared on, or, when too few answers allow no comparison at
    /// all, that (a claim about suppressed tools would rest on nothing).
    package func noLeadSentence(junior: String, senior: String) -> String {
        let suppressed = analysis.headline.filter(\.suppressed).count
        let minimum = analysis.options.minGroupSize
        if suppressed == analysis.headline.count {
            return "\(junior) and \(senior) cannot be compared on any tool: each tool has fewer than \(minimum) "
                + "answers in one of them."
        }
        if suppressed > 0 {
            return "\(junior) is not more familiar than \(senior) with any tool they can be compared on "
                + "(\(suppressed) of \(analysis.headline.count) tools have fewer than \(minimum) answers in one of them)."
        }
        return "\(junior) is not more familiar than \(senior) with any tool."
    }
    package func bandName(_ index: Int) -> String { analysis.bands[index].band.name }
}
