public import ParityDiagnostics

/// Everything `parity check` found, for the reporters.
public struct CheckReport: Sendable {
    public var spec: ParitySpec
    /// Input problems (errors make the run invalid) and spec warnings.
    public var diagnostics: [Diagnostic]
    public var environments: [String]
    public var pairs: [PairReport]
    public var findings: [Finding]
    public var ruleCount: Int
    public var gate: GateDecision
    public var failOn: GateDecision.Level
    /// The rules that ran, as written (id, title, severity, rationale, fix, tags), for
    /// reports that describe each rule (SARIF's `tool.driver.rules`, JUnit's passing cases).
    public var rules: [PolicyRule] = []
    /// Every environment the policies ran on, with its tier where it has one: which rules
    /// applied to it.
    public var tiers: [String: String?] = [:]
    /// The text of the files read, so reports can give a location's whole region.
    public var sources: SourceStore?
    /// The environments left out because they have errors: not diffed, no policy ran on them.
    public var unchecked: [String] = []
    /// The migration plans' phases the spec's gate judges (`gate.readiness`), in its order.
    public var readiness: [ReadinessReport] = []
    /// The dependency graph of each environment checked, by name: the HTML report draws each pair's.
    public var graphs: [String: DependencyGraph] = [:]

    public var activeFindings: [Finding] { findings.filter(\.isActive) }

    /// The run's verdict, the same in every format.
    public var verdict: Verdict {
        if diagnostics.containsError { return .invalid }
        return gate.passed ? .go : .noGo
    }
}

/// The answer a gate gives: go, no-go, or that the input could not be judged.
public enum Verdict: String, Sendable, CaseIterable {
    case go, noGo = "no-go", invalid

    /// As a verdict line begins: `GO`, `NO-GO`, `INVALID`.
    public var word: String { rawValue.uppercased() }
}

extension CheckReport {
    /// The baseline of this run for `--write-baseline`: every gap and finding the gate fails
    /// on or an earlier baseline covers. Refused when the run had input errors, since a
    /// baseline of a half-read repository would hide real findings later.
    public func baseline(for path: String) -> Result<Baseline, Diagnostic> {
        if verdict == .invalid {
            return .failure(.error(
                .baselineInvalid, "not writing the baseline '\(path)': the run has input errors (above)", at: nil))
        }
        return .success(Baseline.recording(findings: findings, pairs: pairs))
    }
}
