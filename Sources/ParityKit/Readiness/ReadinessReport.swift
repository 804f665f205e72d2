public import ParityDiagnostics

/// What `parity ready` found for one phase of a plan: each criterion with its evidence, and
/// the verdict they make.
public struct ReadinessReport: Sendable {
    public var plan: String
    public var file: String
    public var phase: String
    public var baseline: String
    public var rehearsal: String
    /// The evaluation time, seconds since the epoch.
    public var time: Double
    public var criteria: [CriterionResult]
    public var diagnostics: [Diagnostic]

    public init(plan: String, file: String, phase: String, baseline: String, rehearsal: String, time: Double,
                criteria: [CriterionResult], diagnostics: [Diagnostic]) {
        self.plan = plan
        self.file = file
        self.phase = phase
        self.baseline = baseline
        self.rehearsal = rehearsal
        self.time = time
        self.criteria = criteria
        self.diagnostics = diagnostics
    }

    /// The verdict, the same in every format: input errors, then any no-go, then any pause.
    public var verdict: ReadinessVerdict {
        if diagnostics.containsError { return .invalid }
        if criteria.contains(where: { $0.effect == .noGo }) { return .noGo }
        if criteria.contains(where: { $0.effect == .pause }) { return .pause }
        return .go
    }

    /// One line a criterion that decides the verdict: `checkout-p99 [checkout-api] failed: ...`.
    public var reasons: [String] {
        criteria.filter { $0.effect != .none }.map(\.reason)
    }

    /// The rollback procedures the failed success criteria invoke, each once, in order.
    public var rollbacks: [RollbackCall] {
        var seen = Set<String>()
        return criteria.filter { $0.effect == .noGo }.compactMap(\.rollback).filter { seen.insert($0.name).inserted }
    }

    /// The evaluation time as RFC 3339 in UTC.
    public var timeText: String { EpochText.rfc3339(time) }
}

/// The answer of a readiness gate.
public enum ReadinessVerdict: String, Sendable, CaseIterable {
    case go, noGo = "no-go", pause, invalid

    /// As a verdict line begins: `GO`, `NO-GO`, `PAUSE`, `INVALID`.
    public var word: String { rawValue.uppercased() }
}

/// A rollback procedure a failure calls for, as the rehearsal environment defines it.
public struct RollbackCall: Sendable, Equatable {
    public var name: String
    public var strategy: String?
    public var runbook: String?
    public var duration: String?
}
