extension GateDecision.Reason {
    /// The reason as the verdict line says it: `3 parity gaps in production -> staging`.
    public var text: String {
        switch self {
        case .failingGaps(let count, let reference, let mirror):
            "\(count) parity gap\(count == 1 ? "" : "s") in \(reference) -> \(mirror)"
        case .policyErrors(let count):
            "\(count) policy error\(count == 1 ? "" : "s")"
        case .warnings(let count):
            "\(count) warning\(count == 1 ? "" : "s") (fail-on: warning)"
        case .scoreBelowMinimum(let reference, let mirror, let score, let minimum):
            "parity score of \(reference) -> \(mirror) is \(score.percentText), below the minimum \(minimum.percentText)"
        case .tooManyWarnings(let count, let maximum):
            "\(count) warning\(count == 1 ? "" : "s"), more than the \(maximum) allowed"
        case .readiness(let plan, let phase, let verdict):
            "migration \(plan) is \(verdict.word) in phase \(phase)"
        case .dependencyCycles(let count, let environment):
            "\(count) dependency cycle\(count == 1 ? "" : "s") in \(environment) (gate: cycles: fail)"
        }
    }
}
