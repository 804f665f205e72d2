import ParityDiagnostics

/// `parity check --format json`: documented and versioned.
///
/// Version 1: `{version, verdict: "go"|"no-go"|"invalid", reasons[], failOn,
/// environments[], pairs[<parity diff --format json objects>], findings[{rule, title,
/// severity, message, environment, item, location?, status, fingerprint, waiver?}],
/// diagnostics[{severity, code, message, location?}]}`. Secrets are "<redacted>". Its JSON
/// Schema: `parity schema --report` (`CheckReportSchema`).
public struct CheckJSONRenderer: Sendable {
    public static let version = 1

    public init() {}

    public func render(_ result: CheckReport) -> String {
        // Readiness appears when the spec's gate judges migration phases, as `parity ready --format json` writes them.
        let readiness: [(String, JSONValue)] = result.readiness.isEmpty ? [] : [
            ("readiness", .array(result.readiness.map { ReadyJSONRenderer().json($0) })),
        ]
        return JSONValue.object([
            ("version", .int(Self.version)),
            ("verdict", .string(result.verdict.rawValue)),
            ("reasons", .array(result.gate.reasons.map { .string($0.text) })),
            ("failOn", .string(result.failOn.rawValue)),
            ("environments", .array(result.environments.map { .string($0) })),
            ("pairs", .array(result.pairs.map { DiffJSONRenderer().json($0) })),
            ("findings", .items(count: result.findings.count) { finding(result.findings[$0]) }),
            ("diagnostics", .array(result.diagnostics.map(DiffJSONRenderer.diagnostic))),
        ] + readiness).pretty
    }

    /// The waiver of a waived finding, or the expired one that waived it until it ran out.
    private func waiver(_ finding: Finding) -> [(String, JSONValue)] {
        if case .waived(let waiver) = finding.status { return [("waiver", waiver.json(expired: false))] }
        return finding.expiredWaiver.map { [("waiver", $0.json(expired: true))] } ?? []
    }

    private func finding(_ finding: Finding) -> JSONValue {
        let status: String
        switch finding.status {
        case .active: status = finding.isEvaluationError ? "error" : "active"
        case .waived: status = "waived"
        case .baselined: status = "baselined"
        }
        return .object(
            [
                ("rule", .string(finding.ruleID)), ("title", .string(finding.title)),
                ("severity", .string(finding.severity.rawValue)),
                ("message", .string(finding.message)), ("environment", .string(finding.environment)),
                ("item", .string(finding.item.description)),
                ("location", .optional(finding.location?.description)), ("status", .string(status)),
                ("fingerprint", .string(finding.fingerprint.description)),
            ] + waiver(finding))
    }
}
