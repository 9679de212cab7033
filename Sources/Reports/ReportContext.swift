import Analysis
import Ingest

/// Everything a report shows, gathered from the stages.
package struct ReportContext: Sendable {
    package var survey: Survey
    package var analysis: SurveyAnalysis
    /// The time the report says it was generated, from SOURCE_DATE_EPOCH; nil: no time shown.
    package var generatedAt: String?

    package init(survey: Survey, analysis: SurveyAnalysis, generatedAt: String? = nil) {
        self.survey = survey
        self.analysis = analysis
        self.generatedAt = generatedAt
    }

    /// The marker shown in place of a suppressed figure: `n<5`.
    package var suppressedMarker: String { "n<\(analysis.options.minGroupSize)" }

    package func toolName(_ index: Int) -> String { analysis.tools[index].name }
    package func bandName(_ index: Int) -> String { analysis.bands[index].band.name }
}
