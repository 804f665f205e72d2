public import ParityDiagnostics

extension Diagnostic.Code {
    /// A metric source with neither or both of `url` and `file`, or an unusable one.
    public static let planInvalidSource: Self = "plan.invalid-source"
    /// A criterion names a source the plan does not have, or one of the wrong sort.
    public static let planUnknownSource: Self = "plan.unknown-source"
    /// A criterion that cannot be judged as written (no judgement, a statistical one alone).
    public static let planInvalidCriterion: Self = "plan.invalid-criterion"
    /// A bound that does not read as one (`< 300ms`, `10%`).
    public static let planInvalidThreshold: Self = "plan.invalid-threshold"
    /// A `{{ name }}` in a query that the criterion cannot fill.
    public static let planUnknownPlaceholder: Self = "plan.unknown-placeholder"
    /// A success criterion without the rollback its failure invokes.
    public static let planMissingRollback: Self = "plan.missing-rollback"
    /// A rollback reference that names no procedure of the environment.
    public static let planUnknownRollback: Self = "plan.unknown-rollback"
    /// A phase named (by `--phase` or `currentPhase`) that the plan does not have.
    public static let planUnknownPhase: Self = "plan.unknown-phase"
    /// A metric source could not answer: down, slow, refusing, or answering an error.
    public static let readySourceFailed: Self = "ready.source-failed"
    /// A saved file that does not read as its format says.
    public static let readyInvalidFile: Self = "ready.invalid-file"
    /// A query a saved file cannot answer (files answer series selectors only).
    public static let readyOfflineQuery: Self = "ready.offline-query"
}
