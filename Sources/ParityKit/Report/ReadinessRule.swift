/// The rule id and description reports give a migration criterion: `parity.ready.NAME`.
public enum ReadinessRule {
    public static let prefix = "parity.ready."

    public static func id(_ criterion: String) -> String { prefix + criterion }

    /// The criterion a rule id names, if it is a readiness rule.
    public static func criterion(of id: String) -> String? {
        id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : nil
    }

    public static let rationale =
        "A migration phase proceeds only when the rehearsal behaves like production: "
        + "each criterion of the phase is judged on real metrics or reconciliation results."
    public static let fix =
        "Fix what the evidence shows (parity ready PLAN prints it), or roll back with the procedure the criterion names."
}
