/// Every format `parity ready` reports in: the formats of `parity check`, each readiness
/// report rendered by its own renderer where one shows the evidence (text, JSON, Markdown,
/// JUnit), and otherwise as a check report that holds only the phase (SARIF, GitHub,
/// GitLab, HTML), so CI systems read a migration's verdict where they read the gate's.
public enum ReadyFormat {
    public static func render(_ report: ReadinessReport, as format: ReportFormat, _ options: ReportFormat.Options)
        -> String
    {
        switch format {
        case .text: ReadyTextRenderer(style: TextStyle(enabled: options.colour)).render(report)
        case .json: ReadyJSONRenderer().render(report)
        case .markdown: ReadyMarkdownRenderer().render(report)
        case .junit: ReadyJUnitRenderer().render(report)
        case .sarif, .github, .gitlab, .html: format.render(CheckReport(readinessOnly: report), options)
        }
    }
}

extension CheckReport {
    /// A check report of one migration phase and nothing else, its gate the phase's verdict.
    public init(readinessOnly report: ReadinessReport) {
        var spec = ParitySpec()
        spec.file = report.file
        let gate = GateDecision.decide(
            gate: spec.gate, failOn: .error, pairs: [], findings: [], diagnostics: report.diagnostics,
            readiness: [report])
        self.init(
            spec: spec, diagnostics: report.diagnostics, environments: [report.baseline, report.rehearsal], pairs: [],
            findings: [], ruleCount: 0, gate: gate, failOn: .error)
        readiness = [report]
    }
}
