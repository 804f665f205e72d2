public import ParityDiagnostics

/// How a run ended. The command line turns it into an exit status, in one place.
public enum RunStatus: Sendable, Equatable, CaseIterable {
    /// Nothing at or above the gate's level.
    case passed
    /// Gaps, findings or failing tests at or above the gate's level.
    case findings
    /// Input that could not be read or is not valid; the diagnostics say why.
    case invalidInput

    /// The one rule every run uses: input errors win over findings, findings over passing.
    public init(diagnostics: [Diagnostic], failing: Bool) {
        if diagnostics.containsError {
            self = .invalidInput
        } else {
            self = failing ? .findings : .passed
        }
    }
}

/// What a run returns: the report value (absent when the input was too broken for one), the
/// diagnostics, and the status derived from both.
public struct Outcome<Report: Sendable>: Sendable {
    public var report: Report?
    public var diagnostics: [Diagnostic]
    public var status: RunStatus

    public init(report: Report?, diagnostics: [Diagnostic], failing: Bool) {
        self.report = report
        self.diagnostics = diagnostics
        self.status = RunStatus(diagnostics: diagnostics, failing: failing)
    }

    /// An outcome of invalid input alone.
    public static func invalid(_ diagnostics: [Diagnostic]) -> Outcome {
        var outcome = Outcome(report: nil, diagnostics: diagnostics, failing: false)
        outcome.status = .invalidInput
        return outcome
    }
}
