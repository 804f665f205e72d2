public import ParityDiagnostics

/// Whether a run passes the gate, and why not.
public struct GateDecision: Sendable, Equatable {
    public var passed: Bool
    /// Each reason the run failed, as data; renderers put them in words.
    public var reasons: [Reason]

    public init(passed: Bool, reasons: [Reason]) {
        self.passed = passed
        self.reasons = reasons
    }

    /// The lowest severity that fails the run.
    public enum Level: String, Sendable, CaseIterable {
        case error, warning, never
    }

    /// One reason a gate failed.
    public enum Reason: Sendable, Equatable {
        /// Failing gaps in a pair.
        case failingGaps(Int, reference: String, mirror: String)
        /// Active policy findings of severity error.
        case policyErrors(Int)
        /// Warnings (findings and diagnostics) while the gate fails on warnings.
        case warnings(Int)
        /// A pair's parity score under the spec's `minimumScore`.
        case scoreBelowMinimum(reference: String, mirror: String, score: Double, minimum: Double)
        /// More warnings than the spec's `maxWarnings`.
        case tooManyWarnings(Int, maximum: Int)
        /// A migration plan's phase the gate judges is not a GO.
        case readiness(plan: String, phase: String, verdict: ReadinessVerdict)
        /// Dependency cycles in an environment while the spec's gate has `cycles: fail`.
        case dependencyCycles(Int, environment: String)
    }

    /// The decision for what a run found: gaps and errors at or above `failOn` fail it, and
    /// so do the spec's minimum score and warning budget, and dependency cycles (`cycles`, per
    /// environment) when the gate says `cycles: fail`; `never` always passes.
    public static func decide(
        gate: ParitySpec.Gate, failOn: Level, pairs: [PairReport], findings: [Finding], diagnostics: [Diagnostic],
        readiness: [ReadinessReport] = [], cycles: [(environment: String, count: Int)] = []
    ) -> GateDecision {
        guard failOn != .never else { return GateDecision(passed: true, reasons: []) }
        var reasons: [Reason] = []
        let warnings = findings.filter { $0.isActive && $0.severity == .warning }.count
            + diagnostics.filter { $0.severity == .warning }.count
        for pair in pairs {
            let failing = pair.gaps.count(where: \.isFailing)
            if failing > 0 { reasons.append(.failingGaps(failing, reference: pair.reference, mirror: pair.mirror)) }
        }
        let errors = findings.filter { $0.isActive && $0.severity == .error }.count
        if errors > 0 { reasons.append(.policyErrors(errors)) }
        if failOn == .warning, warnings > 0 { reasons.append(.warnings(warnings)) }
        if let minimum = gate.minimumScore {
            for pair in pairs where pair.score < minimum {
                reasons.append(
                    .scoreBelowMinimum(
                        reference: pair.reference, mirror: pair.mirror, score: pair.score, minimum: minimum))
            }
        }
        if let maximum = gate.maxWarnings, warnings > maximum {
            reasons.append(.tooManyWarnings(warnings, maximum: maximum))
        }
        for report in readiness where report.verdict == .noGo || report.verdict == .pause {
            reasons.append(.readiness(plan: report.plan, phase: report.phase, verdict: report.verdict))
        }
        if gate.cycles == .fail {
            for entry in cycles where entry.count > 0 {
                reasons.append(.dependencyCycles(entry.count, environment: entry.environment))
            }
        }
        return GateDecision(passed: reasons.isEmpty, reasons: reasons)
    }
}
