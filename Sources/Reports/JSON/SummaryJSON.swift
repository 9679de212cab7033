import Analysis
import Ingest
import Pairing

/// `summary.json`: everything machine-readable, `"schema": "genbridge.summary/1"`, keys in a fixed
/// order, suppressed figures as `null`. Its fields are documented in `Schemas/summary.schema.json`.
package enum SummaryJSON {
    package static let schema = "genbridge.summary/1"

    package static func render(_ context: ReportContext) -> String {
        document(context).serialized()
    }

    /// The document, handed to `emit` a chunk of bytes at a time: the pairs of a large run are
    /// written one by one, never all held at once.
    package static func write(_ context: ReportContext, to emit: (UnsafeRawBufferPointer) -> Void) {
        document(context).write(emit)
    }

    package static func document(_ context: ReportContext) -> JSONValue {
        let survey = context.survey
        let analysis = context.analysis
        return .object([
            ("schema", .string(schema)),
            ("generated_at", .optional(context.generatedAt)),
            ("inputs", .array(survey.inputs.map(input))),
            ("rows", rows(survey)),
            ("answers", answers(survey)),
            ("ids", .string(survey.hasIDColumn ? "id_column" : "line_number")),
            ("band_source", .string(survey.bandSource.rawValue)),
            (
                "privacy",
                .object([
                    ("min_group_size", .integer(analysis.options.minGroupSize)),
                    ("suppressed_cells", .integer(analysis.suppressedCells)),
                    ("suppressed_gaps", .integer(analysis.suppressedGaps)),
                    ("suppressed_department_gaps", .integer(analysis.suppressedDepartmentGaps)),
                ])
            ),
            (
                "bootstrap",
                .object([
                    ("seed", .integer(Int(truncatingIfNeeded: analysis.options.seed))),
                    ("replicates", .integer(analysis.options.bootstrapReplicates)),
                    ("confidence", .number(0.95)),
                ])
            ),
            (
                "tools",
                .array(
                    analysis.tools.map {
                        .object([("name", .string($0.name)), ("category", .string($0.category.rawValue))])
                    })
            ),
            (
                "bands",
                .array(
                    analysis.bands.map { summary in
                        .object([
                            ("name", .string(summary.band.name)), ("members", .string(summary.band.members)),
                            ("people", .integer(summary.people)),
                        ])
                    })
            ),
            ("familiarity", .array(analysis.cells.joined().map { cell(context, $0) })),
            ("gaps", .array(analysis.gaps.map { gap(context, $0) })),
            (
                "headline",
                .array(
                    analysis.headline.enumerated().map { rank, value in
                        var members = [("rank", JSONValue.integer(rank + 1))]
                        if case .object(let rest) = gap(context, value) { members += rest }
                        return .object(members)
                    })
            ),
            (
                "categories",
                .array(
                    analysis.categories.map { category in
                        .object([
                            ("category", .string(category.category.rawValue)),
                            ("tools", .array(category.tools.map { .string(context.toolName($0)) })),
                            ("average_mean_difference", .optional(category.averageMeanDifference)),
                            ("junior_ahead", .integer(category.juniorAhead)),
                            ("senior_ahead", .integer(category.seniorAhead)),
                        ])
                    })
            ),
            (
                "departments",
                .array(
                    analysis.departments.map { department in
                        .object([
                            ("department", .string(department.department)),
                            ("people", .integer(department.people)),
                            (
                                "gaps",
                                .array(
                                    department.gaps.map { gap in
                                        .object([
                                            ("tool", .string(context.toolName(gap.tool))),
                                            ("junior_n", .integer(gap.juniorN)), ("senior_n", .integer(gap.seniorN)),
                                            ("suppressed", .bool(gap.suppressed)),
                                            ("mean_difference", .optional(gap.meanDifference)),
                                            ("cliffs_delta", .optional(gap.cliffsDelta)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            ("pairing", context.plan.map { plan(context, $0) } ?? .null),
            ("change", context.change.map { change(context, $0) } ?? .null),
        ])
    }

    static func input(_ input: InputSummary) -> JSONValue {
        .object([
            ("name", .string(input.name)),
            ("layout", .string(input.layout)),
            ("encoding", .optional(input.format?.encoding.rawValue)),
            ("byte_order_mark", input.format.map { .bool($0.hadByteOrderMark) } ?? .null),
            ("delimiter", .optional(input.format.map { String(UnicodeScalar($0.delimiter)) })),
            ("rows_read", .integer(input.rowsRead)),
        ])
    }

    static func rows(_ survey: Survey) -> JSONValue {
        .object([
            ("read", .integer(survey.rowsRead)),
            ("used", .integer(survey.rowsUsed)),
            ("rejected", .integer(survey.rejections.count)),
            ("rejected_by_reason", .object(survey.rejectionCounts.map { ($0.reason, .integer($0.count)) })),
        ])
    }

    static func answers(_ survey: Survey) -> JSONValue {
        .object([
            ("missing", .integer(survey.missingAnswers)),
            ("not_understood", .integer(survey.invalidAnswers)),
            (
                "not_understood_by_tool",
                .object(survey.invalidAnswersByTool.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })
            ),
        ])
    }

    static func cell(_ context: ReportContext, _ cell: BandToolCell) -> JSONValue {
        .object([
            ("band", .string(context.bandName(cell.band))),
            ("tool", .string(context.toolName(cell.tool))),
            ("n", .integer(cell.n)),
            ("suppressed", .bool(cell.suppressed)),
            ("mean", .optional(cell.mean)),
            ("median", .optional(cell.median)),
            ("share_confident", .optional(cell.shareConfident)),
            ("counts", cell.counts.map { .array($0.map(JSONValue.integer)) } ?? .null),
        ])
    }

    static func gap(_ context: ReportContext, _ gap: ToolGap) -> JSONValue {
        .object([
            ("tool", .string(context.toolName(gap.tool))),
            ("category", .string(context.analysis.tools[gap.tool].category.rawValue)),
            ("junior_band", .string(context.bandName(gap.juniorBand))),
            ("senior_band", .string(context.bandName(gap.seniorBand))),
            ("junior_n", .integer(gap.juniorN)),
            ("senior_n", .integer(gap.seniorN)),
            ("suppressed", .bool(gap.suppressed)),
            ("mean_difference", .optional(gap.meanDifference)),
            (
                "interval",
                gap.interval.map { .object([("lower", .number($0.lower)), ("upper", .number($0.upper))]) } ?? .null
            ),
            ("cliffs_delta", .optional(gap.cliffsDelta)),
            ("magnitude", .optional(gap.magnitude?.rawValue)),
            ("mann_whitney_u", .optional(gap.mannWhitneyU)),
            ("p", .optional(gap.pValue)),
            ("q", .optional(gap.qValue)),
        ])
    }

    // The elements of `plan.pairs` and `plan.unpaired`, written straight to bytes (see `plan`);
    // `SummaryJSONPairsTests` checks them against the same elements built as values.

    static func person(_ context: ReportContext, _ person: PersonSummary, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(person.id)
        writer.key("name")
        writer.string(person.name)
        writer.key("email")
        writer.string(person.email)
        writer.key("band")
        writer.string(context.bandName(person.band))
        writer.key("department")
        writer.string(person.department)
        writer.key("location")
        writer.string(person.location)
        writer.endObject()
    }

    static func teachable(_ context: ReportContext, _ tool: TeachableTool, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("tool")
        writer.string(context.toolName(tool.tool))
        writer.key("mentor_score")
        writer.integer(tool.mentorScore)
        writer.key("mentee_score")
        writer.integer(tool.menteeScore)
        writer.endObject()
    }

    static func pair(_ context: ReportContext, _ pair: MentoringPair, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("mentor")
        person(context, pair.mentor, to: &writer)
        writer.key("mentee")
        person(context, pair.mentee, to: &writer)
        writer.key("tools")
        teachables(context, pair.tools, to: &writer)
        writer.key("score")
        writer.number(pair.score)
        writer.key("mutual")
        writer.bool(pair.isMutual)
        writer.key("teaches_back")
        teachables(context, pair.teachesBack, to: &writer)
        writer.endObject()
    }

    /// An array of `teachable` objects.
    static func teachables(_ context: ReportContext, _ tools: [TeachableTool], to writer: inout JSONWriter) {
        writer.beginArray()
        for tool in tools {
            writer.element()
            teachable(context, tool, to: &writer)
        }
        writer.endArray()
    }

    static func unpaired(_ context: ReportContext, _ mentee: UnpairedMentee, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("mentee")
        person(context, mentee.person, to: &writer)
        writer.key("low_tools")
        writer.beginArray()
        for tool in mentee.lowTools {
            writer.element()
            writer.string(context.toolName(tool))
        }
        writer.endArray()
        writer.key("reason")
        writer.string(mentee.reason.code)
        writer.key("excluded_by")
        if case .everyCandidateExcluded(let rules) = mentee.reason {
            writer.beginArray()
            for rule in rules {
                writer.element()
                writer.string(rule.rawValue)
            }
            writer.endArray()
        } else {
            writer.null()
        }
        writer.endObject()
    }

    static func plan(_ context: ReportContext, _ plan: MentoringPlan) -> JSONValue {
        .object([
            ("objective", .string(plan.objective)),
            ("mentor_bands", .array(plan.mentorBands.map { .string(context.bandName($0)) })),
            ("mentee_bands", .array(plan.menteeBands.map { .string(context.bandName($0)) })),
            ("mentor_candidates", .integer(plan.mentorCandidates)),
            ("mentee_candidates", .integer(plan.menteeCandidates)),
            ("pairs_count", .integer(plan.pairs.count)),
            ("total_score", .number(plan.totalScore)),
            // Most of a large run's summary.json: each pair and unpaired mentee written straight
            // to bytes, not made as a value first.
            (
                "pairs",
                .elements(JSONElements(count: plan.pairs.count) { pair(context, plan.pairs[$0], to: &$1) })
            ),
            (
                "unpaired",
                .elements(JSONElements(count: plan.unpaired.count) { unpaired(context, plan.unpaired[$0], to: &$1) })
            ),
            (
                "coverage",
                .array(
                    plan.coverage.map { coverage in
                        .object([
                            ("tool", .string(context.toolName(coverage.tool))),
                            ("mentees_low", .integer(coverage.menteesLow)),
                            ("covered", .integer(coverage.covered)),
                        ])
                    })
            ),
            ("manager_cycles", .array(plan.managerCycles.map { .array($0.map(JSONValue.string)) })),
        ])
    }

    static func change(_ context: ReportContext, _ change: ChangeSincePrevious) -> JSONValue {
        .object([
            ("previous", .string(change.source)),
            ("previous_generated_at", .optional(change.previousGeneratedAt)),
            (
                "familiarity",
                .array(
                    change.cells.map { cell in
                        .object([
                            ("band", .string(context.bandName(cell.band))),
                            ("tool", .string(context.toolName(cell.tool))),
                            ("previous_mean", .optional(cell.previousMean)),
                            ("mean_change", .optional(cell.meanChange)),
                            ("previous_share_confident", .optional(cell.previousShareConfident)),
                            ("share_confident_change", .optional(cell.shareConfidentChange)),
                        ])
                    })
            ),
            (
                "headline",
                .array(
                    change.headline.map { gap in
                        .object([
                            ("tool", .string(context.toolName(gap.tool))),
                            ("previous_mean_difference", .optional(gap.previousMeanDifference)),
                            ("change", .optional(gap.change)),
                        ])
                    })
            ),
            ("tools_only_now", .array(change.toolsOnlyNow.map(JSONValue.string))),
            ("tools_only_before", .array(change.toolsOnlyBefore.map(JSONValue.string))),
            ("bands_only_now", .array(change.bandsOnlyNow.map(JSONValue.string))),
            ("bands_only_before", .array(change.bandsOnlyBefore.map(JSONValue.string))),
        ])
    }
}
