/// `parity ready --format json`: documented and versioned.
///
/// Version 1: `{version, kind: "readiness", verdict: "go"|"no-go"|"pause"|"invalid", plan,
/// file, phase, baseline, rehearsal, at, reasons[], rollbacks[{name, strategy, runbook,
/// duration}], criteria[{name, role, item, source, status, effect, query, baselineQuery,
/// window, measured{value, samples, nanSamples, series}, baseline{...}, judgements[{kind,
/// passed, subject, threshold, observed, margin, statistic}], noData, minSamples, note,
/// rollback}], diagnostics[]}`. Values that are NaN or infinite are written as strings.
public struct ReadyJSONRenderer: Sendable {
    public static let version = 1

    public init() {}

    public func render(_ report: ReadinessReport) -> String {
        json(report).pretty
    }

    /// The report as a JSON value, for formats that embed it.
    public func json(_ report: ReadinessReport) -> JSONValue {
        .object([
            ("version", .int(Self.version)), ("kind", "readiness"), ("verdict", .string(report.verdict.rawValue)),
            ("plan", .string(report.plan)), ("file", .string(report.file)), ("phase", .string(report.phase)),
            ("baseline", .string(report.baseline)), ("rehearsal", .string(report.rehearsal)),
            ("at", .string(report.timeText)),
            ("reasons", .array(report.reasons.map { .string($0) })),
            ("rollbacks", .array(report.rollbacks.map(rollback))),
            ("criteria", .array(report.criteria.map(criterion))),
            ("diagnostics", .array(report.diagnostics.map(DiffJSONRenderer.diagnostic))),
        ])
    }

    private func criterion(_ result: CriterionResult) -> JSONValue {
        .object([
            ("name", .string(result.name)), ("role", .string(result.role.rawValue)), ("item", .optional(result.item)),
            ("source", .string(result.source)), ("status", .string(result.status.rawValue)),
            ("effect", .string(result.effect.rawValue)),
            ("query", .optional(result.query)), ("baselineQuery", .optional(result.baselineQuery)),
            ("window", result.window.map { .string(DurationWords.seconds(Double($0))) } ?? .null),
            ("measured", result.measured.map(measurement) ?? .null),
            ("baseline", result.baseline.map(measurement) ?? .null),
            ("judgements", .array(result.judgements.map(judgement))),
            ("noData", .string(result.noData.rawValue)), ("minSamples", .int(result.minSamples)),
            ("note", .optional(result.note)),
            ("rollback", result.rollback.map(rollback) ?? .null),
        ])
    }

    private func measurement(_ measurement: Measurement) -> JSONValue {
        .object([
            ("value", measurement.value.map(Self.number) ?? .null), ("samples", .int(measurement.samples)),
            ("nanSamples", .int(measurement.nanSamples)), ("series", .int(measurement.series)),
        ])
    }

    private func judgement(_ judgement: JudgementResult) -> JSONValue {
        .object([
            ("kind", .string(judgement.kind.rawValue)), ("passed", .bool(judgement.passed)),
            ("subject", .optional(judgement.subject)),
            ("threshold", .string(judgement.threshold)), ("observed", .string(judgement.observed)),
            ("margin", .optional(judgement.margin)), ("statistic", .optional(judgement.statistic)),
        ])
    }

    private func rollback(_ call: RollbackCall) -> JSONValue {
        .object([
            ("name", .string(call.name)), ("strategy", .optional(call.strategy)), ("runbook", .optional(call.runbook)),
            ("duration", .optional(call.duration)),
        ])
    }

    /// A finite number as a number, NaN and infinities as Prometheus spells them.
    static func number(_ value: Double) -> JSONValue {
        value.isFinite ? .double(value) : .string(SampleValue.text(value))
    }
}
