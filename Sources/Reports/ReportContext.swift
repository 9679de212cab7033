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
    package func bandName(_ index: Int) -> String { analysis.bands[index].band.name }
}
