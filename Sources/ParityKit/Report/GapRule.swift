/// The rules reports give gaps, one per section of an environment (`parity.gap.services`),
/// so code scanning and test reports can group and explain them like policy rules.
public enum GapRule {
    /// The rule id of gaps in `section`.
    public static func id(section: String) -> String { "parity.gap.\(section)" }

    /// The section a gap rule id names, or nil for a policy rule.
    public static func section(of id: String) -> String? {
        id.hasPrefix("parity.gap.") ? String(id.dropFirst("parity.gap.".count)) : nil
    }

    public static func title(section: String) -> String {
        "The mirror's \(section) match the reference's"
    }

    public static func rationale(section: String) -> String {
        "A rehearsal on the mirror proves only what it shares with the reference: a difference in \(section) "
            + "that no allowed variance covers is a parity gap, and a migration rehearsed across it may behave differently in production."
    }

    public static let fix =
        "Make the mirror match the reference; if the difference is intended, allow it under the pair's "
        + "`allow` in parity.yaml with a reason, or waive it with an owner and an expiry date."
}
