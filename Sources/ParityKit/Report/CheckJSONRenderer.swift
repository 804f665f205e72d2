import ParityDiagnostics

/// `parity check --format json`: documented and versioned.
///
/// Version 1: `{version, verdict: "go"|"no-go"|"invalid", reasons[], failOn,
/// environments[], pairs[<parity diff --format json objects>], findings[{rule, title,
/// severity, message, environment, item, location?, status, fingerprint}],
/// diagnostics[{severity, code, message, location?}]}`. Secrets are "<redacted>".
public struct CheckJSONRenderer: Sendable {
    public static let version = 1

    public init() {}

    public func render(_ result: CheckReport) -> String {
        return JSONValue.object([
            ("version", .int(Self.version)),
            ("verdict", .string(result.verdict.rawValue)),
            ("reasons", .array(result.gate.reasons.map { .string($0.text) })),
            ("failOn", .string(result.failOn.rawValue)),
            ("environments", .array(result.environments.map { .string($0) })),
            ("pairs", .array(result.pairs.map { DiffJSONRenderer().json($0) })),
            ("findings", .array(result.findings.map(finding))),
            ("diagnostics", .array(result.diagnostics.map(DiffJSONRenderer.diagnostic))),
        ]).pretty
    }

    private func finding(_ finding: Finding) -> JSONValue {
        let status: String
        switch finding.status {
        case .active: status = finding.isEvaluationError ? "error" : "active"
        case .waived: status = "waived"
        case .baselined: status = "baselined"
        }
        return .object([
            ("rule", .string(finding.ruleID)), ("title", .string(finding.title)), ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)), ("environment", .string(finding.environment)), ("item", .string(finding.item.description)),
            ("location", .optional(finding.location?.description)), ("status", .string(status)), ("fingerprint", .string(finding.fingerprint.description)),
        ])
    }
}

